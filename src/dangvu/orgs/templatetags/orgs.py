"""An organization's name as a list shows it: {% load orgs %}{{ org|org_name }}."""

from __future__ import annotations

from typing import Any

from django import template

from ..selectors import ended_name

register = template.Library()


@register.filter
def org_name(org: Any) -> str:
    """The label `orgs.selectors.labels_apart` set (the parent when a name is shared, the
    last day of an ended unit), else the name with its last day once it has ended."""
    if org is None:
        return ""
    label = getattr(org, "label", None)
    return label if label else ended_name(org)
