"""Pages of implementation tracking. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from dangvu import access
from dangvu.access import UserRequest
from dangvu.access import require_view as require_org
from dangvu.core.forms import apply_service_errors
from dangvu.core.pages import form_page
from dangvu.core.params import id_param, int_param
from dangvu.documents.selectors import citation_chain
from dangvu.documents.selectors import require_view as require_document
from dangvu.orgs import paths
from dangvu.orgs.models import Organization
from dangvu.orgs.picker import picked_unit
from dangvu.orgs.selectors import ended_name, labels_apart

from . import forms, rules, selectors, services
from .models import AssignmentState, Task
from .services.scope import is_own_unit, is_superior


def _today() -> date:
    return timezone.localdate()


def _node_id(request: UserRequest) -> int | None:
    """The unit a task's page counts (?don-vi=<id>, or picked by name: `orgs.picker`)."""
    unit = picked_unit(request, id_key="don-vi")
    return unit.pk if unit else None


def _breadcrumbs(node: Organization, top: Organization | None, user: Any) -> list[Organization]:
    """The units from `top` (or the user's own) down to `node`, for drilling back up."""
    ids = paths.ids_of(node.path)
    start = top or getattr(user, "organization", None)
    if start is not None and start.pk in ids:
        ids = ids[ids.index(start.pk) :]
    orgs = {o.pk: o for o in Organization.objects.filter(pk__in=ids).only("pk", "name", "path")}
    return [orgs[i] for i in ids if i in orgs]


# --- tasks --------------------------------------------------------------------------------


@login_required
def task_list(request: UserRequest) -> HttpResponse:
    user = request.user
    unit = picked_unit(request)
    tasks = selectors.tasks_visible_to(user).select_related("source", "owner", "rule_root")
    if unit is not None:
        tasks = selectors.tasks_reaching(tasks, unit)
    query = request.GET.get("q", "").strip()
    if query:
        tasks = tasks.filter(Q(title__icontains=query) | Q(source__search_text__contains=query))
    page_obj = Paginator(tasks.order_by("-issued_on", "due_on", "id"), 30).get_page(
        request.GET.get("page")
    )
    page_tasks = list(page_obj.object_list)
    today = _today()
    completion = selectors.completion_of_tasks(user, page_tasks, today, node=unit)
    rows = [
        {
            "task": t,
            "completion": completion[t.pk].completion,
            "overdue": today > t.due_on and completion[t.pk].missing > 0,
            "due_text": rules.describe_due(t.due_on, today),
        }
        for t in page_tasks
    ]
    return render(
        request,
        "tracking/task_list.html",
        {"rows": rows, "page_obj": page_obj, "query": query, "today": today, "unit": unit},
    )


@login_required
def task_create(request: UserRequest) -> HttpResponse:
    user = request.user
    if not user.can_edit:  # type: ignore[union-attr]
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được giao việc.")
    initial: dict[str, Any] = {"issued_on": _today()}
    source_id = request.GET.get("van-ban", "")
    if id_param(source_id):
        initial["source"] = id_param(source_id)
    if not user.is_superuser:  # type: ignore[union-attr]
        initial["rule_root"] = user.organization  # type: ignore[union-attr]
    form = forms.TaskForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            tasks = services.task_create(**form.task_arguments(), actor=user)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            count = tasks[0].assignments.count()
            messages.success(request, f"Đã giao việc “{tasks[0].title}” cho {count} đơn vị.")
            return redirect("tracking:task_detail", pk=tasks[0].pk)
    return render(
        request,
        "tracking/task_form.html",
        {
            "form": form,
            "title": "Giao việc từ văn bản",
            "subtitle": "Mỗi đơn vị theo quy tắc được giao một phần việc và tự báo cáo kết quả.",
            "submit_label": "Giao việc",
            "cancel_url": reverse("tracking:task_list"),
        },
    )


@login_required
def unit_search(request: UserRequest) -> JsonResponse:
    """Units of the user's subtree (not the user's own) whose name or code matches, for
    the unit picker of the task form."""
    user = request.user
    if not user.can_edit:  # type: ignore[union-attr]
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được giao việc.")
    found = selectors.pickable_units(user, request.GET.get("q", ""), _today())
    return JsonResponse({"units": found})


@login_required
def task_detail(request: UserRequest, pk: int) -> HttpResponse:
    task = selectors.require_task(request.user, pk)
    node = selectors.task_node(request.user, task, _node_id(request))
    today = _today()
    progress = selectors.progress_of(task, node, today)
    labels_apart([r.org for r in progress.rows if r.org is not None])
    missing = selectors.missing_rows(request.user, task, node, today, limit=200)
    rounds = (
        list(Task.objects.filter(series_id=task.series_id).order_by("round"))
        if task.series_id
        else []
    )
    return render(
        request,
        "tracking/task_detail.html",
        {
            "task": task,
            "node": node,
            "progress": progress,
            "missing": missing,
            "missing_more": max(progress.summary.missing - len(missing), 0),
            "rounds": rounds,
            "today": today,
            "due_text": rules.describe_due(task.due_on, today),
            "crumbs": _breadcrumbs(node, task.rule_root, request.user),
        },
    )


@login_required
def task_reports(request: UserRequest, pk: int) -> HttpResponse:
    """Every unit's report texts on a task, in the reader's subtree (or the unit asked
    for), by tree order: one page to read and print."""
    task = selectors.require_task(request.user, pk)
    node = selectors.task_node(request.user, task, _node_id(request))
    page = int_param(request.GET.get("page"), 1, low=1, high=100_000)
    reports = selectors.task_reports(task, node, page=page)
    return render(
        request,
        "tracking/task_reports.html",
        {"task": task, "node": node, "reports": reports, "today": _today()},
    )


@login_required
def directive_detail(request: UserRequest, document_pk: int) -> HttpResponse:
    source = require_document(request.user, document_pk)
    probe = selectors.tasks_visible_to(request.user).filter(source=source).first()
    if probe is None:
        raise PermissionDenied("Văn bản này chưa giao việc cho đơn vị nào trong phạm vi của bạn.")
    node = selectors.task_node(request.user, probe, _node_id(request))
    page = int_param(request.GET.get("page"), 1, low=1, high=100_000)
    overview = selectors.directive_overview(request.user, source, node, _today(), page=page)
    chain = citation_chain(source, user=request.user, depth=3, limit=50)
    pages = max((overview.unit_count + 49) // 50, 1)
    labels_apart(overview.units)
    rows = [(org, [(t, overview.cell(org, t)) for t in overview.tasks]) for org in overview.units]
    return render(
        request,
        "tracking/directive_detail.html",
        {
            "source": source,
            "node": node,
            "overview": overview,
            "rows": rows,
            "up": chain.up,
            "today": _today(),
            "page": page,
            "pages": pages,
            "crumbs": _breadcrumbs(node, probe.rule_root, request.user),
        },
    )


@login_required
def task_calendar(request: UserRequest) -> HttpResponse:
    today = _today()
    year, month = today.year, today.month
    value = request.GET.get("thang", "")
    if "/" in value:
        m, _, y = value.partition("/")
        if m.isdigit() and y.isdigit() and 1 <= int(m) <= 12 and 1900 < int(y) < 2200:
            year, month = int(y), int(m)
        else:
            messages.error(request, f"Tháng “{value}” không hợp lệ: hãy nhập như 12/2023.")
    weeks = selectors.deadline_calendar(request.user, year, month, today)
    prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
    next_m = (year, month + 1) if month < 12 else (year + 1, 1)
    return render(
        request,
        "tracking/calendar.html",
        {
            "weeks": weeks,
            "year": year,
            "month": month,
            "today": today,
            "prev": f"{prev_m[1]}/{prev_m[0]}",
            "next": f"{next_m[1]}/{next_m[0]}",
        },
    )


# --- a unit's assignments -----------------------------------------------------------------


@login_required
def assignment_list(request: UserRequest, org_pk: int | None = None) -> HttpResponse:
    user = request.user
    picked = picked_unit(request)
    if picked is not None:
        org = picked
    elif org_pk is None:
        if user.organization is None:  # type: ignore[union-attr]
            return redirect("tracking:task_list")
        org = user.organization  # type: ignore[union-attr]
    else:
        org = get_object_or_404(Organization, pk=org_pk)
        require_org(user, org)
    today = _today()
    days = int_param(request.GET.get("ngay"), 14)
    within = days if days <= 365 else 14
    items = selectors.due_list(org, today, within_days=within, include_done=True)
    open_items = [i for i in items if i.assignment.state in rules.OPEN_STATES]
    done_items = [i for i in items if i.assignment.state not in rules.OPEN_STATES]
    return render(
        request,
        "tracking/assignment_list.html",
        {
            "org": org,
            "open_items": open_items,
            "done_items": done_items[-20:][::-1],
            "overdue": sum(i.overdue for i in open_items),
            "due_soon": sum(i.due_soon for i in open_items),
            "within": within,
            "review": selectors.awaiting_review(user)
            if org.pk == getattr(user, "organization_id", None)
            else [],
            "reminders": selectors.recent_reminders(org, limit=3),
            "today": today,
        },
    )


@login_required
def assignment_detail(request: UserRequest, pk: int) -> HttpResponse:
    assignment = selectors.require_assignment(request.user, pk)
    today = _today()
    shown = assignment.shown(today)
    return render(
        request,
        "tracking/assignment_detail.html",
        {
            "a": assignment,
            "task": assignment.task,
            "shown": shown,
            "shown_label": rules.SHOWN_LABELS[shown],
            "due_text": rules.describe_due(assignment.task.due_on, today),
            "history": selectors.assignment_history(assignment),
            "merged_from": list(assignment.merged_from.select_related("organization")),
            "can_submit": is_own_unit(request.user, assignment.organization)
            and assignment.state in rules.OPEN_STATES
            and assignment.state != AssignmentState.SUBMITTED,
            "can_review": is_superior(request.user, assignment.organization),
            "review_form": forms.ReviewForm(),
            "today": today,
        },
    )


def _require(check: bool, message: str) -> None:
    if not check:
        raise PermissionDenied(message)


@login_required
def assignment_submit(request: UserRequest, pk: int) -> HttpResponse:
    assignment = selectors.require_assignment(request.user, pk)
    _require(
        is_own_unit(request.user, assignment.organization),
        "Chỉ chuyên viên, lãnh đạo của chính đơn vị được báo cáo phần việc này.",
    )
    form = forms.SubmitForm(
        request.POST or None, request.FILES or None, user=request.user, task=assignment.task
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        final = "cap-nhat" not in request.POST
        try:
            services.assignment_submit(
                assignment=assignment,
                actor=request.user,
                text=d["text"],
                completed_on=d["completed_on"],
                sessions=d.get("sessions"),
                participants=d.get("participants"),
                evidence_document=d["evidence_symbol"],
                attachment=d["attachment"],
                final=final,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "evidence_document" in exc.error_dict:
                exc.error_dict["evidence_symbol"] = exc.error_dict.pop("evidence_document")
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                "Đã gửi báo cáo, chờ cấp trên xác nhận." if final else "Đã cập nhật tiến độ.",
            )
            return redirect("tracking:assignment_detail", pk=assignment.pk)
    return render(
        request,
        "tracking/assignment_submit.html",
        {"form": form, "a": assignment, "task": assignment.task},
    )


@login_required
@require_POST
def assignment_confirm(request: UserRequest, pk: int) -> HttpResponse:
    assignment = selectors.require_assignment(request.user, pk)
    form = forms.ReviewForm(request.POST)
    form.is_valid()
    try:
        services.assignment_confirm(
            assignment=assignment, actor=request.user, comment=form.cleaned_data.get("comment", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã xác nhận “{assignment.organization.name}” hoàn thành.")
    return redirect("tracking:assignment_detail", pk=assignment.pk)


def _review_page(
    request: UserRequest, pk: int, form_class: Any, title: str, submit: str, call: Any
) -> HttpResponse:
    assignment = selectors.require_assignment(request.user, pk)
    _require(
        is_superior(request.user, assignment.organization),
        "Chỉ lãnh đạo cấp ủy cấp trên của đơn vị được làm việc này.",
    )
    back = reverse("tracking:assignment_detail", args=[assignment.pk])
    return form_page(
        request,
        form_class(request.POST or None),
        title=title,
        subtitle=f"{assignment.task.title} — {assignment.organization.name}",
        submit=submit,
        perform=lambda d: call(assignment, d),
        done="Đã ghi.",
        back=back,
    )


@login_required
def assignment_return(request: UserRequest, pk: int) -> HttpResponse:
    return _review_page(
        request,
        pk,
        forms.ReturnForm,
        "Trả lại báo cáo",
        "Trả lại",
        lambda a, d: services.assignment_return(
            assignment=a, actor=request.user, comment=d["comment"]
        ),
    )


@login_required
def assignment_remind(request: UserRequest, pk: int) -> HttpResponse:
    """The “Nhắc việc” button of a task's missing units (a POST without a note), or its
    page with a note."""
    assignment = selectors.require_assignment(request.user, pk)
    _require(
        access.can_change(request.user, assignment.organization, strictly_below=True),
        "Chỉ chuyên viên, lãnh đạo của cấp ủy cấp trên được nhắc việc đơn vị này.",
    )
    back = reverse("tracking:task_detail", args=[assignment.task_id])
    return form_page(
        request,
        forms.RemindForm(request.POST or None),
        title="Nhắc việc",
        subtitle=f"{assignment.task.title} — {ended_name(assignment.organization)}",
        submit="Gửi nhắc việc",
        perform=lambda d: services.assignment_remind(
            assignment=assignment, actor=request.user, on=_today(), note=d["note"]
        ),
        done=f"Đã nhắc “{ended_name(assignment.organization)}” việc “{assignment.task.title}”.",
        back=request.POST.get("tiep", "") if _safe_back(request) else back,
    )


def _safe_back(request: UserRequest) -> bool:
    """A page of this site to go back to after the button (the task page with its unit)."""
    return url_has_allowed_host_and_scheme(
        request.POST.get("tiep", ""), allowed_hosts={request.get_host()}
    ) and request.POST.get("tiep", "").startswith("/")


@login_required
def assignment_exempt(request: UserRequest, pk: int) -> HttpResponse:
    return _review_page(
        request,
        pk,
        forms.ExemptForm,
        "Miễn thực hiện",
        "Ghi",
        lambda a, d: services.assignment_exempt(
            assignment=a, actor=request.user, reason=d["reason"], note=d["note"]
        ),
    )
