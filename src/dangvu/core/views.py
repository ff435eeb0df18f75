from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

from .forms import AuditFilterForm
from .help import HELP_AREAS
from .selectors import AuditFilter, audit_actors_visible_to, audit_entries, audit_rows

AUDIT_PAGE_SIZE = 50


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not request.user.can_read_audit:  # type: ignore[union-attr]
        raise PermissionDenied("Chỉ lãnh đạo đơn vị được xem nhật ký thao tác.")
    form = AuditFilterForm(request.GET or None, actors=audit_actors_visible_to(request.user))
    f = AuditFilter()
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        f = AuditFilter(d["nguoi"], d["thao_tac"], d["doi_tuong"], d["tu_ngay"], d["den_ngay"])
    entries = audit_entries(request.user, f)
    page_obj = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "core/audit_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "rows": audit_rows(page_obj.object_list),
            "querystring_base": query.urlencode() + "&" if query else "",
            "filtered": f != AuditFilter(),
        },
    )


@login_required
def help_index(request: HttpRequest) -> HttpResponse:
    return render(request, "core/help/index.html", {"areas": HELP_AREAS})


@login_required
def help_page(request: HttpRequest, area: str) -> HttpResponse:
    """The help of one area (a static text for a Ban Tổ chức officer)."""
    found = next((a for a in HELP_AREAS if a.slug == area), None)
    if found is None:
        raise Http404("Không có trang hướng dẫn này.")
    return render(request, f"core/help/{found.slug}.html", {"area": found, "areas": HELP_AREAS})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else None
    return render(request, "core/forbidden.html", {"message": message}, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", {}, status=400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page renders without the request's context: whatever failed (the database,
    a context processor) must not fail it too."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", {}, status=403)
