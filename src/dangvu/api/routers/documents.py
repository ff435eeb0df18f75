"""Documents: the register with its filters, an entry with findings, references and
relations, the citation chain, and the upload of a file (the same readers and refusals)."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from dangvu.documents import forms, readers, selectors, services
from dangvu.documents.models import Document, Visibility
from dangvu.flows import register

from ..pagination import Page, PageParams, paginate
from .common import OrgRef, actor, org_ref

router = Router(tags=["Văn bản"])


class DocumentOut(Schema):
    id: int
    kind: str
    symbol: str
    type_code: str
    type_name: str
    number: str
    year: int | None
    issuer_code: str
    issuer_name: str
    date: date | None
    title: str
    place: str
    status: str
    status_label: str
    visibility: str
    owner: OrgRef | None
    original_name: str
    created_at: datetime
    updated_at: datetime


def document_out(d: Document) -> dict[str, Any]:
    return {
        "id": d.pk,
        "kind": d.kind,
        "symbol": d.symbol,
        "type_code": d.type_code,
        "type_name": d.type_name,
        "number": d.number,
        "year": d.year,
        "issuer_code": d.issuer_code,
        "issuer_name": d.issuer_name,
        "date": d.date,
        "title": d.title,
        "place": d.place,
        "status": d.status,
        "status_label": d.get_status_display(),
        "visibility": d.visibility,
        "owner": org_ref(d.owner),
        "original_name": d.original_name,
        "created_at": d.created_at,
        "updated_at": d.updated_at,
    }


# The list page's form, under the API's English names.
FORM_NAMES = {
    "q": "q",
    "type_code": "loai",
    "issuer_code": "co_quan",
    "status": "trang_thai",
    "date_from": "tu_ngay",
    "date_to": "den_ngay",
}


class DocumentFilterParams(PageParams):
    q: str = Field("", max_length=100, description="Số, trích yếu, nội dung; không cần dấu.")
    type_code: str = Field("", description="Ký hiệu loại: NQ, KH, BC, ...")
    issuer_code: str = Field("", description="Ký hiệu cơ quan ban hành: TW, TU, ĐU, ...")
    status: str = ""
    owner: int | None = Field(None, description="Đơn vị (và các đơn vị dưới nó).")
    date_from: date | None = None
    date_to: date | None = None
    updated_since: datetime | None = Field(
        None, description="Chỉ các văn bản ghi hoặc sửa từ thời điểm này (đồng bộ dần)."
    )


@router.get("/documents", response=Page[DocumentOut], summary="Sổ văn bản")
def document_list(request: HttpRequest, filters: Query[DocumentFilterParams]) -> dict[str, Any]:
    """Các văn bản trong phạm vi, lọc như trang Sổ văn bản."""
    user = actor(request)
    data = {
        FORM_NAMES[k]: ("" if v is None else str(v))
        for k, v in filters.dict(include=set(FORM_NAMES)).items()
    }
    form = forms.DocumentFilterForm(data)
    errors = {k: list(v) for k, v in form.errors.items()}
    owner = filters.owner
    if owner is not None and owner not in {
        o.pk for o in selectors.owner_choices(user, include=str(owner))
    }:
        errors["don_vi"] = ["Đơn vị này không có hoặc nằm ngoài phạm vi đơn vị của bạn."]
    if errors:
        back = {v: k for k, v in FORM_NAMES.items()} | {"don_vi": "owner"}
        raise ValidationError({back.get(k, k): v for k, v in errors.items()})
    d = form.cleaned_data
    rows = selectors.document_list(
        user,
        selectors.DocumentFilters(
            query=d["q"],
            type_code=d["loai"],
            issuer_code=d["co_quan"],
            status=d["trang_thai"],
            owner_id=owner,
            date_from=d["tu_ngay"],
            date_to=d["den_ngay"],
        ),
    )
    if filters.updated_since:
        rows = rows.filter(updated_at__gte=filters.updated_since)
    return paginate(rows.order_by("-date", "-id"), filters, convert=document_out)


class ReferenceOut(Schema):
    id: int
    text: str
    kind: str
    symbol: str
    date: date | None
    target_id: int | None = Field(description="Văn bản được dẫn chiếu, nếu người dùng xem được.")


class FindingOut(Schema):
    id: int
    kind: str
    text: str
    value: dict[str, Any]
    corrected: bool
    rejected: bool


class RelationOut(Schema):
    id: int
    kind: str
    kind_label: str
    document_id: int
    note: str


class DocumentDetailOut(DocumentOut):
    text: str
    references: list[ReferenceOut]
    findings: list[FindingOut]
    relations_out: list[RelationOut]
    relations_in: list[RelationOut]


@router.get("/documents/{int:pk}", response=DocumentDetailOut, summary="Một văn bản")
def document_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = actor(request)
    document = selectors.require_view(user, pk)
    relations = selectors.relations_of(user, document)
    return {
        **document_out(document),
        "text": document.text,
        "references": [
            {
                "id": r.pk,
                "text": r.text,
                "kind": r.kind,
                "symbol": r.symbol,
                "date": r.date,
                "target_id": r.target_id if can_open else None,
            }
            for r, can_open in selectors.references_of(user, document)
        ],
        "findings": [
            {
                "id": f.pk,
                "kind": f.kind,
                "text": f.text,
                "value": f.value,
                "corrected": f.is_corrected,
                "rejected": f.rejected,
            }
            for f in selectors.findings_of(document)
        ],
        "relations_out": [
            {
                "id": r.pk,
                "kind": r.kind,
                "kind_label": r.get_kind_display(),
                "document_id": r.target_id,
                "note": r.note,
            }
            for r in relations["out"]
        ],
        "relations_in": [
            {
                "id": r.pk,
                "kind": r.kind,
                "kind_label": r.get_kind_display(),
                "document_id": r.source_id,
                "note": r.note,
            }
            for r in relations["in"]
        ],
    }


class ChainNodeOut(Schema):
    document: DocumentOut
    depth: int
    parent_id: int
    via: str


class ChainOut(Schema):
    up: list[ChainNodeOut] = Field(description="Văn bản này dẫn chiếu, và các văn bản đó ...")
    down: list[ChainNodeOut] = Field(description="Các văn bản dẫn chiếu văn bản này, ...")
    truncated: bool


class ChainParams(Schema):
    depth: int = Field(4, ge=1, le=8)


@router.get("/documents/{int:pk}/chain", response=ChainOut, summary="Chuỗi dẫn chiếu")
def document_chain(request: HttpRequest, pk: int, params: Query[ChainParams]) -> dict[str, Any]:
    user = actor(request)
    document = selectors.require_view(user, pk)
    chain = selectors.citation_chain(document, user=user, depth=params.depth)

    def nodes(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {
                "document": document_out(n.document),
                "depth": n.depth,
                "parent_id": n.parent_id,
                "via": n.via,
            }
            for n in items
        ]

    return {"up": nodes(chain.up), "down": nodes(chain.down), "truncated": chain.truncated}


class UploadParams(Schema):
    owner: int | None = Field(None, description="Đơn vị ghi văn bản (mặc định: đơn vị mình).")
    status: str = Field("", description="Để trống: tự nhận biết; issued; draft.")
    visibility: str = Field(Visibility.INTERNAL, description="Phạm vi xem.")


class UploadOut(Schema):
    created: bool = Field(description="false: tệp này đã có trong sổ (trả về văn bản đó).")
    document: DocumentOut
    references: int
    placeholders: int
    extraction_failed: bool


@router.post("/documents", response={200: UploadOut, 201: UploadOut}, summary="Tải lên một văn bản")
def document_upload(
    request: HttpRequest, params: Query[UploadParams], file: File[UploadedFile]
) -> Status:
    """Cùng bộ đọc (.docx, .pdf có lớp chữ, .txt; TCVN3, VNI), cùng giới hạn cỡ tệp và cùng
    thông báo từ chối như trang Tải lên."""
    user = actor(request)
    if not user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được ghi văn bản vào sổ.")
    units = selectors.owner_choices(user)
    form = forms.UploadForm(
        {
            "owner": str(params.owner or getattr(user.organization, "pk", None) or ""),
            "status": params.status,
            "visibility": params.visibility,
        },
        {"file": file},
        units=units,
    )
    if file.size and file.size > readers.max_file_size():
        raise ValidationError({"file": readers.too_large_message(file.size)})
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    try:
        result = register.document_ingest(  # as the upload page: tasks it completes too
            name=file.name or "",
            data=file.read(),
            actor=user,
            owner=form.cleaned_data["owner"],
            status=form.cleaned_data["status"] or None,
            visibility=form.cleaned_data["visibility"] or Visibility.INTERNAL,
        )
    except readers.UnreadableFile as exc:
        raise ValidationError({"file": exc.message}) from exc
    return Status(
        201 if result.created else 200,
        {
            "created": result.created,
            "document": document_out(result.document),
            "references": len(result.references),
            "placeholders": len(result.placeholders),
            "extraction_failed": result.extraction_failed,
        },
    )


# --- corrections of an entry ------------------------------------------------------------


def form_data(initial: dict[str, Any], sent: dict[str, Any]) -> dict[str, Any]:
    """The page's form data: what the entry holds, overwritten by what was sent."""
    data = {**initial, **sent}
    return {
        k: ("" if v is None else v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in data.items()
    }


def clean_form(form: Any) -> dict[str, Any]:
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    return dict(form.cleaned_data)


def _same(value: Any, before: Any) -> bool:
    return value == before or (value in ("", None) and before in ("", None))


class DocumentPatch(Schema):
    """Only the fields sent change, as on the page Sửa thông tin văn bản."""

    kind: str | None = None
    type_code: str | None = Field(None, max_length=16)
    type_name: str | None = Field(None, max_length=80)
    number: str | None = Field(None, max_length=16)
    year: int | None = Field(None, ge=1900, le=2100)
    issuer_code: str | None = Field(None, max_length=24)
    date: dt.date | None = None
    title: str | None = Field(None, max_length=2000)
    place: str | None = Field(None, max_length=80)
    status: str | None = None
    visibility: str | None = None


@router.patch("/documents/{int:pk}", response=DocumentOut, summary="Sửa thông tin văn bản")
def document_update(request: HttpRequest, pk: int, payload: DocumentPatch) -> dict[str, Any]:
    """Số mới trùng một văn bản chờ (được dẫn chiếu nhưng chưa có) thì nhận các dẫn chiếu
    của nó; dẫn chiếu không ghi ngày của số cũ và số mới được liên kết lại."""
    user = actor(request)
    document = selectors.require_edit(user, pk)
    fields = list(forms.DocumentEditForm.base_fields)
    initial = {name: getattr(document, name) for name in fields}
    form = forms.DocumentEditForm(
        form_data(initial, payload.dict(exclude_unset=True)),
        placeholder=document.is_placeholder,
    )
    data = clean_form(form)
    changes = {k: v for k, v in data.items() if not _same(v, initial[k])}
    return document_out(services.document_update(document=document, actor=user, **changes))
