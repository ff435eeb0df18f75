"""Completion of a task, counted in the database by one formula (`completion_by`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.db.models.functions import Substr

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.dates import format_short
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import labels_apart

from .. import rules
from ..models import Assignment, AssignmentState, Reminder, Task
from .scope import LEVEL, in_subtree, unit_label

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


def figure_aggregates(due: date | F) -> dict[str, Any]:
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
    counts: dict[str, Any] = {k: data.get(k) or 0 for k in FIGURE_KEYS}
    row = ProgressRow(org=None, **counts)
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
        .annotate(**figure_aggregates(due if due is not None else F("task__due_on")), **per_task)
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
    return bool(node._tracking_whole_tree)  # type: ignore[attr-defined]


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
    return qs.filter(in_subtree("organization__", node.path))


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
    summary, rows = _by_subordinate(by_prefix, node)
    return Progress(task=task, node=node, today=today, summary=summary, rows=rows)


def _by_subordinate(
    by_prefix: dict[str, ProgressRow], node: Organization
) -> tuple[ProgressRow, list[ProgressRow]]:
    """The node's figures (the sum of its groups) and the groups, each named by the unit
    of its path prefix (one query): the node's own first, then in name order."""
    summary = ProgressRow(org=node)
    for k in (*FIGURE_KEYS, "overdue"):
        setattr(summary, k, sum(getattr(r, k) for r in by_prefix.values()))
    names = {
        o.path: o
        for o in Organization.objects.filter(path__in=list(by_prefix)).only(
            "pk", "name", "sort_key", "path", "kind", "code", "dissolved_on", "parent_id"
        )
    }
    for prefix, row in by_prefix.items():
        row.org = names.get(prefix)
        row.is_self = prefix == node.path
    rows = sorted(
        by_prefix.values(), key=lambda r: (not r.is_self, r.org.sort_key if r.org else "")
    )
    return summary, rows


@dataclass
class UnitsCompletion:
    """The work of a year in `node`'s subtree: completion and overdue work per unit
    directly under it (the node's own assignments as the row `is_self`), and the tasks
    with the most units overdue."""

    node: Organization
    year: int
    today: date
    summary: ProgressRow
    rows: list[ProgressRow] = field(default_factory=list)
    overdue_tasks: list[tuple[Task, ProgressRow]] = field(default_factory=list)


def completion_by_unit(
    user: AnyUser, node: Organization, year: int, today: date, *, task_limit: int = 10
) -> UnitsCompletion:
    """Completion of the tasks due in `year` over `node`'s subtree, per subordinate of
    `node`, by `completion_by` (each assignment judged by its own task's due date); the
    overdue work (not done, task past due) counted over the tasks already past due. Four
    queries, whatever the number of units and tasks."""
    access.require_view(user, node, what="Đơn vị này")
    scoped = Assignment.objects.filter(
        task__due_on__gte=date(year, 1, 1), task__due_on__lte=date(year, 12, 31)
    ).filter(in_subtree("organization__", node.path))
    by_unit = scoped.annotate(prefix=Substr("organization__path", 1, len(node.path) + LEVEL))
    rows = completion_by(by_unit, "prefix", today=today)
    past_due = completion_by(by_unit.filter(task__due_on__lt=today), "prefix", today=today)
    for prefix, row in rows.items():
        # a group mixes tasks of several due dates: its overdue is that of the past-due ones
        row.overdue = past_due[prefix].overdue if prefix in past_due else 0
    summary, ordered = _by_subordinate(rows, node)
    by_task = completion_by(scoped.filter(task__due_on__lt=today), "task_id", today=today)
    worst = sorted(
        (pk for pk, r in by_task.items() if r.overdue), key=lambda pk: (-by_task[pk].overdue, pk)
    )[:task_limit]
    tasks = Task.objects.in_bulk(worst)
    return UnitsCompletion(
        node=node,
        year=year,
        today=today,
        summary=summary,
        rows=ordered,
        overdue_tasks=[(tasks[pk], by_task[pk]) for pk in worst if pk in tasks],
    )


def row_label(row: ProgressRow) -> str:
    """A subordinate's row as a chart names it: the unit's name (and code), or “(đơn vị
    này)” for the node's own assignments."""
    if row.org is None:
        return "(đơn vị không còn)"
    return unit_label(row.org) if not row.is_self else f"{row.org.name} (chính đơn vị)"


def completion_of_tasks(
    user: Any, tasks: list[Task], today: date, *, node: Organization | None = None
) -> dict[int, ProgressRow]:
    """Completion of each task in `node`'s subtree (a unit the user sees), else in the
    user's subtree (every unit for a superuser)."""
    assignments = Assignment.objects.filter(task__in=tasks)
    if node is not None:
        assignments = assignments.filter(in_subtree("organization__", node.path))
    elif not user.is_superuser:
        assignments = assignments.filter(in_subtree("organization__", user.organization.path))
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


@dataclass(frozen=True)
class MissingRow:
    """A unit of a task's page that has not done it: its part, what is shown of it, when
    it was last reminded (the button's runs and `dangvu remind`'s, 90 days back) and
    whether the reader may remind it (not a unit whose report waits for the superior)."""

    assignment: Assignment
    label: str
    reminded_on: date | None
    may_remind: bool


def missing_rows(
    user: Any, task: Task, node: Organization, today: date, *, limit: int = 200
) -> list[MissingRow]:
    """`missing_units` as the task's page lists them: names told apart (an ended unit
    with its last day, a shared name with its parent), an ended unit's part shown as
    ended rather than overdue, and the last reminder of each. Three queries at most."""
    missing = missing_units(task, node, limit=limit)
    labels_apart([a.organization for a in missing])
    last: dict[int, date] = {}
    if missing:
        wanted = {a.pk for a in missing}
        sent = (
            Reminder.objects.filter(
                organization_id__in={a.organization_id for a in missing},
                run__as_of__gte=today - timedelta(days=90),
            )
            .values_list("assignment_ids", "run__as_of")
            .order_by("run__as_of")
        )
        for ids, on in sent:
            for pk in wanted.intersection(ids):
                last[pk] = on
    rows = []
    for a in missing:
        if a.organization.dissolved_on is not None:
            label = f"Đơn vị đã chấm dứt từ {format_short(a.organization.dissolved_on)}"
        else:
            label = rules.SHOWN_LABELS[
                rules.shown_status(a.state, task.due_on, a.completed_on, today)
            ]
        rows.append(
            MissingRow(
                assignment=a,
                label=label,
                reminded_on=last.get(a.pk),
                may_remind=a.state in rules.OVERDUE_STATES
                and a.organization.dissolved_on is None
                and access.can_change(user, a.organization, strictly_below=True),
            )
        )
    return rows
