"""Admission, the ceremony, recognition as an official member or failing probation, and
readmission."""

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
from ..models import EventKind, Member, MemberStatus, RuleName
from ..selectors.rules import rule_value
from .base import (
    audit_event,
    authorize,
    begin_member_write,
    record_change,
    record_event,
    refresh,
    require_after_last_change,
    require_cell,
    require_decision,
    require_past,
)
from .profile import PROFILE_FIELDS, clean_profile, search_fields
from .sponsors import SponsorSpec, clean_sponsors, record_sponsors

__all__ = [
    "member_admit",
    "member_fail_probation",
    "member_hold_ceremony",
    "member_readmit",
    "member_recognize",
]


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
    decision = begin_member_write(member, decision, actor)
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError("Chỉ ghi lễ kết nạp cho đảng viên dự bị.")
    if member.ceremony_on is not None:
        raise ValidationError(
            f"Đã ghi lễ kết nạp ngày {fmt(member.ceremony_on)}: nếu ghi nhầm, hãy đính chính."
        )
    _check_ceremony(member.readmitted_on or member.admitted_on, on)
    summary = f"Lễ kết nạp {member.full_name} ngày {fmt(on)}"
    record_change(member, EventKind.CEREMONY, on, decision, actor, summary=summary)
    return member


@transaction.atomic
def member_recognize(
    *, member: Member, decision: str, actor: Actor, on: date | None = None
) -> Member:
    """Recognize a probationary member as official from the day the probation ends
    (`on` defaults to it), however late the cell's review."""
    decision = begin_member_write(member, decision, actor)
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
    summary = f"Công nhận {member.full_name} là đảng viên chính thức từ {fmt(on)}"
    record_change(member, EventKind.RECOGNIZE, on, decision, actor, summary=summary)
    return member


@transaction.atomic
def member_fail_probation(*, member: Member, on: date, decision: str, actor: Actor) -> Member:
    """Strike a probationary member off the list (not recognized after review)."""
    decision = begin_member_write(member, decision, actor)
    if member.status != MemberStatus.PROBATIONARY:
        raise ValidationError(f"{member.full_name} không phải đảng viên dự bị.")
    require_past(on)
    require_after_last_change(member, on)
    summary = f"Xóa tên {member.full_name} khỏi danh sách đảng viên dự bị"
    record_change(member, EventKind.PROBATION_FAILED, on, decision, actor, summary=summary)
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
