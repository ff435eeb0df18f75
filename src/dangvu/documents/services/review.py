"""Hand review of what was read from a document: correcting a finding or a reference,
and recording relations between documents. A correction is recorded beside what the
extractor read, which is kept."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record

from ..codes import canonical_issuer, canonical_type
from ..models import (
    Document,
    DocumentKind,
    DocumentRelation,
    Finding,
    FindingKind,
    Reference,
    RelationKind,
    RelationOrigin,
)
from ..selectors import documents_visible_to
from .findings import DeadlineData, FigureData, FindingData, PeriodData, PersonData
from .keys import authorize_edit, check_symbol
from .linking import Linker, drop_orphan_placeholders, follow_reference

_PERIOD = re.compile(r"^(?:\d{4}(?:-(?:Q[1-4]|H[12]|9M|M(?:0[1-9]|1[0-2])))?|\d{4}-\d{4})$")


def _number(value: Any, field: str, *, required: bool) -> int | float | None:
    if value in (None, ""):
        if required:
            raise ValidationError({field: "Hãy nhập số liệu, ví dụ 71 hoặc 12,5."})
        return None
    if isinstance(value, int | float):
        number = value
    else:
        text = str(value).strip().replace(".", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError as exc:
            raise ValidationError(
                {field: "Số liệu không hợp lệ: viết 1.234 hoặc 12,5 (dấu phẩy thập phân)."}
            ) from exc
    if number < 0:
        raise ValidationError({field: "Số liệu không được âm."})
    return int(number) if float(number).is_integer() else float(number)


def _clean_values(kind: str, values: dict[str, Any]) -> FindingData:
    """The corrected reading of a finding, checked field by field."""
    if kind == FindingKind.FIGURE:
        value = _number(values.get("value"), "value", required=True)
        of = _number(values.get("of"), "of", required=False)
        if of is not None and value is not None and of < value:
            raise ValidationError({"of": "Tổng số (mẫu số) phải không nhỏ hơn số đạt được."})
        return FigureData(
            value=value or 0,  # not None: required
            of=of,
            unit=str(values.get("unit") or "").strip(),
            what=str(values.get("what") or "").strip(),
        )
    if kind == FindingKind.DEADLINE:
        due = values.get("date")
        if isinstance(due, str) and due:
            try:
                due = date.fromisoformat(due)
            except ValueError:
                due = None
        if not isinstance(due, date):
            raise ValidationError({"date": "Hãy nhập ngày hết hạn, ví dụ 10/12/2023."})
        return DeadlineData(date=due.isoformat(), what=str(values.get("what") or "").strip())
    if kind == FindingKind.PERSON:
        name = str(values.get("name") or "").strip()
        if not name:
            raise ValidationError({"name": "Hãy nhập họ và tên."})
        positions = values.get("positions") or []
        if isinstance(positions, str):
            positions = [p.strip() for p in re.split(r"[;\n]", positions)]
        return PersonData(name=name, positions=[p for p in positions if p])
    if kind == FindingKind.PERIOD:
        period = str(values.get("value") or "").strip().upper()
        if not _PERIOD.match(period):
            raise ValidationError(
                {
                    "value": "Kỳ báo cáo viết dạng 2023 (năm), 2023-Q1 (quý), 2023-H1 (6 tháng), "
                    "2023-9M (9 tháng), 2023-M06 (tháng) hoặc 2020-2025 (nhiệm kỳ)."
                }
            )
        return PeriodData(value=period)
    raise ValidationError({"kind": "Loại phát hiện không hợp lệ."})


@transaction.atomic
def finding_correct(
    *,
    finding: Finding,
    actor: Actor,
    values: dict[str, Any] | None = None,
    rejected: bool = False,
) -> Finding:
    """Record a hand correction of a finding, or mark it as not a finding (`rejected`).
    What the extractor read stays in `data`; the same values as read clear the
    correction."""
    finding = (
        Finding.objects.select_for_update().select_related("document__owner").get(pk=finding.pk)
    )
    authorize_edit(actor, finding.document)
    before = {"corrected": finding.corrected, "rejected": finding.rejected}
    corrected = None if rejected or values is None else _clean_values(finding.kind, values)
    if corrected == finding.data:
        corrected = None
    finding.corrected = corrected
    finding.rejected = rejected
    finding.corrected_by = access.user_of(actor)
    finding.corrected_at = timezone.now()
    finding.full_clean()
    finding.save()
    audit_record(
        actor=actor,
        action="documents.finding_correct",
        obj=finding,
        organization=finding.document.owner,
        summary=(
            f"{'Bỏ' if rejected else 'Sửa'} {finding.get_kind_display().lower()} "
            f"“{finding.text[:60]}” trong {finding.document}"
        ),
        before=before,
        after={"corrected": corrected, "rejected": rejected},
    )
    return finding


@transaction.atomic
def reference_correct(
    *,
    reference: Reference,
    actor: Actor,
    kind: str | None = None,
    type_code: str,
    number: str,
    issuer_code: str,
    date: date | None,
    year: int | None = None,
) -> Reference:
    """Correct what a reference names and link it again (to an entry of the corrected
    number, or a new placeholder). What the extractor read stays in `extracted`."""
    reference = (
        Reference.objects.select_for_update(of=("self",))
        .select_related("document__owner", "target")
        .get(pk=reference.pk)
    )
    document = reference.document
    authorize_edit(actor, document)
    kind = kind or reference.kind
    number = number.strip()
    type_code, type_name = canonical_type(kind, type_code)
    issuer_code = canonical_issuer(kind, issuer_code)
    check_symbol(kind=kind, type_code=type_code, number=number, issuer_code=issuer_code, year=year)
    if not number:
        raise ValidationError({"number": "Hãy nhập số của văn bản được dẫn chiếu."})
    before = {
        "kind": reference.kind,
        "type_code": reference.type_code,
        "number": reference.number,
        "issuer_code": reference.issuer_code,
        "date": reference.date,
        "year": reference.year,
        "target": reference.target_id,
    }
    old_target = reference.target_id
    reference.kind = kind
    reference.type_code = type_code
    reference.type_name = type_name or (
        reference.type_name if type_code == before["type_code"] else ""
    )
    reference.number = number
    reference.issuer_code = issuer_code
    reference.date = date
    reference.year = year if kind == DocumentKind.STATE else None
    linker = Linker(document, actor)
    reference.target = linker.target_for(reference)
    reference.corrected_by = access.user_of(actor)
    reference.corrected_at = timezone.now()
    reference.full_clean()
    reference.save()
    follow_reference(reference, old_target)
    if old_target and old_target != reference.target_id:
        drop_orphan_placeholders(Q(pk=old_target), actor)
    audit_record(
        actor=actor,
        action="documents.reference_correct",
        obj=reference,
        organization=document.owner,
        summary=f"Sửa dẫn chiếu “{reference.text[:60]}” trong {document}: nay là "
        f"{reference.symbol}",
        before=before,
        after={
            "kind": kind,
            "type_code": type_code,
            "number": number,
            "issuer_code": issuer_code,
            "date": date,
            "year": reference.year,
            "target": reference.target_id,
        },
    )
    return reference


@transaction.atomic
def relation_add(
    *,
    source: Document,
    target: Document,
    kind: str,
    actor: Actor,
    note: str = "",
) -> DocumentRelation:
    """Record that `source` implements, replaces, amends or cancels `target`."""
    authorize_edit(actor, source)
    if not documents_visible_to(actor).filter(pk=target.pk).exists():
        raise PermissionDenied("Văn bản liên quan nằm ngoài phạm vi của bạn.")
    if kind not in RelationKind.values:
        raise ValidationError(
            {"kind": "Hãy chọn quan hệ: thực hiện, thay thế, sửa đổi hoặc bãi bỏ."}
        )
    if source.pk == target.pk:
        raise ValidationError({"target": "Một văn bản không thể có quan hệ với chính nó."})
    if DocumentRelation.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError({"target": "Quan hệ này giữa hai văn bản đã được ghi."})
    relation = DocumentRelation(
        source=source,
        target=target,
        kind=kind,
        origin=RelationOrigin.MANUAL,
        note=note.strip(),
        created_by=access.user_of(actor),
    )
    relation.full_clean()
    relation.save()
    audit_record(
        actor=actor,
        action="documents.relation_add",
        obj=relation,
        organization=source.owner,
        summary=f"{source} {relation.get_kind_display().lower()} {target}",
        after={"source": source.pk, "target": target.pk, "kind": kind, "note": relation.note},
    )
    return relation


@transaction.atomic
def relation_remove(*, relation: DocumentRelation, actor: Actor) -> None:
    """Remove a relation recorded by mistake (read from the text or entered by hand)."""
    relation = DocumentRelation.objects.select_related("source__owner", "target").get(
        pk=relation.pk
    )
    authorize_edit(actor, relation.source)
    audit_record(
        actor=actor,
        action="documents.relation_remove",
        obj=relation,
        organization=relation.source.owner,
        summary=f"Bỏ quan hệ: {relation}",
        before={
            "source": relation.source_id,
            "target": relation.target_id,
            "kind": relation.kind,
            "origin": relation.origin,
        },
    )
    target_id = relation.target_id
    relation.delete()
    drop_orphan_placeholders(Q(pk=target_id), actor)
