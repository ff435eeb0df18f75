"""An organization's name as a list shows it: {% load orgs %}{{ org|org_name }}."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from dangvu.core.dates import format_long

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


@register.inclusion_tag("orgs/_party_header.html")
def party_header(org: Any, title: str, summary: str = "") -> dict[str, Any]:
    """The Party header of a printed page for `org` (the unit the record or the list is
    of): its superior over its committee, ĐẢNG CỘNG SẢN VIỆT NAM and today's date line,
    then the type name (LÝ LỊCH ĐẢNG VIÊN) and the summary line. `org` None (an
    administrator without a unit): the system's name."""
    parent = getattr(org, "parent", None) if org is not None else None
    return {
        "superior": (parent.committee_name or parent.name) if parent is not None else "",
        "issuer": (org.committee_name or org.name) if org is not None else "Đảng vụ",
        "date_line": format_long(timezone.localdate()).capitalize(),
        "title": title,
        "summary": summary,
    }
