"""A report object to JSON and back, as drafts keep it (no Django)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .report import Block, Header, Report, Signature, Span, Table

__all__ = ["report_from_dict", "report_to_dict"]


def _span(s: Span) -> dict[str, Any]:
    out: dict[str, Any] = {"text": s.text}
    if s.source:
        out["source"] = s.source
    if s.footnote is not None:
        out["footnote"] = s.footnote
    return out


def report_to_dict(r: Report) -> dict[str, Any]:
    h = r.header
    return {
        "genre": r.genre,
        "header": {
            "superior": h.superior,
            "issuer": h.issuer,
            "type_code": h.type_code,
            "issuer_code": h.issuer_code,
            "place": h.place,
            "date": h.date.isoformat() if h.date else None,
            "number": h.number,
        },
        "type_name": r.type_name,
        "title": r.title,
        "blocks": [{"kind": b.kind, "spans": [_span(s) for s in b.spans]} for b in r.blocks],
        "signature": {
            "capacity": r.signature.capacity,
            "position": r.signature.position,
            "name": r.signature.name,
        },
        "recipients": list(r.recipients),
        "footnotes": list(r.footnotes),
        "tables": [
            {
                "title": t.title,
                "columns": list(t.columns),
                "rows": [list(x) for x in t.rows],
                "note": t.note,
            }
            for t in r.tables
        ],
    }


def report_from_dict(d: dict[str, Any]) -> Report:
    h = d["header"]
    return Report(
        genre=d["genre"],
        header=Header(
            superior=h["superior"],
            issuer=h["issuer"],
            type_code=h["type_code"],
            issuer_code=h["issuer_code"],
            place=h["place"],
            date=date.fromisoformat(h["date"]) if h.get("date") else None,
            number=h.get("number", ""),
        ),
        type_name=d["type_name"],
        title=d["title"],
        blocks=tuple(
            Block(
                b["kind"],
                tuple(Span(s["text"], s.get("source", ""), s.get("footnote")) for s in b["spans"]),
            )
            for b in d["blocks"]
        ),
        signature=Signature(**d["signature"]),
        recipients=tuple(d.get("recipients", ())),
        footnotes=tuple(d.get("footnotes", ())),
        tables=tuple(
            Table(
                t["title"],
                tuple(t["columns"]),
                tuple(tuple(x) for x in t["rows"]),
                t.get("note", ""),
            )
            for t in d.get("tables", ())
        ),
    )
