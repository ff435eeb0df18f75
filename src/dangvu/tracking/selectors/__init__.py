"""Reads of implementation tracking, scoped to a user.

Completion over a subtree is counted in the database: one aggregate for the node, one
grouped by the next path segment for its subordinates (the drill-down), one page of the
units that have not done it. However many units a directive reaches, a page makes the
same few queries.

The package by subject: `scope`, `completion`, `overview`, `worklists`, `deadlines`.
"""

from .completion import (
    FIGURE_KEYS,
    MissingRow,
    Progress,
    ProgressRow,
    UnitsCompletion,
    completion_by,
    completion_by_unit,
    completion_of_tasks,
    figure_aggregates,
    missing_rows,
    missing_units,
    progress_of,
    row_label,
)
from .deadlines import CalendarDay, deadline_calendar
from .overview import STAGE_ORDER, DirectiveOverview, directive_overview
from .reports import TaskReports, UnitReports, task_reports
from .scope import (
    LEVEL,
    in_subtree,
    pickable_units,
    require_assignment,
    require_task,
    task_node,
    tasks_reaching,
    tasks_visible_to,
    unit_label,
)
from .worklists import DueItem, assignment_history, awaiting_review, due_list, recent_reminders

__all__ = [
    "FIGURE_KEYS",
    "LEVEL",
    "STAGE_ORDER",
    "CalendarDay",
    "DirectiveOverview",
    "DueItem",
    "MissingRow",
    "Progress",
    "ProgressRow",
    "TaskReports",
    "UnitReports",
    "UnitsCompletion",
    "assignment_history",
    "awaiting_review",
    "completion_by",
    "completion_by_unit",
    "completion_of_tasks",
    "deadline_calendar",
    "directive_overview",
    "due_list",
    "figure_aggregates",
    "in_subtree",
    "missing_rows",
    "missing_units",
    "pickable_units",
    "progress_of",
    "recent_reminders",
    "require_assignment",
    "require_task",
    "row_label",
    "task_node",
    "task_reports",
    "tasks_reaching",
    "tasks_visible_to",
    "unit_label",
]
