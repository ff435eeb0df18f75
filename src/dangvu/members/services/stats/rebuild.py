"""Rebuilding the counters and snapshots in bulk (members-rebuild, the demo load)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from dangvu.core.bulk import insert_rows
from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import Organization, OrgVersion

from ... import rules
from ... import timeline as tl
from ...models import Member, MemberCount, MemberSnapshot, MemberSpan
from .levels import COUNTED_LEVEL, DIMENSIONS, EXEMPT_SQL, SEG, SNAPSHOT_LEVEL

_MEMBER_COLUMNS = {
    "status": "m.status",
    "sex": "m.sex",
    "birth_year": "{year}",
    "ethnicity": "m.ethnicity",
    "religion": "m.religion",
    "education": "m.education",
    "theory": "m.theory_level",
    "exempt": "CASE WHEN m.exempt_since IS NULL THEN '0' ELSE '1' END",
}


def _year_sql(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"
    return f"CAST(strftime('%%Y', {column}) AS INTEGER)"


def _reporting_orgs(max_level: int, within: Sequence[str] | None = None) -> dict[int, str]:
    kinds = [k for k, level in org_rules.LEVEL.items() if level <= max_level]
    qs = Organization.objects.filter(kind__in=kinds)
    if within:
        cond = Q()
        for p in within:
            low, high = paths.subtree_bounds(p)
            cond |= Q(path__gte=low, path__lt=high)
        qs = qs.filter(cond)
    return dict(qs.values_list("pk", "path"))


def counters_rebuild(org_ids: Iterable[int] | None = None) -> int:
    """Recount today's counters of the given organizations (all when None), set-based:
    one GROUP BY per dimension over the members below them."""
    targets = (
        _reporting_orgs(COUNTED_LEVEL)
        if org_ids is None
        else dict(
            Organization.objects.filter(
                pk__in=list(org_ids),
                kind__in=[k for k, v in org_rules.LEVEL.items() if v <= COUNTED_LEVEL],
            ).values_list("pk", "path")
        )
    )
    if not targets:
        return 0
    deepest = max(paths.depth_of(p) for p in targets.values())
    prefix = SEG * (deepest + 1)
    where, params = "", []
    if org_ids is not None:
        # Only the members below the targets (their narrowest common cover is enough).
        ranges = []
        for p in _covering_paths(targets.values()):
            ranges.append("(o.path >= %s AND o.path < %s)")
            params += list(paths.subtree_bounds(p))
        where = " AND (" + " OR ".join(ranges) + ")"
    member_table, org_table = Member._meta.db_table, Organization._meta.db_table
    columns = {
        dim: ("''" if dim == "total" else _MEMBER_COLUMNS[dim]).replace(
            "{year}", _year_sql("m.birth_date")
        )
        for dim in DIMENSIONS
    }
    deltas: dict[tuple[int, str, str], int] = defaultdict(int)
    with connection.cursor() as cursor:
        sums = _dimension_sums(
            cursor,
            source=f"FROM {member_table} m JOIN {org_table} o ON o.id = m.organization_id "
            f"WHERE m.status IN ('{tl.PROBATIONARY}', '{tl.OFFICIAL}'){where}",
            params=params,
            keys={"p": f"substr(o.path, 1, {prefix})"},
            columns=columns,
            outputs=[(["p"], "")],
        )
        for _, dim, (path_prefix,), value, n in sums:
            for pk in paths.ids_of(path_prefix):
                if pk in targets:
                    deltas[(pk, dim, str(value))] += n
    with transaction.atomic():
        MemberCount.objects.filter(organization_id__in=list(targets)).delete()
        insert_rows(
            MemberCount._meta.db_table,
            ["organization_id", "dimension", "value", "n"],
            [(o, d, v, n) for (o, d, v), n in deltas.items() if n],
        )
    return len(deltas)


_GROUPED = "members_rebuild_grouped"


def _dimension_sums(
    cursor: Any,
    *,
    source: str,
    params: Sequence[Any],
    keys: dict[str, str],
    columns: dict[str, str],
    outputs: Sequence[tuple[Sequence[str], str]],
) -> Iterator[tuple[int, str, tuple[Any, ...], Any, int]]:
    """The rows of `source` counted by each dimension: (output, dimension, the output's
    keys, value, count) for each output (the keys it groups by, a condition on them).

    Two scans of `source` whatever the number of dimensions: one grouped at once by the
    keys and every dimension but the birth year into a temporary table, summed from there
    per dimension; one grouped by the keys and the birth year (whose values would multiply
    the groups of the first)."""
    key_select = [f"{expr} AS {name}" for name, expr in keys.items()]
    wide = [d for d in columns if d != "birth_year"]
    for group in (wide, ["birth_year"]):
        named = [d for d in group if d != "total"]
        select = ", ".join(key_select + [f"{columns[d]} AS d_{d}" for d in named])
        positions = ", ".join(str(i) for i in range(1, len(keys) + len(named) + 1))
        cursor.execute(f"DROP TABLE IF EXISTS {_GROUPED}")
        cursor.execute(
            f"CREATE TEMP TABLE {_GROUPED} AS SELECT {select}, COUNT(*) AS n {source} "
            f"GROUP BY {positions}",
            list(params),
        )
        for output, (by, condition) in enumerate(outputs):
            where = f" WHERE {condition}" if condition else ""
            by_positions = ", ".join(str(i) for i in range(1, len(by) + 2))
            for dim in group:
                column = "''" if dim == "total" else f"d_{dim}"
                cursor.execute(
                    f"SELECT {', '.join(by)}, {column}, SUM(n) FROM {_GROUPED}{where} "
                    f"GROUP BY {by_positions}"
                )
                for *key, value, n in cursor.fetchall():
                    yield output, dim, tuple(key), value, int(n)
        cursor.execute(f"DROP TABLE {_GROUPED}")


def _covering_paths(all_paths: Iterable[str]) -> list[str]:
    """The minimal set of paths whose subtrees cover all the given ones."""
    out: list[str] = []
    for p in sorted(all_paths):
        if not out or not p.startswith(out[-1]):
            out.append(p)
    return out


def _month_ceil_sql(column: str) -> str:
    if connection.vendor == "postgresql":
        return (
            f"CASE WHEN EXTRACT(DAY FROM {column}) = 1 THEN {column} "
            f"ELSE CAST(date_trunc('month', {column}) + interval '1 month' AS date) END"
        )
    return (
        f"CASE WHEN strftime('%%d', {column}) = '01' THEN {column} "
        f"ELSE date({column}, 'start of month', '+1 month') END"
    )


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def snapshots_rebuild(
    org_ids: Iterable[int] | None = None, *, first_month: date = date(2000, 1, 1)
) -> int:
    """Recompute the monthly snapshots of the given organizations (all those of level <=
    SNAPSHOT_LEVEL when None) from the spans: +1 in the month a span (clipped to its
    organization's version) starts, -1 in the month it ends, then running totals. Rows
    exist from `first_month` (or the organization's founding) to the current month; a
    'total' row marks every such month."""
    targets = (
        _reporting_orgs(SNAPSHOT_LEVEL)
        if org_ids is None
        else dict(Organization.objects.filter(pk__in=list(org_ids)).values_list("pk", "path"))
    )
    if not targets:
        return 0
    current = timezone.localdate().replace(day=1)
    span_t, ver_t = MemberSpan._meta.db_table, OrgVersion._meta.db_table
    piece_from = "CASE WHEN s.valid_from > v.valid_from THEN s.valid_from ELSE v.valid_from END"
    piece_to = (
        "CASE WHEN s.valid_to IS NULL THEN v.valid_to WHEN v.valid_to IS NULL THEN s.valid_to "
        "WHEN s.valid_to < v.valid_to THEN s.valid_to ELSE v.valid_to END"
    )
    overlap = (
        f"JOIN {ver_t} v ON v.organization_id = s.organization_id "
        "AND (s.valid_to IS NULL OR v.valid_from < s.valid_to) "
        "AND (v.valid_to IS NULL OR s.valid_from < v.valid_to)"
    )
    prefix = SEG * (max(paths.depth_of(p) for p in targets.values()) + 1)
    columns = {
        dim: {"total": "''", "theory": "s.theory_level", "exempt": EXEMPT_SQL}.get(dim, f"s.{dim}")
        for dim in DIMENSIONS
    }
    deltas: dict[tuple[int, str, str], dict[date, int]] = defaultdict(lambda: defaultdict(int))
    with connection.cursor() as cursor:
        sums = _dimension_sums(
            cursor,
            source=f"FROM {span_t} s {overlap}",
            params=[],
            keys={
                "p": f"substr(v.path, 1, {prefix})",
                "m_from": _month_ceil_sql(f"({piece_from})"),
                "m_to": _month_ceil_sql(f"({piece_to})"),
            },
            columns=columns,
            outputs=[(["p", "m_from"], ""), (["p", "m_to"], "m_to IS NOT NULL")],
        )
        for output, dim, (path_prefix, month), value, n in sums:
            sign = 1 if output == 0 else -1
            for pk in paths.ids_of(path_prefix):
                if pk in targets:
                    deltas[(pk, dim, str(value))][_as_date(month)] += sign * n
    existence = defaultdict(list)
    for v in OrgVersion.objects.filter(organization_id__in=list(targets)):
        existence[v.organization_id].append((v.valid_from, v.valid_to))
    by_org: dict[int, list[tuple[str, str, dict[date, int]]]] = defaultdict(list)
    for (org, dim, value), by_month in deltas.items():
        by_org[org].append((dim, value, by_month))
    rows: list[tuple[int, date, str, str, int]] = []  # as the table's columns below
    for pk in targets:
        lives = existence.get(pk, [])
        months = [
            m
            for m in _months(first_month, current)
            if any(f <= m and (t is None or m < t) for f, t in lives)
        ]
        totals = dict.fromkeys(months, 0)
        for dim, value, by_month in by_org.get(pk, []):
            changes = sorted(by_month.items())
            running, i = 0, 0
            for m in months:
                while i < len(changes) and changes[i][0] <= m:
                    running += changes[i][1]
                    i += 1
                if dim == "total":
                    totals[m] = running
                elif running:
                    rows.append((pk, m, dim, value, running))
        rows += [(pk, m, "total", "", n) for m, n in totals.items()]
    # Millions of rows at the nation's commune level: plain tuples, COPY on PostgreSQL.
    with transaction.atomic():
        MemberSnapshot.objects.filter(organization_id__in=list(targets)).delete()
        insert_rows(
            MemberSnapshot._meta.db_table,
            ["organization_id", "month", "dimension", "value", "n"],
            rows,
        )
    return len(rows)


def _months(first: date, last: date) -> list[date]:
    out, m = [], first.replace(day=1)
    while m <= last:
        out.append(m)
        m = rules.add_months(m, 1)
    return out
