"""What a committee must act on, as of a chosen date, within the user's scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs import paths
from dangvu.orgs.models import Organization

from .. import rules
from ..models import (
    ACTIVE_STATUSES,
    EventKind,
    Member,
    MembershipEvent,
    MemberSpan,
    MemberStatus,
    RuleName,
    Transfer,
)
from .rules import award_days, badge_milestones, holidays, rule_value
from .scope import members_visible_to

DUE_WINDOW_DAYS = 30  # list probations ending within the next month as "due soon"


def _within(qs: QuerySet[Any], field: str, org: Organization | None) -> QuerySet[Any]:
    if org is None:
        return qs
    low, high = paths.subtree_bounds(org.path)
    return qs.filter(**{f"{field}__gte": low, f"{field}__lt": high})


def _members_of(user: AnyUser, org: Organization | None) -> QuerySet[Member]:
    """The members of `org`'s subtree that `user` sees. When `org` lies in the user's own
    subtree that is all of them, read by the units' paths alone: the visibility's other
    branches (members hosted or awaited by the user's units) are either among them or
    outside `org`'s subtree, and their OR would make the database scan every member."""
    if _sees_subtree(user, org):
        return _within(Member.objects.all(), "organization__path", org)
    return _within(members_visible_to(user), "organization__path", org)


def _sees_subtree(user: AnyUser, org: Organization | None) -> bool:
    own = access.own_organization(user)
    return org is not None and (
        access.sees_everything(user) or (own is not None and paths.is_within(org.path, own.path))
    )


@dataclass(frozen=True)
class RecognitionRow:
    member: Member
    official_from: date
    review_by: date
    overdue: bool
    days_left: int


def recognition_due(
    user: AnyUser, org: Organization | None, on: date, *, first: int | None = None
) -> list[RecognitionRow]:
    """Probationary members on `on` whose 12 months end within a month (due) or have ended
    (overdue once the cell's 30 working days of review have passed), the overdue first.

    `first`: only the first rows of the list (the home page's ten), read as such from the
    database: the list's order is the order of the end of probation (the overdue ended
    earliest), which the stored `probation_ends_on` gives for those probationary today."""
    active_then = MemberSpan.objects.filter(
        member=OuterRef("pk"), status=MemberStatus.PROBATIONARY, valid_from__lte=on
    ).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
    qs = _members_of(user, org)
    limit = on + timedelta(days=DUE_WINDOW_DAYS)
    # The stored end of probation is the `official_from` computed below (the services keep
    # it): only the members it puts within the window are read, through the status index,
    # and those without one (official since `on`, the past-day list) are read all.
    qs = qs.filter(Exists(active_then), admitted_on__lte=on).filter(
        Q(probation_ends_on__lte=limit) | Q(probation_ends_on__isnull=True)
    )
    if on >= timezone.localdate():  # probationary then is probationary now: the status index
        qs = qs.filter(status=MemberStatus.PROBATIONARY)
    qs = qs.select_related("organization")
    days_off = holidays(range(on.year - 2, on.year + 2), on)
    review_days = rule_value(RuleName.REVIEW_WORKING_DAYS, on)
    out = []
    for m in qs.order_by("probation_ends_on", "name_order")[:first]:
        start = m.readmitted_on or m.admitted_on
        due = rules.recognition_due(
            start,
            m.ceremony_on,
            on,
            probation_months=rule_value(RuleName.PROBATION_MONTHS, start),
            review_working_days=review_days,
            holidays=days_off,
        )
        if due.official_from <= limit:
            out.append(
                RecognitionRow(
                    m, due.official_from, due.review_by, due.overdue, (due.official_from - on).days
                )
            )
    return sorted(out, key=lambda r: (not r.overdue, r.official_from))


@dataclass(frozen=True)
class BadgeGroup:
    years: int
    award_day: date
    count: int
    members: list[Member]


def badges_due(
    user: AnyUser, org: Organization | None, on: date, *, limit: int = 200
) -> list[BadgeGroup]:
    """Members active on `on` who will have reached a badge milestone they have not yet
    received by the next award day: for each milestone, those for whom it is the highest
    reached (party age counted from the admission, less the months without activity)."""
    award = rules.next_award_day(on, award_days(on))
    milestones = sorted(badge_milestones(award))
    base = _members_of(user, org).filter(status__in=ACTIVE_STATUSES)
    groups = []
    for i, years in enumerate(milestones):
        reached_by = rules.add_months(award, -12 * years)
        qs = base.filter(party_age_from__lte=reached_by, badge_years__lt=years)
        if i + 1 < len(milestones):
            qs = qs.filter(party_age_from__gt=rules.add_months(award, -12 * milestones[i + 1]))
        count = qs.count()
        if count:
            members = list(
                qs.select_related("organization").order_by("party_age_from", "id")[:limit]
            )
            groups.append(BadgeGroup(years, award, count, members))
    return groups


def unrated(user: AnyUser, org: Organization | None, year: int) -> QuerySet[Member]:
    """Members active on 31 December of `year` with no (unannulled) rating for it."""
    end = date(year, 12, 31)
    active_then = MemberSpan.objects.filter(member=OuterRef("pk"), valid_from__lte=end).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=end)
    )
    rated = MembershipEvent.objects.filter(
        member=OuterRef("pk"), kind=EventKind.RATING, rating_year=year, annulled_by__isnull=True
    )
    qs = _members_of(user, org)
    return (
        qs.filter(Exists(active_then))
        .exclude(Exists(rated))
        .select_related("organization")
        .order_by("organization__path", "name_order", "id")
    )


def temporary_overdue(user: AnyUser, org: Organization | None, on: date) -> QuerySet[Transfer]:
    """Temporary transfers whose term ended before `on` with no return recorded."""
    transfers = Transfer.objects.filter(
        kind=Transfer.Kind.TEMPORARY,
        state__in=[Transfer.State.CONFIRMED, Transfer.State.PENDING],
        until__lt=on,
    )
    if _sees_subtree(user, org):  # joined on the member's unit, not a subquery of members
        transfers = _within(transfers, "member__organization__path", org)
    else:
        transfers = transfers.filter(member__in=_members_of(user, org))
    return transfers.select_related("member", "from_org", "to_org").order_by("until", "id")
