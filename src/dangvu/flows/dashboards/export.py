"""A dashboard's charts as an Excel workbook (audited, as the other exports)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.charts import chart_sheet
from dangvu.core.dates import format_short
from dangvu.core.xlsx import Column, finish, new_book, table_sheet

from .base import Dashboard

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
