"""Dates as Vietnamese users write them: 29/6/2023 and ngày 29 tháng 6 năm 2023."""

from datetime import date


def format_short(d: date | None) -> str:
    """29/6/2023: no leading zeros, as users write dates in tables."""
    return "" if d is None else f"{d.day}/{d.month}/{d.year}"


def format_long(d: date) -> str:
    """ngày 29 tháng 6 năm 2023, with the official leading zeros (ngày 05 tháng 01)."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"
