"""The “Hướng dẫn” link of the top bar: {% load help %}{% help_url request %} gives the
help page of the area the page belongs to (by its URL namespace), else the index."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from ..help import area_for_namespace

register = template.Library()


@register.simple_tag
def help_url(request: Any) -> str:
    match = getattr(request, "resolver_match", None)
    area = area_for_namespace(match.namespace if match else "")
    if area is None:
        return reverse("core:help_index")
    return reverse("core:help", args=[area.slug])
