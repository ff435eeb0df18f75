"""Admission, recognition, exits, restoration, badges, ratings, discipline, corrections and
profile changes. Each is one transaction that records an event, brings the member's state
and the statistics in line and writes one audit row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.orgs.models import Organization

from .. import rules
from .. import timeline as tl
from ..models import (
    ACTIVE_STATUSES,
    EXIT_KINDS,
    DisciplineForm,
    EventKind,
    Member,
    MembershipEvent,
    MemberStatus,
    RatingLevel,
    RuleName,
)
from ..selectors.rules import badge_milestones, holidays, rule_value
from . import stats
from .base import (
    audit_event,
    authorize,
    lock_member,
    lock_organization,
    record_event,
    refresh,
    require_active,
    require_after_last_change,
    require_cell,
    require_decision,
    require_past,
)
from .profile import PROFILE_FIELDS, clean_profile, search_fields
from .sponsors import SponsorSpec, clean_sponsors, record_sponsors


def _check_admission_age(birth: date, on: date, approval: str, field: str) -> None:
    problem = rules.admission_age_problem(
        birth,
        on,
        rule_value(RuleName.ADMISSION_MIN_AGE_MONTHS, on),
        rule_value(RuleName.ADMISSION_MAX_AGE_MONTHS, on),
    )
    if not problem:
        return
    if "quá" in problem and approval.strip():
        return
    if on <= birth:
        raise ValidationError(
            {field: f"Ngày vào Đảng {fmt(on)} không thể trước ngày sinh {fmt(birth)}."}
        )
    raise ValidationError(
        {
            field: f"Ngày vào Đảng {fmt(on)}: người sinh ngày {fmt(birth)} khi đó {problem}. "
            "Hãy kiểm tra lại ngày sinh và ngày vào Đảng."
        }
    )


def _check_ceremony(admitted: date, ceremony: date) -> None:
    require_past(ceremony, "ceremony_on", "Ngày lễ kết nạp")
    if ceremony < admitted:
        raise ValidationError(
            {
                "ceremony_on": f"Lễ kết nạp ({fmt(ceremony)}) không thể trước quyết định kết nạp "
                f"({fmt(admitted)})."
            }
        )


@transaction.atomic
def member_admit(
    *,
    organization: Organization,
    admitted_on: date,
    decision: str,
    actor: Actor,
    ceremony_on: date | None = None,
    over_age_approval: str = "",
    sponsors: Sequence[SponsorSpec] = (),
    **profile: Any,
) -> Member:
    """Admit a new probationary member to a cell by the decision of `admitted_on`, with the
    two `sponsors` (members of the registry, or names of sponsors outside it; none for a
    record entered from an older file that does not name them)."""
    authorize(actor, organization)
    decision = require_decision(decision)
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {sorted(unknown)}")
    clean = clean_profile(profile, actor=actor)
    require_past(admitted_on, "admitted_on", "Ngày vào Đảng")
    _check_admission_age(clean["birth_date"], admitted_on, over_age_approval, "admitted_on")
    if clean["education"] == "tieu_hoc":
        raise ValidationError(
            {"education": "Người vào Đảng phải tốt nghiệp ít nhất trung học cơ sở."}
        )
    require_cell(organization, admitted_on, historical=True)
    if ceremony_on is not None:
        _check_ceremony(admitted_on, ceremony_on)
    checked_sponsors = clean_sponsors(sponsors, on=admitted_on, applicant=clean)
    member = Member(
        **clean,
        **search_fields(clean),
        organization=organization,
        status=MemberStatus.PROBATIONARY,
        admitted_on=admitted_on,
        party_age_from=admitted_on,
    )
    member.full_clean()
    member.save()
    event = record_event(
        member,
        EventKind.ADMIT,
        admitted_on,
        decision,
        actor,
        organization=organization,
        note=f"Đồng ý của Ban Thường vụ: {over_age_approval}" if over_age_approval else "",
    )
    sponsor_rows = record_sponsors(member, event, checked_sponsors)
    if ceremony_on is not None:
        record_event(member, EventKind.CEREMONY, ceremony_on, decision, actor)
    refresh(member, new=True)
    audit_record(
        actor=actor,
        action="members.member_admit",
        obj=member,
        organization=organization,
        summary=f"Kết nạp {member.full_name} vào {organization.name} ngày {fmt(admitted_on)} "
        f"({decision})",
        after={
            "event": event.pk,
            **{k: v for k, v in clean.items() if k not in ("citizen_id", "phone", "residence")},
            "sponsors": sponsor_rows,
        },
    )
    return member


@transaction.atomic
def member_hold_ceremony(*, member: Member, on: date, decision: str, actor: Actor) -> Member:
    """Record the admission ceremony: the probation runs 12 months from it."""
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError("Chỉ ghi lễ kết nạp cho đảng viên dự bị.")
    if member.ceremony_on is not None:
        raise ValidationError(
            f"Đã ghi lễ kết nạp ngày {fmt(member.ceremony_on)}: nếu ghi nhầm, hãy đính chính."
        )
    _check_ceremony(member.readmitted_on or member.admitted_on, on)
    event = record_event(member, EventKind.CEREMONY, on, decision, actor)
    refresh(member)
    audit_event(event, actor, f"Lễ kết nạp {member.full_name} ngày {fmt(on)}")
    return member


@transaction.atomic
def member_recognize(
    *, member: Member, decision: str, actor: Actor, on: date | None = None
) -> Member:
    """Recognize a probationary member as official from the day the probation ends
    (`on` defaults to it), however late the cell's review."""
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError(
            f"{member.full_name} không phải đảng viên dự bị ({member.get_status_display()})."
        )
    ends = member.probation_ends_on
    assert ends is not None
    on = on or ends
    if on < ends:
        months = rule_value(RuleName.PROBATION_MONTHS, member.readmitted_on or member.admitted_on)
        raise ValidationError(
            {
                "on": f"Chưa đủ {months} tháng dự bị: {member.full_name} hết thời gian dự bị "
                f"ngày {fmt(ends)}, chỉ được công nhận chính thức từ ngày đó."
            }
        )
    require_past(on, "on", "Ngày chính thức")
    require_after_last_change(member, on)
    event = record_event(member, EventKind.RECOGNIZE, on, decision, actor)
    refresh(member)
    audit_event(event, actor, f"Công nhận {member.full_name} là đảng viên chính thức từ {fmt(on)}")
    return member


@transaction.atomic
def member_fail_probation(*, member: Member, on: date, decision: str, actor: Actor) -> Member:
    """Strike a probationary member off the list (not recognized after review)."""
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError(f"{member.full_name} không phải đảng viên dự bị.")
    require_past(on)
    require_after_last_change(member, on)
    event = record_event(member, EventKind.PROBATION_FAILED, on, decision, actor)
    refresh(member)
    audit_event(event, actor, f"Xóa tên {member.full_name} khỏi danh sách đảng viên dự bị")
    return member


@transaction.atomic
def member_exit(*, member: Member, kind: str, on: date, decision: str, actor: Actor) -> Member:
    """Leaving on request (xin ra), striking off (xóa tên) or expulsion (khai trừ)."""
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
    if kind not in EXIT_KINDS:
        allowed = ", ".join(EventKind(k).label for k in EXIT_KINDS)
        raise ValidationError({"kind": f"Hình thức ra khỏi Đảng phải là một trong: {allowed}."})
    require_active(member, "ghi ra khỏi Đảng")
    require_past(on)
    require_after_last_change(member, on)
    event = record_event(member, kind, on, decision, actor)
    refresh(member)
    audit_event(event, actor, f"{EventKind(kind).label} {member.full_name} từ {fmt(on)}")
    return member


@transaction.atomic
def member_die(*, member: Member, on: date, decision: str, actor: Actor) -> Member:
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
    require_active(member, "ghi từ trần")
    require_past(on)
    require_after_last_change(member, on)
    event = record_event(member, EventKind.DEATH, on, decision, actor)
    refresh(member)
    audit_event(event, actor, f"Đảng viên {member.full_name} từ trần ngày {fmt(on)}")
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
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
    if member.status != MemberStatus.EXITED or member.exit_kind not in EXIT_KINDS:
        raise ValidationError(
            f"Chỉ phục hồi đảng tịch cho người đã bị xóa tên, khai trừ hoặc đã xin ra; "
            f"{member.full_name} {member.get_status_display().lower()}."
        )
    require_past(on)
    require_after_last_change(member, on)
    org = _living_successor(member.organization, on)
    require_cell(org, on)
    event = record_event(member, EventKind.RESTORE, on, decision, actor, organization=org)
    refresh(member)
    audit_event(event, actor, f"Phục hồi đảng tịch cho {member.full_name} từ {fmt(on)}")
    return member


@transaction.atomic
def member_readmit(
    *,
    member: Member,
    organization: Organization,
    on: date,
    decision: str,
    actor: Actor,
    ceremony_on: date | None = None,
) -> Member:
    """Admit again someone who left: allowed once, with probation again."""
    authorize(actor, organization)
    decision = require_decision(decision)
    if member.status != MemberStatus.EXITED:
        raise ValidationError(
            f"Chỉ kết nạp lại người đã ra khỏi Đảng; {member.full_name} "
            f"{member.get_status_display().lower()}."
        )
    if member.readmitted_on is not None:
        raise ValidationError(
            f"{member.full_name} đã được kết nạp lại ngày {fmt(member.readmitted_on)}: "
            "chỉ được kết nạp lại một lần."
        )
    require_past(on)
    require_after_last_change(member, on)
    _check_admission_age(member.birth_date, on, "", "on")
    require_cell(organization, on)
    event = record_event(member, EventKind.READMIT, on, decision, actor, organization=organization)
    if ceremony_on is not None:
        _check_ceremony(on, ceremony_on)
        record_event(
            member, EventKind.CEREMONY, ceremony_on, decision, actor, organization=organization
        )
    refresh(member)
    audit_event(event, actor, f"Kết nạp lại {member.full_name} vào {organization.name}")
    return member


@transaction.atomic
def member_rate(
    *, member: Member, year: int, level: str, decision: str, actor: Actor, on: date | None = None
) -> MembershipEvent:
    """The yearly quality rating. One a year; 'excellent' within the quota of the cell."""
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
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
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
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
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
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


EXEMPT_REASONS = ("Tuổi cao", "Sức khỏe yếu")  # the usual reasons; any other is written out


@transaction.atomic
def member_exempt(
    *, member: Member, on: date, decision: str, reason: str, actor: Actor
) -> MembershipEvent:
    """Exempt an active member from party activity and work (old age, illness): still a
    member with the same status, counted apart from `on`."""
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
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
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
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
    authorize(actor, member.organization)
    lock_member(member)
    decision = require_decision(decision)
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
        summary=f"Sửa hồ sơ {member.full_name}: "
        + ", ".join(str(Member._meta.get_field(k).verbose_name) for k in changed),
        before={k: current[k] for k in changed},
        after=changed,
    )
    return member


def working_holidays(on: date) -> frozenset[date]:
    return holidays(range(on.year - 2, on.year + 2), on)
