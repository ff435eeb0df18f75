"""The dashboards in a real browser: the charts draw, their tables hold the numbers the
statistics, task and round pages show, and the PNG and Excel downloads work."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.dates import format_short
from dangvu.core.testing import login_in_browser, make_user
from dangvu.members.tests.helpers import admit, admit_official
from dangvu.reporting import periods
from dangvu.reporting.tests.conftest import open_quarter, send
from dangvu.tracking.models import Assignment
from dangvu.tracking.services import assignment_confirm, assignment_submit
from dangvu.tracking.tests.helpers import make_task, plan_126

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _table(page, selector: str) -> dict[str, list[str]]:
    """A table's rows: the first cell's text -> the other cells' texts."""
    rows = page.locator(f"{selector} tbody tr")
    out = {}
    for i in range(rows.count()):
        cells = [c.strip() for c in rows.nth(i).locator("th, td").all_inner_texts()]
        out[cells[0]] = cells[1:]
    return out


def test_the_members_dashboard_shows_the_statistics_pages_numbers(page) -> None:
    from playwright.sync_api import expect

    today = timezone.localdate()
    tree = build_tree()
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    for i in range(3):
        admit_official(tree.a1, name=f"Nguyễn Văn Bình {i}", birth=date(1970 + i, 1, 1))
    admit_official(tree.b1, name="Trần Thị Hoa", sex="nu", birth=date(1985, 2, 2))
    admit(tree.a2, name="Lò Thị Mai", sex="nu", ethnicity="Thái", on=date(today.year, 1, 2))

    login_in_browser(page, leader.username)
    page.goto(f"/dang-vien/thong-ke/?to_chuc={tree.province.pk}")
    total = page.locator("p.lead strong").first.inner_text()
    sexes = _table(page, "table:has(caption:text-is('Theo giới tính'))")
    page.goto(
        f"/dang-vien/thong-ke/?to_chuc={tree.province.pk}"
        f"&start=1/1/{today.year}&end={format_short(min(today, date(today.year, 3, 31)))}"
    )
    moves = _table(page, "table:has(caption:text-matches('^Biến động'))")

    page.goto("/")
    page.get_by_role("link", name="tổng quan đảng viên").click()
    expect(
        page.get_by_role("heading", name="Tổng quan đảng viên · Đảng bộ tỉnh Yên Bái")
    ).to_be_visible()
    figure = page.locator("ul.figures li", has_text="Tổng số đảng viên")
    expect(figure.locator(".value")).to_have_text(total)
    assert total == "5"

    chart = page.locator("#bieu-gioi-tinh")
    expect(chart.locator(".chart-canvas canvas").first).to_be_attached()
    table = chart.locator("table")
    # folded: out of sight until asked for, yet in the page for screen readers
    assert chart.locator(".chart-table").bounding_box()["height"] <= 1
    chart.get_by_role("button", name="Xem bảng số liệu").click()
    expect(chart.get_by_role("button", name="Ẩn bảng số liệu")).to_have_attribute(
        "aria-expanded", "true"
    )
    expect(table).to_be_visible()
    assert _table(page, "#bieu-gioi-tinh table") == sexes  # count and share, 12,5% style

    quarters = _table(page, "#bieu-ket-nap-theo-quy table")
    assert quarters["Quý I"][0] == moves["Kết nạp mới"][0] == "1"
    assert "chưa đặt chỉ tiêu kết nạp" in chart.page.locator("#bieu-ket-nap-theo-quy").inner_text()

    with page.expect_download() as png:
        chart.get_by_role("button", name="Tải ảnh PNG").click()
    assert png.value.suggested_filename == "gioi-tinh.png"
    with open(png.value.path(), "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as xlsx:
        chart.get_by_role("link", name="Tải Excel").click()
    assert xlsx.value.suggested_filename.startswith("tong-quan-gioi-tinh-")


def test_tracking_and_reporting_dashboards_show_the_task_and_round_pages_numbers(page) -> None:
    from playwright.sync_api import expect

    today = timezone.localdate()
    tree = build_tree()
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    officer = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    a_officer = make_user("chuyenvien.a", tree.a, Role.OFFICER)
    task = make_task(
        officer,
        plan_126(officer),
        tree.d1,
        issued=date(today.year, 1, 2),
        due=date(today.year, 1, 10),
    )
    done = Assignment.objects.get(task=task, organization=tree.a)
    assignment_submit(assignment=done, actor=a_officer, completed_on=date(today.year, 1, 8))
    assignment_confirm(assignment=done, actor=leader)
    period = periods.containing(periods.QUARTER, today).previous()
    due_in = (today - period.end).days + 10
    r = open_quarter(tree.province, period=period, due_in=due_in, lock_in=due_in + 10)
    send(r.submissions.get(organization=tree.a), actor=a_officer, on=today)

    login_in_browser(page, leader.username)
    page.goto(f"/theo-doi/viec/{task.pk}/?don-vi={tree.d1.pk}")
    task_rows = _table(page, "#drilldown")
    page.goto(f"/tong-quan/theo-doi/?to_chuc={tree.d1.pk}")
    expect(page.locator("#bieu-hoan-thanh-theo-don-vi .chart-canvas canvas").first).to_be_attached()
    rows = _table(page, "#bieu-hoan-thanh-theo-don-vi table")
    # Phải làm, Đã hoàn thành, Tỷ lệ, Đúng hạn, Muộn, Chờ xác nhận, Quá hạn, Chưa đến hạn
    assert rows["Đảng bộ xã Việt Thành (A)"][:2] == ["1", "1"]
    assert task_rows["Đảng bộ xã Việt Thành"][0] == "1/1 đơn vị"
    assert rows["Đảng bộ xã Hòa Cuông (B)"][6] == task_rows["Đảng bộ xã Hòa Cuông"][4] == "1"
    assert rows["Đảng bộ xã Việt Thành (A)"][2] == "100%"

    page.goto(f"/bao-cao/dot/{r.pk}/?don-vi={tree.province.pk}")
    tally = page.locator("#completeness").inner_text()
    page.goto(f"/tong-quan/bao-cao/?to_chuc={tree.province.pk}")
    expect(page.locator("ul.figures li", has_text="Đã báo cáo").first).to_contain_text(tally)
    assert tally == "1/3 đơn vị đã báo cáo"
    expect(page.locator("#bieu-tinh-hinh-chung .chart-canvas canvas").first).to_be_attached()
    assert r.due_on >= today - timedelta(days=1)
