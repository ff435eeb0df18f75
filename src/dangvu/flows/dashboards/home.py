"""A unit's home: the key figures and the charts of the three areas that matter on it."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dangvu.access import AnyUser
from dangvu.core.dates import format_short
from dangvu.reporting import selectors as reporting
from dangvu.tracking import selectors as tracking

from .base import Dashboard, Figure, excel, share, with_unit
from .members import admissions_chart, members_over_time, vn
from .tracking import tracking_charts

# --- the home page -------------------------------------------------------------------------


def home_dashboard(user: AnyUser, today: date) -> Dashboard | None:
    """The unit's home: its members over twelve months and the year's admissions, its
    work of the year by unit under it (the same charts as the areas' dashboards), and its
    soonest open round; None for a user without a unit."""
    org = getattr(user, "organization", None)
    if org is None:
        return None
    over_time = members_over_time(user, org, today)
    admissions, admitted = admissions_chart(user, org, today)
    work = tracking.completion_by_unit(user, org, today.year, today)
    s = work.summary
    figures = [
        Figure(
            "Tổng số đảng viên",
            over_time.series[0].values[-1] if over_time.categories else 0,
            link=with_unit(reverse("flows:dashboard_members"), org),
        ),
        admitted,
        Figure(
            f"Việc năm {today.year} đã hoàn thành",
            share(s.done, s.total),
            percent=True,
            note=f"{vn(s.done)}/{vn(s.total)} phần việc; {vn(s.overdue)} quá hạn",
            link=with_unit(reverse("flows:dashboard_tracking"), org),
        ),
    ]
    rounds = reporting.open_rounds(user, today, limit=1)
    if rounds:
        c = reporting.completeness(actor=user, round=rounds[0], organization=org, today=today)
        figures.append(
            Figure(
                "Báo cáo định kỳ đang mở",
                share(c.tally.reported, c.tally.expected),
                percent=True,
                note=f"{c.tally.text}, hạn {format_short(rounds[0].due_on)}",
                link=with_unit(reverse("flows:dashboard_reporting"), org),
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
            *excel("members", org, [over_time, admissions]),
            *excel("tracking", org, tracking_charts(work)[:1], nam=today.year),
        ),
    )
