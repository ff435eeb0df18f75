"""Reading members: the list with the pages' filters, one member with its events."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query

from dangvu.members import forms, selectors
from dangvu.members.models import MembershipEvent
from dangvu.members.selectors.rules import age_limits

from ...pagination import Page, PageParams, paginate
from ..common import actor, org_ref, visible_org
from .base import router
from .schemas import MemberDetailOut, MemberOut, member_out, transfer_out


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
