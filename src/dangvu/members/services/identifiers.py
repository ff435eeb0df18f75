"""Duplicate citizen IDs and party card numbers, refused without disclosing anyone.

A number already in the registry is refused whoever holds it. Inside the user's scope the
message names the member and links to the record; outside it, it names no one (the number
exists elsewhere: the user is sent to the superior committee to sort it out). Each refusal
about a member outside the scope is audited, and a user is allowed a limited number of them
an hour: past it every identifier check is refused, so the registry cannot be listed by
trying numbers (card numbers are sequential)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from dangvu.core.audit import audit_record
from dangvu.core.models import AuditEntry

from ..models import Member

LOOKUPS_PER_HOUR = 20
ACTION = "members.identifier_refused"
LABELS = {"citizen_id": "Số CCCD", "card_number": "Số thẻ đảng viên"}


def _is_person(actor: Any) -> bool:
    return bool(getattr(actor, "pk", None)) and not getattr(actor, "is_superuser", False)


def lookups_left(actor: Any) -> int:
    """How many more refusals about members outside the scope `actor` may get this hour."""
    if not _is_person(actor):
        return LOOKUPS_PER_HOUR
    since = timezone.now() - timedelta(hours=1)
    used = AuditEntry.objects.filter(actor=actor, action=ACTION, at__gte=since).count()
    return max(LOOKUPS_PER_HOUR - used, 0)


def too_many_message() -> str:
    return (
        f"Bạn đã gặp quá {LOOKUPS_PER_HOUR} lần số CCCD hoặc số thẻ trùng với đảng viên ngoài "
        "phạm vi trong một giờ: việc kiểm tra trùng số tạm dừng, hãy thử lại sau một giờ hoặc "
        "liên hệ Ban Tổ chức cấp ủy cấp trên."
    )


def in_scope(actor: Any, member: Member) -> bool:
    if not _is_person(actor):
        return True  # the system, an administrator
    from ..selectors.scope import members_visible_to

    return members_visible_to(actor).filter(pk=member.pk).exists()


def clash_message(*, actor: Any, field: str, value: str, other: Member) -> str:
    label = LABELS[field]
    if in_scope(actor, other):
        return format_html(
            '{} {} đã có trong sổ đảng viên: <a href="{}">{}</a> (sinh năm {}). Không ghi hai '
            "lần một người; nếu là người đã ra khỏi Đảng, hãy dùng chức năng kết nạp lại.",
            label,
            value,
            reverse("members:member_detail", args=[other.pk]),
            other.full_name,
            other.birth_date.year,
        )
    return outside_message(field=field, value=value)


def outside_message(*, field: str, value: str) -> str:
    return (
        f"{LABELS[field]} {value} đã có trong sổ đảng viên của một đơn vị ngoài phạm vi của "
        "bạn: hãy kiểm tra lại số; nếu đúng là người đó, hãy liên hệ Ban Tổ chức cấp ủy cấp "
        "trên để chuyển sinh hoạt hoặc xác minh."
    )


def refusals_outside(exc: ValidationError) -> list[tuple[str, str]]:
    """The (field, number) refusals about members outside the scope an error carries."""
    return list(getattr(exc, "outside_scope", []))


def identifier_refusals_record(*, actor: Any, refusals: list[tuple[str, str]]) -> None:
    """Audit refusals about members outside the actor's scope (after the refused write's
    transaction has rolled back, so that the rows stay): they count toward the hourly limit."""
    if not _is_person(actor):
        return
    for field, value in refusals:
        audit_record(
            actor=actor,
            action=ACTION,
            obj=actor,
            organization=actor.organization,
            summary=f"{LABELS[field]} trùng với đảng viên ngoài phạm vi (đã từ chối)",
            after={"field": field, "value_tail": value[-4:]},
        )
