"""Excel out: any filtered list; personal columns only where the user may see them; audited."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.orgs.models import Organization

from ..models import Member

__all__ = ["members_export"]

EXPORT_COLUMNS: list[tuple[str, Callable[[Member], Any]]] = [
    ("Họ và tên", lambda m: m.full_name),
    ("Giới tính", lambda m: m.get_sex_display()),
    ("Ngày sinh", lambda m: fmt(m.birth_date)),
    ("Dân tộc", lambda m: m.ethnicity),
    ("Tôn giáo", lambda m: m.religion),
    ("Giáo dục phổ thông", lambda m: m.get_education_display()),
    ("Chuyên môn", lambda m: m.get_professional_level_display()),
    ("Lý luận chính trị", lambda m: m.get_theory_level_display()),
    ("Nghề nghiệp", lambda m: m.occupation),
    ("Chức vụ", lambda m: m.positions),
    ("Số thẻ đảng viên", lambda m: m.card_number or ""),
    ("Ngày vào Đảng", lambda m: fmt(m.admitted_on)),
    ("Ngày chính thức", lambda m: fmt(m.official_on)),
    ("Chi bộ", lambda m: m.organization.name),
    ("Tình trạng", lambda m: m.get_status_display()),
]
PERSONAL_COLUMNS: list[tuple[str, Callable[[Member], Any]]] = [
    ("Số CCCD", lambda m: m.citizen_id or ""),
    ("Quê quán", lambda m: m.home_town),
    ("Nơi ở hiện nay", lambda m: m.residence),
    ("Điện thoại", lambda m: m.phone),
]


def members_export(
    *, members: Iterable[Member], actor: Actor, scope: Organization | None, filters: dict[str, Any]
) -> bytes:
    """An .xlsx of the members given (already scoped by a selector). Personal columns are
    filled only for members whose own unit is in the actor's scope and only for officers
    and leaders; the export is written to the audit log with its filter and row count."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Hãy đăng nhập để xuất danh sách.")
    personal = access.may_write(actor)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Đảng viên")
    headers = ["STT"] + [h for h, _ in EXPORT_COLUMNS]
    if personal:
        headers += [h for h, _ in PERSONAL_COLUMNS]
    sheet.append(headers)
    count = 0
    for count, m in enumerate(members, start=1):
        row: list[Any] = [count, *(get(m) for _, get in EXPORT_COLUMNS)]
        if personal:
            allowed = access.can_see_personal(actor, m.organization)
            row += [get(m) if allowed else "" for _, get in PERSONAL_COLUMNS]
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    target = scope or access.own_organization(actor)
    subject = target if target is not None else access.user_of(actor)
    assert subject is not None, "the system exports the members of a unit (scope), not all"
    audit_record(
        actor=actor,
        action="members.members_export",
        obj=subject,
        organization=target,
        summary=f"Xuất Excel {count} đảng viên"
        + (" (có thông tin cá nhân)" if personal else " (không có thông tin cá nhân)"),
        after={"rows": count, "filter": filters, "personal": personal},
    )
    return buffer.getvalue()
