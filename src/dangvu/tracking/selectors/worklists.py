"""A unit's lists: what is due, what waits for review, the history and reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs.models import Organization

from .. import rules
from ..models import Assignment, AssignmentState, Reminder, Submission
from .scope import in_subtree


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
        .select_related("task", "task__source", "transferred_from")
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
    if not getattr(user, "is_authenticated", False) or not access.may_write(user):
        return []
    qs = Assignment.objects.filter(state=AssignmentState.SUBMITTED)
    if not access.sees_everything(user):
        own = access.own_organization(user)
        if own is None:
            return []
        qs = qs.filter(in_subtree("organization__", own.path)).exclude(organization=own)
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
