from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import audit_entries_visible_to


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not request.user.can_read_audit:  # type: ignore[union-attr]
        raise PermissionDenied("Chỉ lãnh đạo đơn vị được xem nhật ký thao tác.")
    entries = audit_entries_visible_to(request.user)
    page_obj = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"page_obj": page_obj})


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else None
    return render(request, "core/forbidden.html", {"message": message}, status=403)
