"""The dashboards: a unit's home and one per area (members, tracking, reporting), each a
few key figures and charts (`core.charts.Chart`) built from the areas' own selectors, so
every number is the one the area's page shows: members from `stats_report`,
`monthly_counts` and `flows`, the year's target from reporting's `yearly_target`,
tracking from `completion_by_unit` (the one completion formula), reporting from
`completeness`. Each selector checks the user through the access policy."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.http import urlencode

from dangvu import access
from dangvu.access import Actor, AnyUser
from dangvu.core.audit import audit_record
from dangvu.core.charts import BAR, HBAR, LINE, PIE, Chart, Series, chart_sheet
from dangvu.core.dates import format_short
from dangvu.core.templatetags.numbers import percent
from dangvu.core.xlsx import Column, finish, new_book, table_sheet
from dangvu.members.models import EventKind
from dangvu.members.selectors import flows_by_month, monthly_counts
from dangvu.members.selectors.report import CHILD_COLUMNS, StatsReport, stats_report
from dangvu.members.selectors.stats import MONTHLY_KEYS
from dangvu.orgs.models import Organization
from dangvu.reporting import selectors as reporting
from dangvu.reporting.rules import vn_number
from dangvu.tracking import selectors as tracking

__all__ = [
    "AREAS",
    "Dashboard",
    "Figure",
    "dashboard_export",
    "home_dashboard",
    "members_dashboard",
    "reporting_dashboard",
    "tracking_dashboard",
]

# area -> the dashboard's heading (the URL names are flows:dashboard_<area>)
AREAS = {
    "members": "Tổng quan đảng viên",
    "tracking": "Tổng quan theo dõi thực hiện",
    "reporting": "Tổng quan báo cáo định kỳ",
}
ADMISSION_TARGET = "KN01"  # the indicator "Kết nạp đảng viên mới" of the reporting forms
QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")
MONTHS = 12  # members over time: the first day of each of the last twelve months, and today


@dataclass(frozen=True)
class Figure:
    """A key figure: a number (a count, or a fraction shown 12,5%) with what it counts."""

    label: str
    value: int | float | None
    percent: bool = False
    note: str = ""
    link: str = ""
    alert: bool = False  # overdue work: shown in the error colour when not zero


@dataclass(frozen=True)
class Dashboard:
    area: str  # "home" or a key of AREAS
    title: str
    org: Organization
    name: str  # the unit's name on the day
    on: date
    figures: tuple[Figure, ...] = ()
    charts: tuple[Chart, ...] = ()
    notes: tuple[str, ...] = ()
    choices: tuple[tuple[str, str, bool], ...] = field(default=(), compare=False)  # rounds
    year: int | None = None  # tracking: the year whose work is counted

    def chart(self, key: str) -> Chart | None:
        return next((c for c in self.charts if c.key == key), None)

    @property
    def sheet_notes(self) -> list[str]:
        return [f"Đơn vị: {self.name}", f"Số liệu tại ngày {format_short(self.on)}"]


def _share(n: int, total: int) -> float | None:
    return n / total if total else None


# how a column of a table is shown: in the table only, as a share there, piled in the bars
TABLE: dict[str, Any] = {"drawn": False}
SHARE: dict[str, Any] = {"drawn": False, "percent": True}


def _stacked(tone: str) -> dict[str, Any]:
    return {"stack": "all", "tone": tone}


def _columns(
    rows: Sequence[Any], *specs: tuple[str, Callable[[Any], Any], dict[str, Any]]
) -> tuple[Series, ...]:
    """A series per (name, the value of a row, how it is shown)."""
    return tuple(
        Series(name, tuple(value(r) for r in rows), **shown) for name, value, shown in specs
    )


# what every unit's name begins with: the axis of a narrow chart leaves it out (the table
# keeps the whole name)
UNIT_PREFIXES = ("Đảng bộ ", "Chi bộ ", "Đảng ủy ")


def _tick(name: str) -> str:
    for prefix in UNIT_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 3:
            return name.removeprefix(prefix)
    return name


def _first_days(today: date, months: int) -> list[date]:
    """The first day of each of the `months` months before today's, oldest first."""
    out = []
    year, month = today.year, today.month
    for _ in range(months):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append(date(year, month, 1))
    return out[::-1]


def _with_unit(url: str, org: Organization) -> str:
    return f"{url}?to_chuc={org.pk}"


def _excel(area: str, org: Organization, charts: list[Chart], **extra: Any) -> tuple[Chart, ...]:
    """The charts, each with the URL of its Excel sheet (the dashboard of `area`)."""
    url = reverse(f"flows:dashboard_{area}_export")
    return tuple(
        replace(c, excel=f"{url}?{urlencode({'to_chuc': org.pk, **extra, 'bieu': c.key})}")
        for c in charts
    )


# --- members -------------------------------------------------------------------------------


def _members_over_time(
    user: AnyUser, org: Organization, today: date, months: int = MONTHS
) -> Chart:
    days = [*_first_days(today, months), today]
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


def _admissions(user: AnyUser, org: Organization, today: date) -> tuple[Chart, Figure]:
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
        note = f"Chỉ tiêu năm {year}: {_vn(target)} đảng viên (đặt ở Báo cáo định kỳ)."
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
        target_label=f"Chỉ tiêu năm: {_vn(target)}" if target is not None else "",
    )
    figure = Figure(
        f"Kết nạp mới năm {year}",
        so_far,
        note=(
            f"đạt {percent(progress)} chỉ tiêu năm ({_vn(target)})"
            if target is not None
            else "chưa đặt chỉ tiêu năm"
        ),
    )
    return chart, figure


def _vn(value: Decimal | int | None) -> str:
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
        ticks=tuple(_tick(child.name) for child, _ in children),
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
            _with_unit(reverse("flows:dashboard_members"), Organization(pk=child.organization_id))
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
    admissions, admitted = _admissions(user, org, today)
    status = report.table("status")
    by_status = {r.label: r.n for r in status.rows} if status else {}
    charts = [_members_over_time(user, org, today), admissions, *_composition(report)]
    if report.children:
        charts.append(_by_child(report))
    stats_url = _with_unit(reverse("members:member_stats"), org)
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
        charts=_excel("members", org, charts),
    )


# --- tracking ------------------------------------------------------------------------------


def _tracking_charts(done: tracking.UnitsCompletion) -> list[Chart]:
    rows = done.rows
    node = done.node
    by_unit = Chart(
        key="hoan-thanh-theo-don-vi",
        sheet=f"Hoàn thành theo đơn vị {done.year}",
        title=f"Hoàn thành việc được giao năm {done.year}, theo đơn vị trực thuộc",
        kind=HBAR,
        label="Đơn vị",
        categories=tuple(tracking.row_label(r) for r in rows),
        ticks=tuple(_tick(tracking.row_label(r)) for r in rows),
        series=_columns(
            rows,
            ("Phải làm", lambda r: r.total, TABLE),
            ("Đã hoàn thành", lambda r: r.done, TABLE),
            ("Tỷ lệ hoàn thành", lambda r: _share(r.done, r.total), SHARE),
            ("Hoàn thành đúng hạn", lambda r: r.on_time, _stacked("ok")),
            ("Hoàn thành muộn", lambda r: r.late, _stacked("late")),
            ("Đã báo cáo, chờ xác nhận", lambda r: r.submitted, _stacked("wait")),
            ("Quá hạn", lambda r: r.overdue, _stacked("bad")),
            ("Chưa đến hạn", lambda r: r.missing - r.submitted - r.overdue, _stacked("idle")),
        ),
        notes=(
            f"Các phần việc có hạn trong năm {done.year} (trừ đơn vị được miễn), mỗi việc"
            " tính theo hạn của nó; quá hạn: chưa hoàn thành khi đã qua hạn.",
        ),
        links=tuple(
            _with_unit(reverse("flows:dashboard_tracking"), r.org)
            if r.org is not None and not r.is_self
            else ""
            for r in rows
        ),
    )
    worst = done.overdue_tasks
    overdue = Chart(
        key="viec-qua-han",
        sheet=f"Việc quá hạn {done.year}",
        title=f"Việc có nhiều đơn vị quá hạn nhất, năm {done.year}",
        kind=HBAR,
        label="Việc",
        categories=tuple(f"{t.title} (hạn {format_short(t.due_on)})" for t, _ in worst),
        series=(
            Series("Số đơn vị quá hạn", tuple(r.overdue for _, r in worst), tone="bad"),
            Series("Số đơn vị phải làm", tuple(r.total for _, r in worst), drawn=False),
        ),
        notes=(f"Tối đa 10 việc, trong phạm vi {node.name}.",),
        links=tuple(
            f"{reverse('tracking:task_detail', args=[t.pk])}?don-vi={node.pk}" for t, _ in worst
        ),
    )
    return [by_unit, overdue]


def tracking_dashboard(user: AnyUser, org: Organization, today: date, year: int) -> Dashboard:
    done = tracking.completion_by_unit(user, org, year, today)
    s = done.summary
    return Dashboard(
        area="tracking",
        title=AREAS["tracking"],
        org=org,
        name=org.name,
        on=today,
        figures=(
            Figure(f"Phần việc có hạn năm {year}", s.total),
            Figure("Đã hoàn thành", s.done, note=f"{percent(_share(s.done, s.total))}"),
            Figure("Hoàn thành đúng hạn", s.on_time),
            Figure("Chờ xác nhận", s.submitted),
            Figure("Quá hạn", s.overdue, alert=True, link=reverse("tracking:task_list")),
        ),
        charts=_excel("tracking", org, _tracking_charts(done), nam=year),
        year=year,
    )


# --- reporting -----------------------------------------------------------------------------


def _completeness_chart(c: reporting.Completeness) -> Chart:
    rows = list(c.rows) or [reporting.CompletenessRow(c.organization_id, c.name, c.tally, False)]
    return Chart(
        key="tinh-hinh-bao-cao",
        sheet="Báo cáo theo đơn vị",
        title="Tình hình báo cáo theo đơn vị trực thuộc",
        kind=HBAR,
        label="Đơn vị",
        categories=tuple(r.name for r in rows),
        ticks=tuple(_tick(r.name) for r in rows),
        series=_columns(
            [r.tally for r in rows],
            ("Phải báo cáo", lambda x: x.expected, TABLE),
            ("Đã báo cáo", lambda x: x.reported, TABLE),
            ("Tỷ lệ đã báo cáo", lambda x: _share(x.reported, x.expected), SHARE),
            ("Đúng hạn", lambda x: x.on_time, TABLE),
            ("Muộn", lambda x: x.late, TABLE),
            ("Đã duyệt", lambda x: x.approved, _stacked("ok")),
            ("Chờ duyệt", lambda x: x.waiting, _stacked("wait")),
            ("Bị trả lại", lambda x: x.returned, _stacked("late")),
            ("Chưa gửi", lambda x: x.missing - x.returned, _stacked("bad")),
            ("Quá hạn", lambda x: x.overdue, TABLE),
        ),
        notes=(f"{c.title}, hạn {format_short(c.due_on)}: {c.tally.text}.",),
    )


def _tally_chart(c: reporting.Completeness) -> Chart:
    t = c.tally
    parts = (
        ("Đã duyệt", t.approved),
        ("Chờ duyệt", t.waiting),
        ("Bị trả lại", t.returned),
        ("Chưa gửi", t.missing - t.returned),
    )
    return Chart(
        key="tinh-hinh-chung",
        sheet="Tình hình báo cáo",
        title="Tình hình báo cáo chung",
        kind=PIE,
        label="Tình trạng",
        categories=tuple(label for label, _ in parts),
        series=(
            Series("Số đơn vị", tuple(n for _, n in parts)),
            Series(
                "Tỷ lệ", tuple(_share(n, t.expected) for _, n in parts), drawn=False, percent=True
            ),
        ),
        notes=(f"{c.title}: {t.text}; đúng hạn {t.on_time}, muộn {t.late}, quá hạn {t.overdue}.",),
        tones=("ok", "wait", "late", "bad"),
    )


def reporting_dashboard(
    user: AnyUser, org: Organization, today: date, round_pk: int | None
) -> Dashboard:
    """The completeness of one open round (the one asked for, else the soonest due) over
    the unit's subtree, per unit under it."""
    access.require_view(user, org)
    rounds = reporting.open_rounds(user, today)
    chosen = next((r for r in rounds if r.pk == round_pk), rounds[0] if rounds else None)
    base = _with_unit(reverse("flows:dashboard_reporting"), org)
    choices = tuple(
        (f"{base}&dot={r.pk}", f"{r.title} (hạn {format_short(r.due_on)})", r == chosen)
        for r in rounds
    )
    if chosen is None:
        return Dashboard(
            area="reporting",
            title=AREAS["reporting"],
            org=org,
            name=org.name,
            on=today,
            notes=(
                "Không có đợt báo cáo nào đang mở (đã mở, chưa khóa sổ) trong phạm vi của bạn.",
            ),
        )
    c = reporting.completeness(actor=user, round=chosen, organization=org, today=today)
    detail = f"{chosen.get_absolute_url()}?don-vi={org.pk}"
    return Dashboard(
        area="reporting",
        title=AREAS["reporting"],
        org=org,
        name=c.name,
        on=today,
        figures=(
            Figure("Đã báo cáo", c.tally.reported, note=c.tally.text, link=detail),
            Figure("Tỷ lệ đã báo cáo", _share(c.tally.reported, c.tally.expected), percent=True),
            Figure("Đúng hạn", c.tally.on_time),
            Figure("Chờ duyệt", c.tally.waiting),
            Figure("Chưa báo cáo", c.tally.missing, alert=True, link=detail),
        ),
        charts=_excel("reporting", org, [_tally_chart(c), _completeness_chart(c)], dot=chosen.pk),
        choices=choices,
    )


# --- the home page -------------------------------------------------------------------------


def home_dashboard(user: AnyUser, today: date) -> Dashboard | None:
    """The unit's home: its members over twelve months and the year's admissions, its
    work of the year by unit under it (the same charts as the areas' dashboards), and its
    soonest open round; None for a user without a unit."""
    org = getattr(user, "organization", None)
    if org is None:
        return None
    over_time = _members_over_time(user, org, today)
    admissions, admitted = _admissions(user, org, today)
    work = tracking.completion_by_unit(user, org, today.year, today)
    s = work.summary
    figures = [
        Figure(
            "Tổng số đảng viên",
            over_time.series[0].values[-1] if over_time.categories else 0,
            link=_with_unit(reverse("flows:dashboard_members"), org),
        ),
        admitted,
        Figure(
            f"Việc năm {today.year} đã hoàn thành",
            _share(s.done, s.total),
            percent=True,
            note=f"{_vn(s.done)}/{_vn(s.total)} phần việc; {_vn(s.overdue)} quá hạn",
            link=_with_unit(reverse("flows:dashboard_tracking"), org),
        ),
    ]
    rounds = reporting.open_rounds(user, today, limit=1)
    if rounds:
        c = reporting.completeness(actor=user, round=rounds[0], organization=org, today=today)
        figures.append(
            Figure(
                "Báo cáo định kỳ đang mở",
                _share(c.tally.reported, c.tally.expected),
                percent=True,
                note=f"{c.tally.text}, hạn {format_short(rounds[0].due_on)}",
                link=_with_unit(reverse("flows:dashboard_reporting"), org),
            )
        )
    return Dashboard(
        area="home",
        title="Tổng quan",
        org=org,
        name=org.name,
        on=today,
        figures=tuple(figures),
        charts=(
            *_excel("members", org, [over_time, admissions]),
            *_excel("tracking", org, _tracking_charts(work)[:1], nam=today.year),
        ),
    )


# --- Excel ---------------------------------------------------------------------------------


def dashboard_export(*, dashboard: Dashboard, chart_key: str | None, actor: Actor) -> bytes:
    """The tables of the dashboard's charts (one chart's with `chart_key`) as an .xlsx,
    a sheet each under a title block; audited like the statistics' export (counts only)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Hãy đăng nhập để xuất số liệu.")
    access.require_view(actor, dashboard.org)
    charts = [c for c in dashboard.charts if chart_key in (None, c.key)]
    if chart_key is not None and not charts:
        raise ValidationError({"bieu": [f"Trang không có biểu đồ “{chart_key}”."]})
    book = new_book()
    for chart in charts:
        table_sheet(book, **chart_sheet(chart, notes=dashboard.sheet_notes))
    if not charts:  # nothing to count (no open round): the sheet says why
        table_sheet(
            book,
            "Tổng quan",
            title=dashboard.title.upper(),
            notes=[*dashboard.sheet_notes, *dashboard.notes],
            columns=[Column("Số liệu", 40)],
            rows=[],
        )
    data = finish(book)
    audit_record(
        actor=actor,
        action=f"{dashboard.area}.dashboard_export",
        obj=dashboard.org,
        organization=dashboard.org,
        summary=(
            f"Xuất Excel số liệu {dashboard.title.lower()} của {dashboard.name} tại ngày "
            f"{format_short(dashboard.on)}: " + "; ".join(c.title for c in charts)
        ),
        after={"on": dashboard.on.isoformat(), "charts": [c.key for c in charts]},
    )
    return data
