"""Plain-data views of an extraction: the label JSON shape and a Vietnamese summary."""

from __future__ import annotations

import datetime
from typing import Any

from .models import Deadline, Extraction, Figure, OwnDocument, Person, Reference

__all__ = ["extraction_to_dict", "summary"]


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _reference(ref: Reference) -> dict[str, Any]:
    return {
        "text": ref.text,
        "type": ref.type,
        "number": ref.number,
        "type_code": ref.type_code,
        "issuer_code": ref.issuer_code,
        "date": _iso(ref.date),
        "issuer_name": ref.issuer_name,
        "start": ref.start,
        "end": ref.end,
    }


def _figure(fig: Figure) -> dict[str, Any]:
    return {
        "text": fig.text,
        "what": fig.what,
        "value": fig.value,
        "of": fig.of,
        "unit": fig.unit,
        "start": fig.start,
        "end": fig.end,
    }


def _deadline(item: Deadline) -> dict[str, Any]:
    return {
        "text": item.text,
        "date": item.date.isoformat(),
        "what": item.what,
        "start": item.start,
        "end": item.end,
    }


def _person(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "positions": list(person.positions),
        "text": person.text,
        "start": person.start,
        "end": person.end,
    }


def _own(own: OwnDocument) -> dict[str, Any]:
    return {
        "type": own.type,
        "number": own.number,
        "type_code": own.type_code,
        "issuer_code": own.issuer_code,
        "date": _iso(own.date),
        "place": own.place,
        "text": own.text,
        "start": own.start,
        "end": own.end,
    }


def extraction_to_dict(ex: Extraction, *, source: str | None = None) -> dict[str, Any]:
    """The label JSON shape (``seeds/labels/*.json``) plus ``start``/``end`` everywhere.

    ``own_document`` appears only when the text has a header, as in the labels; the
    period's span is given as ``period_span``.
    """
    out: dict[str, Any] = {}
    if source is not None:
        out["source"] = source
    if ex.own_document is not None:
        out["own_document"] = _own(ex.own_document)
    out["references"] = [_reference(r) for r in ex.references]
    out["figures"] = [_figure(f) for f in ex.figures]
    out["deadlines"] = [_deadline(d) for d in ex.deadlines]
    out["people"] = [_person(p) for p in ex.people]
    out["period"] = ex.period.value if ex.period is not None else None
    if ex.period is not None:
        out["period_span"] = {
            "text": ex.period.text,
            "start": ex.period.start,
            "end": ex.period.end,
        }
    return out


def _vn_date(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else "không rõ ngày"


def _symbol(number: str, type_code: str | None, issuer_code: str | None, state: bool) -> str:
    if state:
        return f"{number}/{type_code}-{issuer_code}" if type_code else f"{number}/{issuer_code}"
    return f"{number}-{type_code}/{issuer_code}"


def _number(value: int | float) -> str:
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def summary(ex: Extraction) -> str:
    """A short human summary in Vietnamese, one finding per line."""
    lines: list[str] = []
    own = ex.own_document
    if own is not None:
        symbol = _symbol(own.number, own.type_code, own.issuer_code, state=False)
        place = f", {own.place}" if own.place else ""
        lines.append(f"Văn bản: {own.type or 'Văn bản'} số {symbol}, {_vn_date(own.date)}{place}")
    if ex.period is not None:
        lines.append(f"Kỳ báo cáo: {ex.period.value} ({ex.period.text.strip()})")
    lines.append(f"Văn bản được dẫn chiếu: {len(ex.references)}")
    for ref in ex.references:
        symbol = _symbol(ref.number, ref.type_code, ref.issuer_code, ref.state)
        date = f", ngày {_vn_date(ref.date)}" if ref.date else ""
        issuer = f" của {ref.issuer_name}" if ref.issuer_name else ""
        lines.append(f"  - {ref.type or 'Văn bản'} số {symbol}{date}{issuer}")
    lines.append(f"Số liệu: {len(ex.figures)}")
    for fig in ex.figures:
        amount = _number(fig.value) + (f"/{_number(fig.of)}" if fig.of is not None else "")
        unit = "%" if fig.unit == "%" else f" {fig.unit}"
        what = f" ({fig.what})" if fig.what and fig.what != fig.unit else ""
        lines.append(f"  - {amount}{unit}{what}")
    lines.append(f"Thời hạn: {len(ex.deadlines)}")
    for item in ex.deadlines:
        lines.append(f"  - {_vn_date(item.date)}: {item.what}")
    lines.append(f"Nhân sự được nêu tên: {len(ex.people)}")
    for person in ex.people:
        positions = f" - {', '.join(person.positions)}" if person.positions else ""
        lines.append(f"  - {person.name}{positions}")
    return "\n".join(lines)
