"""The reporting dashboard: the completeness of the open round."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.charts import HBAR, PIE, Chart, Series
from dangvu.core.dates import format_short
from dangvu.orgs.models import Organization
from dangvu.reporting import selectors as reporting

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
        ticks=tuple(tick(r.name) for r in rows),
        series=columns(
            [r.tally for r in rows],
            ("Phải báo cáo", lambda x: x.expected, TABLE),
            ("Đã báo cáo", lambda x: x.reported, TABLE),
            ("Tỷ lệ đã báo cáo", lambda x: share(x.reported, x.expected), SHARE),
            ("Đúng hạn", lambda x: x.on_time, TABLE),
            ("Muộn", lambda x: x.late, TABLE),
            ("Đã duyệt", lambda x: x.approved, stacked("ok")),
            ("Chờ duyệt", lambda x: x.waiting, stacked("wait")),
            ("Bị trả lại", lambda x: x.returned, stacked("late")),
            ("Chưa gửi", lambda x: x.missing - x.returned, stacked("bad")),
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
                "Tỷ lệ", tuple(share(n, t.expected) for _, n in parts), drawn=False, percent=True
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
    base = with_unit(reverse("flows:dashboard_reporting"), org)
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
            Figure("Tỷ lệ đã báo cáo", share(c.tally.reported, c.tally.expected), percent=True),
            Figure("Đúng hạn", c.tally.on_time),
            Figure("Chờ duyệt", c.tally.waiting),
            Figure("Chưa báo cáo", c.tally.missing, alert=True, link=detail),
        ),
        charts=excel("reporting", org, [_tally_chart(c), _completeness_chart(c)], dot=chosen.pk),
        choices=choices,
    )
