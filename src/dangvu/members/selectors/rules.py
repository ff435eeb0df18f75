"""The rules in force on a date, read from the `Rule` table (editable in the admin).

Inside `rules_read_once()` (every request, through `RulesPerRequestMiddleware`) each rule's
rows are read once and answered from memory: a page listing 2,000 probationary members asks
for the probation length once, not 2,000 times. Outside it (commands, tests that edit rules)
every call reads the table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from dangvu.core.dates import format_short

from .. import rules
from ..models import Rule, RuleName

_REQUIRED = object()

# rule name -> its rows as (valid_from, value), latest first; None outside rules_read_once()
_memo: ContextVar[dict[str, list[tuple[date, Any]]] | None] = ContextVar(
    "dangvu_rules_memo", default=None
)


@contextmanager
def rules_read_once() -> Iterator[None]:
    """Read each rule from the table at most once inside this block."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _rows(name: str) -> list[tuple[date, Any]]:
    memo = _memo.get()
    if memo is not None and name in memo:
        return memo[name]
    rows = list(
        Rule.objects.filter(name=name).order_by("-valid_from").values_list("valid_from", "value")
    )
    if memo is not None:
        memo[name] = rows
    return rows


class RulesPerRequestMiddleware:
    """Each request reads every rule it needs once (see the module's docstring)."""

    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        with rules_read_once():
            return self.get_response(request)


def rule_value(name: str, on: date, default: Any = _REQUIRED) -> Any:
    """The value of rule `name` applying on `on`: the row with the latest start not after it."""
    row = next(((start, value) for start, value in _rows(name) if start <= on), None)
    if row is None:
        if default is not _REQUIRED:
            return default
        raise ImproperlyConfigured(
            f"Chưa có quy định “{RuleName(name).label}” áp dụng vào ngày {format_short(on)}: "
            "hãy bổ sung trong trang quản trị."
        )
    return row[1]


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
