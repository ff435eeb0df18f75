"""The dashboards: a unit's home and one per area (members, tracking, reporting), each a
few key figures and charts (`core.charts.Chart`) built from the areas' own selectors, so
every number is the one the area's page shows: members from `stats_report`,
`monthly_counts` and `flows`, the year's target from reporting's `yearly_target`,
tracking from `completion_by_unit` (the one completion formula), reporting from
`completeness`. Each selector checks the user through the access policy."""

from __future__ import annotations

from .base import AREAS, Dashboard, Figure
from .export import dashboard_export
from .home import home_dashboard
from .members import members_dashboard
from .reporting import reporting_dashboard
from .tracking import tracking_dashboard

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
