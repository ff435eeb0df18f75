"""The unit picker in a real browser, on each list and statistics page (issue 15): a unit
typed without diacritics, several matches to choose from, a unit outside the scope.

With DANGVU_SCREENS_DIR set, each page is also saved there at 1366×768."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user
from dangvu.flows.register import document_register
from dangvu.reporting.tests.conftest import open_quarter
from dangvu.tracking.tests.helpers import make_task, plan_126

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("DANGVU_SCREENS_DIR", "")


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def _pick(page, typed: str) -> None:
    page.locator("form.unit-pick").get_by_label("Đơn vị").fill(typed)
    page.locator("form.unit-pick").get_by_role("button", name="Chọn").click()
    page.wait_for_load_state()


def test_the_picker_chooses_a_unit_on_every_list(page) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    officer = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    make_user("chuyenvien.a", tree.a, Role.OFFICER)
    plan = plan_126(officer)
    for owner, number in ((tree.a, "15"), (tree.b, "16")):
        document_register(
            actor=officer,
            owner=owner,
            type_code="KH",
            number=number,
            issuer_code="ĐU",
            date=date(2023, 5, 2),
            title=f"kế hoạch thực hiện Kế hoạch 126-KH/TU của {owner.name}",
        )
    task = make_task(officer, plan, tree.province)
    round = open_quarter(tree.province)
    page.set_viewport_size({"width": 1366, "height": 768})
    login_in_browser(page, "chuyenvien.tinh")
    seen = page.locator("#unit-pick-help")

    pages = {
        "documents": "/van-ban/",
        "tasks": "/theo-doi/",
        "assignments": "/theo-doi/viec-cua-don-vi/",
        "task": f"/theo-doi/viec/{task.pk}/",
        "directive": f"/theo-doi/van-ban/{plan.pk}/",
        "rounds": "/bao-cao/",
        "round": f"/bao-cao/dot/{round.pk}/",
        "consolidation": f"/bao-cao/dot/{round.pk}/tong-hop/",
        "members": "/dang-vien/",
        "member-stats": "/dang-vien/thong-ke/",
        "reports": f"/theo-doi/viec/{task.pk}/bao-cao/",
        "dashboard": reverse("flows:dashboard_tracking"),
    }
    for name, url in pages.items():
        page.goto(url)
        _pick(page, "dang bo hoa cuong")
        expect(seen).to_contain_text("Đang xem: Đảng bộ xã Hòa Cuông")
        _shot(page, f"picker-{name}")

    # what the pages show is the unit's: its documents, its part of the task
    page.goto("/van-ban/")
    _pick(page, "dang bo hoa cuong")
    expect(page.get_by_role("link", name="16-KH/ĐU")).to_be_visible()
    expect(page.get_by_role("link", name="15-KH/ĐU")).to_have_count(0)
    page.goto("/theo-doi/")
    _pick(page, "dang bo hoa cuong")
    expect(page.locator("td.num").first).to_have_text("0/1 đơn vị")

    # several matches: choose one, the page's filters kept
    page.goto("/van-ban/?loai=KH")
    _pick(page, "thon 1")
    expect(page.get_by_text("Có 3 đơn vị khớp “thon 1”")).to_be_visible()
    _shot(page, "picker-choices")
    page.get_by_role("link", name="Chi bộ Thôn 1 xã Hòa Cuông").click()
    expect(seen).to_have_text("Đang xem: Chi bộ Thôn 1 xã Hòa Cuông")
    expect(page.get_by_label("Loại")).to_have_value("KH")

    # a commune's officer does not find another commune
    page.get_by_role("button", name="Đăng xuất").click()
    login_in_browser(page, "chuyenvien.a")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/bao-cao/")
    _pick(page, "hoa cuong")
    expect(
        page.get_by_text("Không có đơn vị nào trong phạm vi của bạn khớp “hoa cuong”")
    ).to_be_visible()
    _shot(page, "picker-outside")
