"""The API's pages: a user's personal tokens (make, revoke), the documentation page."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dangvu.access import UserRequest
from dangvu.core.forms import apply_service_errors

from . import selectors, services
from .forms import TokenCreateForm


@login_required
def token_list(request: UserRequest) -> HttpResponse:
    form = TokenCreateForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            made = services.token_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            secret = made.secret
            form = TokenCreateForm()
    return render(
        request,
        "api/token_list.html",
        {"form": form, "tokens": selectors.tokens_of(request.user), "secret": secret},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@login_required
@require_POST
def token_revoke(request: UserRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(selectors.tokens_of(request.user), pk=pk)
    try:
        services.token_revoke(token=token, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"Đã thu hồi mã “{token.name}”: mọi lời gọi bằng mã này bị từ chối."
        )
    return redirect("api:token_list")


@login_required
def api_docs(request: UserRequest) -> HttpResponse:
    """Swagger UI from the files django-ninja ships (no CDN), in a Vietnamese page."""
    settings = {
        "url": reverse("api_v1:openapi-json"),
        "layout": "BaseLayout",
        "deepLinking": True,
        "validatorUrl": None,  # the default would send the schema to validator.swagger.io
        "persistAuthorization": False,
        "tryItOutEnabled": False,
    }
    return render(request, "api/docs.html", {"swagger_settings": json.dumps(settings)})
