from typing import cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangvu.accounts.models import User
from dangvu.core.downloads import download
from dangvu.core.params import id_param, int_param
from dangvu.members.views.lists import org_param
from dangvu.orgs.models import Organization

from .dashboards import (
    AREAS,
    Dashboard,
    home_dashboard,
    members_dashboard,
    reporting_dashboard,
    tracking_dashboard,
)
from .dashboards import (
    dashboard_export as export_dashboard,
)
from .home import home_summary


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The unit's home page: what is due to it, what waits on it, what came in, and its
    figures (`home_dashboard`)."""
    today = timezone.localdate()
    summary = home_summary(request.user, today)
    board = home_dashboard(request.user, today)
    return render(request, "flows/home.html", {"summary": summary, "today": today, "board": board})


def _board(request: HttpRequest, area: str) -> Dashboard:
    """The dashboard of `area` for ?to_chuc= (or the unit picked by name, else the user's
    own unit); ?nam= the year of tracking's work, ?dot= reporting's round."""
    if area not in AREAS:
        raise Http404("Không có trang tổng quan này.")
    org = org_param(request) or getattr(request.user, "organization", None)
    if org is None:
        org = Organization.objects.filter(parent__isnull=True).order_by("path").first()
    if org is None:
        raise Http404("Chưa có tổ chức nào.")
    today = timezone.localdate()
    if area == "members":
        return members_dashboard(request.user, org, today)
    if area == "tracking":
        year = int_param(request.GET.get("nam"), today.year, low=2000, high=today.year + 5)
        return tracking_dashboard(request.user, org, today, year)
    return reporting_dashboard(request.user, org, today, id_param(request.GET.get("dot")))


@login_required
def dashboard(request: HttpRequest, area: str) -> HttpResponse:
    board = _board(request, area)
    query = request.GET.copy()
    query.pop("don_vi", None)
    query["to_chuc"] = str(board.org.pk)
    export = f"{reverse(f'flows:dashboard_{area}_export')}?{query.urlencode()}"
    return render(
        request,
        "flows/dashboard.html",
        {"board": board, "org": board.org, "areas": AREAS, "export_url": export},
    )


@login_required
def dashboard_export(request: HttpRequest, area: str) -> HttpResponse:
    board = _board(request, area)
    try:
        data = export_dashboard(
            dashboard=board,
            chart_key=request.GET.get("bieu") or None,
            actor=cast(User, request.user),  # logged in
        )
    except ValidationError as exc:
        raise Http404(" ".join(exc.messages)) from exc
    key = request.GET.get("bieu") or ""
    name = key if board.chart(key) is not None else area  # a known key: safe in the header
    return download(data, f"tong-quan-{name}-{board.on:%Y%m%d}.xlsx")
