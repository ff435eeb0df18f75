"""A chart of a dashboard as plain data: what the page draws (ECharts, through
`dangvu/charts.js`), the table beside it that screen readers read and an office copies,
and the Excel sheet of the same rows. Pure: no Django.

    chart = Chart(
        key="ket-nap-theo-quy",
        title="Kết nạp đảng viên mới theo quý, năm 2025",
        kind=BAR,
        label="Quý",
        categories=("Quý I", "Quý II"),
        series=(Series("Kết nạp mới", (12, 9)),),
    )
    table_sheet(book, chart.key, **chart_sheet(chart, notes=["Đơn vị: ..."]))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .xlsx import NUMBER, PERCENT, Column

BAR, HBAR, LINE, PIE = "bar", "hbar", "line", "pie"  # hbar: bars across, for long names
KINDS = (BAR, HBAR, LINE, PIE)
Value = int | float | None
# the colours of states, the same on every chart: done (on time), late, waiting, overdue or
# missing, not due or not counted
TONES = ("ok", "late", "wait", "bad", "idle")


@dataclass(frozen=True)
class Series:
    """One column of the table; drawn as a bar or a line unless `drawn` is False (a share
    beside its count, a total). `percent`: the values are fractions, shown 12,5%."""

    name: str
    values: tuple[Value, ...]
    kind: str = ""  # "" draws as the chart's kind; LINE over bars for a running total
    stack: str = ""  # series with the same stack pile up
    drawn: bool = True
    percent: bool = False
    tone: str = ""  # a colour that means something: one of TONES; "" takes the palette's next


@dataclass(frozen=True)
class Chart:
    key: str  # unique on its page; the name of its PNG, its Excel sheet's ?bieu=
    title: str
    kind: str
    label: str  # the heading of the categories' column: "Tháng", "Đơn vị", "Độ tuổi"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    notes: tuple[str, ...] = ()  # said under the title, on the page and in the sheet
    target: float | None = None  # a level drawn across (the year's target)
    target_label: str = ""
    links: tuple[str, ...] = field(default=(), compare=False)  # a URL per category, or ""
    excel: str = field(default="", compare=False)  # the URL of its Excel sheet
    ticks: tuple[str, ...] = ()  # shorter names of the categories on the drawing's axis
    tones: tuple[str, ...] = ()  # a pie's: the colour of each category (one of TONES)
    sheet: str = ""  # the Excel sheet's name (at most 31 characters); the title's start

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r}")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(f"{self.key}: {s.name} has {len(s.values)} values")
            if s.tone and s.tone not in TONES:
                raise ValueError(f"{self.key}: unknown tone {s.tone!r}")
        if self.tones and (
            len(self.tones) != len(self.categories) or not set(self.tones) <= set(TONES)
        ):
            raise ValueError(f"{self.key}: tones {self.tones!r}")
        if self.ticks and len(self.ticks) != len(self.categories):
            raise ValueError(f"{self.key}: {len(self.ticks)} ticks")

    @property
    def empty(self) -> bool:
        return not self.categories

    @property
    def rows(self) -> list[tuple[str, str, list[tuple[Value, bool]]]]:
        """The table's rows: each category, its link ("" for none) and its (value,
        is_percent) per series."""
        links = self.links if len(self.links) == len(self.categories) else ()
        return [
            (name, links[i] if links else "", [(s.values[i], s.percent) for s in self.series])
            for i, name in enumerate(self.categories)
        ]

    @property
    def wide(self) -> bool:
        """Whether the chart takes the page's whole width (many bars across)."""
        return self.kind == HBAR and len(self.categories) > 8

    @property
    def height(self) -> int:
        """The drawing's height in pixels: bars across grow with their number."""
        if self.kind == HBAR:
            return max(200, 34 * len(self.categories) + 110)
        return 320

    def drawing(self) -> dict[str, Any]:
        """What `charts.js` draws (JSON): the drawn series only, with the target."""
        return {
            "kind": self.kind,
            "title": self.title,
            "categories": list(self.categories),
            "ticks": list(self.ticks or self.categories),
            "tones": list(self.tones),
            "series": [
                {
                    "name": s.name,
                    "values": list(s.values),
                    "kind": s.kind or self.kind,
                    "stack": s.stack,
                    "percent": s.percent,
                    "tone": s.tone,
                }
                for s in self.series
                if s.drawn
            ],
            "target": self.target,
            "targetLabel": self.target_label,
            "links": list(self.links) if len(self.links) == len(self.categories) else [],
        }


def chart_sheet(chart: Chart, *, notes: Sequence[str]) -> dict[str, Any]:
    """The keyword arguments of `core.xlsx.table_sheet` writing `chart`'s table under its
    title, `notes` (the unit, the day) and the chart's own notes."""
    width = max([len(c) for c in chart.categories] + [len(chart.label), 12])
    return {
        "name": re.sub(r"[\[\]:*?/\\]", " ", chart.sheet or chart.title)[:31],
        "title": chart.title.upper(),
        "notes": [*notes, *chart.notes],
        "columns": [Column(chart.label, min(width + 2, 60))]
        + [
            Column(s.name, max(12, min(len(s.name) + 2, 24)), PERCENT if s.percent else NUMBER)
            for s in chart.series
        ],
        "rows": [[name, *(v for v, _ in values)] for name, _, values in chart.rows],
    }


__all__ = ["BAR", "HBAR", "KINDS", "LINE", "PIE", "TONES", "Chart", "Series", "chart_sheet"]
