"""Reporting pages. Each parses a form, calls one service or selector, renders."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dangvu.access import UserRequest
from dangvu.core.downloads import download
from dangvu.core.forms import apply_service_errors
from dangvu.orgs.models import Organization
from dangvu.orgs.picker import picked_unit

from . import selectors
from .forms import DecideForm, RoundForm, UploadForm
from .models import SubmissionKind
from .scope import can_change, can_enter
from .services import (
    excel,
    round_open,
    round_remind,
    submission_approve,
    submission_excuse,
    submission_reopen,
    submission_return,
    submission_save,
    submission_unlock,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _node(request: UserRequest, round: Any) -> Organization:
    """The organization a round page looks at (?don-vi=<id>, or picked by name:
    `orgs.picker`), the user's own by default."""
    picked = picked_unit(request, id_key="don-vi")
    if picked is not None:
        return picked
    own = getattr(request.user, "organization", None)
    return own if own is not None else round.owner


@login_required
def round_list(request: UserRequest) -> HttpResponse:
    unit = picked_unit(request)
    rounds = selectors.rounds_visible(request.user)
    if unit is not None:
        rounds = selectors.rounds_reaching(rounds, unit)
    own = getattr(request.user, "organization", None)
    may_open = own is not None and can_change(request.user, own)
    form = RoundForm(initial={"year": timezone.localdate().year}) if may_open else None
    return render(
        request,
        "reporting/round_list.html",
        {
            "rounds": rounds.order_by("-period_end", "-id")[:100],
            "form": form,
            "own": own,
            "unit": unit,
        },
    )


@login_required
@require_POST
def round_create(request: UserRequest) -> HttpResponse:
    own = getattr(request.user, "organization", None)
    if own is None or not can_change(request.user, own):
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo của một cấp ủy được mở đợt báo cáo.")
    form = RoundForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            r = round_open(
                form=d["form"],
                period=d["period"],
                unit_rule=d["unit_rule"],
                rule_root=own,
                opens_on=d["opens_on"],
                due_on=d["due_on"],
                locks_on=d["locks_on"],
                title=d.get("title") or "",
                actor=request.user,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"Đã mở đợt báo cáo cho {r.units} đơn vị.")
            return redirect("reporting:round_detail", r.pk)
    rounds = selectors.rounds_visible(request.user).order_by("-period_end", "-id")[:100]
    return render(
        request,
        "reporting/round_list.html",
        {"rounds": rounds, "form": form, "own": own},
        status=400,
    )


@login_required
def round_detail(request: UserRequest, pk: int) -> HttpResponse:
    r = selectors.require_round(request.user, pk)
    node = _node(request, r)
    today = timezone.localdate()
    c = selectors.completeness(actor=request.user, round=r, organization=node, today=today)
    return render(
        request,
        "reporting/round_detail.html",
        {
            "round": r,
            "node": node,
            "c": c,
            "today": today,
            "may_remind": can_change(request.user, node) and c.tally.missing > 0,
            "awaiting": selectors.awaiting_approval(request.user, limit=50),
        },
    )


@login_required
@require_POST
def round_remind_view(request: UserRequest, pk: int) -> HttpResponse:
    r = selectors.require_round(request.user, pk)
    node = _node(request, r)
    try:
        sent = round_remind(round=r, organization=node, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã nhắc {sent.units} đơn vị chưa báo cáo.")
    return redirect(f"{r.get_absolute_url()}?don-vi={node.pk}")


@login_required
def round_consolidation(request: UserRequest, pk: int) -> HttpResponse:
    r = selectors.require_round(request.user, pk)
    node = _node(request, r)
    k = selectors.consolidation(actor=request.user, round=r, organization=node)
    return render(request, "reporting/consolidation.html", {"round": r, "node": node, "k": k})


@login_required
def round_pivot(request: UserRequest, pk: int) -> HttpResponse:
    r = selectors.require_round(request.user, pk)
    node = _node(request, r)
    p = selectors.pivot(actor=request.user, round=r, organization=node)
    if request.GET.get("xlsx"):
        data = excel.pivot_workbook(p, f"{r.title} — {node.name}")
        return download(data, f"tong-hop-{r.pk}-{node.pk}.xlsx")
    return render(request, "reporting/pivot.html", {"round": r, "node": node, "p": p})


@login_required
def round_sheets(request: UserRequest, pk: int) -> HttpResponse:
    """The committee's download: one workbook, a sheet per unit that has not reported."""
    r = selectors.require_round(request.user, pk)
    node = _node(request, r)
    if not can_change(request.user, node):
        raise PermissionDenied(
            f"Chỉ chuyên viên, lãnh đạo của “{node.name}” hoặc cấp trên được tải biểu để nhập "
            "thay các đơn vị."
        )
    c = selectors.completeness(
        actor=request.user,
        round=r,
        organization=node,
        today=timezone.localdate(),
        missing_limit=100,
    )
    subs = [
        s
        for s in r.submissions.filter(pk__in=[m.submission_id for m in c.missing])
        .select_related("round__form", "organization")
        .order_by("path")
        if can_enter(request.user, s.organization)
    ]
    if not subs:
        messages.info(request, "Không còn đơn vị nào chưa báo cáo để tải biểu.")
        return redirect(f"{r.get_absolute_url()}?don-vi={node.pk}")
    computed = {s.pk: selectors.prefill(r, s.organization, actor=request.user) for s in subs}
    return download(excel.workbook(subs, computed), f"bieu-bao-cao-{r.pk}.xlsx")


@login_required
@require_POST
def round_upload(request: UserRequest, pk: int) -> HttpResponse:
    r = selectors.require_round(request.user, pk)
    form = UploadForm(request.POST, request.FILES)
    files = [(f.name or "", f.read()) for f in request.FILES.getlist("files")]
    if not files:
        messages.error(request, "Hãy chọn ít nhất một tệp Excel (.xlsx).")
        return redirect(r.get_absolute_url())
    submit = form.is_valid() and form.cleaned_data.get("submit", False)
    results = excel.upload(files=files, round=r, actor=request.user, submit=bool(submit))
    saved = sum(x.saved for x in results)
    if results and all(x.denied for x in results):
        raise PermissionDenied(results[0].errors[0])
    return render(
        request,
        "reporting/upload_result.html",
        {"round": r, "results": results, "saved": saved},
        status=200 if saved else 400,
    )


def _posted(request: UserRequest) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    def prefixed(prefix: str) -> dict[str, str]:
        return {k[len(prefix) :]: str(v) for k, v in request.POST.items() if k.startswith(prefix)}

    return prefixed("o_"), prefixed("ly_do_"), prefixed("nv_")


@login_required
def submission_detail(request: UserRequest, pk: int) -> HttpResponse:
    sub = selectors.require_submission(request.user, pk)
    today = timezone.localdate()
    posted = errors = None
    status = 200
    if request.method == "POST":
        values, reasons, narratives = _posted(request)
        submit = request.POST.get("action") == "submit"
        try:
            submission_save(
                submission=sub,
                values=values,
                reasons=reasons,
                narratives=narratives,
                submit=submit,
                actor=request.user,
            )
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            posted = {**values, **{f"ly_do_{k}": v for k, v in reasons.items()}, **narratives}
            status = 400
        else:
            messages.success(
                request, "Đã gửi báo cáo lên cấp trên." if submit else "Đã lưu bản nháp."
            )
            return redirect("reporting:submission_detail", sub.pk)
    sheet = selectors.entry_sheet(request.user, sub, today, posted=posted, errors=errors)
    return render(
        request,
        "reporting/entry.html",
        {"sheet": sheet, "s": sub, "round": sub.round, "decide": DecideForm(), "today": today},
        status=status,
    )


@login_required
@require_POST
def submission_decide(request: UserRequest, pk: int) -> HttpResponse:
    sub = selectors.require_submission(request.user, pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Thao tác không hợp lệ: hãy thử lại từ trang báo cáo.")
        return redirect("reporting:submission_detail", sub.pk)
    d = form.cleaned_data
    done = {
        "approve": "Đã duyệt báo cáo.",
        "return": "Đã trả lại báo cáo cho đơn vị.",
        "reopen": "Đã mở lại báo cáo.",
        "excuse": "Đã miễn báo cáo cho đơn vị.",
        "unlock": "Đã cho đơn vị nhập sau ngày khóa sổ.",
    }
    try:
        action = d["action"]
        if action == "approve":
            submission_approve(submission=sub, actor=request.user)
        elif action == "return":
            submission_return(submission=sub, comment=d["comment"], actor=request.user)
        elif action == "reopen":
            submission_reopen(
                submission=sub, comment=d["comment"], until=d.get("until"), actor=request.user
            )
        elif action == "excuse":
            submission_excuse(submission=sub, reason=d["comment"], actor=request.user)
        else:
            if not d.get("until"):
                raise ValidationError({"until": ["Hãy nhập ngày cho nhập đến (ví dụ 30/4/2023)."]})
            submission_unlock(submission=sub, until=d["until"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done[action])
    return redirect("reporting:submission_detail", sub.pk)


@login_required
def submission_xlsx(request: UserRequest, pk: int) -> HttpResponse:
    sub = selectors.require_submission(request.user, pk)
    if sub.kind != SubmissionKind.ENTRY:
        raise PermissionDenied("Báo cáo tổng hợp không có biểu nhập.")
    data = excel.workbook(
        [sub], {sub.pk: selectors.prefill(sub.round, sub.organization, actor=request.user)}
    )
    code = sub.organization.code or sub.pk
    return download(data, f"bao-cao-{sub.round_id}-{code}.xlsx")
