"""Today's counters: a member's contribution, changed by the difference each write makes."""

from __future__ import annotations

from collections import defaultdict
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
    ids = paths.ids_of(org.path)
    kinds = kinds_of(ids)
    return Contribution(
        orgs=tuple(ancestors_with_level(org.path, COUNTED_LEVEL, kinds)),
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
