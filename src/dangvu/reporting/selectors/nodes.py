"""Where an organization sits in a round: its place on the period's end tree, or, for one
formed later by a merge, the places of the organizations merged into it
(`orgs.selectors.roots_on`); and the condition that selects the reports below them."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Q

from dangvu.orgs import paths
from dangvu.orgs.models import OrgVersion
from dangvu.orgs.selectors import roots_on

__all__ = ["in_ranges", "roots_on"]


def in_ranges(nodes: Sequence[OrgVersion], field: str = "path") -> Q:
    """Rows whose path lies in any of the nodes' subtrees (nothing when there is none)."""
    condition = Q(pk__in=[])
    for n in nodes:
        low, high = paths.subtree_bounds(n.path)
        condition |= Q(**{f"{field}__gte": low, f"{field}__lt": high})
    return condition
