"""The home page's summary: each area's own selectors, each already scoped to the user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dangvu.core.cache import until_next_write
from dangvu.documents.selectors import documents_visible_to
from dangvu.members.selectors.worklists import recognition_due, temporary_overdue
from dangvu.reporting import selectors as reporting
from dangvu.tracking import selectors as tracking

__all__ = ["HomeSummary", "home_summary"]


@dataclass(frozen=True)
class HomeSummary:
    """What a unit's home page shows: its own work first, then what waits on it."""

    organization: Any
    due: list[Any]
    overdue_count: int
    awaiting_review: list[Any]
    reminders: list[Any]
    recognition_due: list[Any]
    temporary_overdue: int
    recent_documents: list[Any]
    reports_due: list[Any]
    reports_awaiting: list[Any]


def _member_worklists(user: Any, org: Any, today: date) -> tuple[list[Any], int]:
    """The first probationary members due for recognition and the count of overdue
    temporary transfers: for a province's leader they walk every probationary member and
    transfer of the province (seconds at full size), so they are kept until the next
    write (`core.cache`)."""

    def compute() -> tuple[list[Any], int]:
        return (
            recognition_due(user, org, today, first=10),
            temporary_overdue(user, org, today).count(),
        )

    return until_next_write(
        "home-members", (user.pk, getattr(org, "pk", None), today.isoformat()), compute
    )


def home_summary(user: Any, today: date) -> HomeSummary:
    org = user.organization
    recognition, temporary = _member_worklists(user, org, today)
    due = tracking.due_list(org, today) if org is not None else []
    return HomeSummary(
        organization=org,
        due=due[:12],
        overdue_count=sum(1 for item in due if item.overdue),
        awaiting_review=tracking.awaiting_review(user, limit=10),
        reminders=tracking.recent_reminders(org, limit=3) if org is not None else [],
        recognition_due=recognition,
        temporary_overdue=temporary,
        recent_documents=list(
            documents_visible_to(user).select_related("owner").order_by("-created_at")[:6]
        ),
        reports_due=reporting.due_reports(org, today),
        reports_awaiting=reporting.awaiting_approval(user, limit=10),
    )
