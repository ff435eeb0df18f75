"""The period a text reports on.

Forms: ``quý I năm 2023`` → ``2023-Q1``, ``6 tháng đầu năm 2023`` → ``2023-H1``
(``cuối`` → ``H2``), ``9 tháng đầu năm 2023`` → ``2023-9M``, ``tháng 5/2023`` →
``2023-05``, ``năm 2023`` → ``2023``, ``nhiệm kỳ 2020-2025`` → ``2020-2025``.
The first period phrase of the text wins (titles come first); a term only when no
shorter period is named. A phrase without a year (``quý I; ... quý II năm 2023``) takes
the next year on its line, else the year of the document. With no phrase at all, the
month of the document's own date suggests one (``tables.PERIOD_FALLBACK_BY_MONTH``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from .clean import CleanText
from .dates import DateHit
from .models import Period
from .tables import PERIOD_FALLBACK_BY_MONTH

__all__ = ["find_period", "period_year"]

_Y = r"(?:19|20)[0-9]{2}(?![0-9])"
_TITLE_ZONE = 1000
_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR_ANYWHERE = re.compile(rf"(?<![0-9/.\-])(?P<y>{_Y})")


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    render: Callable[[re.Match[str], int], str]
    is_term: bool = False
    title_only: bool = False


def _quarter(match: re.Match[str], year: int) -> str:
    written = match["q"].upper()
    quarter = _ROMAN_QUARTERS.get(written) or int(written)
    return f"{year}-Q{quarter}"


@cache
def _forms() -> tuple[_Form, ...]:
    year = rf"(?P<y>{_Y})"

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.I)

    return (
        _Form(
            compile_(
                rf"(?<!\w)quy[ \t]+(?P<q>IV|III|II|I|[1-4])(?!\w)"
                rf"(?:[ \t]*(?:/|-|,?[ \t]*nam)[ \t]*{year})?"
            ),
            _quarter,
        ),
        _Form(
            compile_(
                rf"(?<!\w)(?:06|6)[ \t]+thang[ \t]+(?P<h>dau|cuoi)(?:[ \t]+nam)?(?:[ \t]+{year})?"
            ),
            lambda m, y: f"{y}-H1" if m["h"].lower() == "dau" else f"{y}-H2",
        ),
        _Form(
            compile_(rf"(?<!\w)(?:09|9)[ \t]+thang[ \t]+(?:dau[ \t]+)?nam(?:[ \t]+{year})?"),
            lambda m, y: f"{y}-9M",
        ),
        _Form(
            compile_(
                rf"(?<!\w)thang[ \t]+(?P<m>[0-9]{{1,2}})(?:[ \t]*/[ \t]*|[ \t]+nam[ \t]+){year}"
            ),
            lambda m, y: f"{y}-{int(m['m']):02d}",
            title_only=True,
        ),
        _Form(
            compile_(
                rf"(?<!\w)(?:nhiem[ \t]+ky|giai[ \t]+doan|5[ \t]+nam)[ \t]*\(?[ \t]*"
                rf"(?P<a>{_Y})[ \t]*[-\u2013][ \t]*(?P<b>{_Y})"
            ),
            lambda m, y: f"{m['a']}-{m['b']}",
            is_term=True,
            title_only=True,
        ),
        _Form(
            compile_(rf"(?<!\w)nam[ \t]+{year}(?![ \t]*[-\u2013][ \t]*[0-9])"),
            lambda m, y: str(y),
        ),
    )


def _overlaps(start: int, end: int, masks: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in masks)


def _year_after(ct: CleanText, pos: int, masks: Sequence[tuple[int, int]]) -> int | None:
    line_end = ct.folded.find("\n", pos)
    stop = len(ct.folded) if line_end < 0 else line_end
    for match in _YEAR_ANYWHERE.finditer(ct.folded, pos, stop):
        if not _overlaps(match.start(), match.end(), masks):
            return int(match["y"])
    return None


def period_year(period: Period | None) -> int | None:
    """The (first) year of a period value."""
    if period is None:
        return None
    return int(period.value[:4])


def find_period(
    ct: CleanText,
    masks: Sequence[tuple[int, int]],
    doc_date: datetime.date | None,
    date_hit: DateHit | None,
) -> Period | None:
    """The reporting period, with the span of the words that name it (clean offsets)."""
    candidates: list[tuple[bool, int, int, str]] = []
    for form in _forms():
        for match in form.pattern.finditer(ct.folded):
            if _overlaps(match.start(), match.end(), masks):
                continue
            if any(0 <= match.start() - e <= 2 for _, e in masks):
                continue  # "Quy định số 29-QĐi/TW năm 2016": the year of a document
            written_year = match.groupdict().get("y")
            if written_year is not None:
                year: int | None = int(written_year)
            else:
                year = _year_after(ct, match.end(), masks)
                if year is None and doc_date is not None:
                    year = doc_date.year
            if year is None and not form.is_term:
                continue
            if form.title_only and match.start() > _TITLE_ZONE:
                continue  # a term or month named in the body is context, not the period
            value = form.render(match, year or 0)
            candidates.append((form.is_term, match.start(), match.end(), value))
    named = [c for c in candidates if not c[0]]
    if named:
        _, start, end, value = min(named)
        return Period(start, end, ct.text[start:end], value)
    terms = [c for c in candidates if c[0]]
    if terms:
        _, start, end, value = min(terms)
        return Period(start, end, ct.text[start:end], value)
    if doc_date is not None and date_hit is not None:
        template = PERIOD_FALLBACK_BY_MONTH.get(doc_date.month, "{year}")
        value = template.format(year=doc_date.year, prev=doc_date.year - 1)
        return Period(date_hit.start, date_hit.end, ct.text[date_hit.start : date_hit.end], value)
    return None
