"""Correcting a register entry's details by hand."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from dangvu.access import Actor
from dangvu.core.audit import audit_record

from ..codes import canonical_issuer, canonical_type
from ..models import Document, DocumentKind, DocumentStatus
from .keys import IssuerResolver, authorize_edit, check_symbol, owner_for
from .linking import (
    Linker,
    absorb,
    drop_orphan_placeholders,
    follow_reference,
    key_of,
    relink_undated,
    search_text_of,
    set_keys,
)

_EDITABLE = (
    "kind",
    "type_code",
    "type_name",
    "number",
    "year",
    "issuer_code",
    "date",
    "title",
    "place",
    "status",
    "visibility",
)


@transaction.atomic
def document_update(*, document: Document, actor: Actor, **changes: Any) -> Document:
    """Correct a register entry's details by hand (any of: kind, type_code, type_name,
    number, year, issuer_code, date, title, place, status, visibility). A new number
    that names a placeholder takes over its references; undated references of the old
    and new numbers are re-linked."""
    unknown = set(changes) - set(_EDITABLE)
    if unknown:
        raise ValueError(f"document_update: unknown fields {sorted(unknown)}")
    document = Document.objects.select_for_update().select_related("owner").get(pk=document.pk)
    authorize_edit(actor, document)
    before = document.fields_for_audit()
    old_key = document.match_key
    old_date = document.date
    for name, value in changes.items():
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    if document.status == DocumentStatus.PLACEHOLDER and before["status"] != (
        DocumentStatus.PLACEHOLDER
    ):
        raise ValidationError({"status": "Không chuyển văn bản đã có thành văn bản chờ."})
    document.type_code, document.type_name = canonical_type(
        document.kind, document.type_code, document.type_name
    )
    document.issuer_code = canonical_issuer(document.kind, document.issuer_code)
    check_symbol(
        kind=document.kind,
        type_code=document.type_code,
        number=document.number,
        issuer_code=document.issuer_code,
        year=document.year,
    )
    if document.kind == DocumentKind.PARTY:
        resolver = IssuerResolver(document.issuer or document.owner, document.date)
        if code_changed(before, document):
            document.issuer = resolver.resolve(document.kind, document.issuer_code)
            document.owner = owner_for(document.issuer, document.owner)
            authorize_edit(actor, document)
        document.area, document.area_name = None, ""
    else:
        document.issuer = None
        if code_changed(before, document) or before["date"] != document.date:
            resolver = IssuerResolver(document.owner, document.date)
            document.area, document.area_name = resolver.resolve_area(
                document.kind, document.issuer_code, document.issuer_name
            )
    key = None if document.copy_of_id else key_of(document)  # a copy: the original's number
    set_keys(document, key)
    if key is not None:
        clash = (
            Document.objects.filter(identity_key=document.identity_key)
            .exclude(pk=document.pk)
            .first()
        )
        if clash is not None:
            if clash.status != DocumentStatus.PLACEHOLDER:
                raise ValidationError(
                    {"number": f"{clash} đã có trong sổ văn bản (mã {clash.pk})."}
                )
            absorb(clash, document, actor)
    document.search_text = search_text_of(document)
    document.full_clean()
    document.save()
    if old_date != document.date:
        _relink_own(document, actor)
    for match_key in {old_key, document.match_key} - {""}:
        relink_undated(match_key, actor)
    after = document.fields_for_audit()
    audit_record(
        actor=actor,
        action="documents.document_update",
        obj=document,
        organization=document.owner,
        summary=f"Sửa thông tin văn bản {document}",
        before={k: v for k, v in before.items() if after.get(k) != v},
        after={k: v for k, v in after.items() if before.get(k) != v},
    )
    return document


def code_changed(before: dict[str, Any], document: Document) -> bool:
    return bool(before["issuer_code"] != document.issuer_code or before["kind"] != document.kind)


def _relink_own(document: Document, actor: Actor) -> None:
    """The citing document's date decides which entry an undated reference names."""
    linker = Linker(document, actor)
    stale = []
    for ref in document.references.select_related("target"):
        target = linker.target_for(ref)
        if target is not None and target.pk != ref.target_id:
            stale.append(ref.target_id)
            ref.target = target
            ref.save(update_fields=["target"])
            follow_reference(ref, stale[-1])
    if stale:
        drop_orphan_placeholders(Q(pk__in=stale), actor)
