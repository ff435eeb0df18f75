"""Members: lists with the pages' filters, one member with events, recording events,
transfers, the Excel import; statistics of a subtree on a date and the flows of a period."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from dangvu.access import require_view
from dangvu.documents import readers
from dangvu.members import forms, selectors, services
from dangvu.members.models import Member, MembershipEvent, Transfer
from dangvu.members.selectors.rules import age_limits
from dangvu.members.services.excel import check_rows, read_rows
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import version_on

from ..pagination import Page, PageParams, paginate
from .common import OrgRef, actor, day, org_ref, visible_org

router = Router(tags=["Đảng viên"])

PERSONAL_FIELDS = ("citizen_id", "home_town", "residence", "phone")


# --- schemas -------------------------------------------------------------------------------


class Personal(Schema):
    """Shown only to the officers and leaders whose scope holds the member's own unit, as on
    the member's page; `null` for everyone else."""

    citizen_id: str | None
    home_town: str
    residence: str
    phone: str


class MemberOut(Schema):
    id: int
    full_name: str
    other_names: str
    sex: str
    birth_date: date
    ethnicity: str
    religion: str
    education: str
    professional_level: str
    theory_level: str
    occupation: str
    positions: str
    card_number: str | None
    organization: OrgRef
    host_organization: OrgRef | None
    status: str
    status_label: str
    exit_kind: str
    admitted_on: date
    ceremony_on: date | None
    official_on: date | None
    probation_ends_on: date | None
    exited_on: date | None
    party_age_from: date | None
    badge_years: int
    exempt_since: date | None
    created_at: datetime
    personal: Personal | None


def member_out(member: Member, user: Any) -> dict[str, Any]:
    shown = selectors.can_see_personal(user, member)
    return {
        "id": member.pk,
        "full_name": member.full_name,
        "other_names": member.other_names,
        "sex": member.sex,
        "birth_date": member.birth_date,
        "ethnicity": member.ethnicity,
        "religion": member.religion,
        "education": member.education,
        "professional_level": member.professional_level,
        "theory_level": member.theory_level,
        "occupation": member.occupation,
        "positions": member.positions,
        "card_number": member.card_number,
        "organization": org_ref(member.organization),
        "host_organization": org_ref(member.host_organization),
        "status": member.status,
        "status_label": member.get_status_display(),
        "exit_kind": member.exit_kind,
        "admitted_on": member.admitted_on,
        "ceremony_on": member.ceremony_on,
        "official_on": member.official_on,
        "probation_ends_on": member.probation_ends_on,
        "exited_on": member.exited_on,
        "party_age_from": member.party_age_from,
        "badge_years": member.badge_years,
        "exempt_since": member.exempt_since,
        "created_at": member.created_at,
        "personal": {f: getattr(member, f) for f in PERSONAL_FIELDS} if shown else None,
    }


class EventOut(Schema):
    id: int
    kind: str
    kind_label: str
    on: date
    decision: str
    organization: OrgRef
    other_org: OrgRef | None
    annuls_id: int | None
    annulled: bool
    rating_year: int | None
    rating_level: str
    badge_years: int | None
    discipline_form: str
    posthumous: bool
    reason: str
    note: str
    recorded_at: datetime


class TransferOut(Schema):
    id: int
    kind: str
    state: str
    state_label: str
    from_org: OrgRef
    to_org: OrgRef
    on: date
    until: date | None
    decision: str
    confirmed_on: date | None
    returned_on: date | None


def transfer_out(t: Transfer) -> dict[str, Any]:
    return {
        "id": t.pk,
        "kind": t.kind,
        "state": t.state,
        "state_label": t.get_state_display(),
        "from_org": org_ref(t.from_org),
        "to_org": org_ref(t.to_org),
        "on": t.on,
        "until": t.until,
        "decision": t.decision,
        "confirmed_on": t.confirmed_on,
        "returned_on": t.returned_on,
    }


class MemberDetailOut(MemberOut):
    events: list[EventOut]
    transfers: list[TransferOut]


# --- reads ---------------------------------------------------------------------------------


class MemberFilters(PageParams):
    """The member list page's filters, under the same names and with the same values."""

    organization: int | None = Field(None, description="Mã tổ chức (mặc định: đơn vị mình).")
    q: str = Field("", max_length=100, description="Tên hoặc số thẻ, không cần dấu.")
    status: str = Field("", description="active (mặc định), all, hoặc một tình trạng.")
    sex: str = ""
    age_band: str = Field("", description="Nhóm tuổi như trang danh sách (ví dụ “31-40”).")
    ethnicity: str = ""
    religion: str = ""
    education: str = ""
    theory_level: str = ""
    exempt: str = Field("", description="1: được miễn sinh hoạt; 0: không miễn.")
    admitted_from: date | None = None
    admitted_to: date | None = None
    position: str = Field("", max_length=100)


def _filters(params: MemberFilters) -> selectors.MemberFilter:
    data = params.dict(exclude={"organization", "page", "page_size"})
    form = forms.MemberFilterForm(
        {k: ("" if v is None else v) for k, v in data.items()},
        age_limits=age_limits(timezone.localdate()),
    )
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    d = form.cleaned_data
    return selectors.MemberFilter(
        status=d.get("status") or "active",
        sex=d["sex"],
        age_band=d["age_band"],
        ethnicity=d["ethnicity"],
        religion=d["religion"],
        education=d["education"],
        theory_level=d["theory_level"],
        exempt=d["exempt"],
        admitted_from=d["admitted_from"],
        admitted_to=d["admitted_to"],
        position=d["position"],
        query=d["q"],
    )


@router.get("/members", response=Page[MemberOut], summary="Danh sách đảng viên")
def member_list(request: HttpRequest, filters: Query[MemberFilters]) -> dict[str, Any]:
    """Đảng viên của cây dưới `organization` (mặc định đơn vị mình), lọc như trang danh sách.
    Thông tin cá nhân (`personal`) chỉ có cho chuyên viên, lãnh đạo quản lý đảng viên đó."""
    user = actor(request)
    org = visible_org(request, filters.organization) if filters.organization else None
    member_filter = _filters(filters)
    rows = selectors.member_list(user, member_filter, org=org, today=timezone.localdate())
    return paginate(rows, filters, convert=lambda m: member_out(m, user))


@router.get("/members/{int:pk}", response=MemberDetailOut, summary="Một đảng viên và quá trình")
def member_detail(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = actor(request)
    member = selectors.get_member(user, pk)
    events = list(
        MembershipEvent.objects.filter(member=member)
        .select_related("organization", "other_org")
        .order_by("-on", "-id")
    )
    annulled = {e.annuls_id for e in events if e.annuls_id}
    transfers = member.transfers.select_related("from_org", "to_org").order_by("-on", "-id")
    return {
        **member_out(member, user),
        "events": [
            {
                "id": e.pk,
                "kind": e.kind,
                "kind_label": e.get_kind_display(),
                "on": e.on,
                "decision": e.decision,
                "organization": org_ref(e.organization),
                "other_org": org_ref(e.other_org),
                "annuls_id": e.annuls_id,
                "annulled": e.pk in annulled,
                "rating_year": e.rating_year,
                "rating_level": e.rating_level,
                "badge_years": e.badge_years,
                "discipline_form": e.discipline_form,
                "posthumous": e.posthumous,
                "reason": e.reason,
                "note": e.note,
                "recorded_at": e.recorded_at,
            }
            for e in events
        ],
        "transfers": [transfer_out(t) for t in transfers],
    }


# --- writes --------------------------------------------------------------------------------


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


class ImportRowProblem(Schema):
    row: int
    column: str
    message: str


class ImportOut(Schema):
    dry_run: bool
    ready: int = Field(description="Số dòng sẽ được (hoặc đã được) ghi.")
    existing: int = Field(description="Số dòng đã có trong sổ, bỏ qua.")
    added: int
    problems: list[ImportRowProblem]


class ImportParams(Schema):
    organization: int | None = Field(None, description="Đơn vị nhận danh sách.")
    dry_run: bool = Field(False, description="Chỉ kiểm tra, không ghi.")


@router.post(
    "/members/import",
    response={200: ImportOut, 201: ImportOut, 400: ImportOut},
    summary="Nhập danh sách đảng viên từ Excel",
)
def member_import(
    request: HttpRequest, params: Query[ImportParams], file: File[UploadedFile]
) -> Status:
    """Cùng tệp mẫu và cùng kiểm tra như trang Nhập Excel: tất cả hoặc không dòng nào; các
    dòng lỗi được trả về (`problems`: dòng, cột, thông báo). Dòng đã có trong sổ được bỏ qua,
    nên gửi lại cùng tệp không thêm ai hai lần; gửi kèm `Idempotency-Key` để nhận lại đúng
    phản hồi lần trước."""
    user = actor(request)
    if not user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được nhập danh sách đảng viên.")
    within = visible_org(request, params.organization) if params.organization else user.organization
    if within is None:
        raise ValidationError({"organization": "Hãy chọn đơn vị nhận danh sách."})
    if file.size and file.size > readers.max_file_size():  # before a byte is read
        raise ValidationError({"file": readers.too_large_message(file.size)})
    data = file.read()
    rows, problems = read_rows(data)
    check = check_rows(rows, within=within) if not problems else None
    found = problems or (check.problems if check else [])
    out = {
        "dry_run": params.dry_run,
        "ready": len(check.ready) if check else 0,
        "existing": len(check.existing) if check else 0,
        "added": 0,
        "problems": [{"row": p.row, "column": p.column, "message": p.message} for p in found],
    }
    if found:
        return Status(400, out)
    if params.dry_run:
        return Status(200, out)
    out["added"] = services.members_import(
        data=data, within=within, actor=user, filename=file.name or ""
    )
    return Status(201, out)


# --- statistics -----------------------------------------------------------------------------


class StatsParams(Schema):
    organization: int | None = Field(None, description="Mã tổ chức (mặc định: đơn vị mình).")
    on: date | None = Field(None, description="Số liệu vào ngày (mặc định hôm nay).")
    start: date | None = Field(None, description="Đầu kỳ biến động (mặc định 1/1 năm của `on`).")
    end: date | None = Field(None, description="Cuối kỳ biến động (mặc định `on`).")


class Count(Schema):
    label: str
    count: int


class StatsTable(Schema):
    title: str
    rows: list[Count]


class ChildCounts(Schema):
    organization_id: int
    name: str
    total: int
    official: int
    probationary: int
    female: int


class StatsOut(Schema):
    organization: OrgRef
    on: date
    total: int
    exempt: int = Field(description="Trong đó miễn công tác và sinh hoạt đảng.")
    tables: list[StatsTable]
    children: list[ChildCounts]
    start: date
    end: date
    flows: list[Count]


@router.get("/statistics", response=StatsOut, summary="Thống kê đảng viên của một cây")
def member_stats(request: HttpRequest, params: Query[StatsParams]) -> dict[str, Any]:
    """Số đảng viên của cây dưới `organization` vào ngày `on` (theo tình trạng, giới tính, độ
    tuổi, dân tộc, tôn giáo, trình độ), từng đơn vị trực thuộc, và biến động từ `start` đến
    `end`: như trang Thống kê."""
    user = actor(request)
    if params.organization:
        org = visible_org(request, params.organization)
    elif user.organization is not None:
        org = user.organization
    else:
        org = Organization.objects.filter(parent__isnull=True).order_by("path").first()
        if org is None:
            raise ValidationError({"organization": "Chưa có tổ chức nào."})
        require_view(user, org)
    today = timezone.localdate()
    on = day(params.on)
    start = params.start or date(on.year, 1, 1)
    end = params.end or on
    if start > end:
        raise ValidationError({"start": "Đầu kỳ phải trước hoặc bằng cuối kỳ."})
    version = version_on(org, on)
    counts = selectors.counts_on(user, org, on, today=today) or {}
    keys = (("total", ""), ("status", "chinh_thuc"), ("status", "du_bi"), ("sex", "nu"))
    children = selectors.counts_by_child(user, org, on, today=today) if version else []
    return {
        "organization": {"id": org.pk, "name": version.name if version else org.name},
        "on": on,
        "total": counts.get(("total", ""), 0),
        "exempt": counts.get(("exempt", "1"), 0),
        "tables": [
            {"title": t.title, "rows": [{"label": k, "count": n} for k, n in t.rows]}
            for t in (selectors.tables(counts, on) if counts else [])
        ],
        "children": [
            dict(
                zip(
                    ("organization_id", "name", "total", "official", "probationary", "female"),
                    (child.organization_id, child.name, *[c.get(k, 0) for k in keys]),
                    strict=True,
                )
            )
            for child, c in children
        ],
        "start": start,
        "end": end,
        "flows": [
            {"label": label, "count": n}
            for label, n in (selectors.flows(user, org, start, end) if version else [])
        ],
    }
