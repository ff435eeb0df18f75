"""Member pages. Thin: parse a form, call one selector or service, render."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from dangvu.access import require_view
from dangvu.core.forms import parse_as_of
from dangvu.core.pages import form_page
from dangvu.orgs.models import CELL_KINDS, Organization
from dangvu.orgs.selectors import ancestors_on, version_on

from . import forms, selectors, services
from .models import Member, MembershipEvent, Transfer
from .selectors import sponsors as sponsor_selectors
from .selectors import transfers as transfer_selectors
from .selectors.rules import age_limits
from .services.excel import COLUMNS, check_rows, read_rows

PER_PAGE = 50
COUNT_CAP = 5000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP rows (a list of a whole province would otherwise count
    170,000 rows on every page view): past the cap the page says "more than" and offers
    the first COUNT_CAP / PER_PAGE pages; filters narrow the rest."""

    capped = False

    @cached_property
    def count(self) -> int:
        found = self.object_list.select_related(None).order_by()[: COUNT_CAP + 1].count()
        self.capped = found > COUNT_CAP
        return min(found, COUNT_CAP)


def _org_param(request: HttpRequest) -> Organization | None:
    pk = request.GET.get("to_chuc") or request.POST.get("to_chuc")
    if not pk or not str(pk).isdigit():
        return None
    org = get_object_or_404(Organization, pk=int(pk))
    require_view(request.user, org)
    return org


def _as_of(request: HttpRequest) -> date:
    on, problem = parse_as_of(request.GET.get("ngay"), timezone.localdate())
    if problem:
        messages.error(request, problem)
    return on


def _filters(request: HttpRequest) -> tuple[forms.MemberFilterForm, selectors.MemberFilter]:
    form = forms.MemberFilterForm(request.GET or None, age_limits=age_limits(timezone.localdate()))
    data = form.cleaned_data if form.is_valid() else {}
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
    )


@login_required
def member_list(request: HttpRequest) -> HttpResponse:
    org = _org_param(request)
    form, filters = _filters(request)
    members = selectors.member_list(request.user, filters, org=org, today=timezone.localdate())
    page_obj = CappedPaginator(members, PER_PAGE).get_page(request.GET.get("page"))
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
        },
    )


@login_required
def member_export(request: HttpRequest) -> HttpResponse:
    org = _org_param(request)
    _, filters = _filters(request)
    members = selectors.member_list(request.user, filters, org=org, today=timezone.localdate())
    data = services.members_export(
        members=members.iterator(chunk_size=2000),
        actor=request.user,
        scope=org,
        filters={**filters.describe(), "to_chuc": org.pk if org else None},
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="danh-sach-dang-vien-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response


@login_required
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = selectors.get_member(request.user, pk)
    events = list(
        MembershipEvent.objects.filter(member=member)
        .select_related("organization", "other_org", "annuls")
        .order_by("-on", "-id")
    )
    annulled = {e.annuls_id for e in events if e.annuls_id}
    sponsors = sponsor_selectors.sponsors_of(member)
    for e in events:
        e.sponsor_list = sponsors.get(e.pk, [])
    transfers = list(member.transfers.select_related("from_org", "to_org"))
    placed = {  # the cell that received a letter addressed to a committee
        e.transfer_id: e.organization
        for e in events
        if e.kind in ("chuyen_den", "tam_chuyen_den") and e.pk not in annulled
    }
    for t in transfers:
        cell = placed.get(t.pk)
        t.placed_in = cell if cell is not None and cell.pk != t.to_org_id else None
    can_record = selectors.can_record_for(request.user, member.organization)
    return render(
        request,
        "members/detail.html",
        {
            "member": member,
            "events": events,
            "annulled": annulled,
            "transfers": transfers,
            "sponsors": [s for e in reversed(events) for s in e.sponsor_list],
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


def _recordable(request: HttpRequest, pk: int) -> Any:
    member = selectors.get_member(request.user, pk)
    if not selectors.can_record_for(request.user, member.organization):
        raise PermissionDenied("Bạn chỉ được xem, không được ghi hồ sơ của đảng viên này.")
    return member


@login_required
def member_create(request: HttpRequest) -> HttpResponse:
    if not request.user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được kết nạp đảng viên.")
    searching = request.method == "POST" and "tim" in request.POST
    found: dict[str, list[tuple[Any, str]]] = {}
    notes: list[tuple[str, str]] = []
    for name in forms.SPONSOR_FIELDS:
        query = (request.POST.get(f"{name}_q") or "").strip()
        if query:
            found[name] = sponsor_selectors.sponsor_candidates(request.user, query)
        if searching and request.POST.get("tim") == f"{name}_q":
            count = len(found.get(name, []))
            notes.append(
                (
                    f"{name}_q",
                    f"Tìm thấy {count} đảng viên chính thức: chọn một ở dưới."
                    if count
                    else f"Không có đảng viên chính thức nào trong phạm vi của bạn khớp với "
                    f"“{query}”: hãy thử tên khác, hoặc ghi họ tên, đơn vị người giới thiệu.",
                )
            )
    form = forms.AdmitForm(
        None if searching else (request.POST or None),
        initial=request.POST.dict() if searching else None,
        cells=forms.cells_for(request.user, None),
        candidates=selectors.members_visible_to(request.user),
        found=found,
    )
    created: dict[str, Any] = {}

    def perform(data: dict[str, Any]) -> None:
        created["member"] = services.member_admit(actor=request.user, **form.admission())

    response = _search_page(
        request,
        form,
        search_fields=[f"{name}_q" for name in forms.SPONSOR_FIELDS],
        search_notes=notes,
        title="Kết nạp đảng viên",
        subtitle="Ghi quyết định kết nạp (dự bị)",
        submit="Ghi kết nạp",
        perform=perform,
        done="Đã ghi việc kết nạp.",
        back=reverse("members:member_list"),
    )
    if "member" in created:
        return redirect("members:member_detail", created["member"].pk)
    return response


def _search_page(
    request: HttpRequest,
    form: Any,
    *,
    search_fields: list[str],
    search_notes: list[tuple[str, str]],
    **context: Any,
) -> HttpResponse:
    """A form with search steps: "Tìm" sends it back with the matches and writes nothing."""
    extra = {"search_fields": search_fields, "search_notes": search_notes}
    if request.method == "POST" and "tim" in request.POST:
        return render(
            request,
            "members/search_form_page.html",
            {
                "form": form,
                "title": context["title"],
                "subtitle": context["subtitle"],
                "submit_label": context["submit"],
                "cancel_url": context["back"],
                **extra,
            },
        )
    return form_page(
        request, form, template="members/search_form_page.html", extra=extra, **context
    )


@login_required
def member_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    member = _recordable(request, pk)
    data = request.POST or None
    query = (request.POST.get("outside_q") or "").strip()
    outside = transfer_selectors.destinations_outside(member.organization, query) if query else []
    searching = request.method == "POST" and "tim" in request.POST
    form = forms.TransferForm(
        None if searching else data,
        initial=request.POST.dict() if searching else {"on": timezone.localdate()},
        cells=transfer_selectors.cells_in_province(member.organization),
        outside=outside,
    )
    notes = []
    if searching:
        if len(query) < transfer_selectors.MIN_QUERY_CHARS:
            notes.append(("outside_q", "Hãy gõ ít nhất 3 chữ của tên nơi đến."))
        elif not outside:
            notes.append(
                ("outside_q", f"Không tìm thấy tổ chức nào ngoài tỉnh có tên chứa “{query}”.")
            )
        else:
            notes.append(("outside_q", f"Tìm thấy {len(outside)} tổ chức: chọn một ở dưới."))
    return _search_page(
        request,
        form,
        search_fields=["outside_q"],
        search_notes=notes,
        title="Chuyển sinh hoạt đảng",
        subtitle=member.full_name,
        submit="Ghi giấy giới thiệu",
        perform=lambda d: services.member_transfer(
            member=member,
            actor=request.user,
            to_org=d["destination"],
            kind=d["kind"],
            on=d["on"],
            until=d.get("until"),
            decision=d["decision"],
        ),
        done="Đã ghi giấy giới thiệu; chờ nơi đến tiếp nhận.",
        back=reverse("members:member_detail", args=[member.pk]),
    )


@login_required
def transfer_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(Transfer.objects.select_related("member", "to_org"), pk=pk)
    selectors.get_member(request.user, transfer.member_id)
    if not selectors.can_record_for(request.user, transfer.to_org):
        raise PermissionDenied("Chỉ đơn vị nơi đến được tiếp nhận.")
    cells = None
    if transfer.to_org.kind not in CELL_KINDS:
        cells = (
            Organization.objects.filter(kind__in=CELL_KINDS, dissolved_on__isnull=True)
            .within(transfer.to_org)
            .order_by("path")
        )
    form = forms.ConfirmForm(
        request.POST or None, cells=cells, initial={"on": timezone.localdate()}
    )
    return form_page(
        request,
        form,
        title="Tiếp nhận sinh hoạt đảng",
        subtitle=f"{transfer.member.full_name}: từ {transfer.from_org.name} đến "
        f"{transfer.to_org.name} ({transfer.decision})",
        submit="Tiếp nhận",
        perform=lambda d: services.transfer_confirm(
            transfer=transfer, actor=request.user, on=d["on"], cell=d.get("cell")
        ),
        done="Đã tiếp nhận đảng viên.",
        back=reverse("members:member_detail", args=[transfer.member_id]),
    )


def _transfer_decision(
    request: HttpRequest,
    member: Member,
    transfer: Transfer,
    record: Callable[..., Any],
    *labels: str,
) -> HttpResponse:
    """A dated decision on a transfer letter: `labels` are the title, submit label, message."""
    title, submit, done = labels
    return form_page(
        request,
        forms.DecisionForm(request.POST or None, initial={"on": timezone.localdate()}),
        title=title,
        subtitle=member.full_name,
        submit=submit,
        perform=lambda d: record(transfer=transfer, actor=request.user, **d),
        done=done,
        back=reverse("members:member_detail", args=[member.pk]),
    )


@login_required
def transfer_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(Transfer, pk=pk)
    member = _recordable(request, transfer.member_id)
    labels = ("Hủy giấy giới thiệu", "Hủy giấy", "Đã hủy giấy giới thiệu.")
    return _transfer_decision(request, member, transfer, services.transfer_cancel, *labels)


@login_required
def transfer_return(request: HttpRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(Transfer, pk=pk)
    member = selectors.get_member(request.user, transfer.member_id)
    labels = ("Trở về sinh hoạt", "Ghi trở về", "Đã ghi trở về.")
    return _transfer_decision(request, member, transfer, services.transfer_return, *labels)


@dataclass(frozen=True)
class EventPage:
    """A page that records one event of a member: its form, the service that records it
    (called as `record(member=..., actor=..., **cleaned_data)`), its labels."""

    form: type[Any]
    record: Callable[..., Any]
    title: str
    submit: str
    done: str
    initial: Callable[[date], dict[str, Any]] = lambda today: {"on": today}


def _exit_or_die(*, member: Member, actor: Any, **d: Any) -> Any:
    if d["kind"] == "tu_tran":
        return services.member_die(member=member, on=d["on"], decision=d["decision"], actor=actor)
    return services.member_exit(member=member, actor=actor, **d)


def _exempt(*, member: Member, actor: Any, reason_other: str = "", **d: Any) -> Any:
    """`reason_other` is already in `reason` (the form puts it there)."""
    return services.member_exempt(member=member, actor=actor, **d)


def _award_badge(*, member: Member, actor: Any, early_months: int | None, **d: Any) -> Any:
    return services.badge_award(member=member, actor=actor, early_months=early_months or 0, **d)


# The member's event pages, by the `event` their URL passes (members/urls.py):
# event: (form, service, title, submit label, message when done).
EVENT_PAGES: dict[str, EventPage] = {
    "recognize": EventPage(
        forms.RecognizeForm,
        services.member_recognize,
        "Công nhận đảng viên chính thức",
        "Ghi công nhận",
        "Đã ghi công nhận chính thức.",
        initial=lambda today: {},
    ),
    "exit": EventPage(forms.ExitForm, _exit_or_die, "Ra khỏi Đảng, từ trần", "Ghi", "Đã ghi."),
    "exempt": EventPage(
        forms.ExemptForm,
        _exempt,
        "Miễn công tác và sinh hoạt đảng",
        "Ghi miễn",
        "Đã ghi miễn công tác và sinh hoạt đảng.",
    ),
    "exempt_end": EventPage(
        forms.DecisionForm,
        services.member_exempt_end,
        "Thôi miễn công tác và sinh hoạt đảng",
        "Ghi trở lại sinh hoạt",
        "Đã ghi thôi miễn: đảng viên trở lại sinh hoạt.",
    ),
    "restore": EventPage(
        forms.DecisionForm,
        services.member_restore,
        "Phục hồi đảng tịch",
        "Ghi",
        "Đã phục hồi đảng tịch.",
    ),
    "rate": EventPage(
        forms.RatingForm,
        services.member_rate,
        "Xếp loại chất lượng",
        "Ghi",
        "Đã ghi xếp loại.",
        initial=lambda today: {"year": today.year - 1},
    ),
    "badge": EventPage(
        forms.BadgeForm, _award_badge, "Trao Huy hiệu Đảng", "Ghi", "Đã ghi trao Huy hiệu Đảng."
    ),
    "discipline": EventPage(
        forms.DisciplineFormForm, services.member_discipline, "Kỷ luật", "Ghi", "Đã ghi kỷ luật."
    ),
}


@login_required
def member_event(request: HttpRequest, pk: int, *, event: str) -> HttpResponse:
    """Record one event of a member (`EVENT_PAGES[event]`)."""
    page = EVENT_PAGES[event]
    member = _recordable(request, pk)
    form = page.form(request.POST or None, initial=page.initial(timezone.localdate()))
    return form_page(
        request,
        form,
        title=page.title,
        subtitle=member.full_name,
        submit=page.submit,
        perform=lambda d: page.record(member=member, actor=request.user, **d),
        done=page.done,
        back=reverse("members:member_detail", args=[member.pk]),
    )


@login_required
def event_annul(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(MembershipEvent, pk=pk)
    member = _recordable(request, event.member_id)
    form = forms.AnnulForm(request.POST or None)
    return form_page(
        request,
        form,
        title="Đính chính sự kiện",
        subtitle=f"{member.full_name}: {event.get_kind_display()} ngày {event.on:%d/%m/%Y}",
        submit="Ghi đính chính",
        perform=lambda d: services.event_annul(event=event, actor=request.user, **d),
        done="Đã ghi đính chính.",
        back=reverse("members:member_detail", args=[member.pk]),
    )


@login_required
def member_update(request: HttpRequest, pk: int) -> HttpResponse:
    member = _recordable(request, pk)
    initial = {f: getattr(member, f) for f in forms.ProfileForm.base_fields}
    form = forms.ProfileForm(request.POST or None, initial=initial)

    def perform(d: dict[str, Any]) -> Any:
        changed = {k: v for k, v in d.items() if (getattr(member, k) or "") != (v or "")}
        return services.member_update_profile(member=member, actor=request.user, **changed)

    return form_page(
        request,
        form,
        title="Sửa hồ sơ đảng viên",
        subtitle=member.full_name,
        submit="Lưu",
        perform=perform,
        done="Đã lưu hồ sơ.",
        back=reverse("members:member_detail", args=[member.pk]),
    )


@login_required
def member_stats(request: HttpRequest) -> HttpResponse:
    org = _org_param(request) or request.user.organization
    if org is None:
        org = Organization.objects.filter(parent__isnull=True).order_by("path").first()
    today = timezone.localdate()
    on = _as_of(request)
    counts = selectors.counts_on(request.user, org, on, today=today) if org else None
    period = forms.PeriodForm(request.GET or None)
    start = end = None
    if period.is_valid():
        start, end = period.cleaned_data.get("start"), period.cleaned_data.get("end")
    else:
        for name, errors in period.errors.items():
            label = period.fields[name].label if name in period.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)} Đang tính từ đầu năm.")
    start = start or date(on.year, 1, 1)
    end = end or on
    version = version_on(org, on) if org else None
    return render(
        request,
        "members/stats.html",
        {
            "org": org,
            "version": version,
            "on": on,
            "counts": counts,
            "total": (counts or {}).get(("total", ""), 0),
            "exempt": (counts or {}).get(("exempt", "1"), 0),
            "tables": selectors.tables(counts, on) if counts is not None else [],
            "children": [
                (
                    child,
                    [
                        c.get(k, 0)
                        for k in (
                            ("total", ""),
                            ("status", "chinh_thuc"),
                            ("status", "du_bi"),
                            ("sex", "nu"),
                        )
                    ],
                )
                for child, c in (
                    selectors.counts_by_child(request.user, org, on, today=today) if version else []
                )
            ],
            "period": period,
            "start": start,
            "end": end,
            "flows": selectors.flows(request.user, org, start, end) if version else [],
        },
    )


@login_required
def member_worklists(request: HttpRequest) -> HttpResponse:
    org = _org_param(request)
    on = _as_of(request)
    return render(
        request,
        "members/worklists.html",
        {
            "org": org,
            "on": on,
            "recognition": selectors.recognition_due(request.user, org, on),
            "badges": selectors.badges_due(request.user, org, on, limit=100),
            "unrated_year": on.year - 1,
            "unrated": list(selectors.unrated(request.user, org, on.year - 1)[:200]),
            "unrated_count": selectors.unrated(request.user, org, on.year - 1).count(),
            "temporary": list(selectors.temporary_overdue(request.user, org, on)[:200]),
        },
    )


@login_required
def member_import(request: HttpRequest) -> HttpResponse:
    if not request.user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được nhập danh sách đảng viên.")
    within = _org_param(request) or request.user.organization
    if within is None:
        raise PermissionDenied("Hãy chọn đơn vị nhận danh sách (tham số to_chuc).")
    context: dict[str, Any] = {"within": within, "columns": [h for h, _ in COLUMNS]}
    form = forms.ImportForm()
    if request.method == "POST" and "ghi" in request.POST:
        data = base64.b64decode(request.session.get("members_import", ""))
        try:
            added = services.members_import(
                data=data,
                within=within,
                actor=request.user,
                filename=request.session.get("members_import_name", ""),
            )
        except ValidationError as exc:
            context["errors"] = exc.messages
        else:
            request.session.pop("members_import", None)
            messages.success(request, f"Đã nhập {added} đảng viên.")
            return redirect(f"{reverse('members:member_list')}?to_chuc={within.pk}")
    elif request.method == "POST":
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            rows, problems = read_rows(data)
            check = check_rows(rows, within=within) if not problems else None
            context["problems"] = problems or check.problems
            context["check"] = check
            if check is not None and check.clean:
                request.session["members_import"] = base64.b64encode(data).decode()
                request.session["members_import_name"] = upload.name
    context["form"] = form
    status = 400 if context.get("problems") or context.get("errors") else 200
    return render(request, "members/import.html", context, status=status)
