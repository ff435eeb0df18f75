"""Deadlines: what is due and by when.

A date is a deadline when a deadline word stands right before it (``trước ngày``,
``chậm nhất ngày``, ``hạn``, ``thời hạn:``, ``trước 17h00 ngày``) and it is not in the
past of the document's own date, unless asked for again (``đề nghị gửi ... trước ngày``
in a reminder); or when an action (``báo cáo``, ``gửi``, ``hoàn thành``) in the same
clause is dated after the document's own date (``báo cáo kết quả lần 2 ngày
10/12/2023`` in a report dated in June). The task is the clause before the date, from
its first action verb.

A month or a quarter is due too: ``hoàn thành trong quý I năm 2026`` is due on its last
day (2026-03-31), ``chậm nhất trong tháng 9/2024`` and ``trước tháng 9/2024`` on
2024-09-30, ``trước quý II năm 2026`` on the day before it begins; a run (``trong tháng
11 - 12/2019``, ``trong quý I và quý II năm 2020``) on the last day of its last. Without
a year (``hoàn thành trong tháng 9.``, ``ban hành trong quý IV``) it is in the
document's year, else in the year of its paragraph or its section's heading (``PHƯƠNG
HƯỚNG NHIỆM VỤ QUÝ III NĂM 2018``), else none is due; ``năm nay``, ``năm sau``, ``năm
tới`` count from the document's year. After ``trong`` or ``vào`` (``vào tháng 02/2022``,
``vào kỳ họp tháng 9``) the phrase must close a task: a completion word
(``tables.DEADLINE_COMPLETIONS``) stands in the clause, or a task stands before it, with
no ``đã``/``vừa``/``được`` (done, or an event described), in a directive (a header
naming a type other than a report), after an assignment word
(``tables.DEADLINE_ASSIGNMENTS``: ``giao``, ``đề nghị``), on a task line opening with
its verb (``- Tổ chức sơ kết ... trong quý III/2024``) or after an action when the
period begins after the document's date (``Chi bộ tổ chức sinh hoạt ... trong tháng 9``
in a report of July). ``trong quý I, toàn Đảng bộ kết nạp ...`` is when, not a due date.
A label of due time (``Thời gian: tháng 8/2025``, ``thời hạn hoàn thành: trong quý
III``) closes the task before it on its line, or on the line above.

In a table, a cell under a column of due times (``tables.DEADLINE_COLUMNS``: ``Thời
gian``, ``Thời hạn``, ``Tiến độ``) is due when it names a date, a month, a quarter or a
year alone (``Tháng 6/2024``, ``Quý III/2024``, ``Tháng 5-6/2024``, ``Năm 2024``), on
its last day; the task is the row's first label. A plan's schedule lines (``- Ngày
25/7/2025: trình ...``): see ``schedule``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from functools import cache

from .anchors import finditer_near
from .clean import CleanText
from .context import DocumentDates
from .dates import DateHit, match_date_at
from .grid import Table
from .models import Deadline
from .schedule import schedule_deadlines
from .spans import SpanSet
from .tables import (
    DEADLINE_ACTIONS,
    DEADLINE_ASSIGNMENTS,
    DEADLINE_COLUMNS,
    DEADLINE_COMPLETIONS,
)

__all__ = ["find_deadlines"]

_STRONG = re.compile(
    r"(?<!\w)(?:truoc|cham[ \t]+nhat(?:[ \t]+la)?"
    r"|(?:thoi[ \t]+)?han(?:[ \t]+(?:chot|cuoi|nop|gui|hoan[ \t]+thanh|bao[ \t]+cao))?"
    r"(?:[ \t]+la)?[ \t]*:?|xong[ \t]+truoc)"
    r"[ \t]+(?:(?:vao|trong)[ \t]+)?"
    # a clock time may stand before the day: "trước 17h00 ngày", "trước 16 giờ 30, ngày"
    r"(?:[0-9]{1,2}[ \t]*(?:h|g|gio|:)[ \t]*(?:[0-9]{2})?(?:[ \t]*phut)?[ \t]*,?[ \t]+)?"
    r"(?:ngay[ \t]+)?$",
    re.I,
)
_WEAK = re.compile(r"(?<!\w)ngay[ \t]+$", re.I)
_WEAK_BLOCKERS = re.compile(
    r"(?<!\w)(?:vao|den|het|tu|tinh|ke|dien|hom|sang|chieu|toi|trua|dem|la|nhu)[ \t]+ngay[ \t]+$",
    re.I,
)
_BOUNDARY = re.compile(r"[;:.!?\n]")
_TRIM = re.compile(r"^[\s,\-+\u2022\u2013]*(?:(?:va|de|con|dong thoi)\s+)?", re.I)
_CLAUSE_LIMIT = 200
_BULLET = re.compile(r"[\s\-+*\u2022\u2013]*(?:[0-9]{1,2}[.)][ \t]+|[a-z][)][ \t]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_JOINED = re.compile(r"(?<!\w)va[ \t]+$", re.I)
_YEAR = r"(?:19|20)[0-9]{2}(?![0-9])"
# On ``ct.lower`` without re.I, each lead opening with its literal; "ı" stands beside
# "i" in the quarter numerals as re.I would read it.
_NEAREST = r"[ \t]+nhat(?:[ \t]+la)?(?:[ \t]+trong)?"
# "năm nay" (this year), "năm sau", "năm tới" (next year), of the document's date
_RELATIVE_YEAR = r",?[ \t]+nam[ \t]+(?:nay|sau|toi)(?!\w)"
_DUE_PERIOD = re.compile(
    r"(?P<lead>truoc(?<!\wtruoc)|cham(?<!\wcham)"
    + _NEAREST
    + r"|muon(?<!\wmuon)"
    + _NEAREST
    + r"|(?:trong(?<!\wtrong)|vao(?<!\wvao)(?:[ \t]+(?:ky[ \t]+hop|dip))?)(?:[ \t]+cuoi)?"
    # a label of due time: "Thời gian: tháng 8/2025", "Thời hạn hoàn thành: trong quý III"
    r"|(?P<label>(?:thoi(?<!\wthoi)[ \t]+(?:gian|han)|han(?<!\whan))"
    r"(?:[ \t]+(?:thuc[ \t]+hien|hoan[ \t]+thanh))?[ \t]*:"
    r"(?:[ \t]*(?:trong|truoc|vao|cham[ \t]+nhat(?:[ \t]+la)?))?))[ \t]+"
    # the year after a slash, a hyphen, a dot ("tháng 3.2021", "quý II.2022") or "năm";
    # none ("trong tháng 9.", "trong quý IV"): the year is the document's (_period_date)
    # a run ends on its last: "trong quý III - IV/2024", "trong tháng 11 và 12/2019"
    # an "I" of the numeral may be an OCR "l" ("quý lll/2025", "quý lV")
    r"(?:quy[ \t]+(?P<q>[iıl]v|[iıl][iıl][iıl]|[iıl][iıl]|[iıl]|[1-4])(?!\w)"
    r"(?:[ \t]*(?:-|\u2013|va)[ \t]*(?:quy[ \t]+)?(?P<q2>[iıl]v|[iıl]{2,3}|[1-4])(?!\w))?"
    rf"(?:[ \t]*(?:/|-|\.|,?[ \t]*nam)[ \t]*(?P<qy>{_YEAR})|(?P<qrel>{_RELATIVE_YEAR}))?"
    # the month's "1" may be an OCR "l" ("tháng l2/2016")
    r"|thang[ \t]+(?P<m>[0-9l]?[0-9]|[0-9]l)"
    r"(?:[ \t]*(?:-|\u2013|va)[ \t]*(?:thang[ \t]+)?(?P<m2>[0-9]{1,2}))?"
    rf"(?:(?:[ \t]*[/.\-][ \t]*|,?[ \t]+nam[ \t]+)(?P<my>{_YEAR})|(?P<mrel>{_RELATIVE_YEAR})"
    # without a year, no run of months ("tháng 9-10/2024") nor "năm" after it
    r"|(?![0-9l]|[ \t]*[/.\-][ \t]*[0-9l]|[ \t,]+nam(?!\w))))(?![0-9/])",
)
# What every due period holds a few words after its start: the engine stops at nearly
# every word for the leads of ``_DUE_PERIOD`` (``trong``, ``vào``), at few for these.
_DUE_ANCHOR = re.compile(r"quy[ \t]+[i\u0131l1-4]|thang[ \t]+[0-9l]")
_DUE_REACH = 80  # the longest lead: "thời gian hoàn thành: chậm nhất là "
_DUE_TAIL = 100  # the longest run after the anchor: "quý III - quý IV năm 2024"
# A day and month without a year that falls before the document's own date is read in
# the next year when that is at most this many days after it (a plan of December asking
# for a report "trước ngày 15/01"); further off, it is the past: history, not a task.
_ROLL_DAYS = 120
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A table cell naming a due time alone, on ``ct.lower``: a lead, then a month (or a run
# of months), a quarter (or a run), a year, or a full date (read by ``match_date_at``).
_Q = r"(?:iv|iii|ii|i|[1-4])"
_RUN = r"(?:[ \t]*(?:-|\u2013|,|va)[ \t]*(?:{unit}[ \t]+)?{value})*"
_DUE_CELL = re.compile(
    r"[ \t]*(?:(?P<lead>truoc|trong|cham[ \t]+nhat|hoan[ \t]+thanh(?:[ \t]+trong)?)[ \t]+)?"
    r"(?:thang[ \t]+(?P<m1>[0-9]{1,2})"
    + _RUN.format(unit="thang", value=r"(?P<m>[0-9]{1,2})")
    + rf"|quy[ \t]+(?P<q1>{_Q})"
    + _RUN.format(unit="quy", value=rf"(?P<q>{_Q})")
    + r"|(?P<year_only>nam)"
    rf"|(?P<mn>[0-9]{{1,2}})(?=[ \t]*/[ \t]*{_YEAR}))"  # "6/2024" alone
    rf"(?![0-9a-z])(?:(?:[ \t]*(?:/|-|\.|,?[ \t]*nam)[ \t]*|[ \t]+)(?P<y>{_YEAR}))?[ \t.;,]*"
)
_DATE_CELL = re.compile(r"[ \t]*(?:(?:truoc|cham[ \t]+nhat|han)[ \t]+)?(?:ngay[ \t]+)?")


@cache
def _action_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(DEADLINE_ACTIONS, key=len, reverse=True))
    # "tổ chức đảng", "tổ chức cơ sở", "Ban Tổ chức" are nouns, not the verb "tổ chức"
    return re.compile(rf"(?<!\w)(?<!ban )(?:{words})(?!\w)(?![ \t]+(?:dang|co[ \t]+so)\b)", re.I)


def _clause_start(folded: str, pos: int) -> int:
    floor = max(0, pos - _CLAUSE_LIMIT)
    start = floor
    for match in _BOUNDARY.finditer(folded, floor, pos):
        start = match.end()
    return start


def _task_start(folded: str, start: int, end: int) -> int | None:
    """Where the task starts: the last action joined by ``và``, else the first action."""
    actions = list(_action_pattern().finditer(folded, start, end))
    if not actions:
        return None
    joined = [a for a in actions if _JOINED.search(folded, start, a.start())]
    return (joined[-1] if joined else actions[0]).start()


@cache
def _completion_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(DEADLINE_COMPLETIONS, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)


@cache
def _assignment_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(DEADLINE_ASSIGNMENTS, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)


_DONE = re.compile(r"(?<!\w)(?:đã|vừa|được)(?!\w)", re.I)


_GUIDED = re.compile(r"(?<!\w)hướng dẫn(?!\w)")


def _restated(ct: CleanText, pos: int, directive: bool) -> bool:
    """A past due date asked for again: ``đề nghị gửi báo cáo trước ngày 10/11/2020`` in
    a reminder written after it (an assignment word before it, nothing done); in a
    directive's history also the guidance that set it (``đã ban hành Công văn ... hướng
    dẫn các đảng bộ gửi báo cáo ... trước ngày 31/12/2024`` in a reminder of January)."""
    before = ct.text[_clause_start(ct.folded, pos) : pos]
    asked = list(_assignment_pattern().finditer(before))
    if directive:
        asked += _GUIDED.finditer(before)
        asked.sort(key=lambda m: m.start())
    # "đã có công văn đề nghị gửi ... trước ngày": what was done is the asking
    return bool(asked) and not _DONE.search(before, asked[-1].end())


def _closes_task(ct: CleanText, start: int, end: int, directive: bool, ahead: bool) -> bool:
    """Does ``trong <period>`` at ``end`` close the task of ``[start, end)``? ``ahead``:
    the period begins after the document's date."""
    before = ct.text[start:end]
    if len(before.split()) < 2 or _DONE.search(before):
        return False  # "Trong quý I, ...", "đã tổ chức ...", "Hội nghị được tổ chức ..."
    if directive or _assignment_pattern().search(before) is not None:
        return True
    if ahead and _action_pattern().search(ct.folded, start, end) is not None:
        return True  # "Chi bộ tổ chức sinh hoạt ... trong tháng 9" in a report of July
    # a task line opening with its verb: "- Tổ chức sơ kết ... trong quý III/2024"
    lead = _BULLET.match(ct.folded, start, end)
    return lead is not None and _action_pattern().match(ct.folded, lead.end(), end) is not None


def _period_bounds(match: re.Match[str], year: int) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of the quarter or month a due-period phrase names."""
    if match["q"]:
        first_month = 3 * _QUARTERS[match["q"].upper().replace("L", "I")] - 2
        last_month = 3 * _QUARTERS[(match["q2"] or match["q"]).upper().replace("L", "I")]
    else:
        first_month = int(match["m"].replace("l", "1"))
        last_month = int(match["m2"] or first_month)
    if not 1 <= first_month <= last_month <= 12:
        return None
    first = datetime.date(year, first_month, 1)
    after_month = last_month + 1
    after = datetime.date(year + (after_month - 1) // 12, (after_month - 1) % 12 + 1, 1)
    return first, after - datetime.timedelta(days=1)


def _due_date(match: re.Match[str], year: int) -> datetime.date | None:
    """The day a due-period phrase is due in ``year``: the period's last day; "trước quý
    III" the day before the quarter ("trước tháng 9" is read as within September, on its
    last day: how the texts' own schedules mean it)."""
    bounds = _period_bounds(match, year)
    if bounds is None:
        return None
    before = match["lead"].startswith("truoc") or match["lead"].endswith("truoc")
    before = before and match["q"] is not None
    return bounds[0] - datetime.timedelta(days=1) if before else bounds[1]


def _period_date(match: re.Match[str], dated: DocumentDates) -> datetime.date | None:
    """The due day of a due-period phrase. Without a year, the period is in the year of
    the document's date, else of its paragraph or its section's heading; one that ends
    before the document's date is in the year its section's heading names (a December
    report's ``PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2024``), or in the next year when that is near
    (a December plan's ``hoàn thành trong quý I``), else it is the past."""
    stated = match["qy"] or match["my"]
    if stated:
        return _due_date(match, int(stated))
    pos = match.start()
    relative = match["qrel"] or match["mrel"]
    if relative:
        own = dated.date_at(pos)
        next_year = not relative.endswith("nay")
        return None if own is None else _due_date(match, own.year + next_year)
    year = dated.year_at(pos)
    heading = dated.heading_year_at(pos)
    if year is None:
        year = heading
    date = None if year is None else _due_date(match, year)
    doc_date = dated.date_at(pos)
    if date is None or doc_date is None or date >= doc_date:
        return date
    if heading is not None and heading > date.year:
        return _due_date(match, heading)
    later = _due_date(match, date.year + 1)
    return later if later is not None and (later - doc_date).days <= _ROLL_DAYS else date


def _task_span(folded: str, trigger: int, strong: bool) -> int | None:
    """Where the task before a deadline trigger starts, or None if it names none."""
    clause_start = _clause_start(folded, trigger)
    if (
        strong
        and not folded[clause_start:trigger].strip()
        and folded[clause_start - 1 : clause_start] != "\n"
    ):
        # "Thời hạn: trước ngày ...": the task is the clause before, on the same line
        clause_start = _clause_start(folded, max(0, clause_start - 1))
    action = _task_start(folded, clause_start, trigger)
    if action is not None:
        return action
    if not strong:
        return None
    trim = _TRIM.match(folded, clause_start, trigger)
    return trim.end() if trim else clause_start


def _line_above(ct: CleanText, pos: int) -> int:
    """Where the task of the line above ``pos``'s starts, after its bullet or number."""
    line_start = ct.folded.rfind("\n", max(0, pos - _CLAUSE_LIMIT), pos)
    if line_start <= 0:
        return pos
    above = ct.folded.rfind("\n", max(0, line_start - _CLAUSE_LIMIT), line_start) + 1
    bullet = _BULLET.match(ct.folded, above, line_start)
    return bullet.end() if bullet else above


def _due_periods(
    ct: CleanText,
    masks: Sequence[tuple[int, int]],
    dated: DocumentDates,
    directive: bool,
) -> list[Deadline]:
    out: list[Deadline] = []
    masked = SpanSet(masks)
    for match in finditer_near(_DUE_PERIOD, ct.lower, _DUE_ANCHOR, _DUE_REACH, _DUE_TAIL):
        if masked.overlaps(match.start(), match.end()):
            continue
        doc_date = dated.date_at(match.start())
        date = _period_date(match, dated)
        if date is None or (doc_date is not None and date < doc_date):
            continue
        plain_in = match["lead"].startswith(("trong", "vao"))
        clause_start = _clause_start(ct.folded, match.start())
        bounds = _period_bounds(match, date.year)
        ahead = doc_date is not None and bounds is not None and bounds[0] > doc_date
        if (
            plain_in
            and not _completion_pattern().search(ct.folded, clause_start, match.start())
            and not _closes_task(ct, clause_start, match.start(), directive, ahead)
        ):
            continue
        what_start = _task_span(ct.folded, match.start(), strong=True)
        if what_start is None:
            continue
        what = ct.text[what_start : match.start()].strip(" \t,.;:|-+\u2022\u2013")
        if not what and match["label"]:
            # "- Thời gian: tháng 8/2025" on its own line: the task is the line above
            what_start = _line_above(ct, match.start())
            what = ct.text[what_start : match.start()].strip(" \t\n,.;:|-+\u2022\u2013")
        if what:
            what = what.lstrip("-+\u2022\u2013 \t") or what  # a list's bullet is no task
            out.append(
                Deadline(what_start, match.end(), ct.text[what_start : match.end()], date, what)
            )
    return out


def find_deadlines(
    ct: CleanText,
    dates: Sequence[DateHit],
    masks: Sequence[tuple[int, int]],
    dated: DocumentDates,
    directive: bool = False,
    tables: Sequence[Table] = (),
) -> list[Deadline]:
    """Deadlines in the clean text, in order (clean offsets). ``directive``: the header
    names a type that assigns work (a plan, a notice), not a report. ``dated`` tells the
    own date of the document each position belongs to and the year a date without one
    takes (never one from another paragraph)."""
    out: list[Deadline] = []
    masked = SpanSet(masks)
    for hit in dates:
        if masked.covers(hit.start, hit.end):
            continue
        doc_date = dated.date_at(hit.start)
        date = hit.resolve(dated.year_at(hit.start)) if hit.year is None else hit.date
        if date is None:
            continue
        if hit.year is None and doc_date is not None and date < doc_date:
            # "trước ngày 15/01" in a text of December: next January, when that is near
            later = hit.resolve(date.year + 1)
            if later is not None and (later - doc_date).days <= _ROLL_DAYS:
                date = later
        # the line's start within the window only: a long paragraph stays linear
        floor = max(0, hit.start - 40)
        window_start = max(floor, ct.folded.rfind("\n", floor, hit.start) + 1)
        trigger = _STRONG.search(ct.folded, window_start, hit.start)
        strong = trigger is not None
        if (
            strong
            and doc_date is not None
            and date < doc_date
            and not _restated(ct, hit.start, directive)
        ):
            continue  # "trước ngày ..." in the past of the document is history, not a task
        if trigger is None:
            trigger = _WEAK.search(ct.folded, window_start, hit.start)
            if trigger is None or _WEAK_BLOCKERS.search(ct.folded, window_start, hit.start):
                continue
            if doc_date is None or date <= doc_date:
                continue
        what_start = _task_span(ct.folded, trigger.start(), strong)
        if what_start is None:
            continue
        what = ct.text[what_start : trigger.start()].strip(" \t,.;:|")
        if not what:
            continue
        out.append(Deadline(what_start, hit.end, ct.text[what_start : hit.end], date, what))
    out += _due_periods(ct, masks, dated, directive)
    out += _column_deadlines(ct, tables, out, dated)
    out += schedule_deadlines(ct, dates, dated, directive, out)
    return sorted(out, key=lambda d: d.start)


@cache
def _due_column() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(DEADLINE_COLUMNS, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _due_in_cell(
    ct: CleanText, start: int, end: int, default_year: int | None
) -> datetime.date | None:
    """The date a table cell names alone as due, or None."""
    cell = ct.lower[start:end].rstrip(" \t.;,")
    period = _DUE_CELL.fullmatch(cell)
    if period is not None:
        year = int(period["y"]) if period["y"] else default_year
        if year is None:
            return None
        if period["year_only"]:
            return datetime.date(year, 12, 31) if period["y"] else None
        if period["m"] or period["m1"] or period["mn"]:
            first_month, months = int(period["m"] or period["m1"] or period["mn"]), 1
            if not 1 <= first_month <= 12:
                return None
        else:
            first_month, months = 3 * _QUARTERS[(period["q"] or period["q1"]).upper()] - 2, 3
        first = datetime.date(year, first_month, 1)
        after = first_month + months
        last = datetime.date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1)
        if (period["lead"] or "").startswith("truoc") and months == 3:
            return first - datetime.timedelta(days=1)  # "Trước quý III": before it begins
        return last - datetime.timedelta(days=1)
    lead = _DATE_CELL.match(cell)
    hit = match_date_at(ct.lower, start + lead.end()) if lead else None
    if hit is not None and not ct.lower[hit.end : start + len(cell)].strip():
        return hit.date
    return None


def _column_deadlines(
    ct: CleanText,
    tables: Sequence[Table],
    taken: Sequence[Deadline],
    dated: DocumentDates,
) -> list[Deadline]:
    """Due times in the cells of a table's time column (``Thời gian``: ``Quý III/2024``)."""
    out: list[Deadline] = []
    taken_spans = SpanSet((d.start, d.end) for d in taken)
    for table in tables:
        columns = [
            i for i, c in enumerate(table.header) if _due_column().search(ct.lower, c.start, c.end)
        ]
        for row in table.body if columns else ():
            labels = [c for i, c in enumerate(row) if i not in columns and _LETTER.search(c.text)]
            for i in columns:
                if i >= len(row) or not labels:
                    continue
                cell = row[i]
                start = cell.start + len(cell.text) - len(cell.text.lstrip())
                end = cell.start + len(cell.text.rstrip())
                if start >= end or taken_spans.overlaps(start, end):
                    continue
                date = _due_in_cell(ct, start, end, dated.year_at(start))
                doc_date = dated.date_at(start)
                if date is None or (doc_date is not None and date < doc_date):
                    continue
                what = labels[0].text.strip()
                out.append(Deadline(start, end, ct.text[start:end], date, what))
    return out
