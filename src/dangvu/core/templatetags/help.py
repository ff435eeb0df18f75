"""The “Hướng dẫn” link of the top bar: {% load help %}{% help_url request %} gives the
help page of the area the page belongs to (by its URL namespace, or the app an area's
dashboard names), else the index."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from ..help import area_for_namespace

register = template.Library()


@register.simple_tag
def help_url(request: Any) -> str:
    match = getattr(request, "resolver_match", None)
    # an area's dashboard (/tong-quan/theo-doi/) names its area's app in its kwargs
    key = (match.kwargs.get("area") or match.namespace) if match else ""
    area = area_for_namespace(str(key))
    if area is None:
        return reverse("core:help_index")
    return reverse("core:help", args=[area.slug])
