"""The yearly quality rating, Party badges and discipline short of expulsion."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.dates import format_short as fmt

from .. import rules
from ..models import (
    ACTIVE_STATUSES,
    DisciplineForm,
    EventKind,
    Member,
    MembershipEvent,
    MemberStatus,
    RatingLevel,
    RuleName,
)
from ..selectors.rules import badge_milestones, rule_value
from .base import (
    audit_event,
    begin_member_write,
    lock_organization,
    record_event,
    refresh,
    require_active,
    require_past,
)

__all__ = ["badge_award", "member_discipline", "member_rate"]


@transaction.atomic
def member_rate(
    *, member: Member, year: int, level: str, decision: str, actor: Actor, on: date | None = None
) -> MembershipEvent:
    """The yearly quality rating. One a year; 'excellent' within the quota of the cell."""
    decision = begin_member_write(member, decision, actor)
    if level not in RatingLevel.values:
        raise ValidationError({"level": "Hãy chọn một trong bốn mức xếp loại."})
    on = on or date(year, 12, 31)
    require_past(on)
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    if member.admitted_on > year_end or (member.exited_on and member.exited_on < year_start):
        raise ValidationError({"year": f"{member.full_name} không là đảng viên trong năm {year}."})
    existing = MembershipEvent.objects.filter(
        member=member, kind=EventKind.RATING, rating_year=year, annulled_by__isnull=True
    ).first()
    if existing is not None:
        raise ValidationError(
            {
                "year": f"{member.full_name} đã được xếp loại năm {year} "
                f"({existing.get_rating_level_display()}): nếu ghi nhầm, hãy đính chính."
            }
        )
    if level == "xuat_sac":
        _check_quota(member, year)
    event = record_event(
        member, EventKind.RATING, on, decision, actor, rating_year=year, rating_level=level
    )
    audit_event(
        event,
        actor,
        f"Xếp loại {member.full_name} năm {year}: {RatingLevel(level).label}",
        year=year,
        level=level,
    )
    return event


def _check_quota(member: Member, year: int) -> None:
    percent = rule_value(RuleName.EXCELLENT_QUOTA_PERCENT, date(year, 12, 31), None)
    if percent is None:
        return
    lock_organization(member.organization)
    rated = MembershipEvent.objects.filter(
        kind=EventKind.RATING,
        rating_year=year,
        annulled_by__isnull=True,
        organization=member.organization,
    )
    good = rated.filter(rating_level="tot").count()
    excellent = rated.filter(rating_level="xuat_sac").count()
    quota = rules.excellent_quota(good, percent)
    if excellent + 1 > quota:
        raise ValidationError(
            {
                "level": f"Vượt tỷ lệ: số xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá "
                f"{percent}% số “Hoàn thành tốt nhiệm vụ” của chi bộ (hiện {good} tốt, "
                f"{excellent} xuất sắc, tối đa {quota}). Hãy xếp loại các đảng viên mức tốt trước."
            }
        )


@transaction.atomic
def badge_award(
    *, member: Member, years: int, on: date, decision: str, actor: Actor, early_months: int = 0
) -> MembershipEvent:
    """Award the Huy hiệu Đảng of `years` of party age (posthumously to a deceased member).
    `early_months`: the early award a seriously ill member may receive (up to 12 months for
    the 30–65 badges, 24 for the 70–90 badges)."""
    decision = begin_member_write(member, decision, actor)
    require_past(on)
    milestones = badge_milestones(on)
    if years not in milestones:
        raise ValidationError(
            {
                "years": f"Không có Huy hiệu {years} năm tuổi đảng; các mốc: "
                + ", ".join(str(y) for y in milestones)
                + "."
            }
        )
    if member.status not in (*ACTIVE_STATUSES, MemberStatus.DECEASED):
        raise ValidationError(f"{member.full_name} đã ra khỏi Đảng: không trao Huy hiệu Đảng.")
    if member.badge_years >= years:
        raise ValidationError(
            {"years": f"{member.full_name} đã nhận Huy hiệu {member.badge_years} năm tuổi đảng."}
        )
    limit = 24 if years >= 70 else 12
    if not 0 <= early_months <= limit:
        raise ValidationError(
            {"early_months": f"Huy hiệu {years} năm chỉ được trao sớm tối đa {limit} tháng."}
        )
    reference = member.exited_on if member.status == MemberStatus.DECEASED else on
    assert reference is not None
    months = rules.full_months(member.party_age_from, reference)
    if months + early_months < years * 12:
        raise ValidationError(
            {
                "years": f"{member.full_name} có {months // 12} năm {months % 12} tháng tuổi "
                f"đảng vào ngày {fmt(reference)}, chưa đủ {years} năm."
            }
        )
    event = record_event(
        member,
        EventKind.BADGE,
        on,
        decision,
        actor,
        badge_years=years,
        posthumous=member.status == MemberStatus.DECEASED,
    )
    refresh(member)
    audit_event(
        event, actor, f"Trao Huy hiệu {years} năm tuổi đảng cho {member.full_name}", years=years
    )
    return event


@transaction.atomic
def member_discipline(
    *, member: Member, form: str, on: date, decision: str, actor: Actor, note: str = ""
) -> MembershipEvent:
    """Discipline short of expulsion (khiển trách, cảnh cáo, cách chức)."""
    decision = begin_member_write(member, decision, actor)
    if form not in DisciplineForm.values:
        raise ValidationError(
            {
                "form": "Hình thức kỷ luật phải là khiển trách, cảnh cáo hoặc cách chức "
                "(khai trừ ghi ở mục ra khỏi Đảng)."
            }
        )
    require_active(member, "ghi kỷ luật")
    require_past(on)
    event = record_event(
        member, EventKind.DISCIPLINE, on, decision, actor, discipline_form=form, note=note
    )
    audit_event(event, actor, f"Kỷ luật {member.full_name}: {DisciplineForm(form).label}")
    return event
