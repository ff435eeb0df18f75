"""Excel out: any filtered list; personal columns only where the user may see them; audited."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.core.xlsx import DATE, NUMBER, Column, finish, new_book, table_sheet
from dangvu.orgs.models import Organization

from ..models import Member

__all__ = ["members_export"]

EXPORT_COLUMNS: list[tuple[Column, Callable[[Member], Any]]] = [
    (Column("Họ và tên", 26), lambda m: m.full_name),
    (Column("Giới tính", 9), lambda m: m.get_sex_display()),
    (Column("Ngày sinh", 11, DATE), lambda m: m.birth_date),
    (Column("Dân tộc", 10), lambda m: m.ethnicity),
    (Column("Tôn giáo", 10), lambda m: m.religion),
    (Column("Giáo dục phổ thông", 11), lambda m: m.get_education_display()),
    (Column("Chuyên môn", 14), lambda m: m.get_professional_level_display()),
    (Column("Lý luận chính trị", 13), lambda m: m.get_theory_level_display()),
    (Column("Nghề nghiệp", 16), lambda m: m.occupation),
    (Column("Chức vụ", 22), lambda m: m.positions),
    (Column("Số thẻ đảng viên", 13), lambda m: m.card_number or ""),
    (Column("Ngày vào Đảng", 11, DATE), lambda m: m.admitted_on),
    (Column("Ngày chính thức", 11, DATE), lambda m: m.official_on),
    (Column("Chi bộ", 30), lambda m: m.organization.name),
    (Column("Tình trạng", 12), lambda m: m.get_status_display()),
]
PERSONAL_COLUMNS: list[tuple[Column, Callable[[Member], Any]]] = [
    (Column("Số CCCD", 14), lambda m: m.citizen_id or ""),
    (Column("Quê quán", 24), lambda m: m.home_town),
    (Column("Nơi ở hiện nay", 24), lambda m: m.residence),
    (Column("Điện thoại", 12), lambda m: m.phone),
]


def members_export(
    *,
    members: Iterable[Member],
    actor: Actor,
    scope: Organization | None,
    filters: dict[str, Any],
    filter_text: str = "",
    today: date | None = None,
) -> bytes:
    """An .xlsx of the members given (already scoped by a selector), under a title block
    naming the unit, the day and the filter (`filter_text`, in words). Personal columns
    are filled only for members whose own unit is in the actor's scope and only for
    officers and leaders; the export is written to the audit log with its filter and row
    count."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Hãy đăng nhập để xuất danh sách.")
    personal = access.may_write(actor)
    target = scope or access.own_organization(actor)
    columns = [c for c, _ in EXPORT_COLUMNS] + (
        [c for c, _ in PERSONAL_COLUMNS] if personal else []
    )

    def rows() -> Iterator[list[Any]]:
        for number, m in enumerate(members, start=1):
            row: list[Any] = [number, *(get(m) for _, get in EXPORT_COLUMNS)]
            if personal:
                allowed = access.can_see_personal(actor, m.organization)
                row += [get(m) if allowed else "" for _, get in PERSONAL_COLUMNS]
            yield row

    book = new_book()
    user = access.user_of(actor)
    who = (user.get_full_name() or user.get_username()) if user is not None else ""
    notes = [
        f"Đơn vị: {target.name if target is not None else 'toàn bộ phạm vi'}",
        f"Xuất ngày {fmt(today or timezone.localdate())}" + (f" bởi {who}" if who else ""),
    ]
    if filter_text:
        notes.append(f"Lọc: {filter_text}")
    count = table_sheet(
        book,
        "Đảng viên",
        title="DANH SÁCH ĐẢNG VIÊN",
        notes=notes,
        columns=[Column("STT", 6, NUMBER), *columns],
        rows=rows(),
    )
    data = finish(book)
    subject = target if target is not None else user
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
    return data
