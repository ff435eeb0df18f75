"""Pages of drafting: thin, each parses a form and calls one service or selector."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from dangvu import access
from dangvu.access import UserRequest
from dangvu.core.downloads import download
from dangvu.core.forms import apply_service_errors, error_messages
from dangvu.core.params import id_param
from dangvu.orgs.models import Organization

from . import selectors, services
from .forms import BlockEditForm, DraftCreateForm, IssueForm, TemplateUploadForm
from .models import DraftStatus, Genre
from .pdf import PdfError, docx_to_pdf
from .render import PLACEHOLDERS, default_template, render_docx
from .services.scope import authorize


def _source_label(request: UserRequest, form: DraftCreateForm) -> str:
    task_id = id_param(str(form["task"].value() or ""))
    if task_id:
        from dangvu.tracking.selectors import tasks_visible_to

        task = tasks_visible_to(request.user).filter(pk=task_id).first()
        if task is not None:
            return f"Việc: {task}"
    round_id = form["round"].value()
    if round_id and str(round_id).isdigit():
        from dangvu.reporting.models import Round

        found = Round.objects.filter(pk=int(round_id)).first()
        if found is not None:
            return f"Kỳ báo cáo: {found.title}"
    return ""


@login_required
def draft_list(request: UserRequest) -> HttpResponse:
    drafts = selectors.drafts_visible_to(request.user).order_by("-updated_at", "-id")
    page = Paginator(drafts, 50).get_page(request.GET.get("trang"))
    return render(request, "drafting/draft_list.html", {"page": page})


@login_required
def draft_create(request: UserRequest) -> HttpResponse:
    owner = access.own_organization(request.user)
    unit = id_param(request.GET.get("don-vi"))
    if unit:  # drafting for a unit of the subtree (a consolidation page's node)
        owner = get_object_or_404(Organization, pk=unit)
    if owner is None:
        raise PermissionDenied("Tài khoản chưa thuộc tổ chức nào nên chưa soạn được văn bản.")
    authorize(request.user, owner)
    initial = {
        "genre": request.GET.get("the-loai", Genre.DIRECTIVE),
        "task": request.GET.get("viec") or None,
        "round": request.GET.get("ky") or None,
        "on": timezone.localdate(),
    }
    form = DraftCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        source = {
            k: v
            for k, v in {
                "task": data.get("task"),
                "round": data.get("round"),
                "on": data["on"].isoformat() if data.get("on") else None,
            }.items()
            if v is not None
        }
        try:
            draft = services.draft_create(
                genre=data["genre"], owner=owner, source=source, actor=request.user
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request, "Đã soạn dự thảo từ số liệu: hãy đọc, sửa câu chữ rồi ban hành."
            )
            return redirect("drafting:draft_detail", draft.pk)
    return render(
        request,
        "drafting/draft_create.html",
        {"form": form, "owner": owner, "source_label": _source_label(request, form)},
    )


@login_required
def draft_detail(request: UserRequest, pk: int) -> HttpResponse:
    draft = selectors.require_draft(request.user, pk)
    report, blocks = selectors.block_views(draft)
    issue_form = IssueForm(
        initial={
            "on": timezone.localdate(),
            "capacity": report.signature.capacity,
            "position": report.signature.position,
            "signer": report.signature.name,
        }
    )
    return render(
        request,
        "drafting/draft_detail.html",
        {
            "draft": draft,
            "report": report,
            "blocks": blocks,
            "issue_form": issue_form,
            "editable": draft.status == DraftStatus.DRAFT,
        },
    )


@login_required
@require_POST
def draft_edit(request: UserRequest, pk: int) -> HttpResponse:
    draft = selectors.require_draft(request.user, pk)
    form = BlockEditForm(request.POST)
    if not form.is_valid():
        for message in error_messages(form):
            messages.error(request, message)
        return redirect("drafting:draft_detail", pk)
    try:
        services.draft_edit_block(
            draft=draft,
            index=form.cleaned_data["index"],
            text=form.cleaned_data["text"],
            actor=request.user,
        )
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, f"Đã sửa đoạn {form.cleaned_data['index'] + 1}.")
    return redirect(
        reverse("drafting:draft_detail", args=[pk]) + f"#doan-{form.cleaned_data['index']}"
    )


@login_required
@require_POST
def draft_redraft(request: UserRequest, pk: int) -> HttpResponse:
    draft = selectors.require_draft(request.user, pk)
    try:
        draft = services.draft_redraft(draft=draft, actor=request.user)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        n = len(draft.changes)
        messages.success(
            request,
            f"Đã soạn lại theo số liệu mới: {n} số liệu thay đổi."
            if n
            else "Đã soạn lại: số liệu không thay đổi.",
        )
    return redirect("drafting:draft_detail", pk)


@login_required
@require_POST
def draft_issue(request: UserRequest, pk: int) -> HttpResponse:
    draft = selectors.require_draft(request.user, pk)
    form = IssueForm(request.POST)
    if form.is_valid():
        try:
            draft = services.draft_issue(draft=draft, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            symbol = draft.number.symbol if draft.number else "(chưa có số)"
            messages.success(request, f"Đã ban hành văn bản số {symbol} và ghi vào sổ văn bản.")
    else:
        for message in error_messages(form):
            messages.error(request, message)
    return redirect("drafting:draft_detail", pk)


def _docx(request: UserRequest, pk: int) -> tuple[bytes, str]:
    draft = selectors.require_draft(request.user, pk)
    stem = draft.number.symbol.replace("/", "-") if draft.number else f"du-thao-{draft.pk}"
    if draft.document is not None and draft.document.original_file:
        try:
            with draft.document.original_file.open("rb") as f:  # the issued file, as registered
                return f.read(), stem
        except FileNotFoundError:
            pass  # the stored file is gone: render it again from the issued content
    report, _ = selectors.block_views(draft)
    return render_docx(report, services.template_for(draft.owner, draft.genre)), stem


@login_required
def draft_docx(request: UserRequest, pk: int) -> HttpResponse:
    data, stem = _docx(request, pk)
    return download(data, f"{stem}.docx")


@login_required
def draft_pdf(request: UserRequest, pk: int) -> HttpResponse:
    data, stem = _docx(request, pk)
    try:
        pdf = docx_to_pdf(data)
    except PdfError as exc:
        messages.error(request, str(exc))
        return redirect("drafting:draft_detail", pk)
    return download(pdf, f"{stem}.pdf")


@login_required
def template_list(request: UserRequest) -> HttpResponse:
    owner = access.own_organization(request.user)
    if owner is None:
        raise PermissionDenied("Tài khoản chưa thuộc tổ chức nào.")
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        authorize(request.user, owner, action="tải mẫu văn bản")
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.template_upload(
                    owner=owner,
                    genre=form.cleaned_data["genre"],
                    name=upload.name,
                    data=upload.read(),
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(
                    request, "Đã tải mẫu lên: các văn bản ban hành từ nay dùng mẫu này."
                )
                return redirect("drafting:template_list")
    rows = selectors.template_rows(owner)
    return render(
        request,
        "drafting/template_list.html",
        {"rows": rows, "form": form, "owner": owner, "placeholders": PLACEHOLDERS},
    )


@login_required
def template_download(request: UserRequest, genre: str) -> HttpResponse:
    owner = access.own_organization(request.user)
    if owner is None or genre not in Genre.values:
        raise PermissionDenied("Không có mẫu này trong phạm vi của bạn.")
    data = services.template_for(owner, genre) or default_template(genre).read_bytes()
    return download(data, f"mau-{genre}.docx")


@login_required
def number_list(request: UserRequest) -> HttpResponse:
    numbers = selectors.outgoing_numbers(request.user)
    page = Paginator(numbers, 100).get_page(request.GET.get("trang"))
    return render(request, "drafting/number_list.html", {"page": page})


@login_required
@require_POST
def number_cancel(request: UserRequest, pk: int) -> HttpResponse:
    number = get_object_or_404(selectors.outgoing_numbers(request.user), pk=pk)
    try:
        services.number_cancel(
            number=number, reason=request.POST.get("reason", ""), actor=request.user
        )
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, f"Đã hủy số {number.symbol}; số này không được cấp lại.")
    return redirect("drafting:number_list")
