"""Who sees which members: one place, used by every list, page and export."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.text import search_tokens
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import covering, descendants_on

from .. import rules
from ..models import ACTIVE_STATUSES, Member, MemberSpan, MemberStatus, Transfer
from .rules import age_limits

UPPER = paths.UPPER_SENTINEL
SCOPE_LEN = 2 * (paths.SEGMENT_WIDTH + 1)  # as stored in Member.scope


def _range(prefix: str, path: str) -> Q:
    low, high = paths.subtree_bounds(path)
    return Q(**{f"{prefix}__gte": low, f"{prefix}__lt": high})


def members_visible_to(user: AnyUser) -> QuerySet[Member]:
    """Members whose unit is in the user's subtree, those it hosts temporarily, and those
    it is asked to receive (a pending transfer letter)."""
    qs = Member.objects.all()
    if access.sees_everything(user):
        return qs
    org = access.own_organization(user)
    if org is None:
        return qs.none()
    incoming = Transfer.objects.filter(member=OuterRef("pk"), state=Transfer.State.PENDING).filter(
        _range("to_org__path", org.path)
    )
    return qs.filter(
        _range("organization__path", org.path)
        | _range("host_organization__path", org.path)
        | Exists(incoming)
    )


def members_reachable(user: AnyUser, members: Iterable[Member]) -> set[int]:
    """Which of `members` the user may open today (a list of a past day names those who
    have since moved out of the user's scope too), in one query."""
    ids = [m.pk for m in members]
    return set(members_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def can_see_personal(user: AnyUser, member: Member) -> bool:
    """Citizen ID, address and phone: see `access.can_see_personal`."""
    return access.can_see_personal(user, member.organization)


def can_record_for(user: AnyUser, org: Organization) -> bool:
    return access.can_change(user, org)


def get_member(user: AnyUser, pk: int) -> Member:
    member = (
        members_visible_to(user)
        .select_related("organization", "host_organization")
        .filter(pk=pk)
        .first()
    )
    if member is None:
        if Member.objects.filter(pk=pk).exists():
            raise PermissionDenied("Đảng viên này không thuộc phạm vi đơn vị của bạn.")
        from django.http import Http404

        raise Http404("Không có đảng viên này.")
    return member


def scope_org(user: AnyUser, org: Organization | None) -> Organization | None:
    """The organization a list is about: the one asked for, if the user may see it."""
    if org is None:
        return None if access.sees_everything(user) else access.own_organization(user)
    access.require_view(user, org)
    return org


@dataclass(frozen=True)
class MemberFilter:
    status: str = "active"  # "active", "all" or a MemberStatus value
    sex: str = ""
    age_band: str = ""
    ethnicity: str = ""
    religion: str = ""
    education: str = ""
    theory_level: str = ""
    exempt: str = ""  # "1": exempt from party activity, "0": not exempt, "": either
    admitted_from: date | None = None
    admitted_to: date | None = None
    position: str = ""
    query: str = ""
    on: date | None = None  # a past day: who was in the unit then

    def describe(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None)}


def search_condition(query: str, scope: Q | None = None) -> Q | None:
    """Name or card number, diacritics ignored. A name matches when the query's last word
    is the start of the given name and every other word appears in the folded name
    ("hung", "van hung", "nguyen hung", "nguyen duc thanh"), or when the query is the start
    of the folded full name ("nguyen duc", "nguyen duc th"). Each alternative reads one
    index range (`scope` is repeated in both, so that each keeps its index); digits
    search the card number."""
    tokens = search_tokens(query)
    if not tokens:
        return None
    phrase = "".join(tokens)
    if phrase.isdigit():
        return Q(card_number__gte=phrase, card_number__lt=phrase + UPPER)
    by_given = _prefix("given_key", tokens[-1])
    for t in tokens[:-1]:
        # given_key holds the whole folded name (given name first): the check reads the
        # index entry, not the row
        by_given &= Q(given_key__contains=t)
    from_start = _prefix("search_text", " ".join(tokens))
    if scope is not None:
        by_given, from_start = scope & by_given, scope & from_start
    return by_given | from_start


def _prefix(field: str, prefix: str) -> Q:
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + UPPER})


def _in_subtree(path: str) -> Q:
    """Members whose unit lies in the subtree of `path`, through the stored scope (the
    first two path segments) where it decides alone or narrows the range."""
    if len(path) == SCOPE_LEN:
        return Q(scope=path)
    if len(path) > SCOPE_LEN:
        return Q(scope=path[:SCOPE_LEN]) & _range("organization__path", path)
    return _range("organization__path", path)


def member_list(
    user: AnyUser, filters: MemberFilter, *, org: Organization | None = None, today: date
) -> QuerySet[Member]:
    """The members of `org`'s subtree (the user's scope when None), filtered. Reads the
    stored scopes, which the restructure flows keep (`stats_follow_tree`). With a past
    date (`filters.on`), the members who were in the subtree as it was on that day."""
    target = scope_org(user, org)
    if filters.on is not None and filters.on < today:
        return _members_on(user, filters, target, filters.on, today)
    subtree: Q | None = None
    if target is not None and (org is not None or not user.is_superuser):
        subtree = _in_subtree(target.path)
        own = getattr(user, "organization", None)
        inside_own = user.is_superuser or (
            own is not None and paths.is_within(target.path, own.path)
        )
        # Inside the user's own subtree everything is visible: no need for the wider
        # condition (hosted members, pending transfers), which no index answers.
        qs = (Member.objects.all() if inside_own else members_visible_to(user)).filter(subtree)
    else:
        qs = members_visible_to(user)
    if filters.status == "active":
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    elif filters.status in MemberStatus.values:
        qs = qs.filter(status=filters.status)
    if filters.exempt in ("1", "0"):
        qs = qs.filter(exempt_since__isnull=filters.exempt == "0")
    return _listed(_by_profile(qs, filters, today, subtree))


def _members_on(
    user: AnyUser, filters: MemberFilter, target: Organization | None, on: date, today: date
) -> QuerySet[Member]:
    """Who was an active member of `target`'s subtree, as the tree was on `on` (the spans
    of membership covering the day), each with the unit and status of that day in
    `unit_then` and `status_then`. Status and exemption filters read that day's span; the
    profile filters read today's profile."""
    spans = MemberSpan.objects.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=on)
    )
    if target is not None:
        units = descendants_on(target, on, include_self=True)  # none if it did not exist
        spans = spans.filter(organization_id__in=units.values("organization_id"))
    elif not access.sees_everything(user):
        return Member.objects.none()
    if filters.status in MemberStatus.values:
        spans = spans.filter(status=filters.status)
    if filters.exempt in ("1", "0"):
        spans = spans.filter(exempt=filters.exempt == "1")
    unit_name = covering(OrgVersion.objects.filter(organization_id=OuterRef("organization_id")), on)
    that_day = spans.filter(member_id=OuterRef("pk")).order_by("-valid_from")
    qs = Member.objects.filter(pk__in=spans.values("member_id")).annotate(
        unit_then=Subquery(
            that_day.annotate(unit=Subquery(unit_name.values("name")[:1])).values("unit")[:1]
        ),
        status_then=Subquery(that_day.values("status")[:1]),
    )
    return _listed(_by_profile(qs, filters, today, None))


def _by_profile(
    qs: QuerySet[Member], filters: MemberFilter, today: date, subtree: Q | None
) -> QuerySet[Member]:
    """The filters on the profile: sex, ethnicity, age, admission dates, position, name."""
    for field in ("sex", "ethnicity", "religion", "education", "theory_level"):
        value = getattr(filters, field)
        if value:
            qs = qs.filter(**{field: value})
    if filters.age_band:
        limits = age_limits(today)
        if filters.age_band in rules.age_band_labels(limits):
            low, high = rules.birth_years_of_band(filters.age_band, today.year, limits)
            qs = qs.filter(birth_date__gte=date(low, 1, 1), birth_date__lte=date(high, 12, 31))
    if filters.admitted_from:
        qs = qs.filter(admitted_on__gte=filters.admitted_from)
    if filters.admitted_to:
        qs = qs.filter(admitted_on__lte=filters.admitted_to)
    if filters.position:
        for token in search_tokens(filters.position):
            qs = qs.filter(positions_text__contains=token)
    if filters.query:
        cond = search_condition(filters.query, subtree)
        if cond is not None:
            qs = qs.filter(cond)
    return qs


def _listed(qs: QuerySet[Member]) -> QuerySet[Member]:
    return qs.select_related("organization", "host_organization").order_by("name_order", "id")
