"""Corrections of the register: a reference's reading, the relations between documents
(an entry's details: `PATCH /documents/{id}`, in `documents`), through the documents
services the pages call: who may correct an entry is theirs to say (`require_edit` and
the services' own checks)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from dangvu.documents import forms, selectors, services
from dangvu.documents.models import Document, DocumentRelation, Reference

from .common import actor
from .documents import ReferenceOut, RelationOut, clean_form, form_data

router = Router(tags=["Văn bản"])


class ReferenceIn(Schema):
    kind: str
    type_code: str = Field("", max_length=16)
    number: str = Field(max_length=16)
    year: int | None = Field(None, ge=1900, le=2100)
    issuer_code: str = Field(max_length=24)
    date: datetime.date | None = None


@router.post("/references/{int:pk}/correct", response=ReferenceOut, summary="Sửa một dẫn chiếu")
def reference_correct(request: HttpRequest, pk: int, payload: ReferenceIn) -> dict[str, Any]:
    """Ghi lại văn bản mà dẫn chiếu nêu và liên kết lại; bản đọc được vẫn giữ."""
    user = actor(request)
    reference = get_object_or_404(Reference, pk=pk)
    selectors.require_edit(user, reference.document_id)
    form = forms.ReferenceCorrectForm(form_data({}, payload.dict()))
    r = services.reference_correct(reference=reference, actor=user, **clean_form(form))
    seen = r.target_id and selectors.documents_visible_to(user).filter(pk=r.target_id).exists()
    return {
        "id": r.pk,
        "text": r.text,
        "symbol": r.symbol,
        "kind": r.kind,
        "date": r.date,
        "target_id": r.target_id if seen else None,
    }


class RelationIn(Schema):
    kind: str = Field(description="implements, replaces, amends hoặc cancels (như trang).")
    target: int = Field(description="Văn bản liên quan (trong phạm vi của bạn).")
    note: str = Field("", max_length=255)


@router.post("/documents/{int:pk}/relations", response={201: RelationOut}, summary="Ghi quan hệ")
def relation_add(request: HttpRequest, pk: int, payload: RelationIn) -> Status:
    """Văn bản này thực hiện, thay thế, sửa đổi hoặc bãi bỏ văn bản `target`."""
    document = selectors.require_edit(actor(request), pk)
    target = Document.objects.filter(pk=payload.target).first()
    if target is None:
        raise ValidationError({"target": "Không có văn bản này: hãy kiểm tra mã văn bản."})
    relation = services.relation_add(
        source=document, target=target, kind=payload.kind, actor=actor(request), note=payload.note
    )
    return Status(201, relation_reply(relation))


def relation_reply(relation: DocumentRelation) -> dict[str, Any]:
    return {
        "id": relation.pk,
        "kind": relation.kind,
        "kind_label": relation.get_kind_display(),
        "document_id": relation.target_id,
        "note": relation.note,
    }


@router.delete("/relations/{int:pk}", response={204: None}, summary="Bỏ một quan hệ ghi nhầm")
def relation_remove(request: HttpRequest, pk: int) -> Status:
    user = actor(request)
    relation = get_object_or_404(DocumentRelation, pk=pk)
    selectors.require_edit(user, relation.source_id)
    services.relation_remove(relation=relation, actor=user)
    return Status(204, None)
