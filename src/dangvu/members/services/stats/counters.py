"""Today's counters: a member's contribution, changed by the difference each write makes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from dangvu.orgs import paths
from dangvu.orgs.models import Organization

from ...models import Member, MemberCount
from .levels import COUNTED_LEVEL, ancestors_with_level, keys_of, kinds_of


@dataclass(frozen=True)
class Contribution:
    orgs: tuple[int, ...]
    keys: tuple[tuple[str, str], ...]


def contribution(member: Member) -> Contribution | None:
    """What a member adds to today's counters: nothing unless active."""
    if not member.is_active:
        return None
    org = Organization.objects.only("path").get(pk=member.organization_id)
    return contribution_in(member, org.path, kinds_of(paths.ids_of(org.path)))


def contribution_in(member: Member, path: str, kinds: dict[int, str]) -> Contribution:
    """`contribution` of an active member of the unit at `path` (`kinds`: the kinds of the
    units on the path), without a query."""
    return Contribution(
        orgs=tuple(ancestors_with_level(path, COUNTED_LEVEL, kinds)),
        keys=keys_of(
            member.status,
            member.sex,
            member.birth_date.year,
            member.ethnicity,
            member.religion,
            member.education,
            member.theory_level,
            member.exempt_since is not None,
        ),
    )


def _upsert_counts(deltas: dict[tuple[int, str, str], int]) -> None:
    rows = [(org, dim, value, n) for (org, dim, value), n in deltas.items() if n]
    if not rows:
        return
    table = MemberCount._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (organization_id, dimension, value, n) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT (organization_id, dimension, value) DO UPDATE SET n = {table}.n + "
            "excluded.n",
            rows,
        )


def apply_contribution(before: Contribution | None, after: Contribution | None) -> None:
    if before == after:
        return
    deltas: dict[tuple[int, str, str], int] = defaultdict(int)
    for contrib, sign in ((before, -1), (after, 1)):
        if contrib is None:
            continue
        for org in contrib.orgs:
            for dim, value in contrib.keys:
                deltas[(org, dim, value)] += sign
    _upsert_counts(deltas)


def contributions_add(contributions: Iterable[Contribution]) -> None:
    """Add the contributions of new members to today's counters, in one statement."""
    deltas: dict[tuple[int, str, str], int] = defaultdict(int)
    for contrib in contributions:
        for org in contrib.orgs:
            for dim, value in contrib.keys:
                deltas[(org, dim, value)] += 1
    _upsert_counts(deltas)
