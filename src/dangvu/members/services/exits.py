"""Leaving the Party (striking off, expulsion, on request), death, and restoration."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.dates import format_short as fmt
from dangvu.orgs.models import Organization

from ..models import EXIT_KINDS, EventKind, Member, MemberStatus
from .base import (
    begin_member_write,
    record_change,
    require_active,
    require_after_last_change,
    require_cell,
    require_past,
)

__all__ = ["member_die", "member_exit", "member_restore"]


@transaction.atomic
def member_exit(*, member: Member, kind: str, on: date, decision: str, actor: Actor) -> Member:
    """Leaving on request (xin ra), striking off (xóa tên) or expulsion (khai trừ)."""
    decision = begin_member_write(member, decision, actor)
    if kind not in EXIT_KINDS:
        allowed = ", ".join(EventKind(k).label for k in EXIT_KINDS)
        raise ValidationError({"kind": f"Hình thức ra khỏi Đảng phải là một trong: {allowed}."})
    require_active(member, "ghi ra khỏi Đảng")
    require_past(on)
    require_after_last_change(member, on)
    summary = f"{EventKind(kind).label} {member.full_name} từ {fmt(on)}"
    record_change(member, kind, on, decision, actor, summary=summary)
    return member


@transaction.atomic
def member_die(*, member: Member, on: date, decision: str, actor: Actor) -> Member:
    decision = begin_member_write(member, decision, actor)
    require_active(member, "ghi từ trần")
    require_past(on)
    require_after_last_change(member, on)
    summary = f"Đảng viên {member.full_name} từ trần ngày {fmt(on)}"
    record_change(member, EventKind.DEATH, on, decision, actor, summary=summary)
    return member


def _living_successor(org: Organization, on: date) -> Organization:
    seen = 0
    while org.dissolved_on is not None and org.dissolved_on <= on and org.successor_id:
        org = org.successor  # type: ignore[assignment]
        seen += 1
        if seen > 5:
            break
    return org


@transaction.atomic
def member_restore(*, member: Member, on: date, decision: str, actor: Actor) -> Member:
    """Restore membership after an exit is annulled by the competent body: membership
    counts as unbroken and the member returns to the unit (or its successor)."""
    decision = begin_member_write(member, decision, actor)
    if member.status != MemberStatus.EXITED or member.exit_kind not in EXIT_KINDS:
        raise ValidationError(
            f"Chỉ phục hồi đảng tịch cho người đã bị xóa tên, khai trừ hoặc đã xin ra; "
            f"{member.full_name} {member.get_status_display().lower()}."
        )
    require_past(on)
    require_after_last_change(member, on)
    org = _living_successor(member.organization, on)
    require_cell(org, on)
    summary = f"Phục hồi đảng tịch cho {member.full_name} từ {fmt(on)}"
    record_change(member, EventKind.RESTORE, on, decision, actor, organization=org, summary=summary)
    return member
