"""Drafting: a unit's drafts, a new draft from data (as the drafting page makes it), its
wording edited, redrafted on new figures, issued into the register, rendered to .docx and
PDF."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from ninja import Field, Query, Router, Schema, Status

from dangvu.core.forms import LONG_TEXT
from dangvu.drafting import selectors, services
from dangvu.drafting.forms import DraftCreateForm
from dangvu.drafting.models import Draft
from dangvu.drafting.pdf import PdfError, docx_to_pdf
from dangvu.drafting.render import render_docx
from dangvu.drafting.services.scope import authorize

from ..pagination import Page, PageParams, paginate
from ..problems import problem_response
from .common import OrgRef, actor, org_ref, visible_org

router = Router(tags=["Soạn thảo văn bản"])

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DraftOut(Schema):
    id: int
    genre: str
    genre_label: str
    owner: OrgRef
    title: str
    status: str
    status_label: str
    symbol: str = Field(description="Số, ký hiệu khi đã ban hành.")
    document_id: int | None
    source: dict[str, Any]
    updated_at: datetime


def draft_out(d: Draft) -> dict[str, Any]:
    return {
        "id": d.pk,
        "genre": d.genre,
        "genre_label": d.get_genre_display(),
        "owner": org_ref(d.owner),
        "title": d.title,
        "status": d.status,
        "status_label": d.get_status_display(),
        "symbol": d.number.symbol if d.number is not None else "",
        "document_id": d.document_id,
        "source": d.source,
        "updated_at": d.updated_at,
    }


class DraftDetailOut(DraftOut):
    content: dict[str, Any] = Field(
        description="Văn bản dạng dữ liệu: các đoạn, số liệu gắn nguồn."
    )
    figures: dict[str, Any]


@router.get("/drafts", response=Page[DraftOut], summary="Các văn bản soạn trong phạm vi")
def draft_list(request: HttpRequest, params: Query[PageParams]) -> dict[str, Any]:
    rows = selectors.drafts_visible_to(actor(request)).order_by("-updated_at", "-id")
    return paginate(rows, params, convert=draft_out)


class DraftIn(Schema):
    genre: Literal["periodic", "directive", "member_stats"]
    organization: int | None = Field(None, description="Đơn vị soạn (mặc định: đơn vị mình).")
    task: int | None = Field(None, description="Báo cáo kết quả thực hiện: việc được giao.")
    round: int | None = Field(None, description="Báo cáo định kỳ: đợt báo cáo.")
    on: date | None = Field(None, description="Số liệu đến ngày.")


@router.post("/drafts", response={201: DraftDetailOut}, summary="Soạn dự thảo từ số liệu")
def draft_create(request: HttpRequest, payload: DraftIn) -> Status:
    """Như trang Soạn văn bản; gửi kèm `Idempotency-Key` để gửi lại an toàn."""
    user = actor(request)
    owner = (
        visible_org(request, payload.organization) if payload.organization else user.organization
    )
    if owner is None:
        raise PermissionDenied("Tài khoản chưa thuộc tổ chức nào nên chưa soạn được văn bản.")
    authorize(user, owner)
    form = DraftCreateForm(
        {
            "genre": payload.genre,
            "task": payload.task or "",
            "round": payload.round or "",
            "on": payload.on.isoformat() if payload.on else "",
        }
    )
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    d = form.cleaned_data
    source = {
        k: v
        for k, v in {
            "task": d.get("task"),
            "round": d.get("round"),
            "on": (d.get("on") or timezone.localdate()).isoformat(),  # as the page's default
        }.items()
        if v is not None
    }
    draft = services.draft_create(genre=d["genre"], owner=owner, source=source, actor=user)
    return Status(201, _detail(draft))


def _detail(d: Draft) -> dict[str, Any]:
    return {**draft_out(d), "content": d.content, "figures": d.figures}


@router.get("/drafts/{int:pk}", response=DraftDetailOut, summary="Một văn bản soạn")
def draft_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(selectors.require_draft(actor(request), pk))


def _docx(request: HttpRequest, pk: int) -> tuple[bytes, str]:
    draft = selectors.require_draft(actor(request), pk)
    report, _ = selectors.block_views(draft)
    if draft.number is not None:
        stem = draft.number.symbol.replace("/", "-")
    else:
        stem = f"du-thao-{draft.pk}"
    return render_docx(report), stem


def _binary(content_type: str) -> dict[str, Any]:
    return {
        "responses": {
            200: {
                "description": "Tệp",
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


@router.get(
    "/drafts/{int:pk}/docx",
    response={200: None},
    summary="Tải văn bản dạng .docx",
    openapi_extra=_binary(DOCX),
)
def draft_docx(request: HttpRequest, pk: int) -> HttpResponse:
    data, stem = _docx(request, pk)
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}.docx") or ""
    return response


@router.get(
    "/drafts/{int:pk}/pdf",
    response={200: None},
    summary="Tải văn bản dạng PDF",
    openapi_extra={
        **_binary("application/pdf"),
    },
)
def draft_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    data, stem = _docx(request, pk)
    try:
        pdf = docx_to_pdf(data)
    except PdfError as exc:
        # the same message as the page; the .docx is still there
        return problem_response(request, 409, str(exc))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}.pdf") or ""
    return response


class BlockEditIn(Schema):
    index: int = Field(ge=0, description="Số thứ tự đoạn trong `content.blocks`, từ 0.")
    text: str = Field(max_length=LONG_TEXT, description="Lời văn mới của đoạn.")


@router.post("/drafts/{int:pk}/edit", response=DraftDetailOut, summary="Sửa một đoạn dự thảo")
def draft_edit(request: HttpRequest, pk: int, payload: BlockEditIn) -> dict[str, Any]:
    """Như trang dự thảo: thay lời văn của một đoạn; số liệu còn trong câu vẫn gắn nguồn."""
    user = actor(request)
    draft = services.draft_edit_block(
        draft=selectors.require_draft(user, pk), index=payload.index, text=payload.text, actor=user
    )
    return _detail(draft)


@router.post(
    "/drafts/{int:pk}/redraft", response=DraftDetailOut, summary="Soạn lại theo số liệu mới"
)
def draft_redraft(request: HttpRequest, pk: int) -> dict[str, Any]:
    """Như nút Soạn lại: số liệu lấy lại từ nguồn, lời văn đã sửa được giữ."""
    draft = selectors.require_draft(actor(request), pk)
    return _detail(services.draft_redraft(draft=draft, actor=actor(request)))


class IssueIn(Schema):
    on: date | None = Field(None, description="Ngày ban hành (mặc định hôm nay).")
    signer: str = Field(max_length=120, description="Họ tên người ký.")
    capacity: str = Field("", max_length=60, description="Thẩm quyền ký (T/M BAN THƯỜNG VỤ).")
    position: str = Field("", max_length=60, description="Chức vụ người ký (BÍ THƯ).")


@router.post("/drafts/{int:pk}/issue", response=DraftDetailOut, summary="Ban hành văn bản")
def draft_issue(request: HttpRequest, pk: int, payload: IssueIn) -> dict[str, Any]:
    """Như trang dự thảo: lấy số tiếp theo trong sổ của đơn vị, ghi ngày, người ký, rồi ghi
    tệp .docx vào sổ văn bản (`document_id`); tải tệp bằng `/drafts/{id}/docx` hoặc `/pdf`."""
    user = actor(request)
    if not payload.signer.strip():
        raise ValidationError({"signer": "Hãy ghi họ tên người ký."})
    draft = services.draft_issue(
        draft=selectors.require_draft(user, pk),
        actor=user,
        on=payload.on,
        signer=payload.signer,
        capacity=payload.capacity,
        position=payload.position,
    )
    return _detail(draft)
