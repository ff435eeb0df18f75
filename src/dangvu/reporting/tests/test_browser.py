"""The whole cycle in a real browser: a province opens a quarterly round for its communes;
one commune sees the prefilled figures, corrects one with a reason and submits; the
province sees 1/3, returns it with a comment; the commune resubmits; the province approves
and sees the consolidated figure change."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dangvu.accounts.models import Role
from dangvu.conftest import add_org
from dangvu.core.testing import login_in_browser, make_user
from dangvu.members.tests.helpers import admit
from dangvu.orgs.models import OrgKind
from dangvu.reporting import periods

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logout(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()


def test_open_prefill_correct_submit_return_resubmit_approve(page) -> None:
    from playwright.sync_api import expect

    today = timezone.localdate()
    quarter = periods.containing(periods.QUARTER, today).previous()
    province = add_org(None, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "LC", "TU")
    communes = [
        add_org(province, f"Đảng bộ xã {n}", OrgKind.COMMUNE, f"X{i}", "ĐU")
        for i, n in enumerate(["Bảo Hà", "Cốc San", "Gia Phú"], start=1)
    ]
    cell = add_org(communes[0], "Chi bộ thôn Bảo Vinh", OrgKind.CELL, "X1-01", "CB")
    for n in range(2):
        admit(cell, name=f"Lò Thị Mai {n}", sex="nu", on=quarter.start + timedelta(days=10 + n))
    make_user("lanhdao.tinh", province, Role.LEADER)
    make_user("chuyenvien.baoha", communes[0], Role.OFFICER)

    # the province opens the round
    login_in_browser(page, "lanhdao.tinh")
    page.get_by_role("link", name="Báo cáo định kỳ", exact=True).click()
    page.get_by_label("Biểu mẫu").select_option(
        label="Báo cáo tình hình, kết quả công tác tổ chức xây dựng Đảng (TCXD-QUY, phiên bản 1)"
    )
    page.get_by_label("Loại kỳ").select_option("quarter")
    page.get_by_label("Năm", exact=True).fill(str(quarter.year))
    page.get_by_label("Tháng, quý hoặc nửa năm").fill(str(quarter.number))
    page.get_by_label("Đơn vị phải báo cáo").select_option("direct")
    page.get_by_label("Ngày mở").fill(f"{quarter.end.day}/{quarter.end.month}/{quarter.end.year}")
    due = today + timedelta(days=10)
    page.get_by_label("Hạn báo cáo").fill(f"{due.day}/{due.month}/{due.year}")
    lock = today + timedelta(days=30)
    page.get_by_label("Ngày khóa sổ").fill(f"{lock.day}/{lock.month}/{lock.year}")
    page.get_by_role("button", name="Mở đợt báo cáo").click()
    expect(page.get_by_text("Đã mở đợt báo cáo cho 3 đơn vị.")).to_be_visible()
    expect(page.locator("#completeness")).to_have_text("0/3 đơn vị đã báo cáo")
    round_url = page.url
    logout(page)

    # the commune finds it on its home page, sees the computed figures, corrects one
    login_in_browser(page, "chuyenvien.baoha")
    page.locator("#bao-cao-dinh-ky").get_by_role("link", name="quý").first.click()
    expect(page.locator("#o_KN01")).to_have_value("2")
    expect(page.locator("#row-KN01")).to_contain_text("tự tính: 2")
    expect(page.locator("#o_DV01")).to_have_value("2")
    page.locator("#o_KN01").fill("3")
    reason = page.get_by_label("Lý do sửa KN01", exact=True)
    expect(reason).to_be_visible()
    reason.fill("Quyết định kết nạp ngày cuối quý chưa nhập vào hệ thống")
    page.evaluate(
        """() => document.querySelectorAll('input.num').forEach(i => {
            if (!i.value) i.value = i.name === 'o_SH03' ? 'có' : '0'; })"""
    )
    page.get_by_label("Kết quả đạt được").fill("Kết nạp 3 đảng viên mới, đều là nữ.")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_text("Đã gửi báo cáo lên cấp trên.")).to_be_visible()
    logout(page)

    # the province sees 1/3 and returns it
    login_in_browser(page, "lanhdao.tinh")
    page.goto(round_url)
    expect(page.locator("#completeness")).to_have_text("1/3 đơn vị đã báo cáo")
    page.locator("#awaiting").get_by_role("link", name="Đảng bộ xã Bảo Hà").click()
    expect(page.locator("#sua-so-lieu")).to_contain_text("chưa nhập vào hệ thống")
    page.get_by_label("Ý kiến (bắt buộc khi trả lại, mở lại, miễn)").fill(
        "Đề nghị ghi rõ số đảng viên nữ được kết nạp"
    )
    page.get_by_role("button", name="Trả lại").click()
    expect(page.get_by_text("Đã trả lại báo cáo cho đơn vị.")).to_be_visible()
    logout(page)

    # the commune reads the comment on its home page and resubmits
    login_in_browser(page, "chuyenvien.baoha")
    expect(page.locator("#bao-cao-dinh-ky")).to_contain_text(
        "Đề nghị ghi rõ số đảng viên nữ được kết nạp"
    )
    page.locator("#bao-cao-dinh-ky").get_by_role("link", name="quý").first.click()
    page.locator("#o_KN01\\.nu").fill("3")
    page.get_by_label("Lý do sửa KN01.nu", exact=True).fill("Cả 3 đảng viên mới đều là nữ")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_text("Đã gửi báo cáo lên cấp trên.")).to_be_visible()
    logout(page)

    # the province approves and the consolidated figure changes
    login_in_browser(page, "lanhdao.tinh")
    page.goto(round_url)
    page.get_by_role("link", name="Số liệu tổng hợp của Đảng bộ tỉnh Lào Cai").click()
    expect(page.locator("#k-KN01 td.num").first).to_have_text("0 đảng viên")
    consolidation_url = page.url
    page.goto(round_url)
    page.locator("#awaiting").get_by_role("link", name="Đảng bộ xã Bảo Hà").click()
    page.get_by_role("button", name="Duyệt").click()
    expect(page.get_by_text("Đã duyệt báo cáo.")).to_be_visible()
    page.goto(consolidation_url)
    expect(page.locator("#k-KN01 td.num").first).to_have_text("3 đảng viên")
    expect(page.locator("#k-KN01")).to_contain_text("Nữ: 3")
    expect(page.locator("#units-approved")).to_have_text("1/3")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.screenshot(path="/tmp/reporting-browser-consolidation.png")
