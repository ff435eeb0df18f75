"""A member in a real browser: search without diacritics, the timeline, a transfer seen
from both units."""

from datetime import date

import pytest

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user
from dangvu.members.services import member_recognize

from .helpers import DECISION, admit, second_province

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_finds_a_member_records_a_transfer_and_both_units_see_it(page) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    make_user("chuyenvien.huyen", tree.d1, Role.OFFICER)
    member = admit(
        tree.a1,
        name="Nguyễn Văn Hưng",
        birth=date(1985, 4, 4),
        on=date(2016, 5, 2),
        ceremony=date(2016, 5, 20),
    )
    member_recognize(member=member, decision=DECISION, actor=SYSTEM)
    admit(tree.a2, name="Trần Thị Lan", sex="nu", birth=date(1990, 1, 1))

    login_in_browser(page, "chuyenvien.huyen")
    page.get_by_role("link", name="Đảng viên").first.click()
    page.get_by_label("Tìm theo tên, số thẻ").fill("nguyen van hung")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("link", name="Trần Thị Lan")).to_have_count(0)
    page.get_by_role("link", name="Nguyễn Văn Hưng").click()

    expect(page.get_by_role("heading", name="Nguyễn Văn Hưng")).to_be_visible()
    timeline = page.locator("ol.timeline")
    expect(timeline.get_by_text("Kết nạp (dự bị)")).to_be_visible()
    expect(timeline.get_by_text("Công nhận đảng viên chính thức")).to_be_visible()

    page.get_by_role("link", name="Chuyển sinh hoạt").click()
    page.get_by_label("Nơi đến trong tỉnh (chi bộ)").select_option(
        label="Chi bộ Thôn 1 xã Hòa Cuông"
    )
    page.get_by_label("Ngày giới thiệu").fill("2/5/2024")
    page.get_by_label("Giấy giới thiệu").fill("Giấy giới thiệu số 15-GGT/ĐU")
    page.get_by_role("button", name="Ghi giấy giới thiệu").click()
    expect(page.get_by_text("Đã ghi giấy giới thiệu; chờ nơi đến tiếp nhận.")).to_be_visible()

    # the receiving unit sees the letter waiting; the sending unit still lists the member
    page.goto(f"/dang-vien/?to_chuc={tree.b.pk}")
    waiting = page.locator(".card", has_text="Chờ tiếp nhận")
    expect(waiting.get_by_role("link", name="Nguyễn Văn Hưng")).to_be_visible()
    page.goto(f"/dang-vien/?to_chuc={tree.a.pk}")
    expect(page.get_by_role("link", name="Nguyễn Văn Hưng")).to_be_visible()

    page.goto(f"/dang-vien/?to_chuc={tree.b.pk}")
    waiting.get_by_role("link", name="Tiếp nhận").click()
    page.get_by_label("Ngày tiếp nhận").fill("6/5/2024")
    page.get_by_role("button", name="Tiếp nhận").click()
    expect(
        page.locator("ol.timeline").get_by_text("Tiếp nhận sinh hoạt đảng chính thức")
    ).to_be_visible()
    confirmed = page.locator("ol.timeline li", has_text="Tiếp nhận sinh hoạt đảng chính thức")
    expect(confirmed).to_contain_text("Chi bộ Thôn 1 xã Việt Thành → Chi bộ Thôn 1 xã Hòa Cuông")

    page.goto(f"/dang-vien/?to_chuc={tree.b.pk}")
    expect(
        page.locator("table.members").get_by_role("link", name="Nguyễn Văn Hưng")
    ).to_be_visible()
    page.goto(f"/dang-vien/?to_chuc={tree.a.pk}")
    expect(page.locator("table.members").get_by_role("link", name="Nguyễn Văn Hưng")).to_have_count(
        0
    )


def test_a_transfer_to_another_province_is_recorded_found_by_name_and_placed_by_the_receiver(
    page,
) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    lao_cai = second_province().province
    make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    make_user("chuyenvien.laocai", lao_cai, Role.OFFICER)
    member = admit(tree.a1, name="Lê Văn Toàn", birth=date(1984, 2, 2), on=date(2016, 5, 2))
    member_recognize(member=member, decision=DECISION, actor=SYSTEM)

    # the sender: the province's Ban Tổ chức writes to Tỉnh ủy Lào Cai
    login_in_browser(page, "chuyenvien.tinh")
    page.goto(f"/dang-vien/{member.pk}/")
    page.get_by_role("link", name="Chuyển sinh hoạt").click()
    page.get_by_label("Nơi đến ở tỉnh khác: tìm theo tên").fill("tinh uy lao cai")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_text("Tìm thấy 1 tổ chức")).to_be_visible()
    page.get_by_label("Đảng bộ tỉnh Lào Cai").check()
    page.get_by_label("Ngày giới thiệu").fill("4/3/2024")
    page.get_by_label("Giấy giới thiệu").fill("Giấy giới thiệu số 41-GGT/BTCTU")
    page.get_by_role("button", name="Ghi giấy giới thiệu").click()
    expect(page.get_by_text("Đã ghi giấy giới thiệu; chờ nơi đến tiếp nhận.")).to_be_visible()
    page.get_by_role("button", name="Đăng xuất").click()

    # the receiver: Lào Cai sees the letter waiting, opens the member and places him
    login_in_browser(page, "chuyenvien.laocai")
    page.goto("/dang-vien/")
    waiting = page.locator(".card", has_text="Chờ tiếp nhận")
    expect(waiting.get_by_role("link", name="Lê Văn Toàn")).to_be_visible()
    waiting.get_by_role("link", name="Lê Văn Toàn").click()
    expect(page.get_by_role("heading", name="Lê Văn Toàn")).to_be_visible()
    page.locator("aside .card", has_text="Chờ tiếp nhận").get_by_role(
        "link", name="Tiếp nhận"
    ).click()
    page.get_by_label("Ngày tiếp nhận").fill("20/3/2024")
    page.get_by_label("Chi bộ tiếp nhận").select_option(label="Chi bộ thôn Bảo Vinh")
    page.get_by_role("button", name="Tiếp nhận").click()
    expect(page.get_by_text("Đã tiếp nhận đảng viên.")).to_be_visible()
    confirmed = page.locator("ol.timeline li", has_text="Tiếp nhận sinh hoạt đảng chính thức")
    expect(confirmed).to_contain_text("Chi bộ Thôn 1 xã Việt Thành → Chi bộ thôn Bảo Vinh")

    page.goto("/dang-vien/")
    expect(page.locator("table.members").get_by_role("link", name="Lê Văn Toàn")).to_be_visible()
    expect(page.locator(".card", has_text="Chờ tiếp nhận")).to_have_count(0)
    page.get_by_role("button", name="Đăng xuất").click()

    # the sender's list no longer holds him
    login_in_browser(page, "chuyenvien.tinh")
    page.goto("/dang-vien/")
    expect(page.locator("table.members").get_by_role("link", name="Lê Văn Toàn")).to_have_count(0)


def test_the_organization_tree_shows_each_units_members(page) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    make_user("chuyenvien.xa", tree.a, Role.OFFICER)
    for i in range(3):
        admit(tree.a1, name=f"Nguyễn Văn Thứ {i}")
    admit(tree.a2, name="Trần Thị Lan", sex="nu")

    login_in_browser(page, "chuyenvien.xa")
    page.get_by_role("link", name="Cây tổ chức").first.click()
    root = page.locator(f'[data-count-of="{tree.a.pk}"]')
    expect(root).to_have_text("4 đảng viên")
    page.get_by_role("button", name="Mở rộng Đảng bộ xã Việt Thành").click()
    expect(page.locator(f'[data-count-of="{tree.a1.pk}"]')).to_have_text("3 đảng viên")
    expect(page.locator(f'[data-count-of="{tree.a2.pk}"]')).to_have_text("1 đảng viên")
