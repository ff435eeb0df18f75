"""What every dashboard is made of: the key figures, the dashboard, and the helpers
the areas' charts share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode

from dangvu.core.charts import Chart, Series
from dangvu.core.dates import format_short
from dangvu.orgs.models import Organization

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


def share(n: int, total: int) -> float | None:
    return n / total if total else None


# how a column of a table is shown: in the table only, as a share there, piled in the bars
TABLE: dict[str, Any] = {"drawn": False}
SHARE: dict[str, Any] = {"drawn": False, "percent": True}


def stacked(tone: str) -> dict[str, Any]:
    return {"stack": "all", "tone": tone}


def columns(
    rows: Sequence[Any], *specs: tuple[str, Callable[[Any], Any], dict[str, Any]]
) -> tuple[Series, ...]:
    """A series per (name, the value of a row, how it is shown)."""
    return tuple(
        Series(name, tuple(value(r) for r in rows), **shown) for name, value, shown in specs
    )


# what every unit's name begins with: the axis of a narrow chart leaves it out (the table
# keeps the whole name)
UNIT_PREFIXES = ("Đảng bộ ", "Chi bộ ", "Đảng ủy ")


def tick(name: str) -> str:
    for prefix in UNIT_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 3:
            return name.removeprefix(prefix)
    return name


def first_days(today: date, months: int) -> list[date]:
    """The first day of each of the `months` months before today's, oldest first."""
    out = []
    year, month = today.year, today.month
    for _ in range(months):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append(date(year, month, 1))
    return out[::-1]


def with_unit(url: str, org: Organization) -> str:
    return f"{url}?to_chuc={org.pk}"


def excel(area: str, org: Organization, charts: list[Chart], **extra: Any) -> tuple[Chart, ...]:
    """The charts, each with the URL of its Excel sheet (the dashboard of `area`)."""
    url = reverse(f"flows:dashboard_{area}_export")
    return tuple(
        replace(c, excel=f"{url}?{urlencode({'to_chuc': org.pk, **extra, 'bieu': c.key})}")
        for c in charts
    )
