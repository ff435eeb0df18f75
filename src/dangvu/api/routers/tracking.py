"""Tracking: tasks of a directive and their progress, a unit's assignments, reports
(submissions), and the superior's confirm / return, through the pages' selectors and
services."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from dangvu.core.forms import LONG_TEXT
from dangvu.orgs import paths
from dangvu.tracking import forms, rules, selectors, services
from dangvu.tracking.models import Assignment, Task
from dangvu.tracking.services.scope import is_own_unit, is_superior

from ..pagination import Page, PageParams, paginate
from .common import OrgRef, actor, org_ref, visible_org

router = Router(tags=["Theo dõi thực hiện"])


class TaskOut(Schema):
    id: int
    title: str
    description: str
    kind: str
    source_id: int
    source: str
    issued_on: date
    due_on: date
    round: int
    series_id: int | None
    owner: OrgRef | None
    rule_root: OrgRef
    unit_rule: str
    asks_sessions: bool
    asks_participants: bool


def task_out(t: Task) -> dict[str, Any]:
    return {
        "id": t.pk,
        "title": t.title,
        "description": t.description,
        "kind": t.kind,
        "source_id": t.source_id,
        "source": str(t.source),
        "issued_on": t.issued_on,
        "due_on": t.due_on,
        "round": t.round,
        "series_id": t.series_id,
        "owner": org_ref(t.owner),
        "rule_root": org_ref(t.rule_root),
        "unit_rule": t.unit_rule,
        "asks_sessions": t.asks_sessions,
        "asks_participants": t.asks_participants,
    }


class TaskParams(PageParams):
    q: str = Field("", max_length=100, description="Tìm trong nội dung việc, văn bản nguồn.")


@router.get("/tasks", response=Page[TaskOut], summary="Các việc giao trong phạm vi")
def task_list(request: HttpRequest, params: Query[TaskParams]) -> dict[str, Any]:
    tasks = selectors.tasks_visible_to(actor(request)).select_related(
        "source", "owner", "rule_root"
    )
    query = params.q.strip()
    if query:  # as the task list page searches
        tasks = tasks.filter(Q(title__icontains=query) | Q(source__search_text__contains=query))
    tasks = tasks.defer("source__text", "source__search_text")
    return paginate(tasks.order_by("-issued_on", "due_on", "id"), params, convert=task_out)


class TaskIn(Schema):
    """The task page's form: a task from an issued document, one per round of due dates,
    each assigned to every unit the rule takes below `rule_root` on `issued_on`."""

    source: int = Field(description="Văn bản giao việc (đã ban hành, trong sổ).")
    title: str = Field(max_length=500)
    kind: str = Field(description="Loại việc (như trang Giao việc).")
    description: str = Field("", max_length=LONG_TEXT)
    issued_on: date
    due_dates: list[date] = Field(
        min_length=1, max_length=3, description="Hạn lần 1, lần 2, lần 3 (một việc mỗi lần)."
    )
    unit_rule: str = Field(description="Quy tắc chọn đơn vị thực hiện; `listed`: theo danh sách.")
    rule_root: int | None = Field(None, description="Trong phạm vi (mặc định: đơn vị mình).")
    listed: list[int] = Field(default_factory=list, max_length=5000)
    asks_sessions: bool = False
    asks_participants: bool = False


class TaskCreatedOut(Schema):
    tasks: list[TaskOut]
    units: int = Field(description="Số đơn vị được giao (mỗi việc).")


DUE_FIELDS = ("due_on", "due_on_2", "due_on_3")


def _due_dates_named(exc: ValidationError) -> ValidationError:
    """The form's and the service's due-date fields are `due_dates` here."""
    if not hasattr(exc, "error_dict"):
        return exc
    named: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        named.setdefault("due_dates" if field in DUE_FIELDS else field, []).extend(messages)
    return ValidationError(named)


@router.post("/tasks", response={201: TaskCreatedOut}, summary="Giao việc từ một văn bản")
def task_create(request: HttpRequest, payload: TaskIn) -> Status:
    """Cùng biểu mẫu và cùng dịch vụ như trang Giao việc: văn bản và phạm vi trong tầm của
    người giao, đơn vị thực hiện theo cây tổ chức ngày giao. Gửi kèm `Idempotency-Key` để
    gửi lại an toàn."""
    user = actor(request)
    if not user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được giao việc.")
    data = QueryDict(mutable=True)
    root = payload.rule_root or getattr(user.organization, "pk", None)
    values = {
        "source": payload.source,
        "title": payload.title,
        "kind": payload.kind,
        "description": payload.description,
        "issued_on": payload.issued_on.isoformat(),
        "rule_root": root or "",
        "unit_rule": payload.unit_rule,
    }
    values.update({f: d.isoformat() for f, d in zip(DUE_FIELDS, payload.due_dates, strict=False)})
    values.update({k: "on" for k in ("asks_sessions", "asks_participants") if getattr(payload, k)})
    for key, value in values.items():
        data[key] = str(value)
    data.setlist("listed", [str(pk) for pk in payload.listed])
    form = forms.TaskForm(data, user=user)
    if not form.is_valid():
        raise _due_dates_named(ValidationError(form.errors))
    try:
        tasks = services.task_create(**form.task_arguments(), actor=user)
    except ValidationError as exc:
        raise _due_dates_named(exc) from exc
    return Status(
        201, {"tasks": [task_out(t) for t in tasks], "units": tasks[0].assignments.count()}
    )


class ProgressOut(Schema):
    organization: OrgRef | None
    total: int
    done: int
    on_time: int
    late: int
    submitted: int
    returned: int
    in_progress: int
    pending: int
    exempt: int
    overdue: int
    missing: int
    sessions: int
    participants: int


def progress_out(row: Any) -> dict[str, Any]:
    keys = (
        "total", "done", "on_time", "late", "submitted", "returned", "in_progress", "pending",
        "exempt", "overdue", "missing", "sessions", "participants",
    )  # fmt: skip
    return {"organization": org_ref(row.org), **{k: getattr(row, k) for k in keys}}


class TaskDetailOut(TaskOut):
    node: OrgRef
    summary: ProgressOut
    rows: list[ProgressOut]


class NodeParams(Schema):
    organization: int | None = Field(None, description="Đơn vị để đếm (mặc định như trang).")


@router.get("/tasks/{int:pk}", response=TaskDetailOut, summary="Một việc và tiến độ")
def task_detail(request: HttpRequest, pk: int, params: Query[NodeParams]) -> dict[str, Any]:
    """Tiến độ của cây dưới `organization`, từng đơn vị trực thuộc một dòng."""
    user = actor(request)
    task = selectors.require_task(user, pk)
    node = selectors.task_node(user, task, params.organization)
    progress = selectors.progress_of(task, node, timezone.localdate())
    return {
        **task_out(task),
        "node": org_ref(node),
        "summary": progress_out(progress.summary),
        "rows": [progress_out(r) for r in progress.rows],
    }


class AssignmentOut(Schema):
    id: int
    task_id: int
    task_title: str
    due_on: date
    organization: OrgRef
    state: str
    state_label: str
    shown: str = Field(description="Tình trạng như trang hiện: trễ hạn, đúng hạn, ...")
    shown_label: str
    completed_on: date | None
    sessions: int | None
    participants: int | None
    evidence_document_id: int | None
    exempt_reason: str
    exempt_note: str
    updated_at: datetime


def assignment_out(a: Assignment, today: date) -> dict[str, Any]:
    shown = a.shown(today)
    return {
        "id": a.pk,
        "task_id": a.task_id,
        "task_title": a.task.title,
        "due_on": a.task.due_on,
        "organization": org_ref(a.organization),
        "state": a.state,
        "state_label": a.get_state_display(),
        "shown": shown,
        "shown_label": rules.SHOWN_LABELS[shown],
        "completed_on": a.completed_on,
        "sessions": a.sessions,
        "participants": a.participants,
        "evidence_document_id": a.evidence_document_id,
        "exempt_reason": a.exempt_reason,
        "exempt_note": a.exempt_note,
        "updated_at": a.updated_at,
    }


@router.get(
    "/tasks/{int:pk}/assignments",
    response=Page[AssignmentOut],
    summary="Phần việc của các đơn vị trong phạm vi",
)
def task_assignments(request: HttpRequest, pk: int, params: Query[PageParams]) -> dict[str, Any]:
    user = actor(request)
    task = selectors.require_task(user, pk)
    rows = Assignment.objects.filter(task=task).select_related("task", "organization")
    if not user.is_superuser:
        low, high = paths.subtree_bounds(user.organization.path)
        rows = rows.filter(organization__path__gte=low, organization__path__lt=high)
    today = timezone.localdate()
    return paginate(
        rows.order_by("organization__path"), params, convert=lambda a: assignment_out(a, today)
    )


@router.get(
    "/organizations/{int:pk}/assignments",
    response=list[AssignmentOut],
    summary="Việc của một đơn vị",
)
def unit_assignments(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """Mọi phần việc giao cho đơn vị (trừ phần được miễn), hạn gần nhất trước."""
    org = visible_org(request, pk)
    today = timezone.localdate()
    items = selectors.due_list(org, today, include_done=True)
    return [assignment_out(i.assignment, today) for i in items]


@router.get("/reviews", response=list[AssignmentOut], summary="Báo cáo của cấp dưới chờ xác nhận")
def awaiting_review(request: HttpRequest) -> list[dict[str, Any]]:
    today = timezone.localdate()
    return [assignment_out(a, today) for a in selectors.awaiting_review(actor(request))]


class SubmissionOut(Schema):
    id: int
    decision: str
    decision_label: str
    text: str
    completed_on: date | None
    sessions: int | None
    participants: int | None
    evidence_document_id: int | None
    submitted_at: datetime
    reviewed_at: datetime | None
    review_comment: str


class AssignmentDetailOut(AssignmentOut):
    can_submit: bool
    can_review: bool
    history: list[SubmissionOut]


def _detail(request: HttpRequest, a: Assignment) -> dict[str, Any]:
    user = actor(request)
    return {
        **assignment_out(a, timezone.localdate()),
        "can_submit": is_own_unit(user, a.organization) and a.state in rules.OPEN_STATES,
        "can_review": is_superior(user, a.organization),
        "history": [
            {
                "id": s.pk,
                "decision": s.decision,
                "decision_label": s.get_decision_display(),
                "text": s.text,
                "completed_on": s.completed_on,
                "sessions": s.sessions,
                "participants": s.participants,
                "evidence_document_id": s.evidence_document_id,
                "submitted_at": s.submitted_at,
                "reviewed_at": s.reviewed_at,
                "review_comment": s.review_comment,
            }
            for s in selectors.assignment_history(a)
        ],
    }


@router.get("/assignments/{int:pk}", response=AssignmentDetailOut, summary="Một phần việc")
def assignment_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _detail(request, selectors.require_assignment(actor(request), pk))


class SubmitIn(Schema):
    text: str = ""
    completed_on: date | None = Field(None, description="Để trống: hôm nay.")
    sessions: int | None = Field(None, ge=0)
    participants: int | None = Field(None, ge=0)
    evidence_symbol: str = Field("", description="Văn bản của đơn vị trong sổ, ví dụ 15-KH/ĐU.")
    final: bool = Field(True, description="false: chỉ cập nhật tiến độ, chưa gửi xác nhận.")


@router.post(
    "/assignments/{int:pk}/submissions",
    response={201: AssignmentDetailOut},
    summary="Báo cáo kết quả một phần việc",
)
def assignment_submit(request: HttpRequest, pk: int, payload: SubmitIn) -> Status:
    user = actor(request)
    assignment = selectors.require_assignment(user, pk)
    if not is_own_unit(user, assignment.organization):
        raise PermissionDenied(
            "Chỉ chuyên viên, lãnh đạo của chính đơn vị được báo cáo phần việc này."
        )
    data = {
        k: "" if v is None else (v.isoformat() if isinstance(v, date) else str(v))
        for k, v in payload.dict(exclude={"final"}).items()
    }
    form = forms.SubmitForm(data, user=user, task=assignment.task)
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    d = form.cleaned_data
    try:
        services.assignment_submit(
            assignment=assignment,
            actor=user,
            text=d["text"],
            completed_on=d["completed_on"],
            sessions=d.get("sessions"),
            participants=d.get("participants"),
            evidence_document=d["evidence_symbol"],
            final=payload.final,
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "evidence_document" in exc.error_dict:
            exc.error_dict["evidence_symbol"] = exc.error_dict.pop("evidence_document")
        raise
    return Status(201, _detail(request, selectors.require_assignment(user, pk)))


class ReviewIn(Schema):
    comment: str = ""


def _reviewable(request: HttpRequest, pk: int) -> Assignment:
    user = actor(request)
    assignment = selectors.require_assignment(user, pk)
    if not is_superior(user, assignment.organization):
        raise PermissionDenied("Chỉ lãnh đạo cấp ủy cấp trên của đơn vị được làm việc này.")
    return assignment


@router.post(
    "/assignments/{int:pk}/confirm", response=AssignmentDetailOut, summary="Xác nhận hoàn thành"
)
def assignment_confirm(request: HttpRequest, pk: int, payload: ReviewIn) -> dict[str, Any]:
    assignment = _reviewable(request, pk)
    services.assignment_confirm(
        assignment=assignment, actor=actor(request), comment=payload.comment
    )
    return _detail(request, selectors.require_assignment(actor(request), pk))


@router.post(
    "/assignments/{int:pk}/return", response=AssignmentDetailOut, summary="Trả lại báo cáo"
)
def assignment_return(request: HttpRequest, pk: int, payload: ReviewIn) -> dict[str, Any]:
    assignment = _reviewable(request, pk)
    services.assignment_return(assignment=assignment, actor=actor(request), comment=payload.comment)
    return _detail(request, selectors.require_assignment(actor(request), pk))
