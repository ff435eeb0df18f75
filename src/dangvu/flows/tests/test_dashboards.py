"""The dashboards count nothing their own way: each figure is the area's own selector's
(the statistics, tracking's completion, reporting's completeness), on data made by the
real services."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dangvu.access import SYSTEM
from dangvu.core.charts import Chart
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.flows.dashboards import (
    members_dashboard,
    reporting_dashboard,
    tracking_dashboard,
)
from dangvu.members.selectors import counts_on, flows, flows_by_month
from dangvu.members.selectors.report import stats_report
from dangvu.members.tests.helpers import admit, admit_official
from dangvu.reporting.selectors import completeness
from dangvu.reporting.services import target_set
from dangvu.reporting.tests.conftest import open_quarter, send
from dangvu.tracking.models import Assignment
from dangvu.tracking.selectors import progress_of
from dangvu.tracking.services import assignment_confirm, assignment_submit
from dangvu.tracking.tests.helpers import make_task, plan_126

pytestmark = pytest.mark.django_db
TODAY = date(2023, 8, 15)


@pytest.fixture
def registry(tree):
    """Five members in 2015 across A and B, two admitted in 2023 (quarters I and II)."""
    for i in range(3):
        admit_official(tree.a1, name=f"Nguyễn Văn Bình {i}", birth=date(1970 + i, 1, 1))
    admit_official(tree.b1, name="Trần Thị Hoa", sex="nu", birth=date(1985, 2, 2))
    admit(tree.a2, name="Lò Văn Páo", ethnicity="Thái", birth=date(1995, 3, 3))
    admit(tree.a2, name="Hoàng Thị Mai", sex="nu", on=date(2023, 2, 10), birth=date(2000, 4, 4))
    admit(tree.b1, name="Vũ Văn Hải", on=date(2023, 5, 5), birth=date(1999, 5, 5))


def _values(chart: Chart | None, series: str) -> dict[str, object]:
    assert chart is not None
    found = next(s for s in chart.series if s.name == series)
    return dict(zip(chart.categories, found.values, strict=True))


def test_the_members_dashboard_shows_the_statistics_numbers(tree, users, registry) -> None:
    user = users.province_leader
    board = members_dashboard(user, tree.province, TODAY)
    report = stats_report(user, tree.province, TODAY, date(2023, 1, 1), TODAY, today=TODAY)
    figures = {f.label: f.value for f in board.figures}
    assert figures["Tổng số đảng viên"] == report.total == 7
    for key, dimension in (("gioi-tinh", "sex"), ("do-tuoi", "age"), ("dan-toc", "ethnicity")):
        table = report.table(dimension)
        assert table is not None
        assert _values(board.chart(key), "Số người") == {r.label: r.n for r in table.rows}
        assert _values(board.chart(key), "Tỷ lệ") == {r.label: r.share for r in table.rows}
    units = _values(board.chart("theo-don-vi"), "Tổng số")
    assert units == {child.name: numbers[0] for child, numbers in report.children}


def test_admissions_by_quarter_are_the_movement_of_each_quarter(tree, users, registry) -> None:
    user = users.province_leader
    board = members_dashboard(user, tree.province, TODAY)
    admitted = _values(board.chart("ket-nap-theo-quy"), "Kết nạp mới")
    for quarter, start, end in (
        ("Quý I", date(2023, 1, 1), date(2023, 3, 31)),
        ("Quý II", date(2023, 4, 1), date(2023, 6, 30)),
        ("Quý III", date(2023, 7, 1), TODAY),
    ):
        assert admitted[quarter] == dict(flows(user, tree.province, start, end))["Kết nạp mới"]
    assert (admitted["Quý I"], admitted["Quý II"], admitted["Quý III"]) == (1, 1, 0)
    assert admitted["Quý IV"] is None  # not begun
    assert _values(board.chart("ket-nap-theo-quy"), "Lũy kế từ đầu năm")["Quý III"] == 2
    chart = board.chart("ket-nap-theo-quy")
    assert chart is not None and chart.target is None
    assert "chưa đặt chỉ tiêu kết nạp năm 2023" in chart.notes[0]


def test_the_years_target_is_drawn_when_the_unit_set_one(tree, users, registry) -> None:
    target_set(
        organization=tree.province,
        form_code="TCXD-QUY",
        indicator_code="KN01",
        year=2023,
        value=Decimal(8),
        actor=SYSTEM,
    )
    board = members_dashboard(users.province_leader, tree.province, TODAY)
    chart = board.chart("ket-nap-theo-quy")
    assert chart is not None and chart.target == 8
    assert _values(chart, "Tỷ lệ lũy kế so với chỉ tiêu")["Quý II"] == 0.25
    admitted = next(f for f in board.figures if f.label == "Kết nạp mới năm 2023")
    assert (admitted.value, admitted.note) == (2, "đạt 25% chỉ tiêu năm (8)")


def test_members_over_time_are_the_counts_of_each_day(tree, users, registry) -> None:
    user = users.a_officer
    board = members_dashboard(user, tree.a, TODAY)
    chart = board.chart("dang-vien-theo-thang")
    assert chart is not None
    days = [date(2022, m, 1) for m in range(8, 13)] + [date(2023, m, 1) for m in range(1, 8)]
    expected = [counts_on(user, tree.a, d, today=TODAY)[("total", "")] for d in days]
    expected.append(counts_on(user, tree.a, TODAY, today=TODAY)[("total", "")])
    assert list(chart.series[0].values) == expected
    assert expected[5] == 4 and expected[-1] == 5  # Hoàng Thị Mai, admitted 10/2/2023
    assert chart.categories[0] == "1/8/2022" and chart.categories[-1] == "15/8/2023 (hôm nay)"


def test_flows_by_month_add_up_to_the_flows_of_the_range(tree, users, registry) -> None:
    user = users.province_leader
    whole = dict(flows(user, tree.province, date(2023, 1, 1), TODAY))
    months = flows_by_month(user, tree.province, date(2023, 1, 1), TODAY)
    assert [m for m, _ in months] == [date(2023, 2, 1), date(2023, 5, 1)]
    summed: dict[str, int] = {}
    for _, counted in months:
        for label, n in counted:
            summed[label] = summed.get(label, 0) + n
    assert summed == whole
    # the admissions alone (read events first over a province): the same months and counts
    admitted = flows_by_month(
        user, tree.province, date(2023, 1, 1), TODAY, only=("ket_nap", "ket_nap_lai")
    )
    assert [(m, dict(c)["Kết nạp mới"]) for m, c in admitted] == [
        (m, dict(c)["Kết nạp mới"]) for m, c in months
    ]
    assert all(dict(c)["Xóa tên"] == 0 for _, c in admitted)


def test_the_tracking_dashboard_is_the_completion_of_each_unit(tree, users) -> None:
    task = make_task(users.province_officer, plan_126(users.province_officer), tree.d1)
    done = Assignment.objects.get(task=task, organization=tree.a)
    assignment_submit(assignment=done, actor=users.a_officer, completed_on=date(2023, 6, 1))
    assignment_confirm(assignment=done, actor=users.province_leader)
    board = tracking_dashboard(users.province_leader, tree.d1, TODAY, 2023)
    progress = progress_of(task, tree.d1, TODAY)
    chart = board.chart("hoan-thanh-theo-don-vi")
    assert chart is not None
    for series, field in (("Phải làm", "total"), ("Đã hoàn thành", "done"), ("Quá hạn", "overdue")):
        assert list(_values(chart, series).values()) == [getattr(r, field) for r in progress.rows]
    assert _values(chart, "Hoàn thành đúng hạn") == {
        "Đảng bộ xã Hòa Cuông (B)": 0,
        "Đảng bộ xã Việt Thành (A)": 1,
    }
    figures = {f.label: f.value for f in board.figures}
    assert (figures["Phần việc có hạn năm 2023"], figures["Quá hạn"]) == (2, 1)
    overdue = board.chart("viec-qua-han")
    assert overdue is not None and list(overdue.series[0].values) == [1]
    # another year holds none of it
    assert tracking_dashboard(users.province_leader, tree.d1, TODAY, 2024).figures[0].value == 0


def test_the_reporting_dashboard_is_the_completeness_of_the_open_round(tree, users) -> None:
    r = open_quarter(tree.province)
    today = r.opens_on + timedelta(days=5)
    send(r.submissions.get(organization=tree.a), actor=users.a_officer, on=today)
    board = reporting_dashboard(users.province_leader, tree.province, today, None)
    c = completeness(actor=users.province_leader, round=r, organization=tree.province, today=today)
    figures = {f.label: f for f in board.figures}
    assert figures["Đã báo cáo"].value == c.tally.reported == 1
    assert figures["Đã báo cáo"].note == c.tally.text == "1/3 đơn vị đã báo cáo"
    chart = board.chart("tinh-hinh-bao-cao")
    assert chart is not None
    assert _values(chart, "Đã báo cáo") == {row.name: row.tally.reported for row in c.rows}
    # after the round is locked nothing is open
    later = reporting_dashboard(
        users.province_leader, tree.province, r.locks_on + timedelta(1), None
    )
    assert later.charts == () and "Không có đợt báo cáo nào đang mở" in later.notes[0]


def test_a_user_of_another_unit_is_refused(tree, users, registry) -> None:
    with pytest.raises(PermissionDenied):
        members_dashboard(users.b_officer, tree.a, TODAY)
    with pytest.raises(PermissionDenied):
        tracking_dashboard(users.b_officer, tree.a, TODAY, 2023)
    client = client_for(users.b_officer)
    for name in (
        "flows:dashboard_members",
        "flows:dashboard_tracking",
        "flows:dashboard_reporting",
    ):
        assert client.get(reverse(name), {"to_chuc": tree.a.pk}).status_code == 403
    assert (
        client.get(reverse("flows:dashboard_members_export"), {"to_chuc": tree.a.pk}).status_code
        == 403
    )
    assert not AuditEntry.objects.filter(action="members.dashboard_export").exists()


def test_the_excel_export_holds_each_charts_table_and_is_audited(tree, users, registry) -> None:
    client = client_for(users.a_officer)
    response = client.get(
        reverse("flows:dashboard_members_export"), {"to_chuc": tree.a.pk, "bieu": "gioi-tinh"}
    )
    assert response.status_code == 200
    assert 'filename="tong-quan-gioi-tinh-' in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Theo giới tính"]
    sheet = book.active
    assert sheet["A1"].value == "ĐẢNG VIÊN THEO GIỚI TÍNH"
    assert sheet["A2"].value == "Đơn vị: Đảng bộ xã Việt Thành"
    rows = list(sheet.iter_rows(min_row=6, values_only=True))
    assert rows[0] == ("Giới tính", "Số người", "Tỷ lệ")
    assert rows[1:] == [("Nam", 4, 0.8), ("Nữ", 1, 0.2)]
    assert sheet.cell(7, 3).number_format == "0.0%"
    entry = AuditEntry.objects.get(action="members.dashboard_export")
    assert entry.organization_id_ref == tree.a.pk
    assert "Đảng viên theo giới tính" in entry.summary
    # the whole page: a sheet a chart
    whole = client.get(reverse("flows:dashboard_members_export"), {"to_chuc": tree.a.pk})
    names = load_workbook(io.BytesIO(whole.content)).sheetnames
    year = timezone.localdate().year
    assert names[:3] == ["Đảng viên theo tháng", f"Kết nạp theo quý {year}", "Theo độ tuổi"]
    missing = client.get(reverse("flows:dashboard_members_export"), {"bieu": "khong-co"})
    assert missing.status_code == 404
