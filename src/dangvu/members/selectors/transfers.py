"""Reads for transfers: the destinations a sending unit may choose (cells of its province,
or an organization of another province found by name) and the letters awaiting a unit."""

from __future__ import annotations

from django.db.models import QuerySet

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.text import search_tokens
from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import CELL_KINDS, Organization, OrgKind

from ..models import Transfer

# An organization of another province a letter may be addressed to: its committee (the
# province's, a commune's, a grassroots one) or one of its cells. Not the Centre, not a
# party group (tổ đảng, inside a cell).
OUTSIDE_KINDS = tuple(k for k in OrgKind.values if k not in (OrgKind.CENTRAL, OrgKind.GROUP))
MIN_QUERY_CHARS = 3


def province_of(org: Organization) -> Organization | None:
    """The province-level organization above `org` (itself if it is one), by its path."""
    ids = paths.ids_of(org.path)
    kinds = dict(Organization.objects.filter(pk__in=ids).values_list("pk", "kind"))
    top = next((i for i in ids if org_rules.LEVEL.get(kinds.get(i, ""), 9) == 1), None)
    if top is None:
        return None
    return org if top == org.pk else Organization.objects.get(pk=top)


def cells_in_province(org: Organization) -> QuerySet[Organization]:
    """Living cells of `org`'s province: the destinations chosen from a list."""
    qs = Organization.objects.filter(kind__in=CELL_KINDS, dissolved_on__isnull=True)
    home = province_of(org)
    if home is None:
        return qs.none()
    return qs.within(home).order_by("path")


def destinations_outside(
    org: Organization, query: str, *, limit: int = 20
) -> list[tuple[Organization, str]]:
    """Living organizations outside `org`'s province whose name, committee name or code
    holds every word of `query` (diacritics ignored), committees first, each with a label
    naming the chain above it. The nation holds some 312,000 organizations: they are
    searched, never listed."""
    tokens = search_tokens(query)
    if sum(len(t) for t in tokens) < MIN_QUERY_CHARS:
        return []
    qs = Organization.objects.filter(kind__in=OUTSIDE_KINDS, dissolved_on__isnull=True)
    home = province_of(org)
    if home is not None:
        low, high = paths.subtree_bounds(home.path)
        qs = qs.exclude(path__gte=low, path__lt=high)
    for token in tokens:
        qs = qs.filter(search_text__contains=token)
    found = list(qs.order_by("depth", "sort_key", "pk")[:limit])
    above_ids = {i for o in found for i in paths.ids_of(o.path)[:-1]}
    names = dict(
        Organization.objects.filter(pk__in=above_ids)
        .exclude(kind=OrgKind.CENTRAL)
        .values_list("pk", "name")
    )
    return [
        (
            o,
            " — ".join(
                [o.name, *[names[i] for i in reversed(paths.ids_of(o.path)[:-1]) if i in names]]
            ),
        )
        for o in found
    ]


def incoming_transfers(
    user: AnyUser, org: Organization | None, *, limit: int = 50
) -> list[Transfer]:
    """Letters awaiting confirmation by `org`'s subtree, for a user who may record there."""
    if org is None or not access.can_change(user, org):
        return []
    low, high = paths.subtree_bounds(org.path)
    return list(
        Transfer.objects.filter(
            state=Transfer.State.PENDING, to_org__path__gte=low, to_org__path__lt=high
        )
        .select_related("member", "from_org", "to_org")
        .order_by("on", "id")[:limit]
    )
