"""A directive's overview: its tasks' completion and a page of units along the chain."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from dangvu.access import AnyUser
from dangvu.documents.models import Document
from dangvu.orgs.models import Organization

from ..models import Assignment, AssignmentState, Task, TaskKind
from .completion import ProgressRow, completion_by
from .scope import in_subtree, tasks_visible_to

STAGE_ORDER = [TaskKind.ISSUE_DOCUMENT, TaskKind.HOLD_ACTIVITY, TaskKind.REPORT, TaskKind.OTHER]


@dataclass
class DirectiveOverview:
    source: Document
    node: Organization
    tasks: list[Task]
    completion: dict[int, ProgressRow]
    units: list[Organization]
    cells: dict[tuple[int, int], Assignment]
    unit_count: int
    stages: list[tuple[str, int]]

    def cell(self, org: Organization, task: Task) -> Assignment | None:
        return self.cells.get((org.pk, task.pk))

    @property
    def task_rows(self) -> list[tuple[Task, ProgressRow]]:
        return [(t, self.completion[t.pk]) for t in self.tasks]


def directive_overview(
    user: AnyUser,
    source: Document,
    node: Organization,
    today: date,
    *,
    page: int = 1,
    per_page: int = 50,
) -> DirectiveOverview:
    """The tasks of `source` the user sees, each with its completion in `node`'s subtree,
    and a page of units with their state in every task (the chain: plan → activity →
    reports)."""
    tasks = list(
        tasks_visible_to(user)
        .filter(source=source)
        .select_related("rule_root")
        .order_by("issued_on", "id")
    )
    order: dict[str, int] = {k: i for i, k in enumerate(STAGE_ORDER)}
    tasks.sort(key=lambda t: (order[t.kind], t.due_on, t.round, t.pk))
    in_scope = Assignment.objects.filter(task__in=tasks).filter(
        in_subtree("organization__", node.path)
    )
    completion = completion_by(in_scope, "task_id", today=today)
    for t in tasks:
        completion.setdefault(t.pk, ProgressRow(org=None))
    unit_ids = in_scope.values("organization_id").distinct()
    units_qs = Organization.objects.filter(pk__in=unit_ids).order_by("path")
    unit_count = units_qs.count()
    start = (max(page, 1) - 1) * per_page
    units = list(
        units_qs.only("pk", "name", "path", "kind", "dissolved_on", "parent_id")[
            start : start + per_page
        ]
    )
    cells = {
        (a.organization_id, a.task_id): a
        for a in Assignment.objects.filter(task__in=tasks, organization__in=units).select_related(
            "evidence_document"
        )
    }
    # Where units stand along the chain: the furthest kind of task each has done.
    reached: dict[int, int] = defaultdict(lambda: -1)
    done_rows = in_scope.filter(state=AssignmentState.DONE).values_list(
        "organization_id", "task__kind"
    )
    for org_id, kind in done_rows:
        reached[org_id] = max(reached[org_id], order[kind])
    stage_counts = [0] * (len(STAGE_ORDER) + 1)
    for value in reached.values():
        stage_counts[value + 1] += 1
    stage_counts[0] = unit_count - sum(stage_counts[1:])
    kinds_present = {t.kind for t in tasks}
    labels = {
        TaskKind.ISSUE_DOCUMENT: "Đã ban hành văn bản thực hiện",
        TaskKind.HOLD_ACTIVITY: "Đã tổ chức học tập, sinh hoạt",
        TaskKind.REPORT: "Đã báo cáo kết quả",
        TaskKind.OTHER: "Đã hoàn thành việc khác",
    }
    stages = [("Chưa hoàn thành bước nào", stage_counts[0])] + [
        (labels[k], stage_counts[i + 1]) for i, k in enumerate(STAGE_ORDER) if k in kinds_present
    ]
    return DirectiveOverview(
        source=source,
        node=node,
        tasks=tasks,
        completion=completion,
        units=units,
        cells=cells,
        unit_count=unit_count,
        stages=stages,
    )
