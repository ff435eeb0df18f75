"""The member list, its Excel export and a member's page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property

from dangvu.access import UserRequest
from dangvu.core.dates import format_short
from dangvu.core.downloads import download
from dangvu.core.forms import parse_as_of
from dangvu.orgs.models import Organization
from dangvu.orgs.picker import picked_unit
from dangvu.orgs.selectors import ancestors_on

from .. import forms, selectors, services
from ..models import MembershipEvent, MemberStatus, Transfer
from ..selectors import sponsors as sponsor_selectors
from ..selectors import transfers as transfer_selectors
from ..selectors.rules import age_limits

PER_PAGE = 50

COUNT_CAP = 5000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows (a list of a whole province would otherwise count
    170,000 rows on every page view): past the cap the page says "more than" and offers
    the first COUNT_CAP / PER_PAGE pages; filters narrow the rest."""

    capped = False

    @cached_property
    def count(self) -> int:
        members = cast(QuerySet[Any], self.object_list)
        found = members.select_related(None).order_by()[: COUNT_CAP + 1].count()
        self.capped = found > COUNT_CAP
        return min(found, COUNT_CAP)


def org_param(request: HttpRequest) -> Organization | None:
    """The unit a page is about: ?to_chuc=<id>, or the unit picked by name (?don_vi=...,
    see `orgs.picker`); None for the user's own scope."""
    return picked_unit(request)


def as_of(request: UserRequest) -> date:
    on, problem = parse_as_of(request.GET.get("ngay"), timezone.localdate())
    if problem:
        messages.error(request, problem)
    return on


def _filters(request: UserRequest) -> tuple[forms.MemberFilterForm, selectors.MemberFilter]:
    form = forms.MemberFilterForm(request.GET or None, age_limits=age_limits(timezone.localdate()))
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()  # the fields that are valid still filter; the others show their error
        data = form.cleaned_data
    return form, selectors.MemberFilter(
        status=data.get("status") or "active",
        sex=data.get("sex", ""),
        age_band=data.get("age_band", ""),
        ethnicity=data.get("ethnicity", ""),
        religion=data.get("religion", ""),
        education=data.get("education", ""),
        theory_level=data.get("theory_level", ""),
        exempt=data.get("exempt", ""),
        admitted_from=data.get("admitted_from"),
        admitted_to=data.get("admitted_to"),
        position=data.get("position", ""),
        query=data.get("q", ""),
        on=data.get("ngay"),
    )


def _described(form: forms.MemberFilterForm) -> str:
    """The filters set, in words, as the export's title block names them."""
    if not form.is_bound or not form.is_valid():
        return ""
    parts = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        if isinstance(value, date):
            shown = format_short(value)
        else:
            shown = str(dict(getattr(field, "choices", [])).get(value, value))
        parts.append(f"{field.label} {shown}" if name != "q" else f"tìm “{shown}”")
    return "; ".join(parts)


@login_required
def member_list(request: UserRequest) -> HttpResponse:
    org = org_param(request)
    form, filters = _filters(request)
    today = timezone.localdate()
    members = selectors.member_list(request.user, filters, org=org, today=today)
    page_obj = CappedPaginator(members, PER_PAGE).get_page(request.GET.get("page"))
    past = filters.on if filters.on is not None and filters.on < today else None
    if past is not None:
        for m in page_obj:
            m.status_then_label = MemberStatus(m.status_then).label
    query = request.GET.copy()
    query.pop("page", None)
    incoming = transfer_selectors.incoming_transfers(
        request.user, org or (None if request.user.is_superuser else request.user.organization)
    )
    return render(
        request,
        "members/list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "org": org or (None if request.user.is_superuser else request.user.organization),
            "querystring_base": (query.urlencode() + "&") if query else "",
            "querystring": query.urlencode(),
            "can_add": request.user.can_edit,
            "incoming": incoming,
            "show_personal": request.user.can_edit,
            "past": past,
            "reachable": selectors.members_reachable(request.user, page_obj) if past else None,
            "ended": _ended(org, past),
        },
    )


def _ended(org: Organization | None, past: date | None) -> dict[str, Any] | None:
    """For a unit that has ended, the last day it existed (a link to its list that day)
    and where it went, unless the page is already about a day it existed."""
    if org is None or org.dissolved_on is None:
        return None
    if past is not None and past < org.dissolved_on:
        return None
    return {"on": org.dissolved_on, "last_day": org.dissolved_on - timedelta(days=1)}


@login_required
def member_export(request: UserRequest) -> HttpResponse:
    org = org_param(request)
    form, filters = _filters(request)
    members = selectors.member_list(request.user, filters, org=org, today=timezone.localdate())
    data = services.members_export(
        members=members.iterator(chunk_size=2000),
        actor=request.user,
        scope=org,
        filters={**filters.describe(), "to_chuc": org.pk if org else None},
        filter_text=_described(form),
    )
    return download(data, f"danh-sach-dang-vien-{timezone.localdate():%Y%m%d}.xlsx")


@login_required
def member_detail(request: UserRequest, pk: int) -> HttpResponse:
    member = selectors.get_member(request.user, pk)
    events = list(
        MembershipEvent.objects.filter(member=member)
        .select_related("organization", "other_org", "annuls")
        .order_by("-on", "-id")
    )
    annulled = {e.annuls_id for e in events if e.annuls_id}
    sponsors = sponsor_selectors.sponsors_of(member)
    for e in events:
        vars(e)["sponsor_list"] = sponsors.get(e.pk, [])  # for the template
    transfers = list(member.transfers.select_related("from_org", "to_org"))
    placed = {  # the cell that received a letter addressed to a committee
        e.transfer_id: e.organization
        for e in events
        if e.kind in ("chuyen_den", "tam_chuyen_den") and e.pk not in annulled
    }
    for t in transfers:
        cell = placed.get(t.pk)
        vars(t)["placed_in"] = cell if cell is not None and cell.pk != t.to_org_id else None
    can_record = selectors.can_record_for(request.user, member.organization)
    return render(
        request,
        "members/detail.html",
        {
            "member": member,
            "events": events,
            "annulled": annulled,
            "transfers": transfers,
            "sponsors": [s for e in reversed(events) for s in sponsors.get(e.pk, [])],
            "personal": selectors.can_see_personal(request.user, member),
            "can_record": can_record,
            "can_confirm": [
                t
                for t in transfers
                if t.state == Transfer.State.PENDING
                and selectors.can_record_for(request.user, t.to_org)
            ],
            "ancestors": ancestors_on(member.organization, timezone.localdate()),
        },
    )
