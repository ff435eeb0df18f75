"""Vietnamese dates: ``04/4/2023``, ``29 tháng 6 năm 2023``, the typo ``12/4//2023``.

All patterns run on the folded text in lower case (``CleanText.lower``: no diacritics,
so ``tháng``/``thang``/``Tháng`` are one; no ``re.I``, which is slow).
A date without a year (``ngày 10/12``, ``chiều 12/7``) is kept with ``year=None`` and
can be completed from the year of the document.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

from .frozen import quick_init

__all__ = ["DateHit", "find_dates", "match_date_at", "match_ocr_date_at"]

_YEAR = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
# Each pattern opens with a digit or a literal, its look-behind written after it
# ("[0-9](?<![0-9/.][0-9])" is "(?<![0-9/.])[0-9]"), so that the regex engine skips to
# the next candidate in C instead of trying the whole pattern at every position.
_NUMERIC = (
    r"(?P<d>[0-9](?<![0-9/.][0-9])[0-9]?)[ \t]?[/.\-]{1,2}[ \t]?(?P<m>[0-9]{1,2})"
    r"[ \t]?[/.\-]{1,2}[ \t]?" + _YEAR
)
_WORDS = (
    r"(?P<d>[0-9](?<![0-9][0-9])[0-9]?)[ \t]+thang[ \t]+(?P<m>[0-9]{1,2})[ \t,]+nam[ \t]+" + _YEAR
)
_LEAD_WORDS = ("ngay", "mung", "mong", "sang", "chieu", "toi", "trua", "dem", "hom", "truoc")
_YEARLESS = (
    "(?:" + "|".join(rf"{w}(?<!\w{w})" for w in (*_LEAD_WORDS, "nhat", "han")) + r")[ \t]+"
    r"(?P<d>[0-9]{1,2})(?:[ \t]?[/.\-][ \t]?|[ \t]+thang[ \t]+)(?P<m>[0-9]{1,2})"
    r"(?![0-9]|[ \t]?[/.\-][ \t]?[0-9]|[ \t,]+nam[ \t]+[0-9])"
)


@quick_init
@dataclass(frozen=True)
class DateHit:
    """A date found in the folded text; ``year`` is None when the text gives none."""

    start: int
    end: int
    day: int
    month: int
    year: int | None

    @property
    def date(self) -> datetime.date | None:
        return self.resolve(None)

    def resolve(self, default_year: int | None) -> datetime.date | None:
        """The calendar date, taking ``default_year`` when the text gives no year."""
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            return datetime.date(year, self.month, self.day)
        except ValueError:
            return None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(_NUMERIC),
        re.compile(_WORDS),
        re.compile(_YEARLESS),
    )


def _hit(match: re.Match[str], with_year: bool) -> DateHit | None:
    day, month = int(match["d"]), int(match["m"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = int(match["y"]) if with_year else None
    hit = DateHit(match.start("d"), match.end(), day, month, year)
    if with_year and hit.date is None:
        return None
    return hit


def match_date_at(folded: str, pos: int) -> DateHit | None:
    """A full date (with year) starting exactly at ``pos``, or None."""
    numeric, words, _ = _patterns()
    for pattern in (numeric, words):
        match = pattern.match(folded, pos)
        if match:
            return _hit(match, with_year=True)
    return None


# what a scan reads for a digit: ``l6/6/2016``, ``2O/4/2016``, ``I5/3/2019``
_OCR_DIGITS = str.maketrans({"l": "1", "i": "1", "|": "1", "o": "0"})
_OCR_REACH = 12


def match_ocr_date_at(folded: str, pos: int) -> DateHit | None:
    """A full numeric date at ``pos`` in which a scan read a letter for a digit (``l``,
    ``I`` or ``|`` for 1, ``O`` for 0), or None. Only where a date is expected (after
    ``ngày`` of a reference): elsewhere ``lo/10/2019`` is not worth the risk."""
    chunk = folded[pos : pos + _OCR_REACH]
    read = chunk.translate(_OCR_DIGITS)
    if read == chunk:
        return None  # no letter for a digit: match_date_at has said
    match = _patterns()[0].match(read)
    hit = _hit(match, with_year=True) if match is not None else None
    if hit is None:
        return None
    return DateHit(pos + hit.start, pos + hit.end, hit.day, hit.month, hit.year)


def find_dates(folded: str) -> list[DateHit]:
    """Every date in the text, in order; full dates win over year-less overlaps."""
    numeric, words, yearless = _patterns()
    hits: list[DateHit] = []
    for pattern, with_year in ((numeric, True), (words, True), (yearless, False)):
        for match in pattern.finditer(folded):
            hit = _hit(match, with_year)
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[DateHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
