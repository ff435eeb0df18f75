"""Spans and the monthly snapshots they are counted in, kept by each write."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from dangvu.core.bulk import insert_rows
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion

from ... import rules
from ... import timeline as tl
from ...models import Member, MemberSnapshot, MemberSpan
from .levels import (
    SCOPE_LEN,
    SNAPSHOT_LEVEL,
    ancestors_with_level,
    chunks,
    keys_of,
    kinds_of,
    month_ceil,
)

SpanRow = tuple[int, date, date | None, str, str, int, str, str, str, str, bool]
SPAN_ROW_FIELDS = (  # the MemberSpan fields a SpanRow holds, in its order
    "organization_id",
    "valid_from",
    "valid_to",
    "status",
    "sex",
    "birth_year",
    "ethnicity",
    "religion",
    "education",
    "theory_level",
    "exempt",
)


def _span_row(s: MemberSpan) -> SpanRow:
    return (
        s.organization_id,
        s.valid_from,
        s.valid_to,
        s.status,
        s.sex,
        s.birth_year,
        s.ethnicity,
        s.religion,
        s.education,
        s.theory_level,
        bool(s.exempt),
    )


def scope_of(path: str | None) -> str | None:
    """The scope stored with members and spans: the path cut to its first two segments."""
    return path[:SCOPE_LEN] if path else None


def _path_on(versions: Sequence[OrgVersion], day: date) -> str | None:
    for v in versions:
        if v.valid_from <= day and (v.valid_to is None or v.valid_to > day):
            return str(v.path)
    return None


def span_scopes(
    versions: Sequence[OrgVersion], valid_from: date, valid_to: date | None
) -> tuple[str | None, str | None]:
    """Where a span of a unit with these versions lies on its first and on its last day."""
    last = _path_on(versions, valid_to - timedelta(days=1)) if valid_to else None
    return scope_of(_path_on(versions, valid_from)), scope_of(last)


def row_of(member: Member, span: tl.Span) -> SpanRow:
    """A span of the member's timeline as the row stored, with the member's profile."""
    return (
        span.org_id,
        span.valid_from,
        span.valid_to,
        span.status,
        member.sex,
        member.birth_date.year,
        member.ethnicity,
        member.religion,
        member.education,
        member.theory_level,
        span.exempt,
    )


def replace_spans(member: Member, spans: Sequence[tl.Span]) -> None:
    stored = list(MemberSpan.objects.filter(member=member))
    old = {s.pk: _span_row(s) for s in stored}
    versions: dict[int, list[OrgVersion]] = defaultdict(list)
    for v in OrgVersion.objects.filter(organization_id__in={s.org_id for s in spans}):
        versions[v.organization_id].append(v)
    new = [row_of(member, s) for s in spans]
    scopes = [span_scopes(versions[r[0]], r[1], r[2]) for r in new]
    placed_old = sorted(((_span_row(s), (s.scope_from, s.scope_to)) for s in stored), key=repr)
    if placed_old == sorted(zip(new, scopes, strict=True), key=repr):
        return
    MemberSpan.objects.filter(member=member).delete()
    MemberSpan.objects.bulk_create(
        MemberSpan(
            member=member,
            **dict(zip(SPAN_ROW_FIELDS, r, strict=True)),
            scope_from=scope[0],
            scope_to=scope[1],
        )
        for r, scope in zip(new, scopes, strict=True)
    )
    if MemberSnapshot.objects.exists():
        _adjust_snapshots([(r, -1) for r in old.values()] + [(r, 1) for r in new])


def spans_add(new: Sequence[tuple[Member, Sequence[tl.Span]]]) -> None:
    """Write the spans of new members (none stored yet) and count them in the snapshots,
    for many members at once (the Excel import): what `replace_spans` does for one, the
    rows written as plain tuples (`core.bulk.insert_rows`)."""
    versions: dict[int, list[OrgVersion]] = defaultdict(list)
    org_ids = {s.org_id for _, spans in new for s in spans}
    for v in OrgVersion.objects.filter(organization_id__in=org_ids):
        versions[v.organization_id].append(v)
    rows: list[SpanRow] = []
    stored: list[tuple[Any, ...]] = []
    for member, spans in new:
        for s in spans:
            row = row_of(member, s)
            rows.append(row)
            stored.append(
                (member.pk, *row, *span_scopes(versions[s.org_id], s.valid_from, s.valid_to))
            )
    insert_rows(
        MemberSpan._meta.db_table, ["member_id", *SPAN_ROW_FIELDS, "scope_from", "scope_to"], stored
    )
    if rows and MemberSnapshot.objects.exists():
        _adjust_snapshots([(r, 1) for r in rows])


def scopes_rebuild(org_ids: Iterable[int] | None = None) -> None:
    """Recompute the scope of the members and spans of these units (all when None), in
    set-based SQL: after a restructuring moved them, or after a bulk load."""
    span_t, ver_t = MemberSpan._meta.db_table, OrgVersion._meta.db_table
    member_t, org_t = Member._meta.db_table, Organization._meta.db_table
    placed = (
        f"(SELECT substr(v.path, 1, {SCOPE_LEN}) FROM {ver_t} v "
        f"WHERE v.organization_id = {span_t}.organization_id AND {{cond}} LIMIT 1)"
    )
    first_day = placed.format(
        cond=f"v.valid_from <= {span_t}.valid_from AND (v.valid_to IS NULL OR "
        f"v.valid_to > {span_t}.valid_from)"
    )
    last_day = placed.format(
        cond=f"v.valid_from < {span_t}.valid_to AND (v.valid_to IS NULL OR "
        f"v.valid_to >= {span_t}.valid_to)"
    )
    spans_sql = (
        f"UPDATE {span_t} SET scope_from = {first_day}, scope_to = CASE WHEN valid_to IS NULL "
        f"THEN NULL ELSE {last_day} END"
    )
    members_sql = (
        f"UPDATE {member_t} SET scope = (SELECT substr(o.path, 1, {SCOPE_LEN}) FROM {org_t} o "
        f"WHERE o.id = {member_t}.organization_id)"
    )
    with connection.cursor() as cursor:
        if org_ids is None:
            cursor.execute(spans_sql)
            cursor.execute(members_sql)
            return
        for batch in chunks(sorted(set(org_ids))):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"{spans_sql} WHERE organization_id IN ({marks})", batch)
            cursor.execute(f"{members_sql} WHERE organization_id IN ({marks})", batch)


def _adjust_snapshots(changes: list[tuple[SpanRow, int]]) -> None:
    """Add or remove spans from the monthly snapshots of the provinces and communes they
    lie in."""
    roll_months()  # a month begun since the last write gets its snapshot first
    deltas: dict[tuple[int, date, date | None, str, str], int] = defaultdict(int)
    org_ids = {row[0] for row, _ in changes}
    versions = defaultdict(list)
    for v in OrgVersion.objects.filter(organization_id__in=org_ids):
        versions[v.organization_id].append(v)
    kinds = kinds_of(pk for vs in versions.values() for v in vs for pk in paths.ids_of(v.path))
    for row, sign in changes:
        org_id, start, end = row[0], row[1], row[2]
        for v in versions[org_id]:
            piece_from = max(start, v.valid_from)
            ends = [d for d in (end, v.valid_to) if d is not None]
            piece_to = min(ends) if ends else None
            if piece_to is not None and piece_to <= piece_from:
                continue
            first = month_ceil(piece_from)
            last = month_ceil(piece_to) if piece_to else None
            if last is not None and last <= first:
                continue
            for org in ancestors_with_level(v.path, SNAPSHOT_LEVEL, kinds):
                for dim, value in keys_of(*row[3:]):
                    deltas[(org, first, last, dim, value)] += sign
    table = MemberSnapshot._meta.db_table
    with connection.cursor() as cursor:
        for (org, first, last, dim, value), n in deltas.items():
            if not n:
                continue
            upper = "AND month < %s" if last else ""
            bounds = [first, last] if last else [first]
            cursor.execute(
                f"INSERT INTO {table} (organization_id, month, dimension, value, n) "
                f"SELECT organization_id, month, %s, %s, 0 FROM {table} "
                f"WHERE organization_id = %s AND dimension = 'total' AND month >= %s {upper} "
                "ON CONFLICT DO NOTHING",
                [dim, value, org, *bounds],
            )
            cursor.execute(
                f"UPDATE {table} SET n = n + %s WHERE organization_id = %s AND dimension = %s "
                f"AND value = %s AND month >= %s {upper}",
                [n, org, dim, value, *bounds],
            )


def roll_months() -> None:
    current = timezone.localdate().replace(day=1)
    last = MemberSnapshot.objects.filter(dimension="total").aggregate(m=Max("month"))["m"]
    if last is None or last >= current:
        return
    from ...selectors.stats import counts_from_snapshots

    month = rules.add_months(last, 1)
    while month <= current:
        previous = rules.add_months(month, -1)
        orgs = list(
            MemberSnapshot.objects.filter(dimension="total", month=previous).values_list(
                "organization_id", flat=True
            )
        )
        rows = []
        for org_id, counts in counts_from_snapshots(orgs, month, base=previous).items():
            rows.append(
                MemberSnapshot(
                    organization_id=org_id,
                    month=month,
                    dimension="total",
                    value="",
                    n=counts.get(("total", ""), 0),
                )
            )
            rows += [
                MemberSnapshot(organization_id=org_id, month=month, dimension=d, value=v, n=n)
                for (d, v), n in counts.items()
                if d != "total" and n
            ]
        MemberSnapshot.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
        month = rules.add_months(month, 1)
