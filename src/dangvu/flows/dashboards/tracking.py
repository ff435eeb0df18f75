"""The tracking dashboard: directive completion per subordinate unit and overdue work."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dangvu.access import AnyUser
from dangvu.core.charts import HBAR, Chart, Series
from dangvu.core.dates import format_short
from dangvu.core.templatetags.numbers import percent
from dangvu.orgs.models import Organization
from dangvu.tracking import selectors as tracking

from .base import (
    AREAS,
    SHARE,
    TABLE,
    Dashboard,
    Figure,
    columns,
    excel,
    share,
    stacked,
    tick,
    with_unit,
)

# --- tracking ------------------------------------------------------------------------------


def tracking_charts(done: tracking.UnitsCompletion) -> list[Chart]:
    rows = done.rows
    node = done.node
    by_unit = Chart(
        key="hoan-thanh-theo-don-vi",
        sheet=f"Hoàn thành theo đơn vị {done.year}",
        title=f"Hoàn thành việc được giao năm {done.year}, theo đơn vị trực thuộc",
        kind=HBAR,
        label="Đơn vị",
        categories=tuple(tracking.row_label(r) for r in rows),
        ticks=tuple(tick(tracking.row_label(r)) for r in rows),
        series=columns(
            rows,
            ("Phải làm", lambda r: r.total, TABLE),
            ("Đã hoàn thành", lambda r: r.done, TABLE),
            ("Tỷ lệ hoàn thành", lambda r: share(r.done, r.total), SHARE),
            ("Hoàn thành đúng hạn", lambda r: r.on_time, stacked("ok")),
            ("Hoàn thành muộn", lambda r: r.late, stacked("late")),
            ("Đã báo cáo, chờ xác nhận", lambda r: r.submitted, stacked("wait")),
            ("Quá hạn", lambda r: r.overdue, stacked("bad")),
            ("Chưa đến hạn", lambda r: r.missing - r.submitted - r.overdue, stacked("idle")),
        ),
        notes=(
            f"Các phần việc có hạn trong năm {done.year} (trừ đơn vị được miễn), mỗi việc"
            " tính theo hạn của nó; quá hạn: chưa hoàn thành khi đã qua hạn.",
        ),
        links=tuple(
            with_unit(reverse("flows:dashboard_tracking"), r.org)
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
            Figure("Đã hoàn thành", s.done, note=f"{percent(share(s.done, s.total))}"),
            Figure("Hoàn thành đúng hạn", s.on_time),
            Figure("Chờ xác nhận", s.submitted),
            Figure("Quá hạn", s.overdue, alert=True, link=reverse("tracking:task_list")),
        ),
        charts=excel("tracking", org, tracking_charts(done), nam=year),
        year=year,
    )
