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
from dangvu.core.xlsx import DATE, NUMBER, PERCENT, Column, finish, new_book, table_sheet
from dangvu.orgs.models import Organization

from ..models import Member
from ..selectors.report import CHILD_COLUMNS, StatsReport

__all__ = ["member_stats_export", "members_export"]

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


def member_stats_export(*, report: StatsReport, actor: Actor) -> bytes:
    """The statistics page of `report` as an .xlsx: the tables with their shares, the units
    under it and the movement of the period, each on its sheet under a title block;
    audited like the member list (counts only, no one named)."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Hãy đăng nhập để xuất thống kê.")
    access.require_view(actor, report.org)
    name = report.version.name if report.version else report.org.name
    notes = [f"Đơn vị: {name}", f"Số liệu tại ngày {fmt(report.on)}"]
    book = new_book()
    table_sheet(
        book,
        "Tổng hợp",
        title="THỐNG KÊ ĐẢNG VIÊN",
        notes=[*notes, f"Tổng số: {report.total} đảng viên; miễn sinh hoạt: {report.exempt}"],
        columns=[
            Column("Chỉ tiêu", 34),
            Column("Phân loại", 30),
            Column("Số người", 11, NUMBER),
            Column("Tỷ lệ", 9, PERCENT),
        ],
        rows=([t.title, r.label, r.n, r.share] for t in report.tables for r in t.rows),
    )
    table_sheet(
        book,
        "Theo đơn vị trực thuộc",
        title="THỐNG KÊ ĐẢNG VIÊN THEO TỔ CHỨC TRỰC THUỘC",
        notes=notes,
        columns=[Column("Tổ chức", 40)] + [Column(h, 11, NUMBER) for _, h in CHILD_COLUMNS],
        rows=([child.name, *numbers] for child, numbers in report.children),
    )
    table_sheet(
        book,
        "Biến động",
        title="BIẾN ĐỘNG ĐẢNG VIÊN",
        notes=[f"Đơn vị: {name}", f"Từ ngày {fmt(report.start)} đến ngày {fmt(report.end)}"],
        columns=[Column("Nội dung", 40), Column("Số người", 11, NUMBER)],
        rows=([label, n] for label, n in report.flows),
    )
    data = finish(book)
    audit_record(
        actor=actor,
        action="members.stats_export",
        obj=report.org,
        organization=report.org,
        summary=f"Xuất Excel thống kê đảng viên của {name} tại ngày {fmt(report.on)}",
        after={
            "on": report.on.isoformat(),
            "start": report.start.isoformat(),
            "end": report.end.isoformat(),
        },
    )
    return data
