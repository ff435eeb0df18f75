"""Benchmark: the organization tree at national scale.

    DANGVU_VAR_DIR=/tmp/bench-tree .venv/bin/python bench/tree.py            # SQLite
    DANGVU_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangvu_bench_tree \
        .venv/bin/python bench/tree.py                                         # PostgreSQL

Builds the `nation` tree if the database has none (timed), records a few hundred moves
dated 1/1/2026 so that the past and present trees differ, then times, in the same run:
  - subtree of an organization as of a date: materialized path range vs a recursive CTE
    over the plain parent column;
  - ancestors of an organization as of a date: path ids vs a recursive CTE upward;
  - "is X inside Y on D": two path look-ups vs walking up with a recursive CTE.
Prints medians per level and the ratio baseline / path.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from dangvu.access import SYSTEM  # noqa: E402
from dangvu.orgs import paths, selectors  # noqa: E402
from dangvu.orgs.demo import build_bulk  # noqa: E402
from dangvu.orgs.models import Organization, OrgKind, OrgVersion  # noqa: E402
from dangvu.orgs.services import org_move  # noqa: E402

PAST = date(2025, 9, 1)
TODAY = date(2026, 6, 1)
MOVE_DAY = date(2026, 1, 1)
REPEAT = 7

SUBTREE_CTE = """
WITH RECURSIVE sub(id) AS (
    SELECT CAST(%s AS BIGINT)
    UNION ALL
    SELECT v.organization_id FROM orgs_orgversion v JOIN sub ON v.parent_id = sub.id
    WHERE v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s)
) SELECT id FROM sub
"""
OWN = """(SELECT path FROM orgs_orgversion
    WHERE organization_id = %s AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s))"""
SUBTREE_ONE = f"""
SELECT organization_id FROM orgs_orgversion
WHERE path >= {OWN} AND path < {OWN} || '~'
  AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)
"""
OWN_PATH = """
SELECT path FROM orgs_orgversion
WHERE organization_id = %s AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)
"""
ANCESTORS_CTE = """
WITH RECURSIVE up(id, depth) AS (
    SELECT parent_id, 1 FROM orgs_orgversion
    WHERE organization_id = %s AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)
    UNION ALL
    SELECT v.parent_id, up.depth + 1 FROM orgs_orgversion v JOIN up ON v.organization_id = up.id
    WHERE v.valid_from <= %s AND (v.valid_to IS NULL OR v.valid_to > %s)
) SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth DESC
"""


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    best = []
    result: object = None
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = fn()
        best.append(time.perf_counter() - started)
    return statistics.median(best) * 1000, result


def cte(sql: str, params: list[object]) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def ensure_data() -> None:
    call_command("migrate", verbosity=0)
    if Organization.objects.filter(kind=OrgKind.PROVINCE).count() >= 34:
        print("Dữ liệu toàn quốc đã có.")
        return
    started = time.perf_counter()
    build_bulk(34, lambda line: None)
    print(f"Tạo cây toàn quốc: {time.perf_counter() - started:.1f} s")


def ensure_history(rng: random.Random) -> None:
    if OrgVersion.objects.filter(valid_from=MOVE_DAY).exists():
        return
    started = time.perf_counter()
    cells = list(Organization.objects.filter(kind=OrgKind.CELL).order_by("?")[:300])
    committees = list(
        Organization.objects.filter(kind=OrgKind.GRASSROOTS_COMMITTEE).order_by("?")[:300]
    )
    moved = 0
    for cell, target in zip(cells, committees, strict=True):
        if cell.parent_id == target.pk:
            continue
        try:
            org_move(org=cell, new_parent=target, on=MOVE_DAY, decision="QĐ bench", actor=SYSTEM)
            moved += 1
        except Exception:
            continue
    print(f"Ghi {moved} lần điều chuyển ngày 1/1/2026: {time.perf_counter() - started:.1f} s")


def sample(kind: str, n: int, rng: random.Random) -> list[Organization]:
    ids = list(Organization.objects.filter(kind=kind).values_list("pk", flat=True))
    return list(Organization.objects.filter(pk__in=rng.sample(ids, min(n, len(ids)))))


def path_subtree(org_id: int, on: date) -> list[int]:
    """The path method in plain SQL: one range scan, its bounds from the root's path."""
    return cte(SUBTREE_ONE, [org_id, on, on, org_id, on, on, on, on])


def path_ancestors(org_id: int, on: date) -> list[int]:
    own = cte(OWN_PATH, [org_id, on, on])
    ids = paths.ids_of(own[0])[:-1] if own else []
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    found = set(
        cte(
            f"SELECT organization_id FROM orgs_orgversion WHERE organization_id IN ({marks}) "
            "AND valid_from <= %s AND (valid_to IS NULL OR valid_to > %s)",
            [*ids, on, on],
        )
    )
    return [i for i in ids if i in found]


def path_within(org_id: int, ancestor_id: int, on: date) -> bool:
    a, b = cte(OWN_PATH, [org_id, on, on]), cte(OWN_PATH, [ancestor_id, on, on])
    return bool(a and b and paths.is_within(a[0], b[0]))


def row(label: str, orm: list[float], raw: list[float], base: list[float], size: str = "") -> None:
    o, p, c = statistics.median(orm), statistics.median(raw), statistics.median(base)
    print(f"{label:<34}{o:>10.2f}{p:>10.2f}{c:>10.2f}{c / p:>10.1f}{size:>11}")


def main() -> None:
    rng = random.Random(7)
    ensure_data()
    ensure_history(rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh planner statistics for both methods
            cursor.execute("ANALYZE orgs_orgversion")
            cursor.execute("ANALYZE orgs_organization")
    total = Organization.objects.count()
    versions = OrgVersion.objects.count()
    print(f"CSDL: {connection.vendor}; {total:,} tổ chức, {versions:,} phiên bản")
    print(
        "ORM = selector của ứng dụng; path = cùng phép đo bằng SQL thuần; CTE = đệ quy theo "
        "cột parent (mốc so sánh). Đơn vị: ms, trung vị."
    )
    print(f"{'phép đo':<34}{'ORM':>10}{'path':>10}{'CTE':>10}{'CTE/path':>10}{'tổ chức':>11}")
    groups = [
        ("subtree: tỉnh", OrgKind.PROVINCE, 4),
        ("subtree: xã", OrgKind.COMMUNE, 12),
        ("subtree: đảng bộ cơ sở", OrgKind.GRASSROOTS_COMMITTEE, 12),
    ]
    for on in (PAST, TODAY):
        for label, kind, n in groups:
            orm, raw, base, sizes = [], [], [], []
            for org in sample(kind, n, rng):
                o_ms, o_ids = timed(
                    lambda org=org, on=on: list(
                        selectors.descendants_on(org, on, include_self=True).values_list(
                            "organization_id", flat=True
                        )
                    )
                )
                p_ms, p_ids = timed(lambda org=org, on=on: path_subtree(org.pk, on))
                c_ms, c_ids = timed(lambda org=org, on=on: cte(SUBTREE_CTE, [org.pk, on, on]))
                assert sorted(o_ids) == sorted(p_ids) == sorted(c_ids), f"subtree differs: {org}"  # type: ignore[arg-type]
                orm.append(o_ms)
                raw.append(p_ms)
                base.append(c_ms)
                sizes.append(len(p_ids))  # type: ignore[arg-type]
            row(f"{label} @{on.isoformat()}", orm, raw, base, f"{int(statistics.median(sizes)):,}")
        cells = sample(OrgKind.CELL, 20, rng)
        orm, raw, base = [], [], []
        for cell in cells:
            o_ms, o_anc = timed(
                lambda cell=cell, on=on: [
                    v.organization_id for v in selectors.ancestors_on(cell, on)
                ]
            )
            p_ms, p_anc = timed(lambda cell=cell, on=on: path_ancestors(cell.pk, on))
            c_ms, c_anc = timed(
                lambda cell=cell, on=on: cte(ANCESTORS_CTE, [cell.pk, on, on, on, on])
            )
            assert o_anc == p_anc == c_anc, f"ancestors differ for {cell}: {p_anc} != {c_anc}"
            orm.append(o_ms)
            raw.append(p_ms)
            base.append(c_ms)
        row(f"ancestors: chi bộ @{on.isoformat()}", orm, raw, base)
        provinces = sample(OrgKind.PROVINCE, 5, rng)
        orm, raw, base = [], [], []
        for cell, province in zip(cells, provinces * 4, strict=False):

            def by_selector(cell=cell, province=province, on=on) -> bool:
                a, b = selectors.version_on(cell, on), selectors.version_on(province, on)
                return bool(a and b and paths.is_within(a.path, b.path))

            o_ms, o_in = timed(by_selector)
            p_ms, p_in = timed(
                lambda cell=cell, province=province, on=on: path_within(cell.pk, province.pk, on)
            )
            c_ms, c_in = timed(
                lambda cell=cell, province=province, on=on: (
                    province.pk in cte(ANCESTORS_CTE, [cell.pk, on, on, on, on])
                )
            )
            assert o_in == p_in == c_in
            orm.append(o_ms)
            raw.append(p_ms)
            base.append(c_ms)
        row(f"X thuộc Y? @{on.isoformat()}", orm, raw, base)


if __name__ == "__main__":
    main()
