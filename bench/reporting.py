"""Benchmark: a national round of the quarterly report over every grassroots organization.

    DANGVU_VAR_DIR=/tmp/reporting-bench .venv/bin/python bench/reporting.py          # SQLite
    DANGVU_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangvu_reporting \\
        .venv/bin/python bench/reporting.py                                          # PostgreSQL

Builds the `nation` tree if absent (34 provinces, 3,321 communes, ~55,000 grassroots
organizations, bulk-inserted), the member registry of one province (bulk, ~170,000
members) for the prefill, then opens a round of the 47-indicator quarterly form (quý IV
năm 2025) for every grassroots organization through `round_open`, and fills it set-based:
most units approved (their values in bulk, the roll-up rebuilt from them), some submitted,
some missing. Then times, in the same run, medians of several runs:
  - national completeness and one province's, against a baseline that reads each unit's
    report one query at a time;
  - the consolidated province and nation, against a baseline that sums the approved units'
    values one unit (one query) at a time; the two must agree cell by cell;
  - the prefill of one commune's form (registry, tree, tracking), against a baseline that
    walks the subtree a unit at a time and counts its spans and events one by one; the
    two must agree cell by cell.
Targets (issue 10): national completeness <= 300 ms, province consolidation <= 200 ms,
nation <= 1 s, prefill <= 200 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from dangvu.members import demo as members_demo  # noqa: E402
from dangvu.members.models import Member  # noqa: E402
from dangvu.orgs.demo import build_bulk, ensure_central  # noqa: E402
from dangvu.orgs.models import Organization, OrgKind  # noqa: E402
from dangvu.reporting import periods  # noqa: E402
from dangvu.reporting.models import (  # noqa: E402
    Indicator,
    ReportForm,
    Round,
    Submission,
    SubmissionKind,
    SubmissionState,
    Value,
)
from dangvu.reporting.scope import SYSTEM  # noqa: E402
from dangvu.reporting.selectors import completeness, consolidation, prefill  # noqa: E402
from dangvu.reporting.selectors.completeness import completeness_baseline  # noqa: E402
from dangvu.reporting.selectors.consolidation import consolidation_baseline  # noqa: E402
from dangvu.reporting.selectors.prefill import prefill_baseline  # noqa: E402
from dangvu.reporting.services import rollup_rebuild, round_open  # noqa: E402

PERIOD = periods.quarter(2025, 4)
TODAY = date(2026, 1, 20)
REPEAT = 7


def timed(fn: Callable[[], object], repeat: int = REPEAT) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms".replace(",", ".")


@transaction.atomic
def fill(r: Round) -> None:
    """States and values set-based: 9 in 10 units approved, 1 in 20 submitted, the rest
    missing; each approved unit's numeric cells (parts at most their total)."""
    sub, val, ind = (m._meta.db_table for m in (Submission, Value, Indicator))
    with connection.cursor() as c:
        c.execute(
            f"UPDATE {sub} SET state = CASE WHEN id %% 20 < 18 THEN %s WHEN id %% 20 = 18 THEN %s "
            f"ELSE %s END, submitted_on = CASE WHEN id %% 20 < 19 THEN %s END "
            f"WHERE round_id = %s AND kind = %s",
            [
                SubmissionState.APPROVED,
                SubmissionState.SUBMITTED,
                SubmissionState.NOT_STARTED,
                r.due_on - timedelta(days=1),
                r.pk,
                SubmissionKind.ENTRY,
            ],
        )
        c.execute(
            f"UPDATE {sub} SET submitted_on = %s WHERE round_id = %s AND kind = %s "
            f"AND id %% 97 = 0 AND submitted_on IS NOT NULL",
            [r.due_on + timedelta(days=3), r.pk, SubmissionKind.ENTRY],
        )
        common = (
            f"FROM {sub} s CROSS JOIN {ind} i WHERE s.round_id = %s AND s.kind = %s AND "
            f"s.state = %s AND i.form_id = %s AND i.numerator = '' AND i.value_type <> 'text'"
        )
        params = [r.pk, SubmissionKind.ENTRY, SubmissionState.APPROVED, r.form_id]
        c.execute(
            f"INSERT INTO {val} (submission_id, indicator_id, part, number, text, reason) "
            f"SELECT s.id, i.id, '', (s.id * 7 + i.id * 3) %% 23, '', '' {common}",
            params,
        )
        for n, part in enumerate(("nu", "dtts", "ton_giao", "duoi_30"), start=2):
            c.execute(
                f"INSERT INTO {val} (submission_id, indicator_id, part, number, text, reason) "
                f"SELECT s.id, i.id, %s, ((s.id * 7 + i.id * 3) %% 23) / {n}, '', '' {common} "
                f"AND CAST(i.parts AS TEXT) LIKE %s",
                [part, *params, f'%"{part}"%'],
            )
        for table in (sub, val):
            c.execute(f"ANALYZE {table}")


def main() -> None:
    vendor = connection.vendor
    print(f"Cơ sở dữ liệu: {vendor}")
    call_command("migrate", verbosity=0)
    if not Organization.objects.filter(kind=OrgKind.PROVINCE).exists():
        started = time.perf_counter()
        build_bulk(34, lambda _m: None)
        print(f"Tạo cây toàn quốc: {time.perf_counter() - started:.0f} giây")
    central = ensure_central()
    province = Organization.objects.filter(kind=OrgKind.PROVINCE).order_by("path").first()
    assert province is not None
    if not Member.objects.exists():
        started = time.perf_counter()
        members_demo.members_bulk([province], 5_600_000 // 34 + 6_000, lambda _m: None)
        print(f"Đảng viên của {province.name}: {time.perf_counter() - started:.0f} giây")
    form = ReportForm.objects.get(code="TCXD-QUY", version=1)
    r = Round.objects.filter(form=form, period_key=PERIOD.key, owner=central).first()
    if r is None:
        started = time.perf_counter()
        r = round_open(
            form=form,
            period=PERIOD,
            unit_rule="grassroots",
            rule_root=central,
            opens_on=PERIOD.end,
            due_on=PERIOD.end + timedelta(days=15),
            locks_on=PERIOD.end + timedelta(days=30),
            actor=SYSTEM,
        )
        print(f"Mở đợt toàn quốc: {r.units} đơn vị, {time.perf_counter() - started:.1f} giây")
    if not Value.objects.filter(submission__round=r).exists():
        started = time.perf_counter()
        fill(r)
        print(
            f"Điền số liệu hàng loạt: {Value.objects.filter(submission__round=r).count():,} ô, "
            f"{time.perf_counter() - started:.1f} giây".replace(",", ".")
        )
        started = time.perf_counter()
        print(
            f"Dựng lại số tổng hợp: {rollup_rebuild(r)} dòng, "
            f"{time.perf_counter() - started:.1f} giây"
        )
    commune = Organization.objects.within(province).filter(kind=OrgKind.COMMUNE).order_by("path")[3]

    print("\n| phép đo | dangvu | baseline (từng đơn vị) | lần |")
    print("| --- | ---: | ---: | ---: |")

    t, c_all = timed(lambda: completeness(actor=SYSTEM, round=r, organization=central, today=TODAY))
    tb, n_all = timed(lambda: completeness_baseline(r, central), repeat=1)
    assert c_all.tally.reported == n_all, (c_all.tally.reported, n_all)
    print(f"| completeness toàn quốc ({c_all.tally.text}) | {ms(t)} | {ms(tb)} | {tb / t:,.0f} |")
    t, c_p = timed(lambda: completeness(actor=SYSTEM, round=r, organization=province, today=TODAY))
    tb, n_p = timed(lambda: completeness_baseline(r, province), repeat=3)
    assert c_p.tally.reported == n_p
    print(f"| completeness một tỉnh ({c_p.tally.text}) | {ms(t)} | {ms(tb)} | {tb / t:,.0f} |")

    for label, org, repeat in (("một tỉnh", province, 3), ("toàn quốc", central, 1)):
        t, k = timed(lambda org=org: consolidation(actor=SYSTEM, round=r, organization=org))
        tb, base = timed(lambda org=org: consolidation_baseline(r, org), repeat=repeat)
        for row in k.rows:
            if row.code in base:
                assert row.value == base[row.code], (label, row.code, row.value, base[row.code])
        kn = k.row("KN01")
        print(
            f"| tổng hợp {label} (KN01 = {kn.shown}, {k.units_approved} đơn vị) | {ms(t)} | "
            f"{ms(tb)} | {tb / t:,.0f} |"
        )

    t, auto = timed(lambda: prefill(r, commune, actor=SYSTEM))
    tb, base = timed(lambda: prefill_baseline(r, commune), repeat=3)
    assert auto == base, {
        k: (auto.get(k), base.get(k)) for k in {*auto, *base} if auto.get(k) != base.get(k)
    }
    print(
        f"| tự tính biểu của {commune.name} (DV01 = {auto.get('DV01')}, {len(auto)} ô) | "
        f"{ms(t)} | {ms(tb)} | {tb / t:,.0f} |"
    )


if __name__ == "__main__":
    main()
