"""Every unit's reports on one task, to read in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator

from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import labels_apart

from ..models import Submission, Task
from .scope import in_subtree

PER_PAGE = 100


@dataclass
class UnitReports:
    org: Organization
    submissions: list[Submission] = field(default_factory=list)


@dataclass
class TaskReports:
    page: Page[Any]
    units: list[UnitReports]
    count: int


def task_reports(task: Task, node: Organization, *, page: int = 1) -> TaskReports:
    """The reports (text, completion date, figures, evidence, the superior's decision) of
    the units of `node`'s subtree on `task`, grouped by unit in tree order, newest first
    within a unit; 100 reports a page. The unit is the one that holds the part now (a
    merged unit's reports show under its successor, naming who wrote them)."""
    qs = (
        Submission.objects.filter(assignment__task=task)
        .filter(in_subtree("assignment__organization__", node.path))
        .select_related(
            "assignment__organization", "organization", "evidence_document", "submitted_by"
        )
        .order_by("assignment__organization__path", "-submitted_at", "-id")
    )
    page_obj = Paginator(qs, PER_PAGE).get_page(page)
    units: list[UnitReports] = []
    for s in page_obj.object_list:
        holder = s.assignment.organization
        if not units or units[-1].org.pk != holder.pk:
            units.append(UnitReports(org=holder))
        units[-1].submissions.append(s)
    labels_apart([u.org for u in units])
    return TaskReports(page=page_obj, units=units, count=page_obj.paginator.count)
