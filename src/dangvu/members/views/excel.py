"""Importing members from Excel: the upload (with its progress, checked whole into a staged
batch), the batch's page (errors with the marked copy, warnings to confirm, the progress of
the writing, the result), the chunks the page asks for, and the template."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from dangvu import access
from dangvu.access import UserRequest
from dangvu.core.downloads import download
from dangvu.orgs.models import Organization

from .. import forms
from ..models import ImportBatch, Member
from ..services import excel
from .lists import org_param

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _within(request: UserRequest) -> Organization:
    if not request.user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được nhập danh sách đảng viên.")
    within = org_param(request) or request.user.organization
    if within is None:
        raise PermissionDenied("Hãy chọn đơn vị nhận danh sách (tham số to_chuc).")
    return within


def _wants_json(request: UserRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
def member_import(request: UserRequest) -> HttpResponse:
    within = _within(request)
    form = forms.ImportForm()
    if request.method == "POST":
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            batch = excel.import_check(
                data=upload.read(), within=within, actor=request.user, filename=upload.name
            )
            url = reverse("members:import_batch", args=[batch.pk])
            return JsonResponse({"url": url}) if _wants_json(request) else redirect(url)
        if _wants_json(request):
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    context = {
        "within": within,
        "optional": [h for h, f in excel.COLUMNS if f not in excel.REQUIRED],
        "required": [excel.HEADER_OF[f] for f in excel.REQUIRED],
        "form": form,
    }
    return render(request, "members/import.html", context, status=400 if form.errors else 200)


@login_required
def import_template(request: UserRequest) -> HttpResponse:
    within = _within(request)
    access.require_change(request.user, within)
    data = excel.import_template(within=within, today=timezone.localdate())
    return download(data, "mau-nhap-dang-vien.xlsx")


def _batch(request: UserRequest, pk: int) -> ImportBatch:
    """A batch is its uploader's alone (the file holds personal data)."""
    return get_object_or_404(
        ImportBatch.objects.select_related("organization"), pk=pk, actor=request.user.pk
    )


PAGE_ROWS = 500  # errors and warnings listed on the page (all of them in the marked copy)


@login_required
def import_batch(request: UserRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    added = []
    if batch.state in (ImportBatch.State.DONE, ImportBatch.State.STOPPED):
        ids = list(batch.written.values())[:200]
        added = list(
            Member.objects.filter(pk__in=ids)
            .select_related("organization")
            .order_by("name_order", "id")
        )
    context = {
        "batch": batch,
        "within": batch.organization,
        "problems": batch.problems[:PAGE_ROWS],
        "warnings": batch.warnings[:PAGE_ROWS],
        "existing": batch.existing[:PAGE_ROWS],
        "added": added,
        "State": ImportBatch.State,
        "chunk": excel.CHUNK,
    }
    return render(request, "members/import_batch.html", context)


@login_required
@require_POST
def import_write(request: UserRequest, pk: int) -> HttpResponse:
    """Begin writing a checked batch (its warnings confirmed), then write one chunk. The
    page calls this again while the batch is being written."""
    batch = _batch(request, pk)
    error = ""
    try:
        batch = excel.import_start(
            batch=batch, actor=request.user, confirmed=bool(request.POST.get("xac_nhan"))
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if not error:
        batch = excel.import_write_chunk(batch=batch, actor=request.user)
    if _wants_json(request):
        return JsonResponse(
            {
                "state": batch.state,
                "done": batch.done,
                "total": batch.total,
                "error": error,
                "message": batch.message,
            },
            status=400 if error else 200,
        )
    url = reverse("members:import_batch", args=[batch.pk])
    return redirect(f"{url}?loi=1" if error else url)


@login_required
def import_marked(request: UserRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    if not batch.data:
        raise PermissionDenied("Tệp đã được xóa sau khi ghi xong.")
    return download(excel.import_marked(batch=batch), "danh-sach-danh-dau-loi.xlsx")
