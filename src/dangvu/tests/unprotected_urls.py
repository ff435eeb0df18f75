"""A test-only urlconf: the project's URLs plus one page nobody stated permissions for,
and which checks nothing. `test_every_url` proves the walker and the matrix catch it."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def unprotected(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Ai cũng xem được trang này.")


urlpatterns = [
    path("khong-bao-ve/", unprotected, name="unprotected"),
    path("", include("dangvu.urls")),
]
