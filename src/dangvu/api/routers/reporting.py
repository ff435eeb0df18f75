"""Periodic reporting: rounds, a unit's report (values, narratives, submit), approval and
return by the superior, completeness and the consolidation, through reporting's own
selectors and services."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from dangvu.reporting import selectors, services
from dangvu.reporting.models import Round, Submission

from ..pagination import Page, PageParams, paginate
from .common import OrgRef, actor, org_ref, visible_org

router = Router(tags=["Báo cáo định kỳ"])


class RoundOut(Schema):
    id: int
    title: str
    form_code: str
    form_title: str
    owner: OrgRef
    period_kind: str
    period_key: str
    period_start: date
    period_end: date
    opens_on: date
    due_on: date
    locks_on: date
    units: int


def round_out(r: Round) -> dict[str, Any]:
    return {
        "id": r.pk,
        "title": r.title,
        "form_code": r.form.code,
        "form_title": r.form.title,
        "owner": org_ref(r.owner),
        "period_kind": r.period_kind,
        "period_key": r.period_key,
        "period_start": r.period_start,
        "period_end": r.period_end,
        "opens_on": r.opens_on,
        "due_on": r.due_on,
        "locks_on": r.locks_on,
        "units": r.units,
    }


@router.get("/reporting/rounds", response=Page[RoundOut], summary="Các đợt báo cáo")
def round_list(request: HttpRequest, params: Query[PageParams]) -> dict[str, Any]:
    rows = selectors.rounds_visible(actor(request)).order_by("-period_end", "-id")
    return paginate(rows, params, convert=round_out)


class OrgParam(Schema):
    organization: int | None = Field(None, description="Đơn vị (mặc định: đơn vị mình).")


def _org(request: HttpRequest, params: OrgParam, r: Round) -> Any:
    if params.organization:
        return visible_org(request, params.organization)
    return actor(request).organization or r.owner


class TallyOut(Schema):
    total: int
    expected: int
    reported: int
    on_time: int
    late: int
    approved: int
    waiting: int
    returned: int
    excused: int
    overdue: int
    missing: int
    percent: int
    text: str


def tally_out(t: Any) -> dict[str, Any]:
    keys = (
        "total", "expected", "reported", "on_time", "late", "approved", "waiting", "returned",
        "excused", "overdue", "missing", "percent", "text",
    )  # fmt: skip
    return {k: getattr(t, k) for k in keys}


class CompletenessRowOut(Schema):
    organization_id: int
    name: str
    tally: TallyOut
    drillable: bool


class MissingOut(Schema):
    submission_id: int
    organization_id: int
    name: str
    state: str
    state_label: str
    reminded_at: datetime | None
    reminders: int


class CompletenessOut(Schema):
    round_id: int
    title: str
    due_on: date
    organization_id: int
    name: str
    tally: TallyOut
    rows: list[CompletenessRowOut]
    missing: list[MissingOut]


@router.get(
    "/reporting/rounds/{int:pk}/completeness",
    response=CompletenessOut,
    summary="Đơn vị đã, chưa báo cáo",
)
def round_completeness(request: HttpRequest, pk: int, params: Query[OrgParam]) -> dict[str, Any]:
    user = actor(request)
    r = selectors.require_round(user, pk)
    c = selectors.completeness(
        actor=user, round=r, organization=_org(request, params, r), today=timezone.localdate()
    )
    return {
        "round_id": c.round_id,
        "title": c.title,
        "due_on": c.due_on,
        "organization_id": c.organization_id,
        "name": c.name,
        "tally": tally_out(c.tally),
        "rows": [
            {
                "organization_id": row.organization_id,
                "name": row.name,
                "tally": tally_out(row.tally),
                "drillable": row.drillable,
            }
            for row in c.rows
        ],
        "missing": [asdict(m) for m in c.missing],
    }


class PartOut(Schema):
    code: str
    label: str
    value: Decimal | None


class ConsolidationRowOut(Schema):
    code: str
    label: str
    section: str
    unit: str
    value_type: str
    value: Decimal | str | None
    shown: str
    parts: list[PartOut]
    last_year: Decimal | None
    change: Decimal | None
    target: Decimal | None
    year_to_date: Decimal | None
    progress: Decimal | None
    progress_text: str
    is_ratio: bool


class NarrativeOut(Schema):
    organization_id: int
    unit: str
    section: str
    title: str
    text: str


class ConsolidationOut(Schema):
    round_id: int
    form_code: str
    form_title: str
    period_key: str
    period_label: str
    as_of: date
    organization_id: int
    organization_name: str
    units_approved: int
    units_expected: int
    last_year_label: str | None
    rows: list[ConsolidationRowOut]
    narratives: list[NarrativeOut]


@router.get(
    "/reporting/rounds/{int:pk}/consolidation",
    response=ConsolidationOut,
    summary="Tổng hợp số liệu đã duyệt của một cây",
)
def round_consolidation(request: HttpRequest, pk: int, params: Query[OrgParam]) -> dict[str, Any]:
    user = actor(request)
    r = selectors.require_round(user, pk)
    c = selectors.consolidation(actor=user, round=r, organization=_org(request, params, r))
    return asdict(c)


class SubmissionOut(Schema):
    id: int
    round_id: int
    organization: OrgRef
    kind: str
    name: str
    state: str
    state_label: str
    values: dict[str, str] = Field(description="Các ô như đơn vị đã nhập (đã lưu).")
    narratives: dict[str, str]
    submitted_on: date | None
    submitted_at: datetime | None
    decided_at: datetime | None
    comment: str


def submission_out(s: Submission) -> dict[str, Any]:
    return {
        "id": s.pk,
        "round_id": s.round_id,
        "organization": org_ref(s.organization),
        "kind": s.kind,
        "name": s.name,
        "state": s.state,
        "state_label": s.get_state_display(),
        "values": {
            v.cell: (v.text if v.number is None else str(v.number)) or ""
            for v in s.values.select_related("indicator")
        },
        "narratives": {k: str(v) for k, v in (s.narratives or {}).items()},
        "submitted_on": s.submitted_on,
        "submitted_at": s.submitted_at,
        "decided_at": s.decided_at,
        "comment": s.comment,
    }


@router.get(
    "/reporting/submissions/{int:pk}", response=SubmissionOut, summary="Báo cáo của một đơn vị"
)
def submission_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return submission_out(selectors.require_submission(actor(request), pk))


class SubmissionIn(Schema):
    values: dict[str, str] = Field(
        description='Ô → giá trị như gõ trên trang ("1.234", "12,5", "có").'
    )
    reasons: dict[str, str] = Field(
        default_factory=dict, description="Lý do khi sửa một ô Đảng vụ tự tính."
    )
    narratives: dict[str, str] = Field(
        default_factory=dict, description="ket_qua, han_che, phuong_huong, kien_nghi."
    )
    submit: bool = Field(False, description="true: gửi cấp trên; false: lưu nháp.")


@router.post(
    "/reporting/submissions/{int:pk}", response=SubmissionOut, summary="Lưu hoặc gửi báo cáo"
)
def submission_save(request: HttpRequest, pk: int, payload: SubmissionIn) -> dict[str, Any]:
    """Mọi lỗi được trả về cùng lúc, theo ô (`errors`), và không lưu gì."""
    user = actor(request)
    s = selectors.require_submission(user, pk)
    s = services.submission_save(
        submission=s,
        values=payload.values,
        reasons=payload.reasons,
        narratives=payload.narratives,
        submit=payload.submit,
        actor=user,
    )
    return submission_out(s)


class ReturnIn(Schema):
    comment: str


@router.post(
    "/reporting/submissions/{int:pk}/approve", response=SubmissionOut, summary="Duyệt báo cáo"
)
def submission_approve(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = actor(request)
    s = services.submission_approve(submission=selectors.require_submission(user, pk), actor=user)
    return submission_out(s)


@router.post(
    "/reporting/submissions/{int:pk}/return", response=SubmissionOut, summary="Trả lại báo cáo"
)
def submission_return(request: HttpRequest, pk: int, payload: ReturnIn) -> dict[str, Any]:
    user = actor(request)
    s = services.submission_return(
        submission=selectors.require_submission(user, pk), comment=payload.comment, actor=user
    )
    return submission_out(s)


class ReopenIn(Schema):
    comment: str = Field(max_length=2000, description="Lý do mở lại.")
    until: date | None = Field(
        None, description="Sau ngày khóa sổ: được nhập đến ngày này (mặc định 7 ngày)."
    )


@router.post(
    "/reporting/submissions/{int:pk}/reopen", response=SubmissionOut, summary="Mở lại báo cáo"
)
def submission_reopen(request: HttpRequest, pk: int, payload: ReopenIn) -> dict[str, Any]:
    """Cấp trên mở lại báo cáo đã duyệt, như trang báo cáo: số liệu rời khỏi tổng hợp, báo
    cáo tổng hợp đã duyệt ở trên trở về chờ."""
    user = actor(request)
    s = services.submission_reopen(
        submission=selectors.require_submission(user, pk),
        comment=payload.comment,
        until=payload.until,
        actor=user,
    )
    return submission_out(s)


class ExcuseIn(Schema):
    reason: str = Field(max_length=2000, description="Lý do miễn báo cáo.")


@router.post(
    "/reporting/submissions/{int:pk}/excuse",
    response=SubmissionOut,
    summary="Miễn báo cáo cho một đơn vị",
)
def submission_excuse(request: HttpRequest, pk: int, payload: ExcuseIn) -> dict[str, Any]:
    user = actor(request)
    s = services.submission_excuse(
        submission=selectors.require_submission(user, pk), reason=payload.reason, actor=user
    )
    return submission_out(s)
