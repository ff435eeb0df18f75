"""Response headers every page gets, and query strings refused before any view runs.

The Content-Security-Policy is a fixed header: dangvu's pages load their scripts and styles
from their own static files only (no inline script, no inline style, no third party), so the
policy needs no nonces and no per-view changes; a 20-line middleware is clearer than a
dependency (django-csp) configured to send one constant string.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """A strict CSP on every response; `Cache-Control: no-store` on everything but static
    files, since pages and exports carry personal data (member records) that neither the
    browser's disk cache nor a proxy may keep."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if not request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            response["Cache-Control"] = "no-store"
        return response


class BadQueryMiddleware:
    """A query string with a NUL character (which no database column may hold: PostgreSQL
    refuses it with an error) is answered 400 with a Vietnamese page, before any view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any("\x00" in k or "\x00" in v for k, vs in request.GET.lists() for v in vs):
            return render(
                request,
                "400.html",
                {"message": "Địa chỉ trang có ký tự rỗng (NUL): hãy xóa ký tự đó và thử lại."},
                status=400,
            )
        return self.get_response(request)
