"""Where an organization sits in a round: its place on the period's end tree, or, for one
formed later by a merge, the places of the organizations merged into it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import covering


@dataclass(frozen=True)
class Node:
    organization_id: int
    name: str
    path: str
    depth: int


def roots_on(org: Organization, on: date) -> list[Node]:
    """The organization on `on`, or the organizations merged into it (followed through
    three merges) that existed then."""
    frontier, seen, found = [org.pk], set(), []
    for _ in range(4):
        if not frontier:
            break
        versions = {
            v.organization_id: v
            for v in covering(OrgVersion.objects.filter(organization_id__in=frontier), on)
        }
        found.extend(Node(v.organization_id, v.name, v.path, v.depth) for v in versions.values())
        seen.update(frontier)
        missing = [pk for pk in frontier if pk not in versions]
        frontier = [
            pk
            for pk in Organization.objects.filter(successor_id__in=missing).values_list(
                "pk", flat=True
            )
            if pk not in seen
        ]
    return sorted(found, key=lambda n: n.path)


def in_ranges(nodes: list[Node], field: str = "path") -> Q:
    """Rows whose path lies in any of the nodes' subtrees (nothing when there is none)."""
    condition = Q(pk__in=[])
    for n in nodes:
        low, high = paths.subtree_bounds(n.path)
        condition |= Q(**{f"{field}__gte": low, f"{field}__lt": high})
    return condition
