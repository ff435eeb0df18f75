"""Demo tracking data.

`demo`: tasks from the province's action program 42-CTr/TU (registered by the documents
demo, or here if absent): plans (done by the communes' registered plans), study sessions
and reports lần 1/lần 2 for 2023, with units done on time, late, overdue, one returned and
one waiting for confirmation; and tasks for the present tree, due around today, so the
due lists and reminders have something to show. Everything through the services.

`province`/`nation`: a national directive assigned to every grassroots organization,
with a plausible mix of states written set-based (see `national_directive`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import Count, F
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.core.audit import audit_record
from dangvu.documents.models import Document, DocumentStatus
from dangvu.documents.services import document_register
from dangvu.orgs.models import Organization, OrgKind

from .models import Assignment, AssignmentState, Task, TaskKind
from .services import (
    assignment_confirm,
    assignment_return,
    assignment_submit,
    assignments_follow_tree,
    task_create,
)

PROGRAM_DATE = date(2022, 12, 28)


def _program(province: Organization) -> Document:
    found = Document.objects.filter(issuer=province, number="42", type_code="CTr").first()
    if found is not None:
        return found
    return document_register(
        actor=SYSTEM,
        owner=province,
        type_code="CTr",
        number="42",
        issuer_code="TU",
        date=PROGRAM_DATE,
        title="thực hiện Nghị quyết số 21-NQ/TW về tăng cường củng cố, xây dựng tổ chức cơ sở đảng",
        text="Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng.",
    ).document


def _report(
    a: Assignment, on: date, sessions: int, text: str = "Đã tổ chức theo kế hoạch."
) -> None:
    assignment_submit(
        assignment=a,
        actor=SYSTEM,
        text=text,
        completed_on=on,
        sessions=sessions if a.task.asks_sessions else None,
        participants=sessions * 25 if a.task.asks_participants else None,
    )


def _demo(province: Organization, log: Callable[[str], None]) -> None:
    program = _program(province)
    _plans, study, *reports = (
        task_create(
            source=program,
            title="Xây dựng kế hoạch thực hiện Chương trình hành động 42-CTr/TU",
            kind=TaskKind.ISSUE_DOCUMENT,
            issued_on=PROGRAM_DATE,
            due_dates=[date(2023, 2, 15)],
            unit_rule="grassroots",
            rule_root=province,
            actor=SYSTEM,
        )
        + task_create(
            source=program,
            title="Tổ chức học tập, quán triệt Nghị quyết 21-NQ/TW",
            kind=TaskKind.HOLD_ACTIVITY,
            issued_on=PROGRAM_DATE,
            due_dates=[date(2023, 3, 31)],
            unit_rule="grassroots",
            rule_root=province,
            asks_sessions=True,
            asks_participants=True,
            actor=SYSTEM,
        )
        + task_create(
            source=program,
            title="Báo cáo kết quả thực hiện",
            kind=TaskKind.REPORT,
            issued_on=PROGRAM_DATE,
            due_dates=[date(2023, 6, 30), date(2023, 12, 10)],
            unit_rule="grassroots",
            rule_root=province,
            asks_sessions=True,
            actor=SYSTEM,
        )
    )
    units = list(study.assignments.select_related("task").order_by("organization__path"))
    for n, a in enumerate(units):
        if n % 6 == 5:
            continue  # overdue: never reported
        late = n % 4 == 3
        _report(a, date(2023, 4, 12) if late else date(2023, 3, 20), 2 + n % 3)
        if n == 1:
            assignment_return(
                assignment=a, actor=SYSTEM, comment="Thiếu số lượt đảng viên tham dự từng buổi."
            )
        elif n != 2:
            assignment_confirm(assignment=a, actor=SYSTEM)
    for n, a in enumerate(reports[0].assignments.select_related("task").order_by("organization")):
        if n % 3:
            _report(a, date(2023, 6, 28) if n % 2 else date(2023, 7, 5), 3, "Báo cáo lần 1.")
            assignment_confirm(assignment=a, actor=SYSTEM)
    # The present tree: tasks due around today, for the due lists and reminders.
    today = timezone.localdate()
    for title, due, issued in (
        ("Báo cáo sơ kết 6 tháng thực hiện", today + timedelta(days=5), today - timedelta(30)),
        ("Rà soát, kiện toàn chi bộ thôn, tổ dân phố", today + timedelta(days=40), today),
        (
            "Báo cáo danh sách đảng viên miễn sinh hoạt",
            today - timedelta(days=3),
            today - timedelta(40),
        ),
    ):
        task_create(
            source=program,
            title=title,
            kind=TaskKind.REPORT,
            issued_on=max(issued, PROGRAM_DATE),
            due_dates=[due],
            unit_rule="direct",
            rule_root=province,
            actor=SYSTEM,
        )
    # The 2023 tasks were given over the 2022 tree, which the 1 July 2025 reform has
    # since changed: the merged communes' open work passes to the new communes, as the
    # restructure flow does on the day.
    followed = assignments_follow_tree(actor=SYSTEM)
    log(
        f"Theo dõi thực hiện mẫu: {Task.objects.filter(source=program).count()} việc từ "
        f"{program}, {Assignment.objects.filter(task__source=program).count()} phần việc; "
        f"việc còn dở của {followed} đơn vị đã chấm dứt chuyển cho đơn vị kế thừa."
    )


def _central() -> Organization | None:
    return Organization.objects.filter(kind=OrgKind.CENTRAL, parent__isnull=True).first()


def national_directive(log: Callable[[str], None], *, root: Organization | None = None) -> Task:
    """A central directive assigned to every grassroots organization below `root` (the
    Centre by default), with states spread by organization id: about 55% done on time,
    10% late, 10% waiting for confirmation, 5% returned, 5% in progress, the rest not
    started. Set-based: a handful of UPDATEs, whatever the size."""
    central = _central()
    assert central is not None
    # The documents demo's sample texts cite 35-CT/TW, which leaves a placeholder in the
    # register (status "chờ"); registering the directive completes that placeholder.
    source = Document.objects.filter(
        issuer=central, number="35", type_code="CT", status=DocumentStatus.ISSUED
    ).first()
    if source is None:
        source = document_register(
            actor=SYSTEM,
            owner=central,
            type_code="CT",
            number="35",
            issuer_code="TW",
            date=date(2025, 9, 1),
            title="về tổ chức đại hội đảng bộ các cấp (mẫu)",
            text="Ban Bí thư yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau.",
        ).document
    existing = Task.objects.filter(source=source).first()
    if existing is not None:
        log("Chỉ thị mẫu toàn quốc đã được giao; không tạo lại.")
        return existing
    due = date(2025, 12, 31)
    (task,) = task_create(
        source=source,
        title="Tổ chức học tập, quán triệt và báo cáo kết quả",
        kind=TaskKind.HOLD_ACTIVITY,
        issued_on=date(2025, 9, 1),
        due_dates=[due],
        unit_rule="grassroots",
        rule_root=root or central,
        asks_sessions=True,
        actor=SYSTEM,
    )
    mix = Assignment.objects.filter(task=task).annotate(m=F("organization_id") % 20)
    mix.filter(m__lt=11).update(
        state=AssignmentState.DONE, completed_on=due - timedelta(days=10), sessions=F("m") % 4 + 1
    )
    mix.filter(m__in=[11, 12]).update(
        state=AssignmentState.DONE, completed_on=due + timedelta(days=6), sessions=1
    )
    mix.filter(m__in=[13, 14]).update(state=AssignmentState.SUBMITTED, sessions=2)
    mix.filter(m=15).update(state=AssignmentState.RETURNED)
    mix.filter(m=16).update(state=AssignmentState.IN_PROGRESS)
    # Written set-based, not through the services: one audit entry for the whole load,
    # with how many assignments were put in each state.
    counts = dict(task.assignments.values_list("state").annotate(n=Count("id")).order_by("state"))
    labels = dict(AssignmentState.choices)
    audit_record(
        actor=SYSTEM,
        action="tracking.demo_bulk_states",
        obj=task,
        organization=task.rule_root,
        summary=f"Dữ liệu mẫu: ghi trạng thái hàng loạt cho {sum(counts.values())} phần việc "
        f"của “{task.title}” ("
        + ", ".join(f"{labels[k].lower()}: {n}" for k, n in counts.items())
        + ")",
        before={"state": AssignmentState.PENDING, "units": sum(counts.values())},
        after=counts,
    )
    with connection.cursor() as cursor:  # fresh statistics for the planners after a bulk load
        for model in (Task, Assignment):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    log(f"Chỉ thị mẫu toàn quốc: {task.assignments.count()} tổ chức cơ sở đảng được giao việc.")
    return task


def populate(scale: str, log: Callable[[str], None], context: dict[str, Any]) -> None:
    province = context.get("province")
    if province is None:
        return
    log("")
    if scale == "demo":
        if Task.objects.filter(owner=province).exists():
            log("Theo dõi thực hiện mẫu đã có; không tạo lại.")
            return
        _demo(province, log)
        return
    national_directive(log, root=None if scale == "nation" else province)
