"""The statistics page and the worklists."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import version_on

from .. import forms, selectors
from .lists import as_of, org_param


@login_required
def member_stats(request: HttpRequest) -> HttpResponse:
    org = org_param(request) or request.user.organization
    if org is None:
        org = Organization.objects.filter(parent__isnull=True).order_by("path").first()
    today = timezone.localdate()
    on = as_of(request)
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
