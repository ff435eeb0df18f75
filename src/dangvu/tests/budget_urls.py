"""A test-only urlconf: the project's URLs plus one page that asks the database once per
member it lists. `test_query_budgets` proves the budget walk catches it."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from dangvu.members.models import Member


@login_required
def per_member(request: HttpRequest) -> HttpResponse:
    names = [f"{m.full_name} ({m.organization.name})" for m in Member.objects.all()]
    return HttpResponse("\n".join(names))


urlpatterns = [
    path("mot-truy-van-moi-dang-vien/", per_member, name="per_member"),
    path("", include("dangvu.urls")),
]
