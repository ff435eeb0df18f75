"""Reads of the organization tree, as of a date and scoped to a user."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.dates import format_short
from dangvu.core.text import search_tokens

from . import paths
from .models import Organization, OrgVersion, Restructuring


def covering(qs: QuerySet[OrgVersion], on: date) -> QuerySet[OrgVersion]:
    """Versions in force on `on`."""
    return qs.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))


def version_on(org: Organization | int, on: date) -> OrgVersion | None:
    org_id = org if isinstance(org, int) else org.pk
    found = covering(OrgVersion.objects.filter(organization_id=org_id), on).order_by()[:1]
    return next(iter(found), None)


def with_has_children(qs: QuerySet[OrgVersion], on: date) -> QuerySet[OrgVersion]:
    below = covering(OrgVersion.objects.filter(parent_id=OuterRef("organization_id")), on)
    return qs.annotate(has_children=Exists(below))


def children_on(org: Organization | int, on: date) -> QuerySet[OrgVersion]:
    org_id = org if isinstance(org, int) else org.pk
    qs = covering(OrgVersion.objects.filter(parent_id=org_id), on)
    return with_has_children(qs, on).order_by("kind", "sort_key")


def descendants_on(
    org: Organization | int, on: date, *, include_self: bool = False
) -> QuerySet[OrgVersion]:
    """Every version in force on `on` below the organization's path on that date: one
    range scan over an indexed path, however deep the subtree."""
    own = version_on(org, on)
    if own is None:
        return OrgVersion.objects.none()
    low, high = paths.subtree_bounds(own.path)
    qs = covering(OrgVersion.objects.filter(path__gte=low, path__lt=high), on)
    if not include_self:
        qs = qs.exclude(organization_id=own.organization_id)
    return qs


def ancestors_on(org: Organization | int, on: date) -> list[OrgVersion]:
    """The chain above an organization on `on`, root first (the organization excluded)."""
    own = version_on(org, on)
    if own is None:
        return []
    ids = paths.ids_of(own.path)[:-1]
    if not ids:
        return []
    found = {
        v.organization_id: v
        for v in covering(OrgVersion.objects.filter(organization_id__in=ids), on)
    }
    return [found[i] for i in ids if i in found]


def roots_on(org: Organization | int, on: date, *, has_children: bool = False) -> list[OrgVersion]:
    """The organization's version on `on`, or, before it was formed, the versions of the
    organizations merged into it (followed through three merges) that existed then; by
    path. `has_children` annotates each with whether it had units below it then."""
    frontier = [org if isinstance(org, int) else org.pk]
    found: list[OrgVersion] = []
    seen: set[int] = set()
    for _ in range(4):
        if not frontier:
            break
        qs = covering(OrgVersion.objects.filter(organization_id__in=frontier), on)
        versions = {
            v.organization_id: v for v in (with_has_children(qs, on) if has_children else qs)
        }
        found.extend(versions.values())
        seen.update(frontier)
        missing = [pk for pk in frontier if pk not in versions]
        frontier = [
            pk
            for pk in Organization.objects.filter(successor_id__in=missing).values_list(
                "pk", flat=True
            )
            if pk not in seen
        ]
    return sorted(found, key=lambda v: v.path)


def scope_roots_on(user: AnyUser, on: date) -> list[OrgVersion]:
    """Where a user's tree starts on a date: the user's organization, or, before it was
    formed, the organizations that were merged into it."""
    if user.is_superuser:
        qs = covering(OrgVersion.objects.filter(parent__isnull=True), on)
        return list(with_has_children(qs, on).order_by("sort_key"))
    org = access.own_organization(user)
    if org is None:
        return []
    return sorted(roots_on(org, on, has_children=True), key=lambda v: v.sort_key)


def organization_search(
    user: AnyUser, query: str, on: date, *, limit: int = 50
) -> list[OrgVersion]:
    """Organizations in force on `on` in the user's scope whose name, committee name or
    code contains every word of the query, diacritics ignored."""
    tokens = search_tokens(query)
    if not tokens:
        return []
    scope = Q()
    for root in scope_roots_on(user, on):
        low, high = paths.subtree_bounds(root.path)
        scope |= Q(path__gte=low, path__lt=high)
    if not scope:
        return []
    qs = covering(OrgVersion.objects.filter(scope), on)
    for token in tokens:
        qs = qs.filter(search_text__contains=token)
    return list(qs.order_by("depth", "sort_key")[:limit])


@dataclass(frozen=True)
class UnitMatch:
    """A unit as a picker lists it: enough to tell two "Chi bộ Thôn 1" apart."""

    organization_id: int
    name: str
    code: str
    kind: str
    parent_name: str


def unit_matches(user: AnyUser, query: str, on: date, *, limit: int = 20) -> list[UnitMatch]:
    """The units of the user's scope whose name, committee name or code holds every word of
    `query` (diacritics ignored), highest level first, each with its parent's name."""
    found = organization_search(user, query, on, limit=limit)
    parent_ids = {v.parent_id for v in found if v.parent_id}
    parents = dict(Organization.objects.filter(pk__in=parent_ids).values_list("pk", "name"))
    return [
        UnitMatch(
            v.organization_id,
            v.name,
            v.code,
            v.get_kind_display(),
            parents.get(v.parent_id, "") if v.parent_id else "",
        )
        for v in found
    ]


def history_of(org: Organization) -> tuple[QuerySet[OrgVersion], QuerySet[Restructuring]]:
    """The versions of an organization and the changes that touched it: those that name it
    and those that carried it along (a cell moved by its commune's merge)."""
    versions = org.versions.select_related("parent", "restructuring").order_by("-valid_from")
    named_in = Restructuring.sources.through.objects.filter(organization=org)
    resulted = Restructuring.results.through.objects.filter(organization=org)
    carried = org.versions.filter(restructuring__isnull=False)
    changes = (
        Restructuring.objects.filter(
            Q(pk__in=named_in.values("restructuring_id"))
            | Q(pk__in=resulted.values("restructuring_id"))
            | Q(pk__in=carried.values("restructuring_id"))
        )
        .prefetch_related("sources", "results")
        .order_by("-effective_on", "-id")
    )
    return versions, changes


def ancestors_of_many(versions: list[OrgVersion], on: date) -> dict[int, list[OrgVersion]]:
    """`ancestors_on` for many organizations at once, in one query."""
    chains = {v.organization_id: paths.ids_of(v.path)[:-1] for v in versions}
    wanted = {pk for ids in chains.values() for pk in ids}
    found = {
        a.organization_id: a
        for a in covering(OrgVersion.objects.filter(organization_id__in=wanted), on).order_by()
    }
    return {org_id: [found[i] for i in ids if i in found] for org_id, ids in chains.items()}


def require_manage(user: AnyUser, org: Organization, *, strictly_below: bool = True) -> None:
    if not access.can_change(user, org, strictly_below=strictly_below):
        raise PermissionDenied(
            "Bạn không có quyền thay đổi tổ chức này: chỉ chuyên viên, lãnh đạo của cấp ủy cấp "
            "trên mới ghi được thay đổi tổ chức."
        )


def ended_name(org: Organization) -> str:
    """An organization's name with, once it has ended, the last day of its existence:
    "Đảng bộ xã Đông Cuông (đến 30/6/2025)", so it is not read for the unit of the same
    name formed after it."""
    if org.dissolved_on is None:
        return org.name
    return f"{org.name} (đến {format_short(org.dissolved_on - timedelta(days=1))})"


def labels_apart(orgs: Iterable[Organization]) -> list[Organization]:
    """Set `label` on each organization of a list as a reader tells them apart: an ended
    one carries its last day (`ended_name`), and those whose names another of the list
    shares carry the unit above them too ("Chi bộ Thôn 1 (Đảng bộ xã Việt Thành)").
    One query, for the parents of the names shared; none when no name is."""
    orgs = list(orgs)
    counts = Counter(o.name for o in orgs)
    shared = [o for o in orgs if counts[o.name] > 1]
    parents = (
        Organization.objects.only("pk", "name").in_bulk(
            {o.parent_id for o in shared if o.parent_id}
        )
        if shared
        else {}
    )
    for o in orgs:
        above = parents.get(o.parent_id) if counts[o.name] > 1 and o.parent_id else None
        end = f"đến {format_short(o.dissolved_on - timedelta(days=1))}" if o.dissolved_on else ""
        extra = ", ".join(x for x in (above.name if above else "", end) if x)
        o.label = f"{o.name} ({extra})" if extra else o.name  # type: ignore[attr-defined]
    return orgs
