"""Benchmark: the dashboards (flows.dashboards) on the `province` demo scale, against the
member statistics page of the same unit in the same run (SQLite by default; PostgreSQL
with DANGVU_DATABASE_URL).

    DANGVU_VAR_DIR=/tmp/dash-var nice -n 10 .venv/bin/python bench/dashboards.py

Builds the data if absent (`demo-data --scale province`: one province at full size, about
170,000 members; two minutes), then times through Django's test client (no network, the
same middleware), as the province's leader and as a commune's officer:
  - the statistics page (/dang-vien/thong-ke/): the baseline;
  - the members, tracking and reporting dashboards (/tong-quan/...), the Excel export of
    the members' one, and the home page with its dashboard;
  - the home's dashboard alone (`home_dashboard`: the rest of the home page is its
    worklists, timed by the home);
  - the dashboards' parts: twelve months of members, the year's admissions by month (and
    those of 2025, a year the demo's events fill, against all the movement of 2025);
each as the median of REPEAT runs after a warm-up, with its query count, and as a ratio
to the baseline (the machine may be shared: the load average is printed with the figures).
"""

from __future__ import annotations

import os
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
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from dangvu.accounts.models import User  # noqa: E402
from dangvu.flows.dashboards import home_dashboard  # noqa: E402
from dangvu.members.models import Member  # noqa: E402
from dangvu.members.selectors import flows_by_month, monthly_counts  # noqa: E402

REPEAT = 5
ADMISSIONS = ("ket_nap", "ket_nap_lai")  # what the members' dashboard counts by month
LAST_YEAR = 2025
PAGES = [
    ("thống kê (mốc)", "/dang-vien/thong-ke/"),
    ("tổng quan đảng viên", "/tong-quan/dang-vien/"),
    ("tổng quan theo dõi", "/tong-quan/theo-doi/"),
    ("tổng quan báo cáo", "/tong-quan/bao-cao/"),
    ("Excel tổng quan đảng viên", "/tong-quan/dang-vien/excel/"),
    ("trang chủ (cả việc phải làm)", "/"),
]


def timed(fn: Callable[[], object]) -> tuple[float, int]:
    """The median seconds of REPEAT runs after a warm-up, and the queries of one run."""
    fn()
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        fn()
    return statistics.median(runs), len(queries.captured_queries)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    call_command("migrate", verbosity=0)
    if not Member.objects.exists():
        started = time.perf_counter()
        call_command("demo-data", scale="province")
        print(f"dữ liệu province: {time.perf_counter() - started:.0f} s")
    print(f"{Member.objects.count():,} đảng viên · {connection.vendor} · tải {load()}")
    today = timezone.localdate()
    leader = User.objects.filter(username__startswith="tinhuy").first()  # the province
    officer = User.objects.filter(username__startswith="xa1").first()
    for user in (leader, officer):
        assert user is not None and user.organization is not None
        _bench(user, today)


def _bench(user: User, today: date) -> None:
    org = user.organization
    assert org is not None
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    print(f"\n{user.username}: {org.name}")
    base = 0.0
    for label, url in PAGES:
        seconds, queries = timed(lambda url=url: _get(client, url))
        base = base or seconds
        print(
            f"  {label:32} {seconds * 1000:7.0f} ms  {queries:3} truy vấn  "
            f"{seconds / base:5.2f} × thống kê  (tải {load()})"
        )
    parts: list[tuple[str, Callable[[], object]]] = [
        ("home_dashboard (phần tổng quan)", lambda: home_dashboard(user, today)),
        ("12 tháng đảng viên", lambda: monthly_counts(user, org, _firsts(today), today=today)),
        (
            "kết nạp từng tháng của năm",
            lambda: flows_by_month(user, org, date(today.year, 1, 1), today, only=ADMISSIONS),
        ),
        # the demo's events end in mid-2025: the last full year of admissions, and the
        # whole movement of that year (what flows reads for the statistics page)
        (
            f"kết nạp từng tháng năm {LAST_YEAR}",
            lambda: flows_by_month(
                user, org, date(LAST_YEAR, 1, 1), date(LAST_YEAR, 12, 31), only=ADMISSIONS
            ),
        ),
        (
            f"mọi biến động năm {LAST_YEAR}",
            lambda: flows_by_month(user, org, date(LAST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)),
        ),
    ]
    for label, fn in parts:
        seconds, queries = timed(fn)
        print(
            f"  {label:32} {seconds * 1000:7.0f} ms  {queries:3} truy vấn  "
            f"{seconds / base:5.2f} × thống kê  (tải {load()})"
        )


def _get(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)


def _firsts(today: date) -> list[date]:
    months = [(today.year * 12 + today.month - 1 - k) for k in range(12, 0, -1)]
    return [date(m // 12, m % 12 + 1, 1) for m in months] + [today]


if __name__ == "__main__":
    main()
