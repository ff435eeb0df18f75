"""Transfers of party activity: the letter, its confirmation, cancellation and return."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from dangvu.access import UserRequest
from dangvu.core.pages import form_page
from dangvu.orgs.models import CELL_KINDS, Organization

from .. import forms, selectors, services
from ..models import Member, Transfer
from ..selectors import transfers as transfer_selectors
from .records import recordable, search_page


@login_required
def member_transfer(request: UserRequest, pk: int) -> HttpResponse:
    member = recordable(request, pk)
    data = request.POST or None
    query = (request.POST.get("outside_q") or "").strip()
    outside = transfer_selectors.destinations_outside(member.organization, query) if query else []
    searching = request.method == "POST" and "tim" in request.POST
    form = forms.TransferForm(
        None if searching else data,
        initial=dict(request.POST.dict()) if searching else {"on": timezone.localdate()},
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
    return search_page(
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
def transfer_confirm(request: UserRequest, pk: int) -> HttpResponse:
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
    request: UserRequest,
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
def transfer_cancel(request: UserRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(Transfer, pk=pk)
    member = recordable(request, transfer.member_id)
    labels = ("Hủy giấy giới thiệu", "Hủy giấy", "Đã hủy giấy giới thiệu.")
    return _transfer_decision(request, member, transfer, services.transfer_cancel, *labels)


@login_required
def transfer_return(request: UserRequest, pk: int) -> HttpResponse:
    transfer = get_object_or_404(Transfer, pk=pk)
    member = selectors.get_member(request.user, transfer.member_id)
    labels = ("Trở về sinh hoạt", "Ghi trở về", "Đã ghi trở về.")
    return _transfer_decision(request, member, transfer, services.transfer_return, *labels)
