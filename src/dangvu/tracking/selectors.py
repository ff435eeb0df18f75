"""Reads of implementation tracking, scoped to a user.

Completion over a subtree is counted in the database: one aggregate for the node, one
grouped by the next path segment for its subordinates (the drill-down), one page of the
units that have not done it. However many units a directive reaches, a page makes the
same few queries.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404

from dangvu import access
from dangvu.access import AnyUser
from dangvu.documents.models import Document
from dangvu.orgs import paths
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import organization_search

from . import rules
from .models import Assignment, AssignmentState, Reminder, Submission, Task, TaskKind

__all__ = [
    "Progress",
    "ProgressRow",
    "assignment_history",
    "awaiting_review",
    "completion_by",
    "completion_of_tasks",
    "deadline_calendar",
    "directive_overview",
    "due_list",
    "missing_units",
    "pickable_units",
    "progress_of",
    "recent_reminders",
    "require_assignment",
    "require_task",
    "task_node",
    "tasks_visible_to",
    "unit_label",
]

LEVEL = paths.SEGMENT_WIDTH + 1


# --- scope ------------------------------------------------------------------------------


def _in_subtree(prefix: str, org_path: str) -> Q:
    low, high = paths.subtree_bounds(org_path)
    return Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})


def tasks_visible_to(user: AnyUser) -> QuerySet[Task]:
    """Tasks the user's committee issued or that reach units of its subtree."""
    qs = Task.objects.all()
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    org = user.organization
    if org is None:
        return qs.none()
    reaches_below = Exists(
        Assignment.objects.filter(task=OuterRef("pk")).filter(
            _in_subtree("organization__", org.path)
        )
    )
    above = paths.ids_of(org.path)[:-1]
    return qs.filter(
        _in_subtree("owner__", org.path)
        | _in_subtree("rule_root__", org.path)
        | (Q(rule_root_id__in=above) & reaches_below)
    )


def require_task(user: AnyUser, pk: int) -> Task:
    task = get_object_or_404(
        Task.objects.select_related("source", "owner", "rule_root", "created_by"), pk=pk
    )
    if not tasks_visible_to(user).filter(pk=pk).exists():
        raise PermissionDenied("Việc này không giao cho đơn vị nào trong phạm vi của bạn.")
    return task


def require_assignment(user: AnyUser, pk: int) -> Assignment:
    """The assignment, if its unit is the user's or below it (or merged into it)."""
    assignment = get_object_or_404(
        Assignment.objects.select_related(
            "task",
            "task__source",
            "task__owner",
            "organization",
            "evidence_document",
            "transferred_from",
            "merged_into",
            "merged_into__organization",
        ),
        pk=pk,
    )
    if not access.visible_organizations(user).filter(pk=assignment.organization_id).exists():
        raise PermissionDenied("Phần việc này thuộc đơn vị ngoài phạm vi của bạn.")
    return assignment


def task_node(user: AnyUser, task: Task, node_id: int | None) -> Organization:
    """The unit whose subtree a task's page counts: the one asked for, else the user's own
    when it lies below the task's scope, else the task's scope."""
    if node_id is not None:
        node = get_object_or_404(Organization, pk=node_id)
        if not access.visible_organizations(user).filter(pk=node.pk).exists():
            raise PermissionDenied("Đơn vị này nằm ngoài phạm vi của bạn.")
        return node
    own = getattr(user, "organization", None)
    root = task.rule_root
    if user.is_superuser or own is None or paths.is_within(root.path, own.path):
        return root
    return own


def unit_label(org: Any) -> str:
    """A unit as the picker lists it: name and code (an Organization or an OrgVersion)."""
    return f"{org.name} ({org.code})" if org.code else org.name


def pickable_units(
    user: AnyUser, query: str, today: date, *, limit: int = 30
) -> list[dict[str, Any]]:
    """Active units strictly below the user's organization whose name, committee name or
    code holds every word of `query` (diacritics ignored), shallowest first, each with
    the unit it belongs to."""
    own = getattr(user, "organization", None)
    if not user.is_superuser and own is None:
        return []
    found = [
        v
        for v in organization_search(user, query, today, limit=limit * 3)
        if user.is_superuser or (v.organization_id != own.pk and paths.is_within(v.path, own.path))
    ][:limit]
    parents = Organization.objects.in_bulk({v.parent_id for v in found if v.parent_id})
    return [
        {
            "pk": v.organization_id,
            "label": unit_label(v),
            "context": parents[v.parent_id].name if v.parent_id in parents else "",
        }
        for v in found
    ]


# --- completion -------------------------------------------------------------------------


FIGURE_KEYS = (
    "total",
    "done",
    "on_time",
    "submitted",
    "returned",
    "in_progress",
    "pending",
    "exempt",
    "sessions",
    "participants",
)


def _aggregates(due: date | F) -> dict[str, Any]:
    """What completion counts, as database aggregates: the units that must do the task
    (exempt ones aside), those done, done by `due` (a date, or `F("task__due_on")` for
    several tasks), and so on."""
    done = Q(state=AssignmentState.DONE)
    return {
        "total": Count("id", filter=~Q(state=AssignmentState.EXEMPT)),
        "done": Count("id", filter=done),
        "on_time": Count("id", filter=done & Q(completed_on__lte=due)),
        "submitted": Count("id", filter=Q(state=AssignmentState.SUBMITTED)),
        "returned": Count("id", filter=Q(state=AssignmentState.RETURNED)),
        "in_progress": Count("id", filter=Q(state=AssignmentState.IN_PROGRESS)),
        "pending": Count("id", filter=Q(state=AssignmentState.PENDING)),
        "exempt": Count("id", filter=Q(state=AssignmentState.EXEMPT)),
        "sessions": Sum("sessions", filter=done),
        "participants": Sum("participants", filter=done),
    }


@dataclass
class ProgressRow:
    """Counts for one subtree (the node itself, or one of its subordinates)."""

    org: Organization | None
    total: int = 0
    done: int = 0
    on_time: int = 0
    submitted: int = 0
    returned: int = 0
    in_progress: int = 0
    pending: int = 0
    exempt: int = 0
    sessions: int = 0
    participants: int = 0
    overdue: int = 0
    is_self: bool = False

    @property
    def late(self) -> int:
        return self.done - self.on_time

    @property
    def completion(self) -> rules.Completion:
        return rules.Completion(self.done, self.total)

    @property
    def missing(self) -> int:
        return self.total - self.done


def _row(data: dict[str, Any], due: date, today: date) -> ProgressRow:
    row = ProgressRow(org=None, **{k: data.get(k) or 0 for k in FIGURE_KEYS})
    if today > due:
        row.overdue = row.pending + row.in_progress + row.returned
    return row


def completion_by(
    assignments: QuerySet[Assignment], key: str, *, today: date, due: date | None = None
) -> dict[Any, ProgressRow]:
    """Completion of `assignments` grouped by `key` (a field or an annotation), in one
    query: the one formula every completion figure comes from (a task's page, its
    drill-down, a directive's overview, the task list). `due`: the task's due date when
    all are of one task; without it each group is judged by its task's own due date
    (group by task then)."""
    per_task = {} if due is not None else {"due_on": Max("task__due_on")}
    grouped = (
        assignments.values(key)
        .annotate(**_aggregates(due if due is not None else F("task__due_on")), **per_task)
        .order_by(key)
    )
    return {g[key]: _row(g, due if due is not None else g["due_on"], today) for g in grouped}


@dataclass
class Progress:
    task: Task
    node: Organization
    today: date
    summary: ProgressRow
    rows: list[ProgressRow] = field(default_factory=list)

    @property
    def figures(self) -> list[tuple[rules.Figure, int]]:
        values = {"sessions": self.summary.sessions, "participants": self.summary.participants}
        return [(f, values[f.code]) for f in self.task.figures]


def _whole_tree(node: Organization) -> bool:
    """`node` is the one root: its subtree is every organization (asked once per node)."""
    if node.parent_id is not None:
        return False
    if not hasattr(node, "_tracking_whole_tree"):
        others = Organization.objects.filter(parent__isnull=True).exclude(pk=node.pk)
        node._tracking_whole_tree = not others.exists()  # type: ignore[attr-defined]
    return node._tracking_whole_tree  # type: ignore[attr-defined]


def _scoped(task: Task, node: Organization) -> QuerySet[Assignment]:
    """The assignments of `task` in `node`'s subtree: the path range is put on the one
    join to the organization that the grouping by path needs anyway (an `IN` subquery
    over the subtree joined the organization table twice). SQLite walks the path index
    and probes the organization-task index per unit; PostgreSQL, with current
    statistics, hashes the subtree's units against the task's assignments. The one root
    of the tree needs no filter."""
    qs = Assignment.objects.filter(task=task)
    if _whole_tree(node):
        return qs
    return qs.filter(_in_subtree("organization__", node.path))


def progress_of(task: Task, node: Organization, today: date) -> Progress:
    """Completion of `task` in `node`'s subtree, and per subordinate of `node`: one
    aggregate query grouped by subordinate (the node's figures are their sum) and one to
    name the subordinates."""
    by_prefix = completion_by(
        _scoped(task, node).annotate(
            prefix=Substr("organization__path", 1, len(node.path) + LEVEL)
        ),
        "prefix",
        today=today,
        due=task.due_on,
    )
    summary = ProgressRow(org=node)
    for k in (*FIGURE_KEYS, "overdue"):
        setattr(summary, k, sum(getattr(r, k) for r in by_prefix.values()))
    names = {
        o.path: o
        for o in Organization.objects.filter(path__in=list(by_prefix)).only(
            "pk", "name", "path", "kind", "dissolved_on"
        )
    }
    rows = []
    for prefix, row in by_prefix.items():
        row.org = names.get(prefix)
        row.is_self = prefix == node.path
        rows.append(row)
    rows.sort(key=lambda r: (not r.is_self, r.org.name if r.org else ""))
    return Progress(task=task, node=node, today=today, summary=summary, rows=rows)


def completion_of_tasks(user: Any, tasks: list[Task], today: date) -> dict[int, ProgressRow]:
    """Completion of each task in the user's subtree (every unit for a superuser)."""
    assignments = Assignment.objects.filter(task__in=tasks)
    if not user.is_superuser:
        assignments = assignments.filter(_in_subtree("organization__", user.organization.path))
    completion = completion_by(assignments, "task_id", today=today)
    return {t.pk: completion.get(t.pk) or ProgressRow(org=None) for t in tasks}


def missing_units(task: Task, node: Organization, *, limit: int = 200) -> list[Assignment]:
    """The units of `node`'s subtree that have not done `task` (exempt ones aside), by
    tree order, at most `limit`."""
    return list(
        _scoped(task, node)
        .exclude(state__in=[AssignmentState.DONE, AssignmentState.EXEMPT])
        .select_related("organization")
        .order_by("organization__path")[:limit]
    )


# --- the directive: every task of one document, and where each unit stands -------------

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
    order = {k: i for i, k in enumerate(STAGE_ORDER)}
    tasks.sort(key=lambda t: (order[t.kind], t.due_on, t.round, t.pk))
    in_scope = Assignment.objects.filter(task__in=tasks).filter(
        _in_subtree("organization__", node.path)
    )
    completion = completion_by(in_scope, "task_id", today=today)
    for t in tasks:
        completion.setdefault(t.pk, ProgressRow(org=None))
    unit_ids = in_scope.values("organization_id").distinct()
    units_qs = Organization.objects.filter(pk__in=unit_ids).order_by("path")
    unit_count = units_qs.count()
    start = (max(page, 1) - 1) * per_page
    units = list(units_qs.only("pk", "name", "path", "kind")[start : start + per_page])
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


# --- a unit's list ----------------------------------------------------------------------


@dataclass
class DueItem:
    assignment: Assignment
    shown: str
    label: str
    due_text: str
    overdue: bool
    due_soon: bool


def due_list(
    org: Organization, today: date, *, within_days: int = 14, include_done: bool = False
) -> list[DueItem]:
    """Everything due to `org`, soonest first; what is overdue is marked. One query."""
    qs = (
        Assignment.objects.filter(organization=org)
        .select_related("task", "task__source")
        .defer("task__source__text", "task__source__search_text")  # whole documents
    )
    if not include_done:
        qs = qs.filter(state__in=rules.OPEN_STATES)
    else:
        qs = qs.exclude(state=AssignmentState.EXEMPT)
    items = []
    for a in qs.order_by("task__due_on", "task_id"):
        shown = rules.shown_status(a.state, a.task.due_on, a.completed_on, today)
        items.append(
            DueItem(
                assignment=a,
                shown=shown,
                label=rules.SHOWN_LABELS[shown],
                due_text=rules.describe_due(a.task.due_on, today)
                if a.state in rules.OPEN_STATES
                else "",
                overdue=rules.is_overdue(a.state, a.task.due_on, today),
                due_soon=a.state in rules.OVERDUE_STATES
                and rules.due_within(a.task.due_on, today, within_days),
            )
        )
    return items


def awaiting_review(user: AnyUser, *, limit: int = 50) -> list[Assignment]:
    """Reports of units below the user's committee waiting for it to confirm."""
    if not getattr(user, "is_authenticated", False) or not user.can_edit:
        return []
    qs = Assignment.objects.filter(state=AssignmentState.SUBMITTED)
    if not user.is_superuser:
        own = user.organization
        if own is None:
            return []
        qs = qs.filter(_in_subtree("organization__", own.path)).exclude(organization=own)
    return list(
        qs.select_related("task", "organization").order_by("task__due_on", "organization__path")[
            :limit
        ]
    )


def assignment_history(assignment: Assignment) -> list[Submission]:
    """The unit's reports and what was decided, newest first, including those of the
    units whose part was merged into this one."""
    ids = [assignment.pk, *assignment.merged_from.values_list("pk", flat=True)]
    return list(
        Submission.objects.filter(assignment_id__in=ids).select_related(
            "organization", "submitted_by", "reviewed_by", "evidence_document"
        )
    )


def recent_reminders(org: Organization, *, limit: int = 5) -> list[Reminder]:
    return list(Reminder.objects.filter(organization=org).select_related("run")[:limit])


# --- the deadline calendar --------------------------------------------------------------


@dataclass
class CalendarDay:
    day: date | None
    items: list[tuple[Task, int, int]] = field(default_factory=list)  # task, open, total


def deadline_calendar(user: AnyUser, year: int, month: int, today: date) -> list[list[CalendarDay]]:
    """Weeks of the month (Monday first), each day with the tasks due that day that reach
    the user's subtree, and how many units of it have them still open. One query."""
    first = date(year, month, 1)
    last = first + timedelta(days=calendar.monthrange(year, month)[1] - 1)
    qs = Assignment.objects.filter(task__due_on__gte=first, task__due_on__lte=last)
    if not user.is_superuser:
        qs = qs.filter(_in_subtree("organization__", user.organization.path))
    grouped = (
        qs.exclude(state=AssignmentState.EXEMPT)
        .values("task_id")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=~Q(state=AssignmentState.DONE)),
        )
    )
    counts = {g["task_id"]: (g["open"], g["total"]) for g in grouped}
    tasks = Task.objects.filter(pk__in=list(counts)).order_by("due_on", "title")
    by_day: dict[date, list[tuple[Task, int, int]]] = defaultdict(list)
    for t in tasks:
        by_day[t.due_on].append((t, *counts[t.pk]))
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [CalendarDay(d if d.month == month else None, by_day.get(d, [])) for d in week]
        )
    return weeks
