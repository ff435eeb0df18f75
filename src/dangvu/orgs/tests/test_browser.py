"""The tree in a real browser: Debian's chromium driven by Playwright."""

import re

import pytest

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_browses_expands_searches_and_is_refused_elsewhere(page) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    make_user("lanhdao.huyen", tree.d1, Role.LEADER)
    login_in_browser(page, "lanhdao.huyen")
    expect(page.get_by_role("heading", name="Đảng bộ huyện Trấn Yên")).to_be_visible()
    page.get_by_role("link", name="Cây tổ chức").click()

    expect(page.get_by_role("heading", name="Cây tổ chức đảng")).to_be_visible()
    district = page.locator(f'li[data-org="{tree.d1.pk}"]')
    expect(district.get_by_role("link", name="Đảng bộ huyện Trấn Yên")).to_be_visible()
    expect(page.get_by_text("Đảng bộ xã Việt Thành")).to_have_count(0)

    district.get_by_role("button", name="Mở rộng Đảng bộ huyện Trấn Yên").click()
    commune = page.locator(f'li[data-org="{tree.a.pk}"]')
    expect(commune.get_by_role("link", name="Đảng bộ xã Việt Thành")).to_be_visible()
    commune.get_by_role("button", name=re.compile("Mở rộng")).click()
    expect(page.get_by_role("link", name="Chi bộ Thôn 2 xã Việt Thành")).to_be_visible()

    page.get_by_label("Tìm theo tên (không cần dấu)").fill("thon 1 viet thanh")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("link", name="Chi bộ Thôn 1 xã Việt Thành")).to_be_visible()
    expect(page.get_by_text("Đảng bộ huyện Trấn Yên › Đảng bộ xã Việt Thành")).to_be_visible()

    response = page.goto(f"/to-chuc/{tree.c.pk}/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Không có quyền truy cập")).to_be_visible()
    expect(page.get_by_text("Đảng bộ xã Đông Cuông")).to_have_count(0)
