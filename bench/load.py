"""Load benchmark: the production setup on loopback, N logged-in users replaying a mix of pages.

    .venv/bin/dangvu demo-data --scale province              # or demo / nation, once
    .venv/bin/python bench/load.py --users 50 --seconds 300  # SQLite (var/dangvu.sqlite3)
    DANGVU_DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangvu \
        .venv/bin/python bench/load.py --users 50 --seconds 300 --workers 4

It starts `dangvu serve` (gunicorn, DEBUG off, static files collected) on a free port of
127.0.0.1, logs N clients in over HTTP as the database's users (the demo's password), then
each client asks for the pages of the mix in turn until the time is up. Before the load it
asks each page once through Django's test client and counts its queries. It prints, per
page: requests, p50/p95/p99 in ms, errors (status >= 400 or no answer) and queries; then the
requests per second and p95 of the whole mix.

Bounded: at most 200 users and 600 seconds; traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")

MAX_USERS = 200
MAX_SECONDS = 600
PAST_DATE = "31/12/2025"

# label -> path; `{org}` and `{member}` are found on the pages at start
MIX = {
    "trang chủ": "/",
    "cây tổ chức": "/to-chuc/",
    "một tổ chức": "/to-chuc/{org}/",
    "danh sách đảng viên": "/dang-vien/",
    "tìm đảng viên": "/dang-vien/?q=nguyen+van",
    "một đảng viên": "/dang-vien/{member}/",
    "thống kê hôm nay": "/dang-vien/thong-ke/",
    "thống kê ngày cũ": f"/dang-vien/thong-ke/?ngay={PAST_DATE}",
    "văn bản": "/van-ban/",
    "theo dõi nhiệm vụ": "/theo-doi/",
    "việc của đơn vị": "/theo-doi/viec-cua-don-vi/",
    "báo cáo định kỳ": "/bao-cao/",
    "soạn văn bản": "/soan-thao/",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Client:
    """One logged-in browser: its own cookies, over loopback."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=60) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, ""
        except OSError:
            return 0, ""

    def login(self, username: str, password: str) -> bool:
        status, html = self.get("/tai-khoan/dang-nhap/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if status != 200 or not token:
            return False
        data = urllib.parse.urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
        ).encode()
        request = urllib.request.Request(self.base + "/tai-khoan/dang-nhap/", data=data)
        try:
            with self.opener.open(request, timeout=60) as r:
                return "/tai-khoan/dang-nhap/" not in r.geturl()
        except OSError:
            return False


@dataclass
class Record:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, label: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.times.setdefault(label, []).append(seconds)
            if not ok:
                self.errors[label] = self.errors.get(label, 0) + 1


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def django_side(count: int) -> tuple[list[str], str]:
    """The users to log in as (the demo's accounts first) and the demo password."""
    import django

    django.setup()
    from dangvu.accounts.demo import DEMO_PASSWORD
    from dangvu.accounts.models import Role, User

    rank = {Role.LEADER: 0, Role.OFFICER: 1, Role.VIEWER: 2}
    users = sorted(
        User.objects.filter(is_active=True, organization__isnull=False).values_list(
            "role", "id", "username"
        ),
        key=lambda u: (rank.get(u[0], 3), u[1]),
    )
    return [u[2] for u in users[:count]], DEMO_PASSWORD


def query_counts(paths: dict[str, str], username: str) -> dict[str, int]:
    """Each page once through the test client, counting its queries."""
    from django.db import connection
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext

    from dangvu.accounts.models import User

    client = TestClient(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=username))
    counts = {}
    for label, path in paths.items():
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        counts[label] = len(ctx.captured_queries)
    return counts


def resolve_mix(client: Client) -> dict[str, str]:
    """Fill in an organization and a member from the pages; drop pages that do not exist."""
    _, tree = client.get("/to-chuc/")
    org = re.search(r'href="/to-chuc/(\d+)/"', tree)
    _, members = client.get("/dang-vien/")
    member = re.search(r'href="/dang-vien/(\d+)/"', members)
    mix = {}
    for label, path in MIX.items():
        if ("{org}" in path and not org) or ("{member}" in path and not member):
            continue
        path = path.format(
            org=org.group(1) if org else "", member=member.group(1) if member else ""
        )
        status, _ = client.get(path)
        if status == 404:
            print(f"  (bỏ qua {label}: {path} chưa có)")
            continue
        mix[label] = path
    return mix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--accounts", type=int, default=4, help="distinct users to log in as")
    args = parser.parse_args()
    users = max(1, min(args.users, MAX_USERS))
    seconds = max(5, min(args.seconds, MAX_SECONDS))

    accounts, password = django_side(args.accounts)
    if not accounts:
        sys.exit("Không có người dùng: chạy `dangvu demo-data` trước.")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "DANGVU_DEBUG"}
    dangvu = str(Path(sys.executable).parent / "dangvu")
    server = subprocess.Popen(
        [dangvu, "serve", f"--bind=127.0.0.1:{port}", f"--workers={args.workers}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        probe = Client(base)
        for _ in range(300):
            if probe.get("/tai-khoan/dang-nhap/")[0] == 200:
                break
            time.sleep(0.2)
        else:
            sys.exit("Máy chủ không khởi động được.")
        clients: list[tuple[Client, dict[str, str]]] = []
        mixes: dict[str, dict[str, str]] = {}
        for i in range(users):
            account = accounts[i % len(accounts)]
            c = Client(base)
            if not c.login(account, password):
                sys.exit(f"Không đăng nhập được bằng {account}.")
            if account not in mixes:  # each account's own unit, organization and member
                mixes[account] = resolve_mix(c)
            clients.append((c, mixes[account]))
        mix = mixes[accounts[0]]
        counts = query_counts(mix, accounts[0])
        print(
            f"{users} người dùng ({len(accounts)} tài khoản), {args.workers} tiến trình, "
            f"{seconds} s, {len(mix)} trang"
        )
        record = Record()
        deadline = time.monotonic() + seconds
        labels = list(MIX)

        def run(n: int, client: Client, own: dict[str, str]) -> None:
            pages = [label for label in labels if label in own]
            i = n
            while time.monotonic() < deadline:
                label = pages[i % len(pages)]
                start = time.perf_counter()
                status, _ = client.get(own[label])
                record.add(label, time.perf_counter() - start, 0 < status < 400)
                i += 1

        threads = [
            threading.Thread(target=run, args=(n, c, own)) for n, (c, own) in enumerate(clients)
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"(truy vấn: mỗi trang một lần, với tài khoản {accounts[0]})")
    print(
        f"{'trang':<22}{'số yêu cầu':>11}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'lỗi':>6}{'truy vấn':>10}"
    )
    every: list[float] = []
    for label in labels:
        times = record.times.get(label, [])
        every += times
        if not times:
            continue
        print(
            f"{label:<22}{len(times):>11}{statistics.median(times) * 1000:>9.0f}"
            f"{percentile(times, 95) * 1000:>9.0f}{percentile(times, 99) * 1000:>9.0f}"
            f"{record.errors.get(label, 0):>6}{counts.get(label, 0):>10}"
        )
    errors = sum(record.errors.values())
    print(
        f"tổng: {len(every)} yêu cầu, {len(every) / elapsed:.1f} yêu cầu/s, "
        f"p95 {percentile(every, 95) * 1000:.0f} ms, p99 {percentile(every, 99) * 1000:.0f} ms, "
        f"{errors} lỗi"
    )


if __name__ == "__main__":
    main()
