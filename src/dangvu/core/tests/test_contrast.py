"""Contrast to WCAG AA (issue 15): the text and background colours the stylesheets pair,
read from the CSS itself (custom properties resolved), each at least 4.5:1, and the
borders of form controls and the focus ring at least 3:1 (WCAG 1.4.11).

`python -m dangvu.core.tests.test_contrast` prints every pair with its ratio.

Which pairs: a rule that sets both a colour and a background pairs them; a rule that sets
a colour only is read on the surfaces text sits on (white cards, tables and toolbars, the
page's --bg, the table's header, striped and hovered rows), or on the background of the
element it is nested in where the selector says so (CONTEXT); a rule that sets a
background only is read with the colours text inherits there (ink, muted, links, errors).
Print styles (black on white) are left out, and so are backgrounds that carry no text
(progress bars).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted(
    [SRC / "core/static/dangvu/app.css", *SRC.glob("*/static/*/*.css")],
    key=lambda p: (p.name != "app.css", str(p)),
)
STYLESHEETS = list(dict.fromkeys(STYLESHEETS))

TEXT = 4.5
NON_TEXT = 3.0

# Where a colour-only rule's text sits on something other than the page's surfaces.
CONTEXT = {
    "header.top": ["var(--red)", "var(--red-dark)"],
    "::placeholder": ["#fff"],  # inside a white input
    ".st-exempt": ["#eee"],
    ".state-excused": ["#eee"],
    "mark.bound small": ["#fff3b0"],
    ".error": ["var(--err-bg)"],
    "table.sheet .auto": ["#fff", "#fafafa", "#fff0f0"],
    "table.sheet .cell-error": ["#fff0f0"],
    "td.up": ["#fff", "#fafaf8", "#f1f5fa"],
    "table.sheet td.code": ["#fff", "#fafafa"],
}
SURFACES = ["#fff", "var(--bg)", "var(--head)", "#fafaf8", "#f1f5fa"]
INHERITED = ["var(--ink)", "var(--muted)", "var(--link)", "var(--err)"]
NOT_TEXT = ("progress", ".bar", "::-webkit", "::-moz")
# Control borders and the focus ring, on the surfaces controls sit on.
NON_TEXT_COLOURS = ["var(--line-strong)", "#1f6fd1"]

NAMED = {"white": "#ffffff", "black": "#000000"}


@dataclass(frozen=True)
class Pair:
    sheet: str
    selector: str
    fg: str
    bg: str
    ratio: float
    minimum: float


def _rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule outside @font-face and @media print."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules: list[tuple[str, dict[str, str]]] = []
    depth_skip = 0
    stack: list[str] = []
    buf = ""
    for ch in css:
        if ch == "{":
            head = buf.strip()
            stack.append(head)
            buf = ""
            if head.startswith("@font-face") or head.startswith("@media print"):
                depth_skip += 1
        elif ch == "}":
            head = stack.pop() if stack else ""
            if head.startswith("@font-face") or head.startswith("@media print"):
                depth_skip -= 1
            elif not head.startswith("@") and depth_skip == 0:
                decls = {}
                for part in buf.split(";"):
                    if ":" in part:
                        k, _, v = part.partition(":")
                        decls[k.strip().lower()] = v.strip()
                rules.append((head, decls))
            buf = ""
        else:
            buf += ch
    return rules


def _variables(rules: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for selector, decls in rules:
        if selector == ":root":
            found.update({k: v for k, v in decls.items() if k.startswith("--")})
    return found


def _hex(value: str, variables: dict[str, str]) -> str | None:
    value = value.strip().lower()
    for _ in range(5):
        m = re.fullmatch(r"var\((--[\w-]+)\)", value)
        if not m:
            break
        value = variables.get(m.group(1), "").strip().lower()
    value = NAMED.get(value, value)
    m = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value)
    if not m:
        return None
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


COLOUR = re.compile(r"var\(--[\w-]+\)|#[0-9a-fA-F]{3,6}\b|\b(?:white|black)\b")


def _colours(value: str, variables: dict[str, str]) -> list[str]:
    """The colours of a `background` (a gradient's stops too) or a `color`."""
    found = [_hex(v, variables) for v in COLOUR.findall(value)]
    return [c for c in found if c]


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _context(selector: str) -> list[str] | None:
    for prefix, backgrounds in CONTEXT.items():
        if selector.startswith(prefix):
            return backgrounds
    return None


def pairs() -> list[Pair]:
    sheets = [(p, _rules(p.read_text(encoding="utf-8"))) for p in STYLESHEETS]
    variables: dict[str, str] = {}
    for _, rules in sheets:
        variables.update(_variables(rules))
    out: list[Pair] = []

    def add(sheet: Path, selector: str, fgs: list[str], bgs: list[str], minimum: float) -> None:
        for fg in fgs:
            for bg in bgs:
                f, b = _hex(fg, variables) or fg, _hex(bg, variables) or bg
                if f.startswith("#") and b.startswith("#"):
                    name = str(sheet.relative_to(SRC))
                    out.append(Pair(name, selector, f, b, round(contrast(f, b), 2), minimum))

    for sheet, rules in sheets:
        for group, decls in rules:
            for selector in (s.strip() for s in group.split(",")):
                if selector == ":root" or any(n in selector for n in NOT_TEXT):
                    continue
                colour = _colours(decls.get("color", ""), variables)
                background = _colours(
                    decls.get("background", decls.get("background-color", "")), variables
                )
                if colour and background:
                    add(sheet, selector, colour, background, TEXT)
                elif colour:
                    add(sheet, selector, colour, _context(selector) or SURFACES, TEXT)
                elif background:
                    inherited = ["#fff"] if selector.startswith("header.top") else INHERITED
                    add(sheet, selector, inherited, background, TEXT)
    add(STYLESHEETS[0], "controls, focus", NON_TEXT_COLOURS, ["#fff", "var(--bg)"], NON_TEXT)
    return out


def test_the_stylesheets_are_read() -> None:
    found = pairs()
    assert len(found) > 100
    assert {p.sheet for p in found} >= {"core/static/dangvu/app.css"}


def test_a_pale_text_is_caught() -> None:
    rules = _rules(
        ":root { --pale: #999; } @media print { p { color: #ccc; } } .x { color: var(--pale); }"
    )
    variables = _variables(rules)
    assert [s for s, _ in rules] == [":root", ".x"]  # print styles left out
    colour = _colours(rules[1][1]["color"], variables)[0]
    assert round(contrast(colour, "#ffffff"), 2) == 2.85


@pytest.mark.parametrize("pair", pairs(), ids=lambda p: f"{p.selector} {p.fg} on {p.bg}")
def test_every_pair_meets_wcag_aa(pair: Pair) -> None:
    assert pair.ratio >= pair.minimum, (
        f"{pair.sheet}: {pair.selector}: {pair.fg} on {pair.bg} is {pair.ratio}:1, "
        f"under {pair.minimum}:1"
    )


if __name__ == "__main__":
    for p in sorted(pairs(), key=lambda p: p.ratio):
        mark = "  " if p.ratio >= p.minimum else "!!"
        print(f"{mark} {p.ratio:5.2f}:1 (≥{p.minimum}) {p.fg} on {p.bg}  {p.sheet}: {p.selector}")
