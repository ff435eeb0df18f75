"""The statistics page and the worklists."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from dangvu.access import UserRequest
from dangvu.core.downloads import download
from dangvu.core.forms import parse_as_of
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import scope_roots_on

from .. import forms, selectors, services
from ..selectors.report import CHILD_COLUMNS, StatsReport, stats_report
from ..selectors.stats import Counts
from .lists import as_of, org_param


def _stats(request: UserRequest) -> StatsReport | None:
    """The statistics asked for: ?to_chuc= (the user's unit), ?ngay=, and the movement's
    ?start= and ?end= (from the year's start to the day when left out or unreadable)."""
    org = org_param(request) or request.user.organization
    if org is None:
        org = Organization.objects.filter(parent__isnull=True).order_by("path").first()
    if org is None:
        return None
    on = as_of(request)
    period = forms.PeriodForm(request.GET or None)
    start = end = None
    if period.is_valid():
        start, end = period.cleaned_data.get("start"), period.cleaned_data.get("end")
    else:
        for name, errors in period.errors.items():
            label = period.fields[name].label if name in period.fields else ""
            messages.error(request, f"{label}: {' '.join(map(str, errors))} Đang tính từ đầu năm.")
    return stats_report(
        request.user,
        org,
        on,
        start or date(on.year, 1, 1),
        end or on,
        today=timezone.localdate(),
    )


@login_required
def member_stats(request: UserRequest) -> HttpResponse:
    report = _stats(request)
    return render(
        request,
        "members/stats.html",
        {"report": report, "org": report.org if report else None, "columns": CHILD_COLUMNS},
    )


@login_required
def member_stats_export(request: UserRequest) -> HttpResponse:
    report = _stats(request)
    if report is None:
        raise Http404("Chưa có tổ chức nào để thống kê.")
    data = services.member_stats_export(report=report, actor=request.user)
    return download(data, f"thong-ke-dang-vien-{report.on:%Y%m%d}.xlsx")


@login_required
def member_worklists(request: UserRequest) -> HttpResponse:
    org = org_param(request)
    on = as_of(request)
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
def member_worklists_export(request: UserRequest) -> HttpResponse:
    """The worklists as nomination lists in Excel (the page's lists, in full)."""
    org = org_param(request)
    on = as_of(request)
    year = on.year - 1
    data = services.worklists_export(
        actor=request.user,
        org=org,
        on=on,
        recognition=selectors.recognition_due(request.user, org, on),
        badges=selectors.badges_due(request.user, org, on, limit=EXPORT_LIMIT),
        unrated=selectors.unrated(request.user, org, year)[:EXPORT_LIMIT].iterator(2000),
        unrated_year=year,
    )
    return download(data, f"viec-can-lam-{on:%Y%m%d}.xlsx")


EXPORT_LIMIT = 100_000  # rows of a list exported (Excel holds a million)


@login_required
def member_counts(request: UserRequest) -> JsonResponse:
    """How many members each unit of one level of the organization tree has on a day
    (?ngay=), for the tree's figures: the units directly under ?to_chuc=, or with ?goc=1
    the user's own top units. JSON: {"on": "2025-06-30", "counts": {"<unit id>": n}}."""
    today = timezone.localdate()
    on, problem = parse_as_of(request.GET.get("ngay"), today)
    if problem:
        return JsonResponse({"error": problem}, status=400)
    if request.GET.get("goc"):
        roots = [v.organization_id for v in scope_roots_on(request.user, on)]
        units = Organization.objects.in_bulk(roots)
        counts = {
            pk: _total(selectors.counts_on(request.user, units[pk], on, today=today))
            for pk in roots
        }
    else:
        org = org_param(request)
        if org is None:
            return JsonResponse(
                {"error": "Thiếu đơn vị: hãy cho biết to_chuc (số hiệu đơn vị) hoặc goc=1."},
                status=400,
            )
        counts = {
            child.organization_id: _total(numbers)
            for child, numbers in selectors.counts_by_child(request.user, org, on, today=today)
        }
    return JsonResponse({"on": on.isoformat(), "counts": {str(k): n for k, n in counts.items()}})


def _total(counts: Counts | None) -> int:
    return (counts or {}).get(("total", ""), 0)
