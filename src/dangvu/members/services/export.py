"""Excel out: any filtered list; personal columns only where the user may see them; audited."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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

from .. import rules
from ..models import Member
from ..selectors.report import CHILD_COLUMNS, StatsReport
from ..selectors.worklists import BadgeGroup, RecognitionRow

__all__ = ["member_stats_export", "members_export", "worklists_export"]

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


@dataclass(frozen=True)
class _Signed:
    """Who exports what: the unit (None: the whole scope), the object the audit row
    names, and the line of the title block saying when and by whom."""

    unit: Organization | None
    subject: Any
    line: str

    @property
    def unit_name(self) -> str:
        return self.unit.name if self.unit is not None else "toàn bộ phạm vi"


def _signed(actor: Actor, scope: Organization | None, today: date | None) -> _Signed:
    target = scope or access.own_organization(actor)
    user = access.user_of(actor)
    who = (user.get_full_name() or user.get_username()) if user is not None else ""
    line = f"Xuất ngày {fmt(today or timezone.localdate())}" + (f" bởi {who}" if who else "")
    subject = target if target is not None else user
    assert subject is not None, "the system exports the members of a unit (scope), not all"
    return _Signed(target, subject, line)


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
    signed = _signed(actor, scope, today)
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
    notes = [f"Đơn vị: {signed.unit_name}", signed.line]
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
    audit_record(
        actor=actor,
        action="members.members_export",
        obj=signed.subject,
        organization=signed.unit,
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


# The first columns of each nomination list: the number, the name, the birth date.
_PERSON = (Column("STT", 6, NUMBER), Column("Họ và tên", 26), Column("Ngày sinh", 11, DATE))


def worklists_export(
    *,
    actor: Actor,
    org: Organization | None,
    on: date,
    recognition: list[RecognitionRow],
    badges: list[BadgeGroup],
    unrated: Iterable[Member],
    unrated_year: int,
    today: date | None = None,
) -> bytes:
    """The worklists as the nomination lists an office sends up, one sheet each under a
    title block (the unit, the day counted to, who exported): the probationary members due
    for recognition, the members for each badge of the next award day, the members not yet
    rated for the year (with an empty column to fill in). The members are those the
    selectors let the actor see; the home town (personal) only where the actor may see it
    (`access.can_see_personal`). Audited with the row counts, as the member export."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied("Hãy đăng nhập để xuất danh sách.")
    if org is not None:
        access.require_view(actor, org)
    signed = _signed(actor, org, today)
    unit, made = signed.unit_name, signed.line

    def home(m: Member) -> str:
        return m.home_town if access.can_see_personal(actor, m.organization) else ""

    book = new_book()
    counts = {}
    counts["recognition"] = table_sheet(
        book,
        "Công nhận chính thức",
        title="DANH SÁCH ĐẢNG VIÊN DỰ BỊ ĐẾN HẠN XÉT CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC",
        notes=[
            f"Đơn vị: {unit}",
            f"Tính đến ngày {fmt(on)} (gồm người hết dự bị trong 30 ngày tới)",
            made,
        ],
        columns=[
            *_PERSON,
            Column("Chi bộ", 30),
            Column("Ngày vào Đảng", 11, DATE),
            Column("Ngày lễ kết nạp", 13, DATE),
            Column("Chính thức từ ngày", 14, DATE),
            Column("Hạn xét", 11, DATE),
            Column("Tình trạng", 14),
            Column("Ghi chú", 20),
        ],
        rows=(
            [
                n,
                r.member.full_name,
                r.member.birth_date,
                r.member.organization.name,
                r.member.readmitted_on or r.member.admitted_on,
                r.member.ceremony_on,
                r.official_from,
                r.review_by,
                "Quá hạn xét"
                if r.overdue
                else f"Còn {r.days_left} ngày"
                if r.days_left > 0
                else "Đến hạn",
                "",
            ]
            for n, r in enumerate(recognition, start=1)
        ),
    )
    award = badges[0].award_day if badges else None
    counts["badges"] = table_sheet(
        book,
        "Huy hiệu Đảng",
        title="DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG"
        + (f" ĐỢT {fmt(award)}" if award else ""),
        notes=[
            f"Đơn vị: {unit}",
            f"Tuổi đảng tính đến ngày trao {fmt(award)}" if award else f"Tính đến ngày {fmt(on)}",
            made,
        ],
        columns=[
            *_PERSON,
            Column("Quê quán", 24),
            Column("Chi bộ", 30),
            Column("Ngày vào Đảng", 11, DATE),
            Column("Ngày chính thức", 13, DATE),
            Column("Tuổi đảng (năm)", 11, NUMBER),
            Column("Huy hiệu đề nghị", 16),
            Column("Ghi chú", 20),
        ],
        rows=(
            [
                n,
                m.full_name,
                m.birth_date,
                home(m),
                m.organization.name,
                m.admitted_on,
                m.official_on,
                rules.full_months(m.party_age_from, g.award_day) // 12,
                f"Huy hiệu {g.years} năm tuổi đảng",
                "",
            ]
            for n, (g, m) in enumerate(((g, m) for g in badges for m in g.members), start=1)
        ),
    )
    counts["unrated"] = table_sheet(
        book,
        f"Chưa xếp loại {unrated_year}",
        title=f"DANH SÁCH ĐẢNG VIÊN CHƯA XẾP LOẠI CHẤT LƯỢNG NĂM {unrated_year}",
        notes=[f"Đơn vị: {unit}", f"Đảng viên sinh hoạt ngày 31/12/{unrated_year}", made],
        columns=[
            *_PERSON,
            Column("Chi bộ", 30),
            Column("Ngày vào Đảng", 11, DATE),
            Column("Tình trạng", 12),
            Column("Mức xếp loại đề nghị", 28),
            Column("Ghi chú", 20),
        ],
        rows=(
            [
                n,
                m.full_name,
                m.birth_date,
                m.organization.name,
                m.admitted_on,
                m.get_status_display(),
                "",
                "",
            ]
            for n, m in enumerate(unrated, start=1)
        ),
    )
    data = finish(book)
    audit_record(
        actor=actor,
        action="members.worklists_export",
        obj=signed.subject,
        organization=signed.unit,
        summary=f"Xuất Excel danh sách việc cần làm tại ngày {fmt(on)}: "
        f"{counts['recognition']} đến hạn công nhận, {counts['badges']} đề nghị huy hiệu, "
        f"{counts['unrated']} chưa xếp loại năm {unrated_year}",
        after={"on": on.isoformat(), **counts, "unrated_year": unrated_year},
    )
    return data
