"""Query parameters read as numbers: a value that is not a plain decimal number, or one
outside the range a page can use (`?page=99999999999999999999`, which no database column
holds), falls back or is clamped instead of failing the page."""

from __future__ import annotations

MAX_ID = 2**63 - 1


def int_param(value: str | None, default: int, *, low: int = 0, high: int = MAX_ID) -> int:
    """`value` as an int clamped to [low, high]; `default` when it is not ASCII digits."""
    value = (value or "").strip()
    if not (value.isascii() and value.isdigit()) or len(value) > 30:
        return default
    return max(low, min(int(value), high))


def id_param(value: str | None) -> int | None:
    """A row id from the query string, or None when it is not one."""
    number = int_param(value, 0)
    return number if 0 < number < MAX_ID else None
