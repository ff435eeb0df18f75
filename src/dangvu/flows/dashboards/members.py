"""The members' dashboard: members over time, admissions against the year's target,
composition, by child."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.urls import reverse

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.charts import BAR, HBAR, LINE, PIE, Chart, Series
from dangvu.core.dates import format_short
from dangvu.core.templatetags.numbers import percent
from dangvu.members.models import EventKind
from dangvu.members.selectors import flows_by_month, monthly_counts
from dangvu.members.selectors.report import CHILD_COLUMNS, StatsReport, stats_report
from dangvu.members.selectors.stats import MONTHLY_KEYS
from dangvu.orgs.models import Organization
from dangvu.reporting import selectors as reporting
from dangvu.reporting.rules import vn_number

from .base import (
    ADMISSION_TARGET,
    AREAS,
    MONTHS,
    QUARTERS,
    Dashboard,
    Figure,
    excel,
    first_days,
    tick,
    with_unit,
)

# --- members -------------------------------------------------------------------------------


def members_over_time(user: AnyUser, org: Organization, today: date, months: int = MONTHS) -> Chart:
    days = [*first_days(today, months), today]
    counted = [(d, c) for d, c in monthly_counts(user, org, days, today=today) if c is not None]
    total, official, probationary = MONTHLY_KEYS
    return Chart(
        key="dang-vien-theo-thang",
        sheet="Đảng viên theo tháng",
        title=f"Số đảng viên qua {months} tháng",
        kind=LINE,
        label="Ngày",
        categories=tuple(
            format_short(d) + (" (hôm nay)" if d == today else "") for d, _ in counted
        ),
        ticks=tuple("Hôm nay" if d == today else f"{d.month}/{d.year}" for d, _ in counted),
        series=(
            Series("Tổng số", tuple(c[total] for _, c in counted)),
            Series("Chính thức", tuple(c[official] for _, c in counted), drawn=False),
            Series("Dự bị", tuple(c[probationary] for _, c in counted), drawn=False),
        ),
        notes=("Ngày đầu mỗi tháng và hôm nay; ngày đầu tháng của tỉnh đọc từ số liệu đầu tháng.",),
    )


def admissions_chart(user: AnyUser, org: Organization, today: date) -> tuple[Chart, Figure]:
    """Admissions of each quarter of this year (the statistics' movement of the quarter),
    against the year's target when the unit set one in periodic reporting."""
    year = today.year
    by_quarter: dict[int, dict[str, int]] = {}
    admissions = (str(EventKind.ADMIT), str(EventKind.READMIT))
    for month, counted in flows_by_month(user, org, date(year, 1, 1), today, only=admissions):
        quarter = by_quarter.setdefault((month.month - 1) // 3, defaultdict(int))
        for label, n in counted:
            quarter[label] += n
    started = [q for q in range(4) if date(year, 3 * q + 1, 1) <= today]
    admitted = [
        by_quarter.get(q, {}).get("Kết nạp mới", 0) if q in started else None for q in range(4)
    ]
    readmitted = [
        by_quarter.get(q, {}).get("Kết nạp lại", 0) if q in started else None for q in range(4)
    ]
    running: list[int | None] = []
    so_far = 0
    for quarter_n in admitted:
        so_far += quarter_n or 0
        running.append(so_far if quarter_n is not None else None)
    target = reporting.yearly_target(user, org, ADMISSION_TARGET, year)
    target_n = float(target) if target is not None else None
    if target is None:
        note = (
            f"Đơn vị chưa đặt chỉ tiêu kết nạp năm {year} (chỉ tiêu năm của “Kết nạp đảng viên"
            " mới” đặt ở Báo cáo định kỳ): biểu đồ chỉ có số đã kết nạp."
        )
        progress = None
    else:
        progress = so_far / target_n if target_n else None
        note = f"Chỉ tiêu năm {year}: {vn(target)} đảng viên (đặt ở Báo cáo định kỳ)."
    chart = Chart(
        key="ket-nap-theo-quy",
        sheet=f"Kết nạp theo quý {year}",
        title=f"Kết nạp đảng viên mới theo quý, năm {year}",
        kind=BAR,
        label="Quý",
        categories=QUARTERS,
        series=(
            Series("Kết nạp mới", tuple(admitted)),
            Series("Lũy kế từ đầu năm", tuple(running), kind=LINE),
            Series(
                "Tỷ lệ lũy kế so với chỉ tiêu",
                tuple(None if r is None or not target_n else r / target_n for r in running),
                drawn=False,
                percent=True,
            ),
            Series("Kết nạp lại", tuple(readmitted), drawn=False),
        ),
        notes=(note, "Quý đang diễn ra tính đến hôm nay; quý chưa đến để trống."),
        target=target_n,
        target_label=f"Chỉ tiêu năm: {vn(target)}" if target is not None else "",
    )
    figure = Figure(
        f"Kết nạp mới năm {year}",
        so_far,
        note=(
            f"đạt {percent(progress)} chỉ tiêu năm ({vn(target)})"
            if target is not None
            else "chưa đặt chỉ tiêu năm"
        ),
    )
    return chart, figure


def vn(value: Decimal | int | None) -> str:
    return vn_number(value)


def _composition(report: StatsReport) -> list[Chart]:
    charts = []
    for dimension, key, kind, title, sheet in (
        ("age", "do-tuoi", BAR, "Đảng viên theo độ tuổi", "Theo độ tuổi"),
        ("sex", "gioi-tinh", PIE, "Đảng viên theo giới tính", "Theo giới tính"),
        ("ethnicity", "dan-toc", HBAR, "Đảng viên theo dân tộc", "Theo dân tộc"),
        (
            "education",
            "trinh-do",
            HBAR,
            "Đảng viên theo trình độ giáo dục phổ thông",
            "Theo trình độ giáo dục",
        ),
    ):
        table = report.table(dimension)
        if table is None:
            continue
        charts.append(
            Chart(
                key=key,
                title=title,
                sheet=sheet,
                kind=kind,
                label=table.title.removeprefix("Theo ").capitalize(),
                categories=tuple(r.label for r in table.rows),
                series=(
                    Series("Số người", tuple(r.n for r in table.rows)),
                    Series("Tỷ lệ", tuple(r.share for r in table.rows), drawn=False, percent=True),
                ),
                notes=(f"Tại ngày {format_short(report.on)}.",),
            )
        )
    return charts


def _by_child(report: StatsReport) -> Chart:
    index = {key: i for i, (key, _) in enumerate(CHILD_COLUMNS)}
    children = report.children
    return Chart(
        key="theo-don-vi",
        sheet="Theo tổ chức trực thuộc",
        title="Đảng viên theo tổ chức trực thuộc",
        kind=HBAR,
        label="Tổ chức",
        categories=tuple(child.name for child, _ in children),
        ticks=tuple(tick(child.name) for child, _ in children),
        series=tuple(
            Series(
                heading,
                tuple(numbers[index[key]] for _, numbers in children),
                stack="status" if key[0] == "status" else "",
                drawn=key[0] == "status",
            )
            for key, heading in CHILD_COLUMNS
        ),
        notes=(f"Tại ngày {format_short(report.on)}.",),
        links=tuple(
            with_unit(reverse("flows:dashboard_members"), Organization(pk=child.organization_id))
            for child, _ in children
        ),
    )


def members_dashboard(user: AnyUser, org: Organization, today: date) -> Dashboard:
    """Members over twelve months, the year's admissions by quarter against its target, the
    composition today (age, sex, ethnicity, education) and the units under it."""
    access.require_view(user, org)
    report = stats_report(
        user, org, today, date(today.year, 1, 1), today, today=today, movement=False
    )
    admissions, admitted = admissions_chart(user, org, today)
    status = report.table("status")
    by_status = {r.label: r.n for r in status.rows} if status else {}
    charts = [members_over_time(user, org, today), admissions, *_composition(report)]
    if report.children:
        charts.append(_by_child(report))
    stats_url = with_unit(reverse("members:member_stats"), org)
    return Dashboard(
        area="members",
        title=AREAS["members"],
        org=org,
        name=report.version.name if report.version else org.name,
        on=today,
        figures=(
            Figure("Tổng số đảng viên", report.total, link=stats_url),
            Figure("Chính thức", by_status.get("Chính thức", 0)),
            Figure("Dự bị", by_status.get("Dự bị", 0)),
            admitted,
            Figure("Miễn công tác và sinh hoạt", report.exempt),
        ),
        charts=excel("members", org, charts),
    )
