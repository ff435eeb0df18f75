"""Check this set's labels against its texts, without the extractor.

Usage: ``python bench/extract_unseen3/check_labels.py``. For every ``<name>.txt`` beside a
``labels/<name>.json``: the JSON parses, has the seeds' keys, dates are ISO, every
``text`` occurs in the document, and the references' spans occur in order of appearance
(repeats included). Exit status 1 on any problem.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REF_KEYS = {"text", "type", "number", "type_code", "issuer_code", "date", "issuer_name"}
FIG_KEYS = {"text", "what", "value", "of", "unit"}
DL_KEYS = {"text", "date", "what"}
OWN_KEYS = {"type", "number", "type_code", "issuer_code", "date", "place"}


def iso(value: object) -> bool:
    if value is None:
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return len(str(value)) == 10


def check(text: str, labels: dict[str, Any]) -> list[str]:
    errors = []
    for key in ("references", "figures", "deadlines", "people", "period"):
        if key not in labels:
            errors.append(f"missing key {key}")
    for kind, keys in (("references", REF_KEYS), ("figures", FIG_KEYS), ("deadlines", DL_KEYS)):
        for item in labels.get(kind, []):
            if set(item) != keys:
                errors.append(f"{kind}: keys {sorted(item)}")
            if item["text"] not in text:
                errors.append(f"{kind}: text not in document: {item['text']!r}")
            if "date" in item and not iso(item["date"]):
                errors.append(f"{kind}: bad date {item['date']!r}")
    position, previous = 0, None
    for ref in labels.get("references", []):
        # A list (`Quy định số 131, 132-QĐ/TW ...`) gives one reference per number, all
        # with the list's span: a member of the same list is searched from the same start.
        same_list = (
            previous is not None
            and previous["text"] == ref["text"]
            and previous["number"] != ref["number"]
        )
        found = text.find(ref["text"], position - 1 if same_list else position)
        if found < 0:
            errors.append(f"references out of order at {ref['text']!r}")
        else:
            position = found + 1
        previous = ref
    names = [p["name"] for p in labels.get("people", [])]
    if len(names) != len(set(names)):
        errors.append("people: a name is listed twice")
    for person in labels.get("people", []):
        if set(person) != {"name", "positions"}:
            errors.append(f"people: keys {sorted(person)}")
        if person["name"] not in text:
            errors.append(f"people: name not in document: {person['name']!r}")
    own = labels.get("own_document")
    if own is not None:
        if set(own) != OWN_KEYS:
            errors.append(f"own_document: keys {sorted(own)}")
        if not iso(own["date"]):
            errors.append(f"own_document: bad date {own['date']!r}")
    return errors


def main() -> int:
    texts = sorted(HERE.glob("*.txt"))
    bad = 0
    totals = {"references": 0, "figures": 0, "deadlines": 0, "people": 0}
    for path in texts:
        label_path = HERE / "labels" / f"{path.stem}.json"
        if not label_path.exists():
            print(f"{path.name}: no label file")
            bad += 1
            continue
        labels = json.loads(label_path.read_text(encoding="utf-8"))
        for kind in totals:
            totals[kind] += len(labels.get(kind, []))
        for error in check(path.read_text(encoding="utf-8"), labels):
            print(f"{path.name}: {error}")
            bad += 1
    print(f"{len(texts)} texts; " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
