"""Received copies (bản nhận, văn bản đến): a unit's copy of a document that a committee
above it or the Centre issued.

The issuer's entry stays the issuer's: a unit that uploads it does not complete or change
it (its text, status and owner), it registers a copy of its own linked to that entry (the
`copy_of` of the copy). When the register does not hold the document yet, the entry is
created as a placeholder, as a citation would, for its owner to complete."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.extract import Extraction
from dangvu.orgs.models import Organization

from ..models import Document, DocumentStatus
from .findings import store_extraction
from .keys import DocKey
from .linking import Linker, search_text_of, set_keys
from .steps import File, RegisterResult, save_entry

__all__ = ["copy_build", "copy_write", "original_placeholder"]

# The details of the issuer's document a placeholder for it takes from a copy: what
# identifies it, not what a unit below could misstate (its summary line, its text).
_IDENTIFYING = ("kind", "type_code", "type_name", "number", "year", "issuer_code", "issuer")


def original_placeholder(
    *, actor: Actor, key: DocKey | None, owner: Organization, fields: dict[str, Any]
) -> Document:
    """The issuer's entry for a copy whose document the register does not hold yet: a
    placeholder owned by the issuer (`owner`), for it to complete."""
    if key is None:
        raise ValidationError(
            {
                "number": (
                    "Bản nhận phải có số, ký hiệu của văn bản gốc: hãy kiểm tra dòng số, ký "
                    "hiệu ở đầu văn bản (ví dụ Số 21-NQ/TW)."
                )
            }
        )
    doc = Document(
        **{name: fields[name] for name in _IDENTIFYING},
        area=fields["area"],
        area_name=fields["area_name"],
        date=fields["date"],
        status=DocumentStatus.PLACEHOLDER,
        visibility=fields["visibility"],
        owner=owner,
        created_by=access.user_of(actor),
    )
    set_keys(doc, key)
    doc.search_text = search_text_of(doc)
    doc.full_clean()
    doc.save()
    audit_record(
        actor=actor,
        action="documents.placeholder_create",
        obj=doc,
        organization=owner,
        summary=f"Ghi văn bản chờ {doc.symbol}: có bản nhận, chưa có bản gốc trong sổ văn bản",
        after=doc.fields_for_audit(),
    )
    return doc


def copy_build(
    *, actor: Actor, original: Document, context: Organization, fields: dict[str, Any]
) -> Document:
    """An unsaved received copy of `original` for the unit the actor registers for (its
    own unit when that one is above it), refusing a second copy for one unit."""
    holder = context if access.can_change(actor, context, merged=True) else None
    holder = holder or access.own_organization(actor)
    if holder is None:
        raise PermissionDenied("Hãy chọn đơn vị nhận văn bản.")
    existing = Document.objects.filter(owner=holder, copy_of=original).first()
    if existing is not None:
        raise ValidationError(
            {
                "number": (
                    f"{holder.name} đã có bản nhận của {original} (mã {existing.pk}): không cần "
                    "ghi lại; nếu bản đó sai, hãy sửa bản nhận đã có."
                )
            }
        )
    doc = Document(
        **fields,
        status=DocumentStatus.ISSUED,
        owner=holder,
        copy_of=original,
        created_by=access.user_of(actor),
    )
    set_keys(doc, None)  # the number is the original's: the copy is found through it
    return doc


def copy_write(
    *,
    actor: Actor,
    original: Document | None,
    key: DocKey | None,
    owner: Organization,
    context: Organization,
    fields: dict[str, Any],
    extraction: tuple[Extraction, bool],
    file: File | None,
) -> RegisterResult:
    """Register a received copy (see the module docstring); the issuer's entry unchanged."""
    created_original = original is None
    if original is None:
        original = original_placeholder(actor=actor, key=key, owner=owner, fields=fields)
    doc = copy_build(actor=actor, original=original, context=context, fields=fields)
    save_entry(doc, file)
    found, failed = extraction
    linker = Linker(doc, actor)
    references, findings = store_extraction(doc, found, linker)
    source = f" từ tệp “{doc.original_name}”" if file is not None else ""
    audit_record(
        actor=actor,
        action="documents.copy_receive",
        obj=doc,
        organization=doc.owner,
        summary=(
            f"Ghi bản nhận{source}: {doc}, bản gốc (mã {original.pk}) do {original.owner.name} "
            f"quản lý, giữ nguyên ({len(references)} dẫn chiếu, {len(findings)} phát hiện)"
        ),
        after={
            **doc.fields_for_audit(),
            "references": [r.target_id for r in references],
            "findings": len(findings),
        },
    )
    placeholders = [original, *linker.placeholders] if created_original else linker.placeholders
    return RegisterResult(
        document=doc,
        references=references,
        created=True,
        placeholders=placeholders,
        extraction_failed=failed,
        received_copy=True,
    )
