"""Benchmark: a national directive assigned to every grassroots organization.

    DANGVU_VAR_DIR=/tmp/tracking-bench .venv/bin/python bench/tracking.py          # SQLite
    DANGVU_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangvu_tracking_bench \
        .venv/bin/python bench/tracking.py                                         # PostgreSQL

Builds the `nation` tree if absent (about a minute), assigns a central directive to
every grassroots organization (~55,000 assignments, states spread set-based), then
times in the same run:
  - the completion page's selectors (summary + drill-down by province + the first page
    of units that have not done it) against a baseline that asks each unit's state with
    one query per unit;
  - one unit's due list against a baseline with one query per task.
Prints medians and ratios baseline / selectors.
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
from django.db import connection  # noqa: E402

from dangvu.access import SYSTEM  # noqa: E402
from dangvu.orgs.demo import build_bulk  # noqa: E402
from dangvu.orgs.models import GRASSROOTS_KINDS, Organization, OrgKind  # noqa: E402
from dangvu.tracking import selectors  # noqa: E402
from dangvu.tracking.demo import national_directive  # noqa: E402
from dangvu.tracking.models import Assignment, AssignmentState, Task  # noqa: E402
from dangvu.tracking.services import task_create  # noqa: E402

TODAY = date(2026, 1, 15)
REPEAT = 7


def timed(fn: Callable[[], object], repeat: int = REPEAT) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), result


def main() -> None:
    vendor = connection.vendor
    print(f"Cơ sở dữ liệu: {vendor}")
    call_command("migrate", verbosity=0)
    if not Organization.objects.filter(kind=OrgKind.PROVINCE).exists():
        started = time.perf_counter()
        build_bulk(34, lambda _m: None)
        print(f"Tạo cây toàn quốc: {time.perf_counter() - started:.0f} giây")
    started = time.perf_counter()
    task = national_directive(print)
    print(f"Giao việc và trạng thái: {time.perf_counter() - started:.1f} giây")
    # a few more tasks for the due list (report rounds)
    if Task.objects.filter(source=task.source).count() == 1:
        task_create(
            source=task.source,
            title="Báo cáo kết quả",
            kind="report",
            issued_on=task.issued_on,
            due_dates=[task.due_on + timedelta(days=30 * k) for k in range(1, 6)],
            unit_rule="grassroots",
            rule_root=task.rule_root,
            actor=SYSTEM,
        )
    # after every task exists: statistics taken before the report rounds saw one task
    # owning every assignment, and PostgreSQL then seq-scanned the assignments for it
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    central = task.rule_root
    units = Assignment.objects.filter(task=task).count()
    print(f"Số phần việc của chỉ thị: {units:,}".replace(",", "."))

    def page() -> object:
        progress = selectors.progress_of(task, central, TODAY)
        missing = selectors.missing_units(task, central, limit=200)
        return progress, missing

    ours, (progress, missing) = timed(page)
    s = progress.summary
    print(
        f"  Hoàn thành {s.completion}, đúng hạn {s.on_time}, muộn {s.late}, "
        f"{s.sessions} buổi; {len(progress.rows)} tỉnh; {len(missing)} đơn vị thiếu (trang 1)"
    )

    grassroots = list(
        Organization.objects.filter(kind__in=GRASSROOTS_KINDS, path__startswith=central.path)
        .order_by("path")
        .values_list("pk", flat=True)
    )

    def baseline() -> object:
        done = total = 0
        for pk in grassroots:  # one query per unit
            state = (
                Assignment.objects.filter(task=task, organization_id=pk)
                .values_list("state", flat=True)
                .first()
            )
            if state is None or state == AssignmentState.EXEMPT:
                continue
            total += 1
            done += state == AssignmentState.DONE
        return done, total

    base, (done, total) = timed(baseline, repeat=1)
    assert (done, total) == (s.done, s.total), ((done, total), (s.done, s.total))
    print(
        f"Trang hoàn thành (toàn quốc): {ours * 1000:.0f} ms; mỗi đơn vị một truy vấn: "
        f"{base:.1f} s; gấp {base / ours:.0f} lần"
    )

    province = progress.rows[0].org
    ours_p, prog_p = timed(lambda: selectors.progress_of(task, province, TODAY))
    prov_units = list(
        Organization.objects.filter(
            kind__in=GRASSROOTS_KINDS, path__startswith=province.path
        ).values_list("pk", flat=True)
    )

    def baseline_p() -> int:
        return sum(
            Assignment.objects.filter(task=task, organization_id=pk, state="done").exists()
            for pk in prov_units
        )

    base_p, done_p = timed(baseline_p, repeat=3)
    assert done_p == prog_p.summary.done
    print(
        f"Trang hoàn thành (một tỉnh, {len(prov_units)} đơn vị): {ours_p * 1000:.1f} ms; "
        f"mỗi đơn vị một truy vấn: {base_p * 1000:.0f} ms; gấp {base_p / ours_p:.0f} lần"
    )

    unit = Organization.objects.get(pk=grassroots[len(grassroots) // 2])
    ours_u, items = timed(lambda: selectors.due_list(unit, TODAY, include_done=True))
    tasks = list(Task.objects.order_by("due_on"))

    def baseline_u() -> int:
        found = 0
        for t in tasks:  # one query per task
            found += Assignment.objects.filter(task=t, organization=unit).exists()
        return found

    base_u, found = timed(baseline_u)
    assert found == len(items), (found, len(items))
    print(
        f"Danh sách việc của một đơn vị ({len(items)} việc): {ours_u * 1000:.1f} ms; "
        f"mỗi việc một truy vấn: {base_u * 1000:.1f} ms; gấp {base_u / ours_u:.1f} lần"
    )


if __name__ == "__main__":
    main()
