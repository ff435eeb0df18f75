"""Member statistics and search at the `nation` scale, against a baseline and DuckDB.

    DANGVU_VAR_DIR=/tmp/members-nation .venv/bin/python bench/members.py
    DANGVU_VAR_DIR=/tmp/perf-var .venv/bin/python bench/members.py   # --scale province
    DANGVU_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangvu_members_bench \
        .venv/bin/python bench/members.py

Measured, each as the median of several runs in the same process:
- dangvu: the selectors the statistics page calls (counters today; on a past date the
  nearest month snapshot plus or minus the changes between it and the date, read through
  the spans' stored scopes; a province's breakdown by commune from the communes' own
  snapshots; the spans below commune level), and the member list's search (first page
  and its count, capped at 5,000, as the page reads them);
- baseline: the straightforward query, a join through the tree on every query (members or
  spans joined to the organizations of the subtree, grouped by every dimension);
- DuckDB: the same rows handed over from Python (its sqlite extension downloads itself at
  run time, which fails here), the same GROUP BY with grouping sets.
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from dangvu.access import SYSTEM  # noqa: E402
from dangvu.accounts.models import User  # noqa: E402
from dangvu.members import selectors  # noqa: E402
from dangvu.members.selectors.scope import MemberFilter  # noqa: E402
from dangvu.members.services import stats_sync  # noqa: E402
from dangvu.members.views import PER_PAGE, CappedPaginator  # noqa: E402
from dangvu.orgs import paths  # noqa: E402
from dangvu.orgs.models import Organization, OrgKind  # noqa: E402

PASTS = (date(2025, 12, 31), date(2025, 10, 15))
RUNS = 5
DIMS = ("status", "sex", "birth_year", "ethnicity", "religion", "education", "theory_level")


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, object]:
    fn()  # warm
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def _positions(n: int) -> str:
    return ", ".join(str(i + 1) for i in range(n))


def baseline_today(path: str, by_child: int | None = None) -> dict:
    low, high = paths.subtree_bounds(path)
    year = (
        "CAST(EXTRACT(YEAR FROM m.birth_date) AS INTEGER)"
        if connection.vendor == "postgresql"
        else "CAST(strftime('%Y', m.birth_date) AS INTEGER)"
    )
    group = f"substr(o.path, 1, {by_child}), " if by_child else ""
    n = 8 if by_child else 7
    sql = (
        f"SELECT {group}m.status, m.sex, {year}, m.ethnicity, m.religion, m.education, "
        f"m.theory_level, COUNT(*) FROM members_member m JOIN orgs_organization o "
        f"ON o.id = m.organization_id WHERE o.path >= %s AND o.path < %s "
        f"AND m.status IN ('du_bi', 'chinh_thuc') GROUP BY {_positions(n)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [low, high])
        rows = cursor.fetchall()
    return _total(rows, by_child)


def baseline_on(path: str, on: date, by_child: int | None = None) -> dict:
    low, high = paths.subtree_bounds(path)
    group = f"substr(v.path, 1, {by_child}), " if by_child else ""
    n = 8 if by_child else 7
    sql = (
        f"SELECT {group}s.status, s.sex, s.birth_year, s.ethnicity, s.religion, s.education, "
        f"s.theory_level, COUNT(*) FROM orgs_orgversion v JOIN members_memberspan s "
        f"ON s.organization_id = v.organization_id WHERE v.path >= %s AND v.path < %s "
        f"AND v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s) "
        f"AND s.valid_from <= %s AND (s.valid_to IS NULL OR s.valid_to > %s) "
        f"GROUP BY {_positions(n)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [low, high, on, on, on, on])
        rows = cursor.fetchall()
    return _total(rows, by_child)


def _total(rows: list, grouped: int | None) -> dict:
    out: dict = {}
    for row in rows:
        key = row[0] if grouped else ""
        out[key] = out.get(key, 0) + row[-1]
    return out


def baseline_search(words: str, low: str, high: str) -> list:
    like = "%" + words + "%"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.id FROM members_member m JOIN orgs_organization o ON o.id = "
            "m.organization_id WHERE o.path >= %s AND o.path < %s AND m.search_text LIKE %s "
            "ORDER BY m.given_key, m.id LIMIT 50",
            [low, high, like],
        )
        return cursor.fetchall()


def duckdb_tables(org_ids: dict[int, str]) -> tuple[object, int]:
    """Hand DuckDB the member and span rows, with each row's province and commune, from
    Python (through a CSV file written here; DuckDB's sqlite extension cannot download)."""
    import duckdb

    province_of = {}
    commune_of = {}
    for pk, path in org_ids.items():
        ids = paths.ids_of(path)
        province_of[pk] = ids[1] if len(ids) > 1 else 0
        commune_of[pk] = ids[2] if len(ids) > 2 else 0
    tmp = Path(tempfile.mkdtemp(prefix="members-duck-"))
    started = time.perf_counter()
    count = 0
    with connection.cursor() as cursor, open(tmp / "m.csv", "w", newline="") as f:
        w = csv.writer(f)
        year = (
            "CAST(EXTRACT(YEAR FROM birth_date) AS INTEGER)"
            if connection.vendor == "postgresql"
            else "CAST(strftime('%Y', birth_date) AS INTEGER)"
        )
        cursor.execute(
            f"SELECT organization_id, status, sex, {year}, ethnicity, religion, education, "
            "theory_level, search_text, given_key, id FROM members_member "
            "WHERE status IN ('du_bi', 'chinh_thuc')"
        )
        while rows := cursor.fetchmany(100_000):
            for r in rows:
                w.writerow((province_of.get(r[0], 0), commune_of.get(r[0], 0), *r[1:]))
                count += 1
    with connection.cursor() as cursor, open(tmp / "s.csv", "w", newline="") as f:
        w = csv.writer(f)
        cursor.execute(
            "SELECT organization_id, valid_from, valid_to, status, sex, birth_year, ethnicity, "
            "religion, education, theory_level FROM members_memberspan"
        )
        while rows := cursor.fetchmany(100_000):
            for r in rows:
                w.writerow((province_of.get(r[0], 0), commune_of.get(r[0], 0), *r[1:]))
    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE m AS SELECT * FROM read_csv('{tmp / 'm.csv'}', header=false, columns={{"
        "'province': 'BIGINT', 'commune': 'BIGINT', 'status': 'VARCHAR', 'sex': 'VARCHAR', "
        "'birth_year': 'INTEGER', 'ethnicity': 'VARCHAR', 'religion': 'VARCHAR', "
        "'education': 'VARCHAR', 'theory_level': 'VARCHAR', 'search_text': 'VARCHAR', "
        "'given_key': 'VARCHAR', 'id': 'BIGINT'})"
    )
    con.execute(
        f"CREATE TABLE s AS SELECT * FROM read_csv('{tmp / 's.csv'}', header=false, columns={{"
        "'province': 'BIGINT', 'commune': 'BIGINT', 'valid_from': 'DATE', 'valid_to': 'DATE', "
        "'status': 'VARCHAR', 'sex': 'VARCHAR', 'birth_year': 'INTEGER', "
        "'ethnicity': 'VARCHAR', 'religion': 'VARCHAR', 'education': 'VARCHAR', "
        "'theory_level': 'VARCHAR'}, nullstr='')"
    )
    for name in ("m.csv", "s.csv"):
        (tmp / name).unlink()
    print(f"DuckDB loaded {count:,} members and the spans in {time.perf_counter() - started:.0f} s")
    return con, count


SETS = ", ".join(f"({d})" for d in DIMS)


def duck_one(con, table: str, where: str, params: list) -> int:
    rows = con.execute(
        f"SELECT {', '.join(DIMS)}, COUNT(*) FROM {table} WHERE {where} "
        f"GROUP BY GROUPING SETS ({SETS})",
        params,
    ).fetchall()
    return sum(r[-1] for r in rows if r[0] is not None)


def duck_by_province(con, table: str, where: str, params: list) -> int:
    sets = ", ".join(f"(province, {d})" for d in DIMS)
    rows = con.execute(
        f"SELECT province, {', '.join(DIMS)}, COUNT(*) FROM {table} WHERE {where} "
        f"GROUP BY GROUPING SETS ({sets})",
        params,
    ).fetchall()
    return sum(r[-1] for r in rows if r[1] is not None)


def duck_by_commune(con, where: str, params: list) -> int:
    sets = ", ".join(f"(commune, {d})" for d in DIMS)
    rows = con.execute(
        f"SELECT commune, {', '.join(DIMS)}, COUNT(*) FROM s WHERE {where} "
        f"GROUP BY GROUPING SETS ({sets})",
        params,
    ).fetchall()
    return sum(r[-1] for r in rows if r[1] is not None)


def main() -> None:
    today = timezone.localdate()
    stats_sync()
    central = Organization.objects.get(kind=OrgKind.CENTRAL, parent__isnull=True)
    provinces = list(Organization.objects.filter(parent=central, kind=OrgKind.PROVINCE))
    province = max(provinces, key=lambda p: p.pk if p.code == "P27" else 0)  # Hồ Chí Minh
    communes = Organization.objects.within(province).filter(kind=OrgKind.COMMUNE)
    commune = communes.order_by("code").first()
    assert commune is not None
    child_len = len(central.path) + paths.SEGMENT_WIDTH + 1
    print(
        f"{connection.vendor}: {province.name}, {commune.name}; past dates "
        + ", ".join(f"{p:%d/%m/%Y}" for p in PASTS)
        + f"; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    results = []

    def row(label: str, ours: float, base: float, duck: float | None) -> None:
        results.append((label, ours, base, duck))

    def check(a: int, b: int, what: str) -> None:
        if a != b:
            print(f"  !! {what}: {a} vs {b}")

    def check_children(rows: list, base: dict, what: str) -> None:
        ours = {v.path: ours_total(c) for v, c in rows if ours_total(c)}
        if ours != {k: n for k, n in base.items() if n}:
            print(f"  !! {what}: the children's totals differ from the baseline's")

    org_paths = dict(Organization.objects.values_list("pk", "path"))
    try:
        con, _ = duckdb_tables(org_paths)
    except Exception as exc:
        print(f"DuckDB unavailable: {exc}")
        con = None

    def ours_total(counts: dict) -> int:
        return counts.get(("total", ""), 0)

    # today
    t_ours, c = timed(lambda: selectors.counts_today(SYSTEM, province))
    t_base, b = timed(lambda: baseline_today(province.path))
    check(ours_total(c), b[""], "province today")
    t_duck = None
    if con is not None:
        t_duck, d = timed(lambda: duck_one(con, "m", "province = ?", [province.pk]))
        check(ours_total(c), d, "province today duckdb")
    row("một tỉnh, hôm nay", t_ours, t_base, t_duck)

    t_ours, rows = timed(lambda: selectors.counts_by_child(SYSTEM, central, today, today=today))
    t_base, b = timed(lambda: baseline_today(central.path, child_len))
    check(sum(ours_total(c) for _, c in rows), sum(b.values()), "nation today")
    t_duck = None
    if con is not None:
        t_duck, _ = timed(lambda: duck_by_province(con, "m", "TRUE", []))
    row("toàn quốc theo tỉnh, hôm nay", t_ours, t_base, t_duck)

    t_ours, c = timed(lambda: selectors.counts_today(SYSTEM, commune))
    t_base, b = timed(lambda: baseline_today(commune.path))
    check(ours_total(c), b.get("", 0), "commune today")
    t_duck = None
    if con is not None:
        t_duck, _ = timed(lambda: duck_one(con, "m", "commune = ?", [commune.pk]))
    row("một xã, hôm nay", t_ours, t_base, t_duck)

    # past dates: the end of a month (the next month's snapshot minus a day) and the middle
    # of one (about half a month of changes, the worst case)
    covering = "valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
    province_child_len = len(province.path) + paths.SEGMENT_WIDTH + 1
    for past in PASTS:
        t_ours, c = timed(
            lambda past=past: selectors.counts_on(SYSTEM, province, past, today=today)
        )
        t_base, b = timed(lambda past=past: baseline_on(province.path, past))
        check(ours_total(c), b.get("", 0), "province past")
        t_duck = None
        if con is not None:
            t_duck, _ = timed(
                lambda past=past: duck_one(
                    con, "s", f"province = ? AND {covering}", [province.pk, past, past]
                )
            )
        row(f"một tỉnh, ngày {past:%d/%m/%Y}", t_ours, t_base, t_duck)

        t_ours, rows = timed(
            lambda past=past: selectors.counts_by_child(SYSTEM, province, past, today=today)
        )
        t_base, b = timed(lambda past=past: baseline_on(province.path, past, province_child_len))
        check_children(rows, b, "province by child past")
        t_duck = None
        if con is not None:
            t_duck, _ = timed(
                lambda past=past: duck_by_commune(
                    con, f"province = ? AND {covering}", [province.pk, past, past]
                )
            )
        row(f"một tỉnh theo đơn vị trực thuộc, ngày {past:%d/%m/%Y}", t_ours, t_base, t_duck)

        t_ours, rows = timed(
            lambda past=past: selectors.counts_by_child(SYSTEM, central, past, today=today)
        )
        t_base, b = timed(lambda past=past: baseline_on(central.path, past, child_len), runs=3)
        check_children(rows, b, "nation past")
        t_duck = None
        if con is not None:
            t_duck, _ = timed(lambda past=past: duck_by_province(con, "s", covering, [past, past]))
        row(f"toàn quốc theo tỉnh, ngày {past:%d/%m/%Y}", t_ours, t_base, t_duck)

        t_ours, c = timed(lambda past=past: selectors.counts_on(SYSTEM, commune, past, today=today))
        t_base, b = timed(lambda past=past: baseline_on(commune.path, past))
        check(ours_total(c), b.get("", 0), "commune past")
        t_duck = None
        if con is not None:
            t_duck, _ = timed(
                lambda past=past: duck_one(
                    con, "s", f"commune = ? AND {covering}", [commune.pk, past, past]
                )
            )
        row(f"một xã, ngày {past:%d/%m/%Y}", t_ours, t_base, t_duck)

    # search: a province leader types a name; the first page and its (capped) count, as
    # the list page reads them
    leader = User.objects.filter(organization=province).first() or User(
        organization=province, role="leader", username="bench"
    )
    low, high = paths.subtree_bounds(province.path)
    for query in ("nguyen van hung", "nguyen duc"):

        def ours_search(query: str = query) -> tuple[int, list]:
            qs = selectors.member_list(leader, MemberFilter(query=query), org=None, today=today)
            page = CappedPaginator(qs, PER_PAGE).page(1)
            return page.paginator.count, [m.pk for m in page]

        t_ours, (count, _) = timed(ours_search)
        t_base, _ = timed(lambda query=query: baseline_search(query, low, high))
        t_duck = None
        if con is not None:
            t_duck, _ = timed(
                lambda query=query: con.execute(
                    "SELECT id FROM m WHERE province = ? AND search_text LIKE ? "
                    "ORDER BY given_key, id LIMIT 50",
                    [province.pk, f"%{query}%"],
                ).fetchall()
            )
        row(f"tìm “{query}” trong tỉnh ({count} kết quả)", t_ours, t_base, t_duck)

    print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(
        f"{'phép đo':<48}{'dangvu ms':>11}{'cơ sở ms':>11}{'DuckDB ms':>11}"
        f"{'cơ sở/dv':>10}{'Duck/dv':>9}"
    )
    for label, ours, base, duck in results:
        duck_text = f"{duck:11.1f}" if duck is not None else f"{'—':>11}"
        ratio = f"{duck / ours:9.1f}" if duck is not None and ours else f"{'—':>9}"
        print(f"{label:<48}{ours:11.1f}{base:11.1f}{duck_text}{base / ours:10.1f}{ratio}")


if __name__ == "__main__":
    main()
