"""Format check of the unseen5 labels (not a scorer; never imports the extractor).

Checks, for every NN_<slug>.txt and labels/NN_<slug>.json: the keys of the seed
label format, their types, ISO dates, the period codes, that every `text` span
(and every person's name and `own_document.place`) is a verbatim substring of the
text, and that references come in order of appearance.

Run `python3 check.py`; it should print `25 texts, 0 problems`.
"""

import datetime
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PERIOD = re.compile(r"^\d{4}(-(Q[1-4]|H[12]|9M|0[1-9]|1[0-2]))?$|^\d{4}-\d{4}$")
TOP = {"source", "references", "figures", "deadlines", "people", "period"}
REF = {"text", "type", "number", "type_code", "issuer_code", "date", "issuer_name"}
FIG = {"text", "what", "value", "of", "unit"}
DL = {"text", "date", "what"}
OWN = {"type", "number", "type_code", "issuer_code", "date", "place"}


def iso(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def check(txt: Path) -> list[str]:
    problems: list[str] = []
    name = txt.stem

    def bad(msg: str) -> None:
        problems.append(f"{name}: {msg}")

    label_path = HERE / "labels" / f"{name}.json"
    if not label_path.exists():
        bad("no label file")
        return problems
    text = txt.read_text(encoding="utf-8")
    label = json.loads(label_path.read_text(encoding="utf-8"))
    keys = set(label)
    if not keys >= TOP or keys - TOP - {"own_document"}:
        bad(f"keys {sorted(keys)}")
    if not isinstance(label.get("source"), str):
        bad("source is not a string")
    period = label.get("period")
    if period is not None and not (isinstance(period, str) and PERIOD.match(period)):
        bad(f"period {period!r}")
    own = label.get("own_document")
    if own is not None:
        if set(own) != OWN:
            bad(f"own_document keys {sorted(own)}")
        elif not iso(own["date"]):
            bad(f"own_document date {own['date']!r}")
        elif own["place"] not in text:
            bad(f"own_document place {own['place']!r} not in text")
        for k in ("type", "number", "type_code", "issuer_code"):
            if not isinstance(own.get(k), str):
                bad(f"own_document {k} is not a string")

    pos = 0
    for i, ref in enumerate(label.get("references", [])):
        if set(ref) != REF:
            bad(f"reference {i} keys {sorted(ref)}")
            continue
        for k in ("text", "type", "number", "type_code"):
            if not isinstance(ref[k], str) or not ref[k]:
                bad(f"reference {i} {k} {ref[k]!r}")
        # null only where the symbol has no issuer part and the text names none
        if ref["issuer_code"] is not None and not (
            isinstance(ref["issuer_code"], str) and ref["issuer_code"]
        ):
            bad(f"reference {i} issuer_code {ref['issuer_code']!r}")
        if ref["date"] is not None and not iso(ref["date"]):
            bad(f"reference {i} date {ref['date']!r}")
        if ref["issuer_name"] is not None and not isinstance(ref["issuer_name"], str):
            bad(f"reference {i} issuer_name {ref['issuer_name']!r}")
        at = text.find(ref["text"], pos)
        if at < 0:
            where = "not in text" if ref["text"] not in text else "out of order"
            bad(f"reference {i} {ref['text']!r} {where}")
        else:
            pos = at + 1
    for i, fig in enumerate(label.get("figures", [])):
        if set(fig) != FIG:
            bad(f"figure {i} keys {sorted(fig)}")
            continue
        if fig["text"] not in text:
            bad(f"figure {i} {fig['text']!r} not in text")
        if isinstance(fig["value"], bool) or not isinstance(fig["value"], (int, float)):
            bad(f"figure {i} value {fig['value']!r}")
        if fig["of"] is not None and (
            isinstance(fig["of"], bool) or not isinstance(fig["of"], (int, float))
        ):
            bad(f"figure {i} of {fig['of']!r}")
        if not isinstance(fig["what"], str) or not fig["what"]:
            bad(f"figure {i} what")
        if fig["unit"] is not None and not isinstance(fig["unit"], str):
            bad(f"figure {i} unit")
    for i, dl in enumerate(label.get("deadlines", [])):
        if set(dl) != DL:
            bad(f"deadline {i} keys {sorted(dl)}")
            continue
        if dl["text"] not in text:
            bad(f"deadline {i} {dl['text']!r} not in text")
        if not iso(dl["date"]):
            bad(f"deadline {i} date {dl['date']!r}")
    for i, person in enumerate(label.get("people", [])):
        if set(person) != {"name", "positions"}:
            bad(f"person {i} keys {sorted(person)}")
            continue
        if person["name"] not in text:
            bad(f"person {i} {person['name']!r} not in text")
        positions = person["positions"]
        if not isinstance(positions, list) or not all(isinstance(p, str) for p in positions):
            bad(f"person {i} positions {positions!r}")
    return problems


def main() -> int:
    texts = sorted(HERE.glob("[0-9][0-9]_*.txt"))
    problems = [p for txt in texts for p in check(txt)]
    stems = {t.stem for t in texts}
    for extra in sorted((HERE / "labels").glob("*.json")):
        if extra.stem not in stems:
            problems.append(f"{extra.name}: label without a text")
    for p in problems:
        print(p)
    print(f"{len(texts)} texts, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
