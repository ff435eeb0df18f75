"""Benchmark: the member list and a province's statistics through the API, against the
pages, on the `province` demo scale (SQLite by default; PostgreSQL with
DANGVU_DATABASE_URL), in the same run.

    DANGVU_VAR_DIR=/tmp/api-bench nice -n 10 .venv/bin/python bench/api.py
    DANGVU_DATABASE_URL=postgres://.../dangvu_bench nice -n 10 .venv/bin/python bench/api.py
    DANGVU_BENCH_SCALE=nation ...   # 34 provinces, 5.6 million members, in an empty database

The `nation` scale is 34 such provinces (5.6 million members): its data build is about 34
times the province's, which this prints when it builds (see the note in the report).
The load average is printed with the figures: the machine may be shared.

Builds the data if absent (`demo-data --scale province`: one province at full size), then
times, in the same process through Django's test client (no network, the same middleware):
  - the member list of the province and of one commune: the page (/dang-vien/) against
    GET /api/v1/members (50 rows, with the exact total; the page counts up to 5,000);
  - the member statistics of the province today and on a past date: the page
    (/dang-vien/thong-ke/) against GET /api/v1/statistics;
each as the median of REPEAT runs after a warm-up, with its query count.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
os.environ.setdefault("DANGVU_API_RATE_LIMIT", "1000000")  # the bench is not a client

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from dangvu.access import SYSTEM  # noqa: E402
from dangvu.accounts.models import Role, User  # noqa: E402
from dangvu.accounts.services import user_create  # noqa: E402
from dangvu.api.services import token_create  # noqa: E402
from dangvu.members.models import Member  # noqa: E402
from dangvu.orgs.models import Organization, OrgKind  # noqa: E402

REPEAT = 7
SCALE = os.environ.get("DANGVU_BENCH_SCALE", "province")  # or "nation": 34 provinces
PAST = "2025-10-15"  # after the bulk tree begins (1 July 2025), not a snapshot day


def timed(fn: Callable[[], object]) -> tuple[float, int]:
    fn()  # warm-up
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        fn()
    return statistics.median(runs), len(queries)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def database_bytes() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
    return Path(str(connection.settings_dict["NAME"])).stat().st_size


def officer_of(org: Organization) -> User:
    name = f"bench.api.{org.pk}"
    found = User.objects.filter(username=name).first()
    if found is not None:
        return found
    return user_create(
        username=name, password="x", organization=org, role=Role.OFFICER,
        full_name="Bench API", actor=SYSTEM, validate=False,
    )  # fmt: skip


def main() -> None:
    print(f"Cơ sở dữ liệu: {connection.vendor}")
    call_command("migrate", verbosity=0)
    if not Member.objects.exists():
        started = time.perf_counter()
        call_command("demo-data", scale=SCALE)
        took = time.perf_counter() - started
        print(f"demo-data --scale {SCALE}: {took:.0f} giây (tải {load()})")
        if SCALE == "province":
            print(f"  ước tính nation (34 tỉnh, tuyến tính): {took * 34 / 3600:.1f} giờ")
    province = Organization.objects.filter(kind=OrgKind.PROVINCE).order_by("pk").first()
    assert province is not None
    commune = (
        Organization.objects.filter(parent=province, dissolved_on__isnull=True)
        .exclude(kind=OrgKind.CENTRAL)
        .order_by("pk")
        .first()
    )
    assert commune is not None
    user = officer_of(province)
    size = database_bytes() / 1e9
    estimate = f" (nation, 34 tỉnh: khoảng {size * 34:.0f} GB)" if SCALE == "province" else ""
    print(f"Cỡ cơ sở dữ liệu: {size:.2f} GB{estimate}")
    print(
        f"{Member.objects.count():,} đảng viên; tỉnh: {province.name}; xã: {commune.name} "
        f"({Member.objects.filter(organization__path__startswith=commune.path).count():,})"
    )
    page = Client(SERVER_NAME="localhost")
    page.force_login(user)
    secret = token_create(actor=user, name="bench", days=1).secret
    api = Client(SERVER_NAME="localhost", HTTP_AUTHORIZATION=f"Bearer {secret}")

    def get(client: Client, url: str, **params: str) -> Callable[[], object]:
        def call() -> object:
            r = client.get(url, params)
            assert r.status_code == 200, (url, r.status_code, r.content[:300])
            return r

        return call

    cases = [
        (
            "Danh sách đảng viên của tỉnh (trang 1)",
            get(page, "/dang-vien/", to_chuc=str(province.pk)),
            get(api, "/api/v1/members", organization=str(province.pk)),
        ),
        (
            "Danh sách đảng viên của một xã (trang 1)",
            get(page, "/dang-vien/", to_chuc=str(commune.pk)),
            get(api, "/api/v1/members", organization=str(commune.pk)),
        ),
        (
            "Thống kê của tỉnh, hôm nay",
            get(page, "/dang-vien/thong-ke/", to_chuc=str(province.pk)),
            get(api, "/api/v1/statistics", organization=str(province.pk)),
        ),
        (
            f"Thống kê của tỉnh, ngày {PAST}",
            get(page, "/dang-vien/thong-ke/", to_chuc=str(province.pk), ngay=PAST),
            get(api, "/api/v1/statistics", organization=str(province.pk), on=PAST),
        ),
    ]
    print(f"{'':44} {'trang':>16} {'API':>16}")
    for label, as_page, as_api in cases:
        p, pq = timed(as_page)
        a, aq = timed(as_api)
        print(f"{label:44} {p * 1000:9.1f} ms {pq:3}q {a * 1000:9.1f} ms {aq:3}q  tải {load()}")
    total = api.get("/api/v1/members", {"organization": str(province.pk)}).json()["total"]
    print(f"API: tổng số đảng viên của tỉnh trong trang đầu: {total:,}")


if __name__ == "__main__":
    main()
