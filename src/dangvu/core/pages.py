"""The one form page every area uses: show a form, call a service on a valid POST."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .forms import apply_service_errors

__all__ = ["form_page"]


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    title: str,
    subtitle: str,
    submit: str,
    perform: Callable[[dict[str, Any]], Any],
    done: str,
    back: str,
    success_url: Callable[[Any], str] | None = None,
    template: str = "core/form_page.html",
    extra: dict[str, Any] | None = None,
    refused: Callable[[ValidationError], None] | None = None,
) -> HttpResponse:
    """On a valid POST, `perform(cleaned_data)` (one service call); then the message
    `done` and a redirect to `success_url(result)`, or to `back`. A service's
    ValidationError goes onto the fields it names and the form is shown again (400), after
    `refused(error)` if given (a write that must outlive the refused one's rollback)."""
    if request.method == "POST" and form.is_valid():
        try:
            result = perform(form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
            if refused is not None:
                refused(exc)
        else:
            messages.success(request, done)
            return redirect(success_url(result) if success_url else back)
    return render(
        request,
        template,
        {
            "form": form,
            "title": title,
            "subtitle": subtitle,
            "submit_label": submit,
            "cancel_url": back,
            **(extra or {}),
        },
        status=400 if request.method == "POST" else 200,
    )
