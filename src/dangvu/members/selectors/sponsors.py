"""Reads for sponsors: the official members a user may pick as sponsors, found by name or
card number, and the sponsors of a member's admissions."""

from __future__ import annotations

from dangvu.access import AnyUser

from ..models import Member, MemberStatus, Sponsor
from .scope import members_visible_to, search_condition


def sponsor_candidates(user: AnyUser, query: str, *, limit: int = 20) -> list[tuple[Member, str]]:
    """Official members in the user's scope matching `query` (diacritics ignored), each with
    a label that tells namesakes apart (birth year, cell, card number)."""
    cond = search_condition(query)
    if cond is None:
        return []
    found = (
        members_visible_to(user)
        .filter(status=MemberStatus.OFFICIAL)
        .filter(cond)
        .select_related("organization")
        .order_by("name_order", "id")[:limit]
    )
    return [
        (
            m,
            f"{m.full_name} (sinh năm {m.birth_date.year}, {m.organization.name}"
            + (f", thẻ số {m.card_number}" if m.card_number else "")
            + ")",
        )
        for m in found
    ]


def sponsors_of(member: Member) -> dict[int, list[Sponsor]]:
    """The sponsors of each admission event of `member`, by event id, in order."""
    out: dict[int, list[Sponsor]] = {}
    for s in (
        Sponsor.objects.filter(member=member)
        .select_related("sponsor")
        .order_by("event_id", "position")
    ):
        out.setdefault(s.event_id, []).append(s)
    return out
