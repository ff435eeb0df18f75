"""Storing what the extractor found in a document: findings, references (each linked to
the entry it names) and the relations its title or opening states."""

from __future__ import annotations

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


def store_extraction(
    doc: Document, extraction: Extraction, linker: Linker
) -> tuple[list[Reference], list[Finding]]:
    own = extraction.own_document
    findings: list[Finding] = []
    for fig in extraction.figures:
        findings.append(
            Finding(
                document=doc,
                kind=FindingKind.FIGURE,
                start=fig.start,
                end=fig.end,
                text=fig.text,
                data={"value": fig.value, "of": fig.of, "unit": fig.unit, "what": fig.what},
            )
        )
    for item in extraction.deadlines:
        findings.append(
            Finding(
                document=doc,
                kind=FindingKind.DEADLINE,
                start=item.start,
                end=item.end,
                text=item.text,
                data={"date": item.date.isoformat(), "what": item.what},
            )
        )
    for person in extraction.people:
        findings.append(
            Finding(
                document=doc,
                kind=FindingKind.PERSON,
                start=person.start,
                end=person.end,
                text=person.text,
                data={"name": person.name, "positions": list(person.positions)},
            )
        )
    if extraction.period is not None:
        period = extraction.period
        findings.append(
            Finding(
                document=doc,
                kind=FindingKind.PERIOD,
                start=period.start,
                end=period.end,
                text=period.text,
                data={"value": period.value},
            )
        )
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
