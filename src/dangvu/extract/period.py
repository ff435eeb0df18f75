"""The period a text reports on.

Forms: ``quý I năm 2023`` → ``2023-Q1``, ``6 tháng đầu năm 2023`` → ``2023-H1``
(``cuối`` → ``H2``), ``9 tháng đầu năm 2023`` → ``2023-9M``, ``tháng 5/2023`` →
``2023-05``, ``năm 2023`` → ``2023``, ``nhiệm kỳ 2020-2025`` → ``2020-2025``.
The first period phrase of the text wins (titles come first); a term only when no
shorter period is named. A phrase without a year (``quý I; ... quý II năm 2023``) takes
the next year on its line, else the year of the document. With no phrase at all, the
month of the document's own date suggests one (``tables.PERIOD_FALLBACK_BY_MONTH``).

Only reports report on a period: a text whose header names another type (a Kế hoạch,
a Quyết định) has none. A phrase preceded in its clause by a cue (``kết quả``, ``sơ
kết``, ``công tác``: ``tables.PERIOD_CUES``) wins over one without; a text without a
header (a news article, a report pasted without its header) takes only a cued phrase,
so ``năm 2024`` in a sentence about last year's figures is not the period of an
article about a study conference.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .clean import CleanText, fold
from .dates import DateHit
from .models import Period
from .spans import SpanSet
from .tables import PERIOD_CUES, PERIOD_FALLBACK_BY_MONTH, REPORTING_TYPES

__all__ = ["TextKind", "find_period", "period_year", "text_kind"]

TextKind = Literal["report", "news", "other"]

_Y = r"(?:19|20)[0-9]{2}(?![0-9])"
_TITLE_ZONE = 1000
_ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR_ANYWHERE = re.compile(rf"(?<![0-9/.\-])(?P<y>{_Y})")
_CUE_REACH = 120
_CLAUSE_END = re.compile(r"[,;:.!?\n]")


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    render: Callable[[re.Match[str], int], str]
    is_term: bool = False
    title_only: bool = False
    # the phrase holds its own cue and names the year of a review without writing it
    # ("tổng kết công tác năm": the document's year, the year before in its first quarter)
    review: bool = False


def _quarter(match: re.Match[str], year: int) -> str:
    written = match["q"].upper()
    quarter = _ROMAN_QUARTERS.get(written) or int(written)
    return f"{year}-Q{quarter}"


@cache
def _forms() -> tuple[_Form, ...]:
    year = rf"(?P<y>{_Y})"

    # A pattern that opens with a literal is searched for that literal first, many
    # times faster than one opening with a look-behind: "quy(?<!\wquy)" is
    # "(?<!\w)quy" written literal first.
    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern)  # on ``ct.lower``: no re.I

    return (
        _Form(
            compile_(
                rf"quy(?<!\wquy)[ \t]+(?P<q>iv|iii|ii|i|[1-4])(?!\w)"
                rf"(?:[ \t]*(?:/|-|\.|,?[ \t]*nam)[ \t]*{year})?"
            ),
            _quarter,
        ),
        _Form(
            compile_(
                r"(?:06(?<!\w06)|6(?<!\w6))[ \t]+thang[ \t]+(?P<h>dau|cuoi)"
                rf"(?:[ \t]+nam)?(?:[ \t]+{year})?"
            ),
            lambda m, y: f"{y}-H1" if m["h"].lower() == "dau" else f"{y}-H2",
        ),
        _Form(
            compile_(
                rf"(?:09(?<!\w09)|9(?<!\w9))[ \t]+thang[ \t]+(?:dau[ \t]+)?nam(?:[ \t]+{year})?"
            ),
            lambda m, y: f"{y}-9M",
        ),
        _Form(
            compile_(
                rf"thang(?<!\wthang)[ \t]+(?P<m>[0-9]{{1,2}})"
                rf"(?:[ \t]*[/.\-][ \t]*|[ \t]+nam[ \t]+){year}"
            ),
            lambda m, y: f"{y}-{int(m['m']):02d}",
            title_only=True,
        ),
        _Form(
            compile_(
                r"(?:nhiem(?<!\wnhiem)[ \t]+ky|giai(?<!\wgiai)[ \t]+doan|5(?<!\w5)[ \t]+nam)"
                rf"[ \t]*\(?[ \t]*"
                rf"(?P<a>{_Y})[ \t]*[-\u2013][ \t]*(?P<b>{_Y})"
            ),
            lambda m, y: f"{m['a']}-{m['b']}",
            is_term=True,
            title_only=True,
        ),
        _Form(
            compile_(rf"nam(?<!\wnam)[ \t]+{year}(?![ \t]*[-\u2013][ \t]*[0-9])"),
            lambda m, y: str(y),
        ),
        # "Tổng kết 5 năm thực hiện Chỉ thị 05 (2020 - 2025)": a bracketed span of years
        _Form(
            compile_(rf"\([ \t]*(?P<a>{_Y})[ \t]*[-\u2013][ \t]*(?P<b>{_Y})[ \t]*\)"),
            lambda m, y: f"{m['a']}-{m['b']}",
            is_term=True,
            title_only=True,
        ),
        # "tổng kết công tác năm" without its year
        _Form(
            compile_(
                r"tong(?<!\wtong)[ \t]+ket(?:[ \t]+[^\W\d_]+){0,5}?[ \t]+nam"
                r"(?![ \t]*(?:[0-9]|hoc\b)|\w)"
            ),
            lambda m, y: str(y),
            review=True,
        ),
    )


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(fold(c)) for c in sorted(PERIOD_CUES, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{cues.lower()})(?!\w)")  # on ``ct.lower``


_TITLE_REACH = 600


def _title_block(ct: CleanText, date_hit: DateHit) -> tuple[int, int] | None:
    """The title under a header: its type line in capitals (``BÁO CÁO``) after the date
    line, and the lines after it up to the first blank one."""
    pos = ct.text.find("\n", date_hit.end)
    if pos < 0:
        return None
    stop = min(len(ct.text), pos + _TITLE_REACH)
    lines = ct.text[pos + 1 : stop].split("\n")
    offset = pos + 1
    start: int | None = None
    for line in lines:
        body = line.strip(" \t*_#>|")
        if start is None:
            if body and not body.isupper():
                return None  # no type line: the text goes on without a title
            if body:
                start = offset
        elif not body:
            return start, offset
        offset += len(line) + 1
    return (start, stop) if start is not None else None


def _cued(folded: str, start: int) -> bool:
    """A cue stands before ``start`` in the same clause (``kết quả công tác ... quý I``)."""
    floor = max(0, start - _CUE_REACH)
    for boundary in _CLAUSE_END.finditer(folded, floor, start):
        floor = boundary.end()
    return _cue_pattern().search(folded, floor, start) is not None


def _year_after(ct: CleanText, pos: int, masks: SpanSet) -> int | None:
    line_end = ct.folded.find("\n", pos)
    stop = len(ct.folded) if line_end < 0 else line_end
    for match in _YEAR_ANYWHERE.finditer(ct.folded, pos, stop):
        if not masks.overlaps(match.start(), match.end()):
            return int(match["y"])
    return None


_BREADCRUMB = re.compile(r"\S[ \t]+(?:>|»|/)[ \t]+\S")
_HEADLINE_REACH = 600
_HEADLINE_CHARS = 200  # a title, not a paragraph: no full stop at its end either


def _headline(text: str) -> tuple[int, int] | None:
    """The span of a news item's headline: its first line of words that is not a
    breadcrumb (``Trang chủ > Tin tức > Xây dựng Đảng``), near the top, if that line is
    a title (short, no full stop, the text going on after it)."""
    pos = 0
    while pos < min(len(text), _HEADLINE_REACH):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if any(c.isalpha() for c in line) and not _BREADCRUMB.search(line):
            title = len(line) <= _HEADLINE_CHARS and not line.rstrip().endswith(".")
            return (pos, end) if title and end < len(text) else None
        pos = end + 1
    return None


_PERIOD_START = re.compile(
    r"(?P<y>[0-9]{4})(?:-(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<m>[0-9]{2})|9M))?"
)


def _begins_after(value: str, day: datetime.date) -> bool:
    """Does the period ``value`` (``2026-Q1``, ``2025-H2``, ``2024``, ``2020-2025``)
    begin after ``day``?"""
    match = _PERIOD_START.match(value)
    if match is None:
        return False
    month = 1
    if match["q"]:
        month = 3 * int(match["q"]) - 2
    elif match["h"]:
        month = 1 if match["h"] == "1" else 7
    elif match["m"]:
        month = int(match["m"])
    if not 1 <= month <= 12:
        return False
    return datetime.date(int(match["y"]), month, 1) > day


def text_kind(own_type: str | None, has_header: bool) -> TextKind:
    """How a text reports on a period, from the type its header gives (if any)."""
    if not has_header:
        return "news"
    return "report" if own_type is None or own_type in REPORTING_TYPES else "other"


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
    kind: TextKind = "report",
) -> Period | None:
    """The reporting period, with the span of the words that name it (clean offsets).

    ``kind`` is ``report`` (a header naming a report, or unknown), ``other`` (a header
    naming another type: no period) or ``news`` (no header: only a cued phrase).
    """
    if kind == "other":
        return None
    masked = SpanSet(masks)
    candidates: list[tuple[bool, int, int, str]] = []
    self_cued: set[int] = set()
    for form in _forms():
        for match in form.pattern.finditer(ct.lower):
            if masked.overlaps(match.start(), match.end()):
                continue
            if not form.is_term and masked.overlaps(match.start() - 3, match.start()):
                continue  # "Quy định số 29-QĐi/TW năm 2016": the year of a document
            written_year = match.groupdict().get("y")
            if written_year is not None:
                year: int | None = int(written_year)
            else:
                year = None if form.review else _year_after(ct, match.end(), masked)
                if year is None and doc_date is not None:
                    year = doc_date.year - (form.review and doc_date.month <= 3)
            if year is None and not form.is_term:
                continue
            if form.title_only and match.start() > _TITLE_ZONE:
                continue  # a term or month named in the body is context, not the period
            value = form.render(match, year or 0)
            candidates.append((form.is_term, match.start(), match.end(), value))
            if form.review:
                self_cued.add(match.start())
    if doc_date is not None and date_hit is not None:
        # a report reports on what has begun by its header's date: "quý I/2026" in a
        # report of November 2025 is a task ahead
        candidates = [c for c in candidates if not _begins_after(c[3], doc_date)]
    headline = _headline(ct.text) if kind == "news" else None
    if headline is not None:
        # a term in a news item's body qualifies a committee ("Ban Thường vụ ... nhiệm
        # kỳ 2015 - 2020"); only its headline names the item's term
        candidates = [c for c in candidates if not c[0] or headline[0] <= c[1] < headline[1]]
    named = [c for c in candidates if not c[0]]
    terms = [c for c in candidates if c[0]]
    cued_named = [c for c in named if c[1] in self_cued or _cued(ct.lower, c[1])]
    cued_terms = [c for c in terms if _cued(ct.lower, c[1])]
    groups: tuple[list[tuple[bool, int, int, str]], ...] = (cued_named, named, cued_terms, terms)
    title = _title_block(ct, date_hit) if date_hit is not None else None
    if title is not None:
        # the title names the period: "BÁO CÁO ... năm 2025" over a cued "quý I.2026" of
        # the body (a task for next year)
        in_title = [c for c in named if title[0] <= c[1] < title[1]]
        groups = (in_title, *groups)
    if kind == "news":
        # the headline names the item's period as a title does ("Tổng kết công tác kiểm
        # tra, giám sát ... năm 2024"), cue or not
        in_headline = [c for c in named if headline and headline[0] <= c[1] < headline[1]]
        groups = (in_headline, cued_named, cued_terms)
    for group in groups:
        if group:
            _, start, end, value = min(group)
            return Period(start, end, ct.text[start:end], value)
    if kind == "report" and doc_date is not None and date_hit is not None:
        template = PERIOD_FALLBACK_BY_MONTH.get(doc_date.month, "{year}")
        value = template.format(year=doc_date.year, prev=doc_date.year - 1)
        return Period(date_hit.start, date_hit.end, ct.text[date_hit.start : date_hit.end], value)
    return None
