"""Score the extractor against hand-made labels (``seeds/labels/*.json``).

Usage: ``python bench/extract_eval.py [SEEDS_DIR]`` (default ``../shared/seeds`` from the
repository root). Each ``SEEDS_DIR/<name>.txt`` with a ``SEEDS_DIR/labels/<name>.json``
is run through ``dangvu.extract.cli.main([FILE, "--json"])``, in process, exactly as
``dangvu extract --json FILE`` runs it. Findings are matched as multisets (repeats
count) on the keys of ``seeds/README.md``; precision, recall and F1 are printed per kind
and per file, then the period and own-document checks. Also checks that every finding's
``text`` equals the input at ``[start, end)``. Exit status 1 if a span is wrong.
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dangvu.extract import cli  # noqa: E402

Key = tuple[Any, ...]
KINDS: dict[str, Callable[[dict[str, Any]], Key]] = {
    "references": lambda r: (r["type_code"], r["number"], r["issuer_code"], r["date"]),
    "figures": lambda f: (float(f["value"]), None if f["of"] is None else float(f["of"])),
    "deadlines": lambda d: (d["date"],),
    "people": lambda p: (p["name"],),
}
OWN_KEYS = ("type", "number", "type_code", "issuer_code", "date", "place")


def run_cli(path: Path) -> dict[str, Any]:
    buffer = io.StringIO()
    status = cli.main([str(path), "--json"], stdout=buffer)
    if status != 0:
        raise SystemExit(f"extract failed on {path} ({status})")
    result: dict[str, Any] = json.loads(buffer.getvalue())
    return result


def counts(expected: Iterable[Key], predicted: Iterable[Key]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives of two multisets."""
    exp, pred = Counter(expected), Counter(predicted)
    tp = sum((exp & pred).values())
    return tp, sum(pred.values()) - tp, sum(exp.values()) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def span_errors(text: str, result: dict[str, Any]) -> list[str]:
    errors = []
    items: list[dict[str, Any]] = [
        item for kind in KINDS for item in result.get(kind, []) if "start" in item
    ]
    if result.get("own_document"):
        items.append(result["own_document"])
    if result.get("period_span"):
        items.append(result["period_span"])
    for item in items:
        if text[item["start"] : item["end"]] != item["text"]:
            errors.append(f"span {item['start']}:{item['end']} != {item['text']!r}")
    return errors


def main(argv: list[str]) -> int:
    seeds = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "seeds"
    label_files = sorted((seeds / "labels").glob("*.json"))
    if not label_files:
        print(f"no labels under {seeds / 'labels'}")
        return 2
    totals = {kind: [0, 0, 0] for kind in KINDS}
    period_ok = own_ok = 0
    bad_spans: list[str] = []
    print(f"{'file':<28}{'kind':<12}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for label_path in label_files:
        text_path = seeds / f"{label_path.stem}.txt"
        labels = json.loads(label_path.read_text(encoding="utf-8"))
        result = run_cli(text_path)
        text = text_path.read_text(encoding="utf-8")
        bad_spans += [f"{text_path.name}: {e}" for e in span_errors(text, result)]
        for kind, key in KINDS.items():
            tp, fp, fn = counts(map(key, labels.get(kind, [])), map(key, result.get(kind, [])))
            for i, n in enumerate((tp, fp, fn)):
                totals[kind][i] += n
            p, r, f = prf(tp, fp, fn)
            print(
                f"{label_path.stem[:27]:<28}{kind:<12}{tp:>4}{fp:>4}{fn:>4}{p:>7.2f}{r:>7.2f}{f:>7.2f}"
            )
            if fp or fn:
                exp = Counter(map(key, labels.get(kind, [])))
                pred = Counter(map(key, result.get(kind, [])))
                for missing in (exp - pred).elements():
                    print(f"{'':<28}  missed   {missing}")
                for extra in (pred - exp).elements():
                    print(f"{'':<28}  spurious {extra}")
        period_match = labels.get("period") == result.get("period")
        period_ok += period_match
        expected_own = labels.get("own_document")
        got_own = result.get("own_document")
        if expected_own is None:
            own_match = got_own is None
        else:
            own_match = got_own is not None and all(
                expected_own.get(k) == got_own.get(k) for k in OWN_KEYS
            )
        own_ok += own_match
        print(
            f"{'':<28}period {result.get('period')!s:<10} expected {labels.get('period')!s:<10}"
            f" {'ok' if period_match else 'WRONG'}; own_document {'ok' if own_match else 'WRONG'}"
        )
    print()
    print(f"{'TOTAL':<28}{'kind':<12}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for kind, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{'':<28}{kind:<12}{tp:>4}{fp:>4}{fn:>4}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    n = len(label_files)
    print(f"period correct {period_ok}/{n}; own_document correct {own_ok}/{n}")
    if bad_spans:
        print("SPAN ERRORS:")
        print("\n".join(bad_spans))
        return 1
    print("all spans equal the input at their offsets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
