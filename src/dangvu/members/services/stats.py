"""The derived tables behind the statistics (docs/decisions/0002-member-statistics.md):

- `MemberSpan`: a member's periods of activity, rebuilt from the events on each write;
- `MemberCount`: today's counts rolled up to each organization of province or commune
  level (and the Centre), changed by the difference each write makes;
- `MemberSnapshot`: the counts of each province (and the Centre) on the first day of every
  month, changed for the months a write touches.

A change of the tree (which the orgs services make without telling this app) is followed
by `stats_follow_tree`, which the restructure flows (`dangvu.flows.restructure`) call in
the same transaction: it compares the last restructuring the tables follow with the latest
one and rebuilds the counts of the organizations whose subtree changed. A write that
changes spans first adds the snapshots of the months begun since the last one. Reads never
write; `members-rebuild` recounts everything (the repair path).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import Organization, OrgVersion, Restructuring

from .. import rules
from .. import timeline as tl
from ..models import Member, MemberCount, MemberSnapshot, MemberSpan, StatsState

DIMENSIONS = (
    "total",
    "status",
    "sex",
    "birth_year",
    "ethnicity",
    "religion",
    "education",
    "theory",
    "exempt",
)
COUNTED_LEVEL = 2  # counters for the Centre (0), provinces (1), communes and peers (2)
SNAPSHOT_LEVEL = 1  # monthly snapshots for the Centre and the provinces
SEG = paths.SEGMENT_WIDTH + 1
SCOPE_LEN = 2 * SEG  # a scope is the first two segments of a path: the Centre, the province
TREE_MARK = "restructuring"
EXEMPT_SQL = "CASE WHEN s.exempt THEN '1' ELSE '0' END"  # a span's "exempt" value


def keys_of(
    status: str,
    sex: str,
    birth_year: int,
    ethnicity: str,
    religion: str,
    education: str,
    theory: str,
    exempt: bool,
) -> tuple[tuple[str, str], ...]:
    return (
        ("total", ""),
        ("status", status),
        ("sex", sex),
        ("birth_year", str(birth_year)),
        ("ethnicity", ethnicity),
        ("religion", religion),
        ("education", education),
        ("theory", theory),
        ("exempt", "1" if exempt else "0"),
    )


def level_of(kind: str) -> int:
    return org_rules.LEVEL.get(kind, 9)


def _ancestors_with_level(path: str, max_level: int, kinds: dict[int, str]) -> list[int]:
    return [pk for pk in paths.ids_of(path) if level_of(kinds.get(pk, "")) <= max_level]


def _kinds(ids: Iterable[int]) -> dict[int, str]:
    return dict(Organization.objects.filter(pk__in=set(ids)).values_list("pk", "kind"))


# --- today's counters ----------------------------------------------------------------------


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
    kinds = _kinds(ids)
    return Contribution(
        orgs=tuple(_ancestors_with_level(org.path, COUNTED_LEVEL, kinds)),
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


# --- spans and the monthly snapshots ---------------------------------------------------------

SpanRow = tuple[int, date, date | None, str, str, int, str, str, str, str, bool]


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
            return v.path
    return None


def span_scopes(
    versions: Sequence[OrgVersion], valid_from: date, valid_to: date | None
) -> tuple[str | None, str | None]:
    """Where a span of a unit with these versions lies on its first and on its last day."""
    last = _path_on(versions, valid_to - timedelta(days=1)) if valid_to else None
    return scope_of(_path_on(versions, valid_from)), scope_of(last)


def replace_spans(member: Member, spans: Sequence[tl.Span]) -> None:
    stored = list(MemberSpan.objects.filter(member=member))
    old = {s.pk: _span_row(s) for s in stored}
    versions: dict[int, list[OrgVersion]] = defaultdict(list)
    for v in OrgVersion.objects.filter(organization_id__in={s.org_id for s in spans}):
        versions[v.organization_id].append(v)
    new = [
        (
            s.org_id,
            s.valid_from,
            s.valid_to,
            s.status,
            member.sex,
            member.birth_date.year,
            member.ethnicity,
            member.religion,
            member.education,
            member.theory_level,
            s.exempt,
        )
        for s in spans
    ]
    scopes = [span_scopes(versions[r[0]], r[1], r[2]) for r in new]
    placed_old = sorted(((_span_row(s), (s.scope_from, s.scope_to)) for s in stored), key=repr)
    if placed_old == sorted(zip(new, scopes, strict=True), key=repr):
        return
    MemberSpan.objects.filter(member=member).delete()
    MemberSpan.objects.bulk_create(
        MemberSpan(
            member=member,
            organization_id=r[0],
            valid_from=r[1],
            valid_to=r[2],
            status=r[3],
            sex=r[4],
            birth_year=r[5],
            ethnicity=r[6],
            religion=r[7],
            education=r[8],
            theory_level=r[9],
            exempt=r[10],
            scope_from=scope[0],
            scope_to=scope[1],
        )
        for r, scope in zip(new, scopes, strict=True)
    )
    if MemberSnapshot.objects.exists():
        _adjust_snapshots([(r, -1) for r in old.values()] + [(r, 1) for r in new])


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


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
        for batch in _chunks(sorted(set(org_ids))):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"{spans_sql} WHERE organization_id IN ({marks})", batch)
            cursor.execute(f"{members_sql} WHERE organization_id IN ({marks})", batch)


def month_ceil(d: date) -> date:
    return d if d.day == 1 else rules.add_months(d.replace(day=1), 1)


def _adjust_snapshots(changes: list[tuple[SpanRow, int]]) -> None:
    """Add or remove spans from the monthly snapshots of the provinces they lie in."""
    _roll_months()  # a month begun since the last write gets its snapshot first
    deltas: dict[tuple[int, date, date | None, str, str], int] = defaultdict(int)
    org_ids = {row[0] for row, _ in changes}
    versions = defaultdict(list)
    for v in OrgVersion.objects.filter(organization_id__in=org_ids):
        versions[v.organization_id].append(v)
    kinds = _kinds(pk for vs in versions.values() for v in vs for pk in paths.ids_of(v.path))
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
            for province in _ancestors_with_level(v.path, SNAPSHOT_LEVEL, kinds):
                for dim, value in keys_of(*row[3:]):
                    deltas[(province, first, last, dim, value)] += sign
    table = MemberSnapshot._meta.db_table
    with connection.cursor() as cursor:
        for (province, first, last, dim, value), n in deltas.items():
            if not n:
                continue
            upper = "AND month < %s" if last else ""
            bounds = [first, last] if last else [first]
            cursor.execute(
                f"INSERT INTO {table} (organization_id, month, dimension, value, n) "
                f"SELECT organization_id, month, %s, %s, 0 FROM {table} "
                f"WHERE organization_id = %s AND dimension = 'total' AND month >= %s {upper} "
                "ON CONFLICT DO NOTHING",
                [dim, value, province, *bounds],
            )
            cursor.execute(
                f"UPDATE {table} SET n = n + %s WHERE organization_id = %s AND dimension = %s "
                f"AND value = %s AND month >= %s {upper}",
                [n, province, dim, value, *bounds],
            )


# --- rebuilding in bulk ---------------------------------------------------------------------

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
    deltas: dict[tuple[int, str, str], int] = defaultdict(int)
    with connection.cursor() as cursor:
        for dim in DIMENSIONS:
            column = "''" if dim == "total" else _MEMBER_COLUMNS[dim]
            column = column.replace("{year}", _year_sql("m.birth_date"))
            cursor.execute(
                f"SELECT substr(o.path, 1, {prefix}), {column}, COUNT(*) FROM {member_table} m "
                f"JOIN {org_table} o ON o.id = m.organization_id "
                f"WHERE m.status IN ('{tl.PROBATIONARY}', '{tl.OFFICIAL}'){where} "
                f"GROUP BY 1, 2",
                params,
            )
            for path_prefix, value, n in cursor.fetchall():
                for pk in paths.ids_of(path_prefix):
                    if pk in targets:
                        deltas[(pk, dim, str(value))] += n
    with transaction.atomic():
        MemberCount.objects.filter(organization_id__in=list(targets)).delete()
        MemberCount.objects.bulk_create(
            (
                MemberCount(organization_id=o, dimension=d, value=v, n=n)
                for (o, d, v), n in deltas.items()
                if n
            ),
            batch_size=5000,
        )
    return len(deltas)


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
    provinces: Iterable[int] | None = None, *, first_month: date = date(2000, 1, 1)
) -> int:
    """Recompute the monthly snapshots of the given provinces (all when None) from the
    spans: +1 in the month a span (clipped to its organization's version) starts, -1 in
    the month it ends, then running totals. Rows exist from `first_month` (or the
    province's founding) to the current month; a 'total' row marks every such month."""
    targets = (
        _reporting_orgs(SNAPSHOT_LEVEL)
        if provinces is None
        else dict(Organization.objects.filter(pk__in=list(provinces)).values_list("pk", "path"))
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
    prefix = SEG * 2
    deltas: dict[tuple[int, str, str], dict[date, int]] = defaultdict(lambda: defaultdict(int))
    with connection.cursor() as cursor:
        for dim in DIMENSIONS:
            column = {
                "total": "''",
                "theory": "s.theory_level",
                "exempt": EXEMPT_SQL,
            }.get(dim, f"s.{dim}")
            for edge, sign in ((piece_from, 1), (piece_to, -1)):
                cursor.execute(
                    f"SELECT substr(v.path, 1, {prefix}), {_month_ceil_sql(f'({edge})')}, "
                    f"{column}, COUNT(*) FROM {span_t} s {overlap} "
                    f"WHERE ({edge}) IS NOT NULL GROUP BY 1, 2, 3",
                    [],
                )
                for path_prefix, month, value, n in cursor.fetchall():
                    for pk in paths.ids_of(path_prefix):
                        if pk in targets:
                            deltas[(pk, dim, str(value))][_as_date(month)] += sign * n
    existence = defaultdict(list)
    for v in OrgVersion.objects.filter(organization_id__in=list(targets)):
        existence[v.organization_id].append((v.valid_from, v.valid_to))
    by_org: dict[int, list[tuple[str, str, dict[date, int]]]] = defaultdict(list)
    for (org, dim, value), by_month in deltas.items():
        by_org[org].append((dim, value, by_month))
    rows: list[MemberSnapshot] = []
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
                    rows.append(
                        MemberSnapshot(
                            organization_id=pk, month=m, dimension=dim, value=value, n=running
                        )
                    )
        rows += [
            MemberSnapshot(organization_id=pk, month=m, dimension="total", value="", n=n)
            for m, n in totals.items()
        ]
    with transaction.atomic():
        MemberSnapshot.objects.filter(organization_id__in=list(targets)).delete()
        MemberSnapshot.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def _months(first: date, last: date) -> list[date]:
    out, m = [], first.replace(day=1)
    while m <= last:
        out.append(m)
        m = rules.add_months(m, 1)
    return out


# --- keeping up with the tree and the calendar -------------------------------------------------


def _touched_by(change: Restructuring) -> set[int]:
    """The organizations a tree change gave a new version (a moved subtree included), and
    its sources and results."""
    org_ids = set(
        OrgVersion.objects.filter(restructuring=change).values_list("organization_id", flat=True)
    )
    org_ids |= set(change.sources.values_list("pk", flat=True))
    org_ids |= set(change.results.values_list("pk", flat=True))
    return org_ids


def _affected_by(change: Restructuring, org_ids: set[int]) -> tuple[set[int], set[int]]:
    """The organizations whose counters (level <= 2) and snapshots (level <= 1) a tree
    change may have altered: the ancestors before and after of everything it touched."""
    before_after: list[tuple[str | None, str]] = []
    for org_id in org_ids:
        history = list(
            OrgVersion.objects.filter(
                organization_id=org_id, valid_from__lte=change.effective_on
            ).order_by("valid_from")
        )
        new = next((v for v in history if v.valid_from == change.effective_on), None)
        old = next((v for v in reversed(history) if v.valid_from < change.effective_on), None)
        before_after.append((old.path if old else None, new.path if new else ""))
    all_ids = {pk for pair in before_after for p in pair if p for pk in paths.ids_of(p)}
    kinds = _kinds(all_ids)
    counters: set[int] = set()
    snapshots: set[int] = set()
    for old_path, new_path in before_after:
        old_c = set(_ancestors_with_level(old_path, COUNTED_LEVEL, kinds)) if old_path else set()
        new_c = set(_ancestors_with_level(new_path, COUNTED_LEVEL, kinds)) if new_path else set()
        counters |= old_c ^ new_c
        old_s = set(_ancestors_with_level(old_path, SNAPSHOT_LEVEL, kinds)) if old_path else set()
        new_s = set(_ancestors_with_level(new_path, SNAPSHOT_LEVEL, kinds)) if new_path else set()
        snapshots |= old_s ^ new_s
    return counters, snapshots


def _state(key: str) -> StatsState:
    return StatsState.objects.get_or_create(key=key)[0]


def mark_tree_followed() -> None:
    """Record that the tables follow the tree as it is now (after a bulk rebuild)."""
    latest = Restructuring.objects.aggregate(m=Max("id"))["m"] or 0
    StatsState.objects.update_or_create(key=TREE_MARK, defaults={"value": latest})


@transaction.atomic
def stats_follow_tree() -> None:
    """Catch up with tree changes: the scopes of the members and spans of the units a change
    touched, the counters and snapshots of their ancestors. One small query when there is
    nothing to do."""
    latest = Restructuring.objects.aggregate(m=Max("id"))["m"] or 0
    state = _state(TREE_MARK)
    if latest <= state.value:
        return
    counters: set[int] = set()
    snapshots: set[int] = set()
    moved: set[int] = set()
    for change in Restructuring.objects.filter(id__gt=state.value).order_by("id"):
        touched = _touched_by(change)
        c, s = _affected_by(change, touched)
        counters |= c
        snapshots |= s
        moved |= touched
    if moved:
        scopes_rebuild(moved)
    if counters:
        counters_rebuild(counters)
    if snapshots and MemberSnapshot.objects.exists():
        snapshots_rebuild(snapshots)
    state.value = latest
    state.save(update_fields=["value"])


@transaction.atomic
def stats_sync() -> None:
    """Catch up with tree changes and with the calendar (a new month's snapshot): for a
    command or a test that changed the tree with the orgs services alone."""
    stats_follow_tree()
    _roll_months()


def _roll_months() -> None:
    current = timezone.localdate().replace(day=1)
    last = MemberSnapshot.objects.filter(dimension="total").aggregate(m=Max("month"))["m"]
    if last is None or last >= current:
        return
    from ..selectors.stats import counts_from_snapshots

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
