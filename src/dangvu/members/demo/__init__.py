"""Demo members.

`demo`: a few hundred members of the Yên Bái demo province, recorded through the services
(admissions from the 1970s to this year, ceremonies, recognitions, transfers including one
across the 2025 merges, exits, deaths, ratings, badges, probationers due and overdue today,
a temporary transfer past its end), so their histories and the audit log are real.

`province` and `nation`: the same shape of histories generated with a seeded random and
written in large batches (COPY on PostgreSQL, executemany on SQLite), then the statistics
tables rebuilt in set-based SQL: 5.6 million active members at the `nation` scale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangvu.orgs.models import Organization, OrgKind

from .. import services
from .bulk import members_bulk
from .recorded import members_record

__all__ = ["members_bulk", "members_record", "populate"]


def populate(scale: str, log: Callable[[str], None], context: dict[str, Any]) -> None:
    province = context.get("province")
    if province is None:
        return
    if scale == "demo":
        members_record(province, log)
        services.snapshots_rebuild()
        services.mark_tree_followed()
        return
    provinces = list(
        Organization.objects.filter(
            kind=OrgKind.PROVINCE, dissolved_on__isnull=True, parent_id=province.parent_id
        ).order_by("path")
    )
    if scale == "province":
        provinces = [province]
    per_province = 5_600_000 // 34 + 6_000  # the exits and deaths are on top of the active
    members_bulk(provinces, per_province, log)
