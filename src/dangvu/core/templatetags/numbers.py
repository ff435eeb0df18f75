"""Numbers as Vietnamese reports write them, in templates: {{ share|percent }} → 12,5%."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def percent(fraction: float | None) -> str:
    """A fraction as a percentage with one decimal, the comma for the decimal point
    (0.125 → "12,5%", 0.5 → "50%"); "" when there is none (a share of nothing)."""
    if fraction is None:
        return ""
    shown = f"{fraction * 100:.1f}".replace(".", ",")
    return (shown[:-2] if shown.endswith(",0") else shown) + "%"


@register.filter
def number(value: int | None) -> str:
    """A whole number with the Vietnamese thousands separator: 1387 → "1.387" (pages
    leave numbers ungrouped, so that ids in links stay plain); "" for none."""
    if value is None or value == "":
        return ""
    return f"{int(value):,}".replace(",", ".")
