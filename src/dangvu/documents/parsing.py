"""Pure helpers over a document's text that the extractor does not give: the summary line
(trích yếu) under the type name, the relations a title or opening sentence states
("Kế hoạch thực hiện Chương trình hành động số 42-CTr/TU ..."), and the keys by which
numbers are compared. No Django models here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dangvu.core.text import fold

__all__ = [
    "AreaName",
    "TitleSpan",
    "area_named",
    "code_key",
    "find_title",
    "number_key",
    "relation_hints",
    "state_year",
]

_MARKUP = re.compile(r"[#*_>|`]+")
_RULE = re.compile(r"^[\s\-–—_=*.]{3,}$")
_HEAD_LINES = 40
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b")
_TITLE_MAX_LINES = 4
_BODY_OPENERS = ("thuc hien", "can cu", "trien khai", "theo ", "nham ", "i.", "1.", "phan ")


@dataclass(frozen=True)
class TitleSpan:
    text: str
    start: int
    end: int
    typed: bool  # found under a type-name line (an official header), not a first line
    type_name: str = ""  # that type-name line's type ("Báo cáo"), when typed


def number_key(number: str) -> str:
    """05 and 5 are the same number."""
    return number.strip().lstrip("0") or "0"


def code_key(code: str) -> str:
    """ĐUK, DUK and đuk are the same code."""
    return fold(code).upper().replace(" ", "")


# The level words that open the place a local state body governs ("UBND tỉnh Lào Cai",
# "Hội đồng nhân dân thành phố Hà Nội", "Ủy ban nhân dân xã Việt Thành"), folded, the
# longer first; the level each stands for: province, district or commune.
AREA_LEVELS: tuple[tuple[str, str], ...] = (
    ("thanh pho", "city"),
    ("tp.", "city"),
    ("tp", "city"),
    ("tinh", "province"),
    ("thi xa", "district"),
    ("huyen", "district"),
    ("quan", "district"),
    ("thi tran", "commune"),
    ("dac khu", "commune"),
    ("phuong", "commune"),
    ("xa", "commune"),
)
_AREA = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(word) for word, _ in AREA_LEVELS) + r")(?![\w])\s*(.*)$"
)
_AREA_END = re.compile(r"\s*(?:[,;(]|\bkhoa\b|\bnhiem ky\b|\bve\b|\bngay\b).*$")


@dataclass(frozen=True)
class AreaName:
    """The place a body's name gives: its level word folded ("tinh", "xa"; "tp" read as
    "thanh pho"), the level it stands for ("province", "city", "district", "commune") and
    the place's folded name ("lao cai"; "" for a bare "UBND tỉnh": the citing unit's
    own)."""

    word: str
    level: str
    place: str

    @property
    def key(self) -> str:
        """`tinh lao cai`: how a named place is compared when the tree does not hold it."""
        return f"{self.word} {self.place}".strip()


def area_named(issuer_name: str) -> AreaName | None:
    """The place in a local state body's name as written: "UBND tỉnh Lào Cai" ->
    (province, "lao cai"); None when the name gives no level ("UBND")."""
    match = _AREA.search(fold(issuer_name))
    if match is None:
        return None
    word = match.group(1)
    place = _AREA_END.sub("", match.group(2)).strip(" .")
    return AreaName("thanh pho" if word.startswith("tp") else word, dict(AREA_LEVELS)[word], place)


def _plain(line: str) -> str:
    return _MARKUP.sub(" ", line).strip()


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def find_title(text: str, type_names: Iterable[str]) -> TitleSpan | None:
    """The summary line under the centred type name (``BÁO CÁO`` / ``Kết quả ...``), or,
    for a text without an official header, its first line when it reads like a headline."""
    names = {code_key(n): n for n in type_names if n}
    lines = _lines_with_offsets(text)
    for i, (_, line) in enumerate(lines[:_HEAD_LINES]):
        plain = _plain(line)
        if not plain or not plain.isupper() or code_key(plain) not in names:
            continue
        picked: list[tuple[int, str]] = []
        for offset, candidate in lines[i + 1 :]:
            stripped = _plain(candidate)
            if not stripped or _RULE.match(candidate):
                if picked:
                    break
                continue
            folded = fold(stripped)
            if picked and folded.startswith(_BODY_OPENERS):
                break
            picked.append((offset, candidate))
            if len(picked) >= _TITLE_MAX_LINES:
                break
        if picked:
            return _span(picked, typed=True, type_name=names[code_key(plain)])
    for offset, line in lines[:_HEAD_LINES]:
        stripped = _plain(line)
        if _TIMESTAMP.search(stripped):  # "Cập nhật lúc : 13/07/2023 12:27" above a news item
            continue
        if len(stripped) >= 20 and any(ch.isalpha() for ch in stripped):
            if len(stripped) <= 300:
                return _span([(offset, line)], typed=False)
            return None
    return None


def _span(picked: Sequence[tuple[int, str]], *, typed: bool, type_name: str = "") -> TitleSpan:
    start = picked[0][0] + (len(picked[0][1]) - len(picked[0][1].lstrip(" \t#*_>")))
    last_offset, last_line = picked[-1]
    end = last_offset + len(last_line.rstrip(" \t*_"))
    joined = " ".join(_plain(line) for _, line in picked)
    title = re.sub(r"\s+", " ", joined).strip()
    return TitleSpan(title, start, max(end, start + 1), typed, type_name)


def opening_paragraph(text: str, after: int) -> tuple[int, int] | None:
    """The span of the first paragraph of the body after the title."""
    pos = after
    for line in text[after:].splitlines(keepends=True):
        stripped = _plain(line)
        if stripped and not _RULE.match(line):
            return pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
    return None


# A verb right before a reference, within the same clause.
_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?:{pattern})[\s,:]*(?:(?:mot so dieu|cac noi dung) cua\s*)?$"))
    for kind, pattern in (
        ("implements", r"thuc hien|trien khai(?: thuc hien)?|quan triet(?:,? trien khai)?"),
        ("replaces", r"thay the"),
        ("amends", r"sua doi,? bo sung|sua doi|bo sung"),
        ("cancels", r"bai bo|huy bo"),
    )
)
_OPENERS = tuple(
    (kind, re.compile(rf"(?:{pattern})(?:[\s,:;]|\bva\b)*", re.I))
    for kind, pattern in (
        ("implements", r"(?:de )?(?:thuc hien|trien khai(?: thuc hien)?)"),
        ("replaces", r"thay the"),
        ("amends", r"sua doi,? bo sung"),
        ("cancels", r"bai bo"),
    )
)
_CLAUSE_BACK = 80


def relation_hints(
    text: str, spans: Sequence[tuple[int, int]], title: TitleSpan | None
) -> list[tuple[int, str]]:
    """(index into `spans`, relation kind) for references that the title or the opening
    paragraph says this document implements, replaces, amends or cancels. References
    elsewhere in the body are only citations: "Tham mưu ban hành Kế hoạch 33-KH/TU thực
    hiện Kết luận 21-KL/TW" says nothing of what *this* document implements."""
    if title is None or not title.typed:
        return []
    opening = opening_paragraph(text, title.end)
    hints: list[tuple[int, str]] = []
    listed: list[tuple[int, int]] = []  # references of the opening's first clause so far
    for index, (start, end) in enumerate(spans):
        if title.start <= start and end <= title.end + 1:
            before = fold(text[max(title.start, start - _CLAUSE_BACK) : start])
            before = re.split(r"[.;\n]", before)[-1]
        elif opening and opening[0] <= start < opening[1]:
            # Only "Thực hiện <reference> [và <reference>], ..." opening the body: later in
            # the sentence a reference is what the first one implements, not this document.
            pieces, pos = [], opening[0]
            for a, b in listed:
                pieces.append(text[pos:a])
                pos = b
            pieces.append(text[pos:start])
            before = fold(" ".join(pieces)).strip()
            kind = next((k for k, pattern in _OPENERS if pattern.fullmatch(before)), None)
            if kind is not None:
                hints.append((index, kind))
                listed.append((start, end))
            continue
        else:
            continue
        for kind, pattern in _HINTS:
            if pattern.search(before):
                hints.append((index, kind))
                break
    return hints


_STATE_YEAR = r"(?<!\d)0*{number}\s*/\s*((?:19|20)\d\d)\s*/"


def state_year(text: str, number: str) -> int | None:
    """The year in a state document's symbol as written: 13/2023/NĐ-CP -> 2023."""
    match = re.search(_STATE_YEAR.format(number=re.escape(number_key(number))), text)
    return int(match.group(1)) if match else None
