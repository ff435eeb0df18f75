"""Member statistics of an organization's subtree on a date, and of a period.

Today: the counters (`MemberCount`) of organizations at province and commune level, a
GROUP BY over the few members below otherwise. A past date: the snapshot of the first of
the month (kept for the Centre, the provinces and the communes and their peers) plus the
spans that began or ended since; below commune level, the spans in force on the date.
See docs/decisions/0002-member-statistics.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Q

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import Organization, OrgVersion, Restructuring
from dangvu.orgs.selectors import children_on, version_on

from .. import rules
from .. import timeline as tl
from ..models import (
    Member,
    MemberCount,
    MembershipEvent,
    MemberSnapshot,
    MemberSpan,
)

Counts = dict[tuple[str, str], int]
DIMS = ("status", "sex", "birth_year", "ethnicity", "religion", "education", "theory", "exempt")
# a span's column of each dimension
_SPAN_COLUMN = {
    "status": "s.status",
    "sex": "s.sex",
    "birth_year": "s.birth_year",
    "ethnicity": "s.ethnicity",
    "religion": "s.religion",
    "education": "s.education",
    "theory": "s.theory_level",
    "exempt": "CASE WHEN s.exempt THEN '1' ELSE '0' END",
}
_SPAN_COLS = ", ".join(_SPAN_COLUMN[d] for d in DIMS)
_GROUPS = ", ".join(str(i) for i in range(1, len(DIMS) + 1))  # GROUP BY the dimensions
_GROUPS_KEYED = ", ".join(str(i) for i in range(1, len(DIMS) + 2))  # and a key first
SNAPSHOT_LEVEL = 2  # as services.stats.levels: the Centre, provinces, communes and peers
COUNTED_LEVEL = 2
SCOPE_LEN = 2 * (paths.SEGMENT_WIDTH + 1)  # as stored in MemberSpan.scope_from / scope_to


def _level(kind: str) -> int:
    return org_rules.LEVEL.get(kind, 9)


def _fold(
    rows: Iterable[tuple[Any, ...]], *, grouped: bool, dims: tuple[str, ...] = DIMS
) -> dict[str, Counts]:
    """Rows of (group?, the values of `dims` (all: status, sex, birth_year, ethnicity,
    religion, education, theory, exempt), n) into counts per group and (dimension, value)."""
    out: dict[str, Counts] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        key = row[0] if grouped else ""
        values = row[1:-1] if grouped else row[:-1]
        n = row[-1]
        counts = out[key]
        counts[("total", "")] += n
        for dim, value in zip(dims, values, strict=True):
            counts[(dim, str(value))] += n
    return out


def covering(alias: str, param: str = "%s") -> str:
    return (
        f"{alias}.valid_from <= {param} AND ({alias}.valid_to IS NULL OR {alias}.valid_to > "
        f"{param})"
    )


def _group(prefix_len: int | None) -> tuple[str, str]:
    if prefix_len is None:
        return "", ""
    return f"substr(v.path, 1, {prefix_len}), ", "1, "


_SPAN = MemberSpan._meta.db_table
VER = OrgVersion._meta.db_table
_MEM = Member._meta.db_table
_ORG = Organization._meta.db_table
EVT = MembershipEvent._meta.db_table
_SNAP = MemberSnapshot._meta.db_table


def _in_force(subtrees: Iterable[str]) -> tuple[str, list[Any]]:
    """FROM and WHERE of the spans in force on a day (four more parameters: the day) whose
    unit lies, on that day, in one of the subtrees of `subtrees` ("" when there is none),
    and the subtrees' parameters."""
    ranges: list[str] = []
    params: list[Any] = []
    for path in subtrees:
        ranges.append("(v.path >= %s AND v.path < %s)")
        params += list(paths.subtree_bounds(path))
    if not ranges:
        return "", []
    return (
        f"FROM {VER} v JOIN {_SPAN} s ON s.organization_id = v.organization_id "
        f"WHERE ({' OR '.join(ranges)}) AND {covering('v')} AND {covering('s')} ",
        params,
    )


def _direct_on(
    subtrees: Iterable[str], on: date, prefix_len: int | None = None
) -> dict[str, Counts]:
    """The spans in force on `on` whose unit lies, on that day, in one of the subtrees of
    `subtrees` (the join of spans and versions: the reference the snapshots must match,
    and the read below commune level)."""
    select, _ = _group(prefix_len)
    groups = _GROUPS_KEYED if prefix_len else _GROUPS
    in_force, params = _in_force(subtrees)
    if not in_force:
        return {}
    sql = f"SELECT {select}{_SPAN_COLS}, COUNT(*) {in_force}GROUP BY {groups}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, on, on, on, on])
        return _fold(cursor.fetchall(), grouped=prefix_len is not None)


def _status_on(path: str, on: date) -> Counts:
    """`_direct_on`'s total and counts by status only."""
    in_force, params = _in_force([path])
    counts: Counts = defaultdict(int)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT s.status, COUNT(*) {in_force}GROUP BY 1", [*params, on, on, on, on])
        for status, n in cursor.fetchall():
            counts[("status", status)] += n
            counts[("total", "")] += n
    return counts


def _tree_changed(since: date, on: date) -> bool:
    """Whether any version of any organization began or ended in (since, on]: every
    version is opened and closed by a dated restructuring."""
    return Restructuring.objects.filter(effective_on__gt=since, effective_on__lte=on).exists()


def _delta(
    path: str,
    since: date,
    on: date,
    prefix_len: int | None,
    dimensions: tuple[str, ...] | None = None,
) -> dict[str, Counts]:
    """Spans (clipped to their unit's versions) that began minus those that ended in
    (since, on], in the subtree of `path`: what the counts of `since` lack on `on`.

    A subtree of depth <= 1 (the Centre, a province) reads the spans that began or ended
    in the window through their stored scope (`scope_from`, `scope_to`: one range of the
    date indexes, the province checked in the index, no join through the tree); a deeper
    one joins the versions. Versions that began or ended under running spans are read only
    when a restructuring took effect in the window. `dimensions`: the total and these
    only (all when None), fewer groups to count and fold."""
    dims = DIMS if dimensions is None else tuple(d for d in DIMS if d in dimensions)
    cols = "".join(f"{_SPAN_COLUMN[d]}, " for d in dims)
    grouped = prefix_len is not None
    groups = ", ".join(str(i) for i in range(1, len(dims) + 1 + grouped))
    by = f" GROUP BY {groups}" if groups else ""
    by_keyed = " GROUP BY " + ", ".join(str(i) for i in range(1, len(dims) + 2))
    select, _ = _group(prefix_len)
    low, high = paths.subtree_bounds(path)
    out: dict[str, Counts] = defaultdict(lambda: defaultdict(int))

    def add(rows: Iterable[tuple[Any, ...]], sign: int, *, keyed: bool = grouped) -> None:
        for key, counts in _fold(rows, grouped=keyed, dims=dims).items():
            for k, n in counts.items():
                out[key][k] += sign * n

    in_range = "v.path >= %s AND v.path < %s"
    same_org = "v.organization_id = s.organization_id"
    with connection.cursor() as cursor:
        if len(path) <= SCOPE_LEN and (prefix_len is None or prefix_len <= SCOPE_LEN):
            for sign, day, scope in ((1, "valid_from", "scope_from"), (-1, "valid_to", "scope_to")):
                where = f"s.{day} > %s AND s.{day} <= %s"
                params: list[Any] = [since, on]
                if len(path) == SCOPE_LEN:
                    where += f" AND s.{scope} = %s"
                    params.append(path)
                cursor.execute(
                    f"SELECT s.{scope}, {cols}COUNT(*) FROM {_SPAN} s WHERE {where}{by_keyed}",
                    params,
                )
                add(
                    (
                        (row[0][:prefix_len] if grouped else "", *row[1:])
                        for row in cursor.fetchall()
                        if row[0] is not None and row[0].startswith(path)
                    ),
                    sign,
                    keyed=True,
                )
        else:
            # CROSS JOIN fixes the join order on SQLite (the spans, read through their date
            # index, go first); PostgreSQL plans it as a plain join.
            spans_first = f"SELECT {select}{cols}COUNT(*) FROM {_SPAN} s CROSS JOIN {VER} v "
            # Inside a province, its scope narrows the date index to the province's spans:
            # the version joined below is the one the stored scope was cut from.
            scoped = len(path) >= SCOPE_LEN
            began_in = " AND s.scope_from = %s" if scoped else ""
            ended_in = " AND s.scope_to = %s" if scoped else ""
            # a span began (in a version that covers its first day) / ended (in the version
            # that covered its last day)
            for sign, sql in (
                (
                    1,
                    spans_first + f"WHERE s.valid_from > %s AND s.valid_from <= %s{began_in} "
                    f"AND {same_org} "
                    "AND v.valid_from <= s.valid_from AND (v.valid_to IS NULL OR v.valid_to > "
                    f"s.valid_from) AND {in_range}{by}",
                ),
                (
                    -1,
                    spans_first + f"WHERE s.valid_to > %s AND s.valid_to <= %s{ended_in} "
                    f"AND {same_org} "
                    "AND v.valid_from < s.valid_to AND (v.valid_to IS NULL OR v.valid_to >= "
                    f"s.valid_to) AND {in_range}{by}",
                ),
            ):
                province = [path[:SCOPE_LEN]] if scoped else []
                cursor.execute(sql, [since, on, *province, low, high])
                add(cursor.fetchall(), sign)
        if not _tree_changed(since, on):
            return out
        versions_first = f"SELECT {select}{cols}COUNT(*) FROM {VER} v CROSS JOIN {_SPAN} s "
        for sign, sql in (
            # a version began under a span already running
            (
                1,
                versions_first + f"WHERE v.valid_from > %s AND v.valid_from <= %s AND {same_org} "
                "AND s.valid_from < v.valid_from AND (s.valid_to IS NULL OR s.valid_to > "
                f"v.valid_from) AND {in_range}{by}",
            ),
            # a version ended under a span that runs on
            (
                -1,
                versions_first + f"WHERE v.valid_to > %s AND v.valid_to <= %s AND {same_org} "
                "AND s.valid_from < v.valid_to AND (s.valid_to IS NULL OR s.valid_to > "
                f"v.valid_to) AND {in_range}{by}",
            ),
        ):
            cursor.execute(sql, [since, on, low, high])
            add(cursor.fetchall(), sign)
    return out


def _snapshot_rows(
    org_ids: list[int], month: date, dimensions: tuple[str, ...] | None = None
) -> dict[int, Counts]:
    """The snapshots of these organizations on `month`, by `dimensions` (all when None; a
    province's communes by every dimension are some 15,000 rows)."""
    out: dict[int, Counts] = {}
    if not org_ids:
        return out
    marks = ", ".join(["%s"] * len(org_ids))
    where, params = "", []
    if dimensions is not None:
        where = f" AND dimension IN ({', '.join(['%s'] * len(dimensions))})"
        params = list(dimensions)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT organization_id, dimension, value, n FROM {_SNAP} "
            f"WHERE organization_id IN ({marks}) AND month = %s{where}",
            [*org_ids, month, *params],
        )
        for org_id, dim, value, n in cursor.fetchall():
            out.setdefault(org_id, defaultdict(int))[(dim, value)] = n
    return out


def _snapshot_months(org_ids: list[int], on: date) -> list[tuple[date, set[int]]]:
    """The month starts around `on` a snapshot may be read from, the nearer first: the one
    before `on`, and the next one when it is nearer; each with the organizations that have
    a snapshot then (a 'total' row marks each month an organization existed)."""
    before = on.replace(day=1)
    after = rules.add_months(before, 1)
    candidates = [after, before] if (after - on) < (on - before) else [before]
    have: dict[date, set[int]] = defaultdict(set)
    for month, org_id in MemberSnapshot.objects.filter(
        organization_id__in=org_ids, dimension="total", month__in=candidates
    ).values_list("month", "organization_id"):
        have[month].add(org_id)
    return [(m, have[m]) for m in candidates]


def _snapshot_bases(org_ids: list[int], on: date) -> list[date]:
    """The month starts around `on` for which all these organizations have a snapshot, the
    nearer first."""
    wanted = set(org_ids)
    return [m for m, have in _snapshot_months(org_ids, on) if wanted <= have]


def counts_from_snapshots(
    org_ids: list[int], on: date, *, base: date | None = None
) -> dict[int, Counts]:
    """Counts of each organization (province level) on `on`: its snapshot of `base` (the
    nearest month start available) plus the changes from there to `on` (minus them when
    `base` is after `on`). The organizations' paths must not change between `base` and
    `on` (restructurings take effect on the first)."""
    base = base or next(iter(_snapshot_bases(org_ids, on)), None)
    assert base is not None
    # defaultdicts: the changes may name values the snapshot has none of
    out: dict[int, Counts] = {
        pk: defaultdict(int, counts) for pk, counts in _snapshot_rows(org_ids, base).items()
    }
    for pk in org_ids:
        out.setdefault(pk, defaultdict(int))
    versions = {
        v.organization_id: v
        for v in OrgVersion.objects.filter(organization_id__in=org_ids, valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gt=on)
        )
    }
    if base == on:
        return out
    # One delta for all the organizations of one depth, keyed by their paths (the
    # first-of-month roll counts every province and commune at once).
    at_depth: dict[int, dict[str, int]] = defaultdict(dict)
    for pk in org_ids:
        v = versions.get(pk)
        if v is not None:
            at_depth[len(v.path)][v.path] = pk
    sign, since, until = (1, base, on) if base < on else (-1, on, base)
    for length, by_path in at_depth.items():
        for path, counts in _delta(_common_root(by_path), since, until, length).items():
            if path in by_path:
                for k, n in counts.items():
                    out[by_path[path]][k] += sign * n
    return out


def _common_root(all_paths: Iterable[str]) -> str:
    """The deepest path above or at all of these."""
    it = iter(all_paths)
    root = next(it)
    for path in it:
        while not path.startswith(root):
            root = root[: -(paths.SEGMENT_WIDTH + 1)]
    return root


def _today_direct(path: str, prefix_len: int | None = None) -> dict[str, Counts]:
    year = (
        "CAST(EXTRACT(YEAR FROM m.birth_date) AS INTEGER)"
        if connection.vendor == "postgresql"
        else "CAST(strftime('%%Y', m.birth_date) AS INTEGER)"
    )
    select = f"substr(o.path, 1, {prefix_len}), " if prefix_len else ""
    groups = _GROUPS_KEYED if prefix_len else _GROUPS
    low, high = paths.subtree_bounds(path)
    sql = (
        f"SELECT {select}m.status, m.sex, {year}, m.ethnicity, m.religion, m.education, "
        "m.theory_level, CASE WHEN m.exempt_since IS NULL THEN '0' ELSE '1' END, "
        f"COUNT(*) FROM {_ORG} o JOIN {_MEM} m ON m.organization_id = o.id "
        f"WHERE o.path >= %s AND o.path < %s AND m.status IN (%s, %s) GROUP BY {groups}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [low, high, tl.PROBATIONARY, tl.OFFICIAL])
        return _fold(cursor.fetchall(), grouped=prefix_len is not None)


def counts_today(user: AnyUser, org: Organization) -> Counts:
    """Counts of the subtree today."""
    access.require_view(user, org)
    return _counts_today(org)


def _counts_today(org: Organization) -> Counts:
    if _level(org.kind) <= COUNTED_LEVEL:
        counts: Counts = defaultdict(int)
        for dim, value, n in MemberCount.objects.filter(organization=org).values_list(
            "dimension", "value", "n"
        ):
            counts[(dim, value)] = n
        return counts
    return _today_direct(org.path).get("", defaultdict(int))


def counts_on(user: AnyUser, org: Organization, on: date, *, today: date) -> Counts | None:
    """Counts of the subtree on `on` (None if the organization did not exist then)."""
    access.require_view(user, org)
    if on >= today and org.dissolved_on is None:
        return _counts_today(org)
    version = version_on(org, on)
    if version is None:
        return None
    if _level(version.kind) <= SNAPSHOT_LEVEL:
        for base in _snapshot_bases([org.pk], on):
            if _same_path(org, base, on):
                return counts_from_snapshots([org.pk], on, base=base)[org.pk]
    return _direct_on([version.path], on).get("", defaultdict(int))


MONTHLY_KEYS = (("total", ""), ("status", tl.OFFICIAL), ("status", tl.PROBATIONARY))


def monthly_counts(
    user: AnyUser, org: Organization, days: list[date], *, today: date
) -> list[tuple[date, Counts | None]]:
    """The total and the counts by status of the subtree on each of `days`, each what
    `counts_on` answers for that day (None: the unit did not exist). The first days of a
    month of a unit with snapshots (the Centre, provinces, communes) are its snapshots,
    all read in one query; the other days are what `counts_on` reads (the counters today,
    the spans in force on a past day)."""
    access.require_view(user, org)
    found: dict[date, Counts] = {}
    firsts = [d for d in days if d.day == 1 and d < today]
    if firsts and _level(org.kind) <= SNAPSHOT_LEVEL:
        for month, dim, value, n in MemberSnapshot.objects.filter(
            organization=org, month__in=firsts, dimension__in={d for d, _ in MONTHLY_KEYS}
        ).values_list("month", "dimension", "value", "n"):
            found.setdefault(month, defaultdict(int))[(dim, value)] = n
        # a month without its 'total' row was not taken: counted as any other day
        found = {m: c for m, c in found.items() if ("total", "") in c}
    versions = list(
        OrgVersion.objects.filter(organization=org).only("path", "kind", "valid_from", "valid_to")
    )
    out: list[tuple[date, Counts | None]] = []
    for day in days:
        counts = found.get(day)
        version = next(
            (
                v
                for v in versions
                if v.valid_from <= day and (v.valid_to is None or v.valid_to > day)
            ),
            None,
        )
        if (
            counts is None
            and day < today
            and version is not None
            and (day.day == 1 or _level(version.kind) > SNAPSHOT_LEVEL)
        ):
            # what counts_on reads, by status only: below the snapshots' level, or on a
            # month's first day whose snapshot was not taken (no nearer base then)
            counts = _status_on(version.path, day)
        elif counts is None:
            counts = counts_on(user, org, day, today=today)
        out.append((day, None if counts is None else {k: counts.get(k, 0) for k in MONTHLY_KEYS}))
    return out


def _same_path(org: Organization, a: date, b: date) -> bool:
    va, vb = version_on(org, a), version_on(org, b)
    return va is not None and vb is not None and va.path == vb.path


# What a breakdown by unit shows (the page, its export, the API, the drafted reports): the
# total, official and probationary, women.
BREAKDOWN_DIMENSIONS = ("total", "status", "sex")


def counts_by_child(
    user: AnyUser,
    org: Organization,
    on: date,
    *,
    today: date,
    dimensions: tuple[str, ...] | None = BREAKDOWN_DIMENSIONS,
) -> list[tuple[OrgVersion, Counts]]:
    """Counts of each organization directly under `org` on `on` (e.g. the nation by
    province), by `dimensions` (every dimension when None), in a few queries whatever the
    number of children."""
    rows = _counts_by_child(user, org, on, today=today, dimensions=dimensions)
    if dimensions is None:
        return rows
    wanted = set(dimensions)
    return [
        (c, defaultdict(int, {k: n for k, n in counts.items() if k[0] in wanted}))
        for c, counts in rows
    ]


def _counts_by_child(
    user: AnyUser, org: Organization, on: date, *, today: date, dimensions: tuple[str, ...] | None
) -> list[tuple[OrgVersion, Counts]]:
    access.require_view(user, org)
    version = version_on(org, on)
    if version is None:
        return []
    children = list(children_on(org, on))
    if not children:
        return []
    prefix = len(version.path) + paths.SEGMENT_WIDTH + 1
    by_path: dict[str, Counts]
    counted = [c for c in children if _level(c.kind) <= COUNTED_LEVEL]
    result: dict[int, Counts] = {}
    if on >= today:
        rows: dict[int, Counts] = defaultdict(lambda: defaultdict(int))
        kept = MemberCount.objects.filter(organization_id__in=[c.organization_id for c in counted])
        if dimensions is not None:
            kept = kept.filter(dimension__in=dimensions)
        for org_id, dim, value, n in kept.values_list("organization_id", "dimension", "value", "n"):
            rows[org_id][(dim, value)] = n
        result.update({c.organization_id: rows[c.organization_id] for c in counted})
        rest = [c for c in children if c not in counted]
        if rest:
            by_path = _today_direct(version.path, prefix)
            result.update({c.organization_id: by_path.get(c.path, {}) for c in rest})
    else:
        # The children with a snapshot on a month start near `on` and the same version
        # from there to `on`: that snapshot plus or minus the changes between, one delta
        # for all of them; the others (below commune level, or changed in between) count
        # the spans in force on `on` in their own subtrees only.
        snap = [c for c in children if _level(c.kind) <= SNAPSHOT_LEVEL]
        months = _snapshot_months([c.organization_id for c in snap], on) if snap else []
        usable = [
            (m, [c for c in snap if c.organization_id in have and _same_path_v(c, on, m)])
            for m, have in months
        ]
        base, snap = max(usable, key=lambda u: len(u[1]), default=(None, []))
        if snap and base is not None:
            from_snap = _snapshot_rows([c.organization_id for c in snap], base, dimensions)
            sign, since, until = (1, base, on) if base < on else (-1, on, base)
            delta = _delta(version.path, since, until, prefix, dimensions) if base != on else {}
            for c in snap:
                counts: Counts = defaultdict(int, from_snap.get(c.organization_id, {}))
                for k, n in delta.get(c.path, {}).items():
                    counts[k] += sign * n
                result[c.organization_id] = counts
            taken = {c.organization_id for c in snap}
            rest = [c for c in children if c.organization_id not in taken]
        else:
            rest = children
        if rest:
            by_path = _direct_on([c.path for c in rest], on, prefix)
            result.update({c.organization_id: by_path.get(c.path, {}) for c in rest})
    return [
        (c, result.get(c.organization_id, {})) for c in sorted(children, key=lambda c: c.sort_key)
    ]


def _same_path_v(child: OrgVersion, on: date, base: date) -> bool:
    """Whether `child`'s version on `on` is also its version on `base`."""
    return child.valid_from <= min(on, base) and (
        child.valid_to is None or child.valid_to > max(on, base)
    )
