"""Which tasks and assignments a user sees, and the units a user may pick."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs import paths
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import organization_search

from ..models import Assignment, Task

LEVEL = paths.SEGMENT_WIDTH + 1


def in_subtree(prefix: str, org_path: str) -> Q:
    low, high = paths.subtree_bounds(org_path)
    return Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})


def tasks_visible_to(user: AnyUser) -> QuerySet[Task]:
    """Tasks the user's committee issued or that reach units of its subtree."""
    qs = Task.objects.all()
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if access.sees_everything(user):
        return qs
    org = access.own_organization(user)
    if org is None:
        return qs.none()
    reaches_below = Exists(
        Assignment.objects.filter(task=OuterRef("pk")).filter(
            in_subtree("organization__", org.path)
        )
    )
    above = paths.ids_of(org.path)[:-1]
    return qs.filter(
        in_subtree("owner__", org.path)
        | in_subtree("rule_root__", org.path)
        | (Q(rule_root_id__in=above) & reaches_below)
    )


def tasks_reaching(tasks: QuerySet[Task], unit: Organization) -> QuerySet[Task]:
    """Of `tasks`, those with a part for a unit of `unit`'s subtree."""
    return tasks.filter(
        Exists(
            Assignment.objects.filter(task=OuterRef("pk")).filter(
                in_subtree("organization__", unit.path)
            )
        )
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
    own = access.own_organization(user)
    root: Organization = task.rule_root
    if access.sees_everything(user) or own is None or paths.is_within(root.path, own.path):
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
    own = access.own_organization(user)
    everything = access.sees_everything(user)
    if not everything and own is None:
        return []
    found = [
        v
        for v in organization_search(user, query, today, limit=limit * 3)
        if everything
        or (own is not None and v.organization_id != own.pk and paths.is_within(v.path, own.path))
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
