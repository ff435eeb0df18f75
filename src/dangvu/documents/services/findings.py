"""Storing what the extractor found in a document: findings, references (each linked to
the entry it names) and the relations its title or opening states."""

from __future__ import annotations

from typing import Protocol, TypedDict

from dangvu import access
from dangvu.access import Actor
from dangvu.extract import Extraction

from .. import parsing
from ..models import (
    Document,
    DocumentKind,
    DocumentRelation,
    Finding,
    FindingKind,
    Reference,
    RelationOrigin,
)
from .linking import Linker


class FigureData(TypedDict):
    value: float
    of: float | None
    unit: str
    what: str


class DeadlineData(TypedDict):
    date: str  # ISO
    what: str


class PersonData(TypedDict):
    name: str
    positions: list[str]


class PeriodData(TypedDict):
    value: str


FindingData = FigureData | DeadlineData | PersonData | PeriodData


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


def _finding(doc: Document, kind: str, found: _Span, data: FindingData) -> Finding:
    return Finding(
        document=doc, kind=kind, start=found.start, end=found.end, text=found.text, data=data
    )


def store_extraction(
    doc: Document, extraction: Extraction, linker: Linker
) -> tuple[list[Reference], list[Finding]]:
    """The findings (`Finding.data` holds one of the *Data shapes above, by kind) and the
    references, each linked to its entry by `linker`."""
    own = extraction.own_document
    findings: list[Finding] = []
    for f in extraction.figures:
        figure = FigureData(value=f.value, of=f.of, unit=f.unit, what=f.what)
        findings.append(_finding(doc, FindingKind.FIGURE, f, figure))
    for d in extraction.deadlines:
        deadline = DeadlineData(date=d.date.isoformat(), what=d.what)
        findings.append(_finding(doc, FindingKind.DEADLINE, d, deadline))
    for p in extraction.people:
        person = PersonData(name=p.name, positions=list(p.positions))
        findings.append(_finding(doc, FindingKind.PERSON, p, person))
    if extraction.period is not None:
        period = extraction.period
        findings.append(_finding(doc, FindingKind.PERIOD, period, PeriodData(value=period.value)))
    findings = [f for f in findings if f.end > f.start]
    for finding in findings:
        finding.clean_fields(exclude=["document"])
    Finding.objects.bulk_create(findings)

    references: list[Reference] = []
    for found in extraction.references:
        if found.end <= found.start:
            continue
        if own is not None and found.start < own.end and found.end > own.start:
            continue  # the header's own number is not a reference
        kind = DocumentKind.STATE if found.state else DocumentKind.PARTY
        ref = Reference(
            document=doc,
            start=found.start,
            end=found.end,
            text=found.text,
            kind=kind,
            type_name=found.type or "",
            type_code=found.type_code or "",
            number=found.number,
            year=parsing.state_year(found.text, found.number) if found.state else None,
            issuer_code=found.issuer_code or "",
            issuer_name=(found.issuer_name or "")[:255],
            date=found.date,
            extracted={
                "type": found.type,
                "type_code": found.type_code,
                "number": found.number,
                "issuer_code": found.issuer_code,
                "issuer_name": found.issuer_name,
                "date": found.date.isoformat() if found.date else None,
                "state": found.state,
            },
        )
        linker.canonical(ref)
        references.append(ref)
    linker.prefetch(references)
    for ref in references:
        ref.target = linker.target_for(ref)
        ref.clean_fields(exclude=["document", "target"])
    Reference.objects.bulk_create(references)
    return references, findings


def auto_relations(
    doc: Document, references: list[Reference], title: parsing.TitleSpan | None, actor: Actor
) -> list[DocumentRelation]:
    spans = [(r.start, r.end) for r in references]
    made: list[DocumentRelation] = []
    for index, kind in parsing.relation_hints(doc.text, spans, title):
        target = references[index].target
        if target is None or target.pk == doc.pk:
            continue
        relation, created = DocumentRelation.objects.get_or_create(
            source=doc,
            target=target,
            kind=kind,
            defaults={
                "origin": RelationOrigin.AUTO,
                "created_by": access.user_of(actor),
            },
        )
        if created:
            made.append(relation)
    return made
