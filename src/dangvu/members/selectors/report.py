"""The statistics of a unit on a day, as the statistics page and its Excel export show
them: the tables with each row's share of the total, the units directly under it, and the
movement of a period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dangvu.access import AnyUser
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import version_on

from .flows import flows
from .stat_tables import tables
from .stats import counts_by_child, counts_on

# The columns of the breakdown by unit: (dimension, value) of the counts, and the heading.
CHILD_COLUMNS: list[tuple[tuple[str, str], str]] = [
    (("total", ""), "Tổng số"),
    (("status", "chinh_thuc"), "Chính thức"),
    (("status", "du_bi"), "Dự bị"),
    (("sex", "nu"), "Nữ"),
]


@dataclass(frozen=True)
class ShareRow:
    label: str
    n: int
    share: float | None  # of the unit's total; None when the total is 0


@dataclass(frozen=True)
class ShareTable:
    title: str
    rows: list[ShareRow]
    dimension: str = ""  # of `stat_tables.Table`: "status", "sex", "age", "ethnicity", ...


@dataclass(frozen=True)
class StatsReport:
    org: Organization
    version: OrgVersion | None  # None: the unit did not exist on the day
    on: date
    start: date
    end: date
    total: int = 0
    exempt: int = 0
    tables: list[ShareTable] = field(default_factory=list)
    children: list[tuple[OrgVersion, list[int]]] = field(default_factory=list)
    flows: list[tuple[str, int]] = field(default_factory=list)

    def table(self, dimension: str) -> ShareTable | None:
        return next((t for t in self.tables if t.dimension == dimension), None)


def stats_report(
    user: AnyUser,
    org: Organization,
    on: date,
    start: date,
    end: date,
    *,
    today: date,
    movement: bool = True,
) -> StatsReport:
    """Everything the statistics of `org` on `on` show (movement over [start, end]; left
    empty when not `movement`, for a page that counts it its own way)."""
    counts = counts_on(user, org, on, today=today)
    version = version_on(org, on)
    if counts is None or version is None:
        return StatsReport(org=org, version=None, on=on, start=start, end=end)
    total = counts.get(("total", ""), 0)

    def share(n: int) -> float | None:
        return n / total if total else None

    return StatsReport(
        org=org,
        version=version,
        on=on,
        start=start,
        end=end,
        total=total,
        exempt=counts.get(("exempt", "1"), 0),
        tables=[
            ShareTable(t.title, [ShareRow(label, n, share(n)) for label, n in t.rows], t.dimension)
            for t in tables(counts, on)
        ],
        children=[
            (child, [c.get(key, 0) for key, _ in CHILD_COLUMNS])
            for child, c in counts_by_child(user, org, on, today=today)
        ],
        flows=flows(user, org, start, end) if movement else [],
    )


__all__ = ["CHILD_COLUMNS", "ShareRow", "ShareTable", "StatsReport", "stats_report"]
