"""Numbers as reports write them: 1.234, 12,5%, +3."""

from decimal import Decimal

from django import template

from .. import rules

register = template.Library()


@register.filter
def vn(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    return rules.vn_number(Decimal(str(value)))


@register.filter
def shown(value: object, value_type: str) -> str:
    return rules.show(value_type, value)  # type: ignore[arg-type]


@register.filter
def signed(value: object) -> str:
    if value is None:
        return ""
    d = Decimal(str(value))
    return ("+" if d > 0 else "") + rules.vn_number(d)


@register.filter
def pct(value: object) -> str:
    return rules.vn_percent(None if value is None else Decimal(str(value)))
