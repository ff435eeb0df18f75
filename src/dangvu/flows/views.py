from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .home import home_summary


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The unit's home page: what is due to it, what waits on it, what came in."""
    today = timezone.localdate()
    summary = home_summary(request.user, today)
    return render(request, "flows/home.html", {"summary": summary, "today": today})
