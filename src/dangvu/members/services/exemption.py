"""Exemption from party work and activity (old age, illness), and its end."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.dates import format_short as fmt

from ..models import EventKind, Member, MembershipEvent
from .base import (
    audit_event,
    begin_member_write,
    record_event,
    refresh,
    require_active,
    require_after_last_change,
    require_past,
)

__all__ = ["EXEMPT_REASONS", "member_exempt", "member_exempt_end"]


EXEMPT_REASONS = ("Tuổi cao", "Sức khỏe yếu")  # the usual reasons; any other is written out


@transaction.atomic
def member_exempt(
    *, member: Member, on: date, decision: str, reason: str, actor: Actor
) -> MembershipEvent:
    """Exempt an active member from party activity and work (old age, illness): still a
    member with the same status, counted apart from `on`."""
    decision = begin_member_write(member, decision, actor)
    reason = (reason or "").strip()
    require_active(member, "ghi miễn công tác và sinh hoạt đảng")
    if member.exempt_since is not None:
        raise ValidationError(
            f"{member.full_name} đã được miễn công tác và sinh hoạt đảng từ ngày "
            f"{fmt(member.exempt_since)}: nếu ghi nhầm, hãy đính chính."
        )
    if not reason:
        raise ValidationError(
            {"reason": "Hãy ghi lý do miễn công tác và sinh hoạt đảng (tuổi cao, sức khỏe yếu…)."}
        )
    require_past(on)
    require_after_last_change(member, on)
    event = record_event(member, EventKind.EXEMPT, on, decision, actor, reason=reason)
    refresh(member)
    audit_event(
        event,
        actor,
        f"Miễn công tác và sinh hoạt đảng cho {member.full_name} từ {fmt(on)}; lý do: {reason}",
        reason=reason,
    )
    return event


@transaction.atomic
def member_exempt_end(*, member: Member, on: date, decision: str, actor: Actor) -> MembershipEvent:
    """End an exemption: the member takes part in party activity again from `on`."""
    decision = begin_member_write(member, decision, actor)
    require_active(member, "ghi thôi miễn công tác và sinh hoạt đảng")
    if member.exempt_since is None:
        raise ValidationError(
            f"{member.full_name} không được miễn công tác và sinh hoạt đảng: không có gì để thôi."
        )
    require_past(on)
    require_after_last_change(member, on)
    event = record_event(member, EventKind.EXEMPT_END, on, decision, actor)
    refresh(member)
    audit_event(
        event,
        actor,
        f"Thôi miễn công tác và sinh hoạt đảng, {member.full_name} trở lại sinh hoạt từ {fmt(on)}",
    )
    return event
