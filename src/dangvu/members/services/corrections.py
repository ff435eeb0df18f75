"""Corrections: annulling a mistaken event, and changes of a member's profile."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt

from .. import timeline as tl
from ..models import EventKind, Member, MembershipEvent
from . import stats
from .base import authorize, begin_member_write, lock_member, record_event, refresh
from .profile import PROFILE_FIELDS, clean_profile, search_fields

__all__ = ["event_annul", "member_update_profile"]


_NOT_ANNULLABLE = (
    tl.ADMIT,
    tl.CORRECTION,
    tl.TRANSFER_IN,
    tl.TRANSFER_OUT,
    tl.TEMP_IN,
    tl.TEMP_OUT,
    tl.TRANSFER_CANCEL,
    tl.ORG_FOLLOW,
)


@transaction.atomic
def event_annul(
    *, event: MembershipEvent, decision: str, reason: str, actor: Actor
) -> MembershipEvent:
    """Correct a mistaken record: a CORRECTION event annuls it; both stay in the history.
    A change of status may only be annulled while it is the member's latest."""
    member = event.member
    decision = begin_member_write(member, decision, actor)
    if not reason.strip():
        raise ValidationError({"reason": "Hãy ghi lý do đính chính."})
    if event.kind in _NOT_ANNULLABLE:
        raise ValidationError(
            f"Không đính chính được sự kiện “{event.get_kind_display()}”: kết nạp ghi nhầm thì "
            "sửa hồ sơ; chuyển sinh hoạt thì hủy giấy giới thiệu hoặc ghi chuyển tiếp."
        )
    if hasattr(event, "annulled_by"):
        raise ValidationError("Sự kiện này đã được đính chính.")
    if event.kind not in (tl.BADGE, tl.RATING, tl.DISCIPLINE, tl.CEREMONY):
        later = (
            member.events.filter(annulled_by__isnull=True)
            .exclude(kind__in=(tl.BADGE, tl.RATING, tl.DISCIPLINE, tl.CORRECTION))
            .filter(on__gte=event.on)
            .exclude(pk=event.pk)
            .exclude(on=event.on, pk__lt=event.pk)
        )
        if later.exists():
            raise ValidationError(
                "Sau sự kiện này còn sự kiện khác làm thay đổi đảng tịch: hãy đính chính các sự "
                "kiện sau trước."
            )
    correction = record_event(
        member,
        EventKind.CORRECTION,
        event.on,
        decision,
        actor,
        organization=event.organization,
        annuls=event,
        note=reason.strip(),
    )
    refresh(member)
    audit_record(
        actor=actor,
        action="members.event_annul",
        obj=member,
        organization=event.organization,
        summary=f"Đính chính: hủy bỏ “{event.get_kind_display()}” ngày {fmt(event.on)} của "
        f"{member.full_name} ({decision}); lý do: {reason.strip()}",
        before={"event": event.pk, "kind": event.kind, "on": event.on},
        after={"correction": correction.pk},
    )
    return correction


@transaction.atomic
def member_update_profile(*, member: Member, actor: Actor, **changes: Any) -> Member:
    """Change profile fields (not the membership dates, which follow from the events)."""
    authorize(actor, member.organization)
    lock_member(member)
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    current = {f: getattr(member, f) for f in PROFILE_FIELDS}
    clean = clean_profile({**current, **changes}, member=member, actor=actor)
    if clean["birth_date"] >= member.admitted_on:
        raise ValidationError(
            {
                "birth_date": f"Ngày sinh {fmt(clean['birth_date'])} phải trước ngày vào Đảng "
                f"({fmt(member.admitted_on)})."
            }
        )
    changed = {k: v for k, v in clean.items() if current[k] != v}
    if not changed:
        raise ValidationError("Không có gì thay đổi.")
    before = stats.contribution(member)
    for key, value in {**changed, **search_fields(clean)}.items():
        setattr(member, key, value)
    member.full_clean()
    member.save()
    refresh(member, before=before)
    audit_record(
        actor=actor,
        action="members.member_update_profile",
        obj=member,
        organization=member.organization,
        summary=f"Sửa hồ sơ {member.full_name}: " + ", ".join(_field_label(k) for k in changed),
        before={k: current[k] for k in changed},
        after=changed,
    )
    return member


def _field_label(name: str) -> str:
    field = Member._meta.get_field(name)
    return str(field.verbose_name) if isinstance(field, Field) else name
