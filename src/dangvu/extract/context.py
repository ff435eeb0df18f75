"""What a position of a text is dated by: its document's own date, the years near it.

A text may hold several documents one after the other (a file of concatenated texts, a
letter forwarding another): the own document's part starts at its header, and each later
header's date line (``Vinh, ngày 17 tháng 11 năm 2020``
opening a line or a column) starts the part of the text dated by it, as does a news
item's dateline: a line that is one full date, with its weekday, time or label
(``10/10/2019 | 16:05``, ``Cập nhật: 22/07/2020``, ``Thứ Ba, 08/10/2024 - 15:20``);
a bulletin without either is dated by its issue under its title (``Số 4, tháng 4 năm
2022``: the first day of that month). A date without a
year (``trước ngày 25/7``) takes the year of its document's own date, else the nearest
year stated in its own paragraph (a line of the clean text: wrapped lines are joined;
within 400 characters), else none: a year is never borrowed from another paragraph or
another document. A month or a quarter without a year (``hoàn thành trong tháng 9``)
may also take the year of its section's heading (``PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ III NĂM
2018``): the nearest line above it in capitals that states one.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .clean import CleanText
from .dates import DateHit, match_date_at

__all__ = ["DocumentDates", "document_dates"]

# "<Place>, ngày": literal first (the comma), the place checked in Python
_PLACE_DATE = re.compile(r",[ \t]*ngay[ \t]+")
_PLACE = re.compile(r"[ \t*_#>|]*[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,5}[ \t*_]*")
_COLUMN = re.compile(r".*(?:\t|  |\|)")
_PLACE_REACH = 80
_YEAR_REACH = 400
_LINE_REST = re.compile(r"[ \t*_.|]*(?:\n|$)")
# a stated year: of a date or a month (``/2024``, ``.2024``), or after ``năm``
_STATED_YEAR = re.compile(r"(?:nam[ \t]+|[/.\-])(?P<y>(?:19|20)[0-9]{2})(?![0-9/])")
# a news item's dateline: the line holds a full date and nothing but a label, a weekday
# and a time (folded, lower case)
_DATELINE_LEAD = re.compile(
    r"[ \t*_#>|]*(?:(?:ngay (?:dang|cap nhat|xuat ban)|cap nhat|dang ngay|dang luc"
    r"|thoi gian dang|xuat ban|ngay)[ \t]*:?[ \t]*)?"
    r"(?:(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)[ \t]*,?[ \t]*)?"
)
_DATELINE_REST = re.compile(
    r"[ \t*_]*(?:[|,\-\u2013\u2014][ \t*_]*)?(?:[0-9]{1,2}[:h][0-9]{2}(?::[0-9]{2})?)?"
    r"[ \t*_]*(?:\(?gmt[ \t]*[+\-][ \t]*[0-9]{1,2}\)?)?[ \t*_|]*(?:\n|$)"
)
_DATELINE_REACH = 60
# a bulletin's issue under its title: "Huyện ủy Bình Liêu - Số 4, tháng 4 năm 2022"
_ISSUE_LINE = re.compile(
    r"(?:so[ \t]+[0-9]{1,3}[ \t]*[,\-\u2013][ \t]*)?thang[ \t]+(?P<m>[0-9]{1,2})"
    r"(?:[ \t]+nam[ \t]+|[ \t]*[/.\-][ \t]*)(?P<y>(?:19|20)[0-9]{2})[ \t*_.]*(?:\n|$)"
)
_ISSUE_REACH = 300
# a news item's lead sentence: "Ngày 14/7/2021, Ban Chấp hành Đảng bộ huyện ... tổ chức"
_LEAD_DAY = re.compile(r"[ \t*_#>]*ngay[ \t]+")
_LEAD_REACH = 600
# how far above a position its section heading is looked for
_HEADING_REACH = 3000


@dataclass(frozen=True)
class DocumentDates:
    """The own dates of the documents of a text, by the offset each part starts at."""

    starts: tuple[int, ...]
    dates: tuple[datetime.date | None, ...]
    lower: str
    text: str

    def date_at(self, pos: int) -> datetime.date | None:
        """The own date of the document ``pos`` belongs to, if it has one."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.dates[i] if i >= 0 else None

    def year_at(self, pos: int) -> int | None:
        """The year a date without one at ``pos`` takes, or None."""
        own = self.date_at(pos)
        if own is not None:
            return own.year
        # within its paragraph, and within reach: a long paragraph stays linear
        floor, ceiling = max(0, pos - _YEAR_REACH), min(len(self.lower), pos + _YEAR_REACH)
        line_start = self.lower.rfind("\n", floor, pos) + 1 or floor
        line_end = self.lower.find("\n", pos, ceiling)
        line_end = ceiling if line_end < 0 else line_end
        best: tuple[int, int] | None = None
        for match in _STATED_YEAR.finditer(self.lower, line_start, line_end):
            distance = abs(match.start("y") - pos)
            if best is None or distance < best[0]:
                best = (distance, int(match["y"]))
        return best[1] if best is not None else None

    def heading_year_at(self, pos: int) -> int | None:
        """The year the nearest heading above ``pos`` states (a line of capitals, or a
        markdown heading, within reach), or None."""
        floor = max(0, pos - _HEADING_REACH)
        end = self.lower.rfind("\n", floor, pos)
        while end > floor:
            start = self.lower.rfind("\n", floor, end) + 1
            if start == 0 and floor > 0:
                return None  # the line opens beyond reach
            line = self.text[start:end]
            heading = line.lstrip().startswith("#") or (
                any(c.isalpha() for c in line) and not any(c.islower() for c in line)
            )
            year = _STATED_YEAR.search(self.lower, start, end) if heading else None
            if year is not None:
                return int(year["y"])
            end = start - 1
        return None


def _date_lines(ct: CleanText, after: int) -> list[DateHit]:
    """Header date lines (``Place, ngày ...`` opening a line or a column) after ``after``."""
    out: list[DateHit] = []
    for match in _PLACE_DATE.finditer(ct.lower, after):
        # the place opens its line or column within a few words: look that far back only
        # (a search back to the line's start would make a long line quadratic)
        floor = max(0, match.start() - _PLACE_REACH)
        line_start = ct.lower.rfind("\n", floor, match.start()) + 1 or floor
        column = _COLUMN.match(ct.lower, line_start, match.start())
        place_start = column.end() if column else line_start
        if place_start == floor and floor > 0 and ct.lower[floor - 1] != "\n":
            continue
        if not _PLACE.fullmatch(ct.text, place_start, match.start()):
            continue
        hit = match_date_at(ct.lower, match.end())
        if hit is not None and hit.date is not None and _LINE_REST.match(ct.lower, hit.end):
            out.append(hit)  # the date ends its line: "Sáng nay, ngày 5/3/2024, ..." does not
    return out


def _datelines(ct: CleanText, dates: Sequence[DateHit]) -> list[DateHit]:
    """The full dates of ``dates`` that are a news item's dateline (see the module)."""
    out: list[DateHit] = []
    for hit in dates:
        if hit.year is None or hit.date is None:
            continue
        floor = max(0, hit.start - _DATELINE_REACH)
        line_start = ct.lower.rfind("\n", floor, hit.start) + 1 or floor
        if line_start == floor and floor > 0 and ct.lower[floor - 1] != "\n":
            continue
        if _DATELINE_LEAD.fullmatch(ct.lower, line_start, hit.start) and _DATELINE_REST.match(
            ct.lower, hit.end
        ):
            out.append(DateHit(line_start, hit.end, hit.day, hit.month, hit.year))
    return out


def _issue_line(ct: CleanText) -> list[DateHit]:
    """A bulletin's issue near the top (``Số 4, tháng 4 năm 2022`` ending a line): the
    part it opens is dated by the first day of that month."""
    for match in _ISSUE_LINE.finditer(ct.lower, 0, _ISSUE_REACH):
        month, year = int(match["m"]), int(match["y"])
        if 1 <= month <= 12:
            line_start = ct.lower.rfind("\n", 0, match.start()) + 1
            return [DateHit(line_start, match.end(), 1, month, year)]
    return []


def _news_lead(ct: CleanText, dates: Sequence[DateHit]) -> list[DateHit]:
    """A text without a header or dateline whose lead sentence, near the top, opens with
    its full date and a comma (``Ngày 14/7/2021, Ban Chấp hành ... tổ chức hội nghị``):
    the item is dated by it, from that line on."""
    for hit in sorted((h for h in dates if h.start < _LEAD_REACH), key=lambda h: h.start):
        if hit.year is None or hit.date is None or ct.lower[hit.end : hit.end + 1] != ",":
            continue
        line_start = ct.lower.rfind("\n", 0, hit.start) + 1
        if _LEAD_DAY.fullmatch(ct.lower, line_start, hit.start):
            return [DateHit(line_start, hit.end, hit.day, hit.month, hit.year)]
    return []


def document_dates(
    ct: CleanText,
    own_date: datetime.date | None,
    own_start: int,
    header_date: DateHit | None,
    dates: Sequence[DateHit] = (),
) -> DocumentDates:
    """The parts of the text and their dates: the own document's from its header
    (``own_start``: its number; what stands before is no part of it), then one part from
    each later header date line, and one from each news item's dateline (among
    ``dates``, the text's dates) outside the own document's header.

    A document without a header or a dateline that follows another in the same text is
    read as part of it: nothing in the text tells where it starts."""
    after = header_date.end if header_date is not None else 0
    first = own_start if header_date is None else min(own_start, header_date.start)
    later = _date_lines(ct, after)
    later += [h for h in _datelines(ct, dates) if not first <= h.start < after]
    if header_date is None and not later:
        later += _issue_line(ct) or _news_lead(ct, dates)
    later.sort(key=lambda h: h.start)
    parts = sorted(
        [(0, None), (first, own_date), *((h.start, h.date) for h in later)],
        key=lambda part: part[0],
    )
    starts = tuple(start for start, _ in parts)
    own_dates = tuple(date for _, date in parts)
    return DocumentDates(starts, own_dates, ct.lower, ct.text)
