"""An office's own templates: checked on upload, found up the tree when rendering."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.orgs import paths
from dangvu.orgs.models import Organization

from ..models import Genre, OfficeTemplate
from ..render import TemplateError, check_template
from .scope import authorize

__all__ = ["template_for", "template_remove", "template_upload"]

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


@transaction.atomic
def template_upload(
    *, owner: Organization, genre: str, name: str, data: bytes, actor: Actor
) -> OfficeTemplate:
    """Store `data` as the owner's template of `genre`, replacing the previous one; a file
    that is not a .docx or names a placeholder that does not exist is refused by name."""
    authorize(actor, owner, action="tải mẫu văn bản")
    if genre not in Genre.values:
        raise ValidationError({"genre": f"Không có thể loại văn bản “{genre}”."})
    if not name.lower().endswith(".docx"):
        raise ValidationError({"file": "Mẫu văn bản phải là tệp Word .docx (không phải .doc)."})
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ValidationError({"file": "Tệp mẫu lớn quá 5 MB: hãy bỏ bớt hình ảnh rồi tải lại."})
    try:
        check_template(data)
    except TemplateError as exc:
        raise ValidationError({"file": str(exc)}) from exc
    existing = OfficeTemplate.objects.filter(owner=owner, genre=genre).first()
    before = {"original_name": existing.original_name} if existing else None
    template = existing or OfficeTemplate(owner=owner, genre=genre)
    template.data = data
    template.original_name = name[:255]
    template.uploaded_by = access.user_of(actor)
    template.full_clean()
    template.save()
    audit_record(
        actor=actor,
        action="drafting.template_upload",
        obj=template,
        organization=owner,
        summary=f"Tải mẫu {template.get_genre_display().lower()}: {template.original_name}",
        before=before,
        after={"original_name": template.original_name, "genre": genre, "bytes": len(data)},
    )
    return template


@transaction.atomic
def template_remove(*, template: OfficeTemplate, actor: Actor) -> None:
    authorize(actor, template.owner, action="xóa mẫu văn bản")
    audit_record(
        actor=actor,
        action="drafting.template_remove",
        obj=template,
        organization=template.owner,
        summary=f"Bỏ mẫu {template.get_genre_display().lower()}: {template.original_name}",
        before={"original_name": template.original_name, "genre": template.genre},
    )
    template.delete()


def template_for(owner: Organization, genre: str) -> bytes | None:
    """The nearest office template of `genre` on the owner's chain (its own, then its
    superiors'), or None for the shipped default."""
    chain = paths.ids_of(owner.path)
    found = {
        t.owner_id: bytes(t.data)
        for t in OfficeTemplate.objects.filter(owner_id__in=chain, genre=genre)
    }
    for org_id in reversed(chain):
        if org_id in found:
            return found[org_id]
    return None
