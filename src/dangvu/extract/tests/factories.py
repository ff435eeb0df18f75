"""Small helpers building expected values for the table-driven tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dangvu.extract import Extraction, Reference, extract

__all__ = ["ExpectedRef", "ref", "refs_in", "spans_hold", "the_only_ref"]


@dataclass(frozen=True)
class ExpectedRef:
    """The fields a test pins for a reference; ``None`` fields are not checked."""

    type_code: str | None
    number: str
    issuer_code: str | None
    date: datetime.date | None = None
    type: str | None = None
    issuer_name: str | None = None
    text: str | None = None

    def matches(self, found: Reference) -> bool:
        pinned_key = (self.type_code, self.number, self.issuer_code, self.date)
        found_key = (found.type_code, found.number, found.issuer_code, found.date)
        return (
            pinned_key == found_key
            and (self.type is None or self.type == found.type)
            and (self.issuer_name is None or self.issuer_name == found.issuer_name)
            and (self.text is None or self.text == found.text)
        )


def ref(
    symbol: str,
    date: str | None = None,
    *,
    type: str | None = None,
    issuer_name: str | None = None,
    text: str | None = None,
) -> ExpectedRef:
    """``ref("33-KH/TU", "2022-02-25")`` or ``ref("13/2023/NĐ-CP")`` or ``ref("59/2020/QH14")``."""
    day = datetime.date.fromisoformat(date) if date else None
    if "-" in symbol and symbol.index("-") < symbol.find("/"):
        number, rest = symbol.split("-", 1)
        type_code, issuer_code = rest.split("/", 1)
        return ExpectedRef(type_code, number, issuer_code, day, type, issuer_name, text)
    parts = symbol.split("/")
    number, last = parts[0], parts[-1]
    if "-" in last:
        type_code, issuer_code = last.split("-", 1)
        return ExpectedRef(type_code, number, issuer_code, day, type, issuer_name, text)
    return ExpectedRef(None, number, last, day, type, issuer_name, text)


def refs_in(text: str) -> tuple[Reference, ...]:
    return extract(text).references


def the_only_ref(text: str) -> Reference:
    found = refs_in(text)
    assert len(found) == 1, found
    return found[0]


def spans_hold(text: str, ex: Extraction) -> bool:
    """Every finding's ``text`` is the input at its offsets."""
    items: list[tuple[int, int, str]] = [
        (f.start, f.end, f.text)
        for group in (ex.references, ex.figures, ex.deadlines, ex.people)
        for f in group
    ]
    if ex.period is not None:
        items.append((ex.period.start, ex.period.end, ex.period.text))
    if ex.own_document is not None:
        items.append((ex.own_document.start, ex.own_document.end, ex.own_document.text))
    return all(text[s:e] == t and 0 <= s <= e <= len(text) for s, e, t in items)
