"""The month's deadlines as a calendar."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q

from dangvu import access
from dangvu.access import AnyUser

from ..models import Assignment, AssignmentState, Task
from .scope import in_subtree


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
    if not access.sees_everything(user):
        own = access.own_organization(user)
        qs = qs.filter(in_subtree("organization__", own.path)) if own else qs.none()
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
