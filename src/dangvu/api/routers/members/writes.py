"""Writing members: admission, the profile, events and their annulment, transfers."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Schema, Status

from dangvu.members import selectors, services
from dangvu.members.models import Member, MembershipEvent, Transfer
from dangvu.orgs.models import Organization

from ..common import actor, visible_org
from .base import router
from .schemas import MemberOut, TransferOut, member_out, transfer_out


def _recordable(request: HttpRequest, pk: int) -> Member:
    user = actor(request)
    member = selectors.get_member(user, pk)
    if not selectors.can_record_for(user, member.organization):
        raise PermissionDenied("Bạn chỉ được xem, không được ghi hồ sơ của đảng viên này.")
    return member


class ProfileIn(Schema):
    full_name: str = Field(max_length=120)
    other_names: str = ""
    sex: Literal["nam", "nu"]
    birth_date: date
    ethnicity: str = "Kinh"
    religion: str = "Không"
    home_town: str = ""
    residence: str = ""
    phone: str = ""
    citizen_id: str | None = Field(None, description="12 chữ số.")
    education: str
    professional_level: str = ""
    theory_level: str = ""
    occupation: str = ""
    positions: str = ""
    card_number: str | None = None


class SponsorIn(Schema):
    member_id: int | None = Field(None, description="Người giới thiệu có trong sổ.")
    name: str = Field("", description="Hoặc họ tên, đơn vị người giới thiệu ngoài sổ.")


class AdmitIn(ProfileIn):
    organization: int = Field(description="Chi bộ kết nạp.")
    admitted_on: date
    ceremony_on: date | None = None
    decision: str
    over_age_approval: str = ""
    sponsors: list[SponsorIn] = Field(default_factory=list, max_length=2)


@router.post("/members", response={201: MemberOut}, summary="Kết nạp đảng viên")
def member_admit(request: HttpRequest, payload: AdmitIn) -> Status:
    """Ghi quyết định kết nạp (dự bị), như trang Kết nạp. Gửi kèm `Idempotency-Key` để gửi
    lại an toàn."""
    user = actor(request)
    if not user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được kết nạp đảng viên.")
    cell = visible_org(request, payload.organization)
    pool = selectors.members_visible_to(user)
    sponsors: list[Any] = []
    for i, s in enumerate(payload.sponsors, start=1):
        if s.member_id is not None:
            found = pool.filter(pk=s.member_id).first()
            if found is None:
                raise ValidationError(
                    {f"sponsors.{i - 1}.member_id": "Không có đảng viên này trong phạm vi của bạn."}
                )
            sponsors.append(found)
        else:
            sponsors.append(s.name)
    data = payload.dict(exclude={"organization", "sponsors"})
    admission = {
        k: data.pop(k) for k in ("admitted_on", "ceremony_on", "decision", "over_age_approval")
    }
    member = services.member_admit(
        organization=cell, actor=user, sponsors=sponsors, **admission, **data
    )
    return Status(201, member_out(member, user))


class ProfilePatch(Schema):
    full_name: str | None = Field(None, max_length=120)
    other_names: str | None = None
    sex: Literal["nam", "nu"] | None = None
    birth_date: date | None = None
    ethnicity: str | None = None
    religion: str | None = None
    home_town: str | None = None
    residence: str | None = None
    phone: str | None = None
    citizen_id: str | None = None
    education: str | None = None
    professional_level: str | None = None
    theory_level: str | None = None
    occupation: str | None = None
    positions: str | None = None
    card_number: str | None = None


@router.patch("/members/{int:pk}", response=MemberOut, summary="Sửa hồ sơ đảng viên")
def member_update(request: HttpRequest, pk: int, payload: ProfilePatch) -> dict[str, Any]:
    member = _recordable(request, pk)
    changes = payload.dict(exclude_unset=True)
    member = services.member_update_profile(member=member, actor=actor(request), **changes)
    return member_out(member, actor(request))


EventKindIn = Literal[
    "recognize", "exit", "death", "exempt", "exempt_end", "restore", "rating", "badge",
    "discipline",
]  # fmt: skip


class EventIn(Schema):
    """One event, as the member's page records it. Which fields a kind needs:
    recognize: decision (on: empty = the end of probation); exit: exit_kind, on, decision;
    death, exempt_end, restore: on, decision; exempt: on, decision, reason; rating: year,
    level, decision; badge: years, on, decision (early_months); discipline: form, on,
    decision."""

    kind: EventKindIn
    on: date | None = None
    decision: str = ""
    exit_kind: str = ""
    reason: str = ""
    year: int | None = Field(None, ge=1930, le=2100)
    level: str = ""
    years: int | None = Field(None, ge=1, le=100)
    early_months: int = Field(0, ge=0, le=24)
    form: str = ""


def _need(value: Any, field: str, message: str) -> Any:
    if value in (None, ""):
        raise ValidationError({field: message})
    return value


@router.post("/members/{int:pk}/events", response={201: MemberOut}, summary="Ghi một sự kiện")
def member_event(request: HttpRequest, pk: int, payload: EventIn) -> Status:
    """Công nhận chính thức, ra khỏi Đảng, từ trần, miễn và thôi miễn sinh hoạt, phục hồi,
    xếp loại, Huy hiệu Đảng, kỷ luật: cùng dịch vụ và cùng quy tắc như các trang."""
    member = _recordable(request, pk)
    user = actor(request)
    p = payload
    on_needed = "Hãy nhập ngày (ISO 8601, ví dụ 2023-06-29)."
    with transaction.atomic():
        if p.kind == "recognize":
            services.member_recognize(member=member, decision=p.decision, on=p.on, actor=user)
        elif p.kind == "exit":
            services.member_exit(
                member=member,
                kind=p.exit_kind,
                on=_need(p.on, "on", on_needed),
                decision=p.decision,
                actor=user,
            )
        elif p.kind == "death":
            services.member_die(
                member=member, on=_need(p.on, "on", on_needed), decision=p.decision, actor=user
            )
        elif p.kind == "exempt":
            services.member_exempt(
                member=member,
                on=_need(p.on, "on", on_needed),
                decision=p.decision,
                reason=_need(p.reason, "reason", "Hãy ghi lý do miễn."),
                actor=user,
            )
        elif p.kind == "exempt_end":
            services.member_exempt_end(
                member=member, on=_need(p.on, "on", on_needed), decision=p.decision, actor=user
            )
        elif p.kind == "restore":
            services.member_restore(
                member=member, on=_need(p.on, "on", on_needed), decision=p.decision, actor=user
            )
        elif p.kind == "rating":
            services.member_rate(
                member=member,
                year=_need(p.year, "year", "Hãy nhập năm xếp loại."),
                level=p.level,
                decision=p.decision,
                actor=user,
            )
        elif p.kind == "badge":
            services.badge_award(
                member=member,
                years=_need(p.years, "years", "Hãy nhập số năm của huy hiệu."),
                on=_need(p.on, "on", on_needed),
                decision=p.decision,
                actor=user,
                early_months=p.early_months,
            )
        else:
            services.member_discipline(
                member=member,
                form=p.form,
                on=_need(p.on, "on", on_needed),
                decision=p.decision,
                actor=user,
            )
    member.refresh_from_db()
    return Status(201, member_out(member, user))


class AnnulIn(Schema):
    decision: str
    reason: str


@router.post("/events/{int:pk}/annul", response={201: MemberOut}, summary="Đính chính một sự kiện")
def event_annul(request: HttpRequest, pk: int, payload: AnnulIn) -> Status:
    event = get_object_or_404(MembershipEvent, pk=pk)
    member = _recordable(request, event.member_id)
    services.event_annul(
        event=event, decision=payload.decision, reason=payload.reason, actor=actor(request)
    )
    member.refresh_from_db()
    return Status(201, member_out(member, actor(request)))


class TransferIn(Schema):
    kind: Literal["official", "temporary"] = "official"
    to_org: int = Field(description="Nơi đến: một chi bộ, hoặc cấp ủy, tổ chức ở tỉnh khác.")
    on: date
    until: date | None = None
    decision: str


@router.post("/members/{int:pk}/transfers", response={201: TransferOut}, summary="Chuyển sinh hoạt")
def member_transfer(request: HttpRequest, pk: int, payload: TransferIn) -> Status:
    """Ghi giấy giới thiệu; nơi đến tiếp nhận bằng `/transfers/{id}/confirm`."""
    member = _recordable(request, pk)
    to_org = Organization.objects.filter(pk=payload.to_org).first()
    if to_org is None:
        raise ValidationError({"to_org": "Không có tổ chức này: hãy kiểm tra mã nơi đến."})
    transfer = services.member_transfer(
        member=member,
        to_org=to_org,
        on=payload.on,
        decision=payload.decision,
        actor=actor(request),
        kind=payload.kind,
        until=payload.until,
    )
    return Status(201, transfer_out(transfer))


class ConfirmIn(Schema):
    on: date
    cell: int | None = Field(None, description="Giấy gửi cấp ủy: chi bộ nơi sinh hoạt.")


@router.post(
    "/transfers/{int:pk}/confirm", response=TransferOut, summary="Tiếp nhận chuyển sinh hoạt"
)
def transfer_confirm(request: HttpRequest, pk: int, payload: ConfirmIn) -> dict[str, Any]:
    user = actor(request)
    transfer = get_object_or_404(Transfer.objects.select_related("member", "to_org"), pk=pk)
    selectors.get_member(user, transfer.member_id)
    if not selectors.can_record_for(user, transfer.to_org):
        raise PermissionDenied("Chỉ đơn vị nơi đến được tiếp nhận.")
    cell = None
    if payload.cell is not None:
        cell = Organization.objects.filter(pk=payload.cell).within(transfer.to_org).first()
        if cell is None:
            raise ValidationError({"cell": "Chi bộ này không thuộc nơi đến của giấy giới thiệu."})
    transfer = services.transfer_confirm(transfer=transfer, on=payload.on, actor=user, cell=cell)
    return transfer_out(transfer)


# --- the Excel import ---------------------------------------------------------------------
