"""The rules in force on a date, read from the `Rule` table (editable in the admin)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .. import rules
from ..models import Rule, RuleName

_REQUIRED = object()


def rule_value(name: str, on: date, default: Any = _REQUIRED) -> Any:
    """The value of rule `name` applying on `on`: the row with the latest start not after it."""
    row = Rule.objects.filter(name=name, valid_from__lte=on).order_by("-valid_from").first()
    if row is None:
        if default is not _REQUIRED:
            return default
        raise ImproperlyConfigured(
            f"Chưa có quy định “{RuleName(name).label}” áp dụng vào ngày {on:%d/%m/%Y}: "
            "hãy bổ sung trong trang quản trị."
        )
    return row.value


def holidays(years: range | list[int], on: date) -> frozenset[date]:
    return rules.holidays_for(
        years,
        rule_value(RuleName.HOLIDAYS_FIXED, on),
        rule_value(RuleName.HOLIDAYS_DATED, on),
    )


def badge_milestones(on: date) -> list[int]:
    return [int(y) for y in rule_value(RuleName.BADGE_YEARS, on)]


def award_days(on: date) -> list[tuple[int, int]]:
    return [(int(m), int(d)) for m, d in rule_value(RuleName.BADGE_AWARD_DAYS, on)]


def age_limits(on: date) -> list[int]:
    return [int(x) for x in rule_value(RuleName.AGE_BANDS, on)]
