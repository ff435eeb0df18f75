"""Screenshots of dangvu's main pages at 1366×768 (and a phone width) into docs/screens/.

Run against a live server with the demo data (`make demo` in another terminal):

    .venv/bin/python scripts/screens.py                     # http://127.0.0.1:8000
    .venv/bin/python scripts/screens.py --base http://127.0.0.1:8611 --only audit

It drives Debian's chromium (/usr/bin/chromium, or DANGVU_CHROMIUM) through Playwright,
logs in with the demo accounts (password DangVu@2025) and saves one PNG per page, the
visible window only (what a user sees first), plus a few full pages.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parents[1] / "docs" / "screens"
PASSWORD = "DangVu@2025"


@dataclass(frozen=True)
class Shot:
    name: str
    user: str  # a demo account, or "" for a page before logging in
    url: str  # a path, or "first:<css>" to follow the first link matching it on `after`
    after: str = ""  # the page to open before following "first:"
    width: int = 1366
    height: int = 768
    full_page: bool = False


SHOTS = [
    Shot("login", "", "/tai-khoan/dang-nhap/"),
    Shot("home", "tinhuy", "/"),
    Shot("tree", "tinhuy", "/to-chuc/"),
    Shot("organization", "tinhuy", "first:ul.tree a[href*='/to-chuc/']", after="/to-chuc/"),
    Shot("members", "tinhuy", "/dang-vien/"),
    Shot("member", "tinhuy", "first:table.grid a[href*='/dang-vien/']", after="/dang-vien/"),
    Shot("member-stats", "tinhuy", "/dang-vien/thong-ke/"),
    Shot("worklists", "tinhuy", "/dang-vien/viec-can-lam/"),
    Shot("dashboard-members", "tinhuy", "/tong-quan/dang-vien/", full_page=True),
    Shot("dashboard-tracking", "tinhuy", "/tong-quan/theo-doi/", full_page=True),
    Shot("dashboard-reporting", "tinhuy", "/tong-quan/bao-cao/"),
    Shot("home-commune", "xa1", "/", full_page=True),
    Shot("documents", "tinhuy", "/van-ban/"),
    Shot("tasks", "tinhuy", "/theo-doi/"),
    Shot("directive", "tinhuy", "first:a[href*='/theo-doi/van-ban/']", after="/theo-doi/"),
    Shot("task", "tinhuy", "/theo-doi/viec/2/"),  # the demo's 2023 study task, after the reform
    Shot("task-reports", "tinhuy", "/theo-doi/viec/2/bao-cao/"),
    Shot("assignments", "xa1", "/theo-doi/viec-cua-don-vi/"),
    Shot("help", "xa1", "/huong-dan/theo-doi/"),
    Shot("audit", "tinhuy", "/nhat-ky/"),
    Shot("accounts", "tinhuy", "/tai-khoan/nguoi-dung/"),
    Shot("password", "xa1", "/tai-khoan/doi-mat-khau/"),
    Shot("admin", "quantri", "/quan-tri/"),
    Shot("admin-axes", "quantri", "/quan-tri/axes/accessattempt/"),
    Shot("phone-members", "xa1", "/dang-vien/", width=390, height=844),
    Shot("phone-tasks", "xa1", "/theo-doi/", width=390, height=844),
    Shot("phone-dashboard", "xa1", "/tong-quan/dang-vien/", width=390, height=844),
]


def login(page: Page, base: str, username: str) -> None:
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def take(page: Page, base: str, shot: Shot) -> Path:
    if shot.url.startswith("first:"):
        page.goto(base + shot.after)
        link = page.locator(shot.url.removeprefix("first:")).first
        page.goto(base + (link.get_attribute("href") or "/"), timeout=60_000)
    else:
        page.goto(base + shot.url, timeout=60_000)
    page.wait_for_load_state("load")
    # the charts draw once the font is loaded (dangvu/charts.js)
    page.wait_for_function(
        "[...document.querySelectorAll('.chart-canvas')].every(c => c.querySelector('canvas'))"
    )
    path = OUT / f"{shot.name}.png"
    page.screenshot(path=str(path), full_page=shot.full_page)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--only", nargs="*", help="names of the shots to take")
    args = parser.parse_args()
    chromium = os.environ.get("DANGVU_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("Không tìm thấy Debian chromium (scripts/ensure-chromium).", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    shots = [s for s in SHOTS if not args.only or s.name in args.only]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        contexts: dict[tuple[str, int, int], Page] = {}
        for shot in shots:
            key = (shot.user, shot.width, shot.height)
            if key not in contexts:
                context = browser.new_context(
                    locale="vi-VN", viewport={"width": shot.width, "height": shot.height}
                )
                contexts[key] = context.new_page()
                if shot.user:
                    login(contexts[key], args.base, shot.user)
            print(take(contexts[key], args.base, shot).relative_to(OUT.parents[1]))
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
