"""Pages that write a member's record: admission, profile, the events (one table), corrections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from dangvu.access import UserRequest
from dangvu.core.dates import format_short
from dangvu.core.pages import form_page
from dangvu.members.services.identifiers import identifier_refusals_record, refusals_outside

from .. import forms, selectors, services
from ..models import Member, MembershipEvent
from ..selectors import sponsors as sponsor_selectors


def recordable(request: UserRequest, pk: int) -> Any:
    member = selectors.get_member(request.user, pk)
    if not selectors.can_record_for(request.user, member.organization):
        raise PermissionDenied("Bạn chỉ được xem, không được ghi hồ sơ của đảng viên này.")
    return member


@login_required
def member_create(request: UserRequest) -> HttpResponse:
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

    response = search_page(
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
        refused=_note_refusals(request),
    )
    if "member" in created:
        return redirect("members:member_detail", created["member"].pk)
    return response


def search_page(
    request: UserRequest,
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
def member_event(request: UserRequest, pk: int, *, event: str) -> HttpResponse:
    """Record one event of a member (`EVENT_PAGES[event]`)."""
    page = EVENT_PAGES[event]
    member = recordable(request, pk)
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
def event_annul(request: UserRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(MembershipEvent, pk=pk)
    member = recordable(request, event.member_id)
    form = forms.AnnulForm(request.POST or None)
    return form_page(
        request,
        form,
        title="Đính chính sự kiện",
        subtitle=f"{member.full_name}: {event.get_kind_display()} ngày {format_short(event.on)}",
        submit="Ghi đính chính",
        perform=lambda d: services.event_annul(event=event, actor=request.user, **d),
        done="Đã ghi đính chính.",
        back=reverse("members:member_detail", args=[member.pk]),
    )


@login_required
def member_update(request: UserRequest, pk: int) -> HttpResponse:
    member = recordable(request, pk)
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
        refused=_note_refusals(request),
    )


def _note_refusals(request: UserRequest) -> Callable[[ValidationError], None]:
    """Audit the identifier refusals about members outside the user's scope (kept after the
    refused write's rollback; they count toward the hourly limit)."""
    return lambda exc: identifier_refusals_record(
        actor=request.user, refusals=refusals_outside(exc)
    )
