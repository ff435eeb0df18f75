"""Deadlines of a plan's schedule lines: a line that opens with its date, a colon and the
task (``- Ngày 25/7/2025: trình Ban Thường vụ phương án nhân sự``, ``- Từ ngày 11/7 đến
ngày 20/7/2025: hoàn thiện dự thảo``: due at the range's end), and a line of due time
under its task (``- Thời gian: từ ngày 01/12 đến ngày 25/12/2020``, the task the line
above), and a label of due time naming its task (``Hạn cuối nhận hồ sơ: ngày
20/11/2024``). In running text, a task dated by a range of days is due at its end (``Các chi
bộ tổ chức kiểm điểm từ ngày 01/12 đến ngày 25/12/2024``): an action opens the clause,
nothing in it is done or counted (``đã``, ``được``, ``tính``). Only in a directive (a
plan, a notice, a letter), and not in the past of its document's date: in a report
such a line tells what was done.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .clean import CleanText
from .context import DocumentDates
from .dates import DateHit
from .models import Deadline
from .spans import SpanSet
from .tables import DEADLINE_ACTIONS

__all__ = ["schedule_deadlines"]

_DAY = r"[0-9]{1,2}(?:[ \t]*[/.\-][ \t]*[0-9]{1,2}(?:[ \t]*[/.\-][ \t]*[0-9]{4})?)?"
# what opens the line before the (last) date, on the folded lower text
_LEAD = re.compile(
    r"[ \t\-+*\u2022\u2013]*(?P<label>thoi[ \t]+gian(?:[ \t]+thuc[ \t]+hien)?[ \t]*:[ \t]*)?"
    rf"(?P<range>tu[ \t]+(?:ngay[ \t]+)?{_DAY}[ \t]+(?:den|-|\u2013)[ \t]+)?"
    rf"(?:ngay[ \t]+)?(?:{_DAY}[ \t]+va[ \t]+)?"
)
# a label of due time naming its task before the colon, the date after it
_DUE_LABEL = re.compile(
    r"[ \t\-+*\u2022\u2013]*(?:[0-9]{1,2}[.)][ \t]+)?"
    r"(?P<han>(?:thoi[ \t]+)?han(?:[ \t]+(?:chot|cuoi))?)"
    r"[ \t]+(?P<task>[^\W\d_][^:\n]{2,60}?)[ \t]*:[ \t]*(?:ngay[ \t]+)?"
)
_TASK = re.compile(r"[ \t]*:[ \t]*(?P<task>[^\W\d_][^\n.;]*)")
_LINE_END = re.compile(r"[ \t.;]*(?:\n|$)")
# "... từ ngày 01/12 đến ngày": the words before the range's end, read backwards
# the day reversed ("01/12" as "21/10"), its year perhaps
_RDAY = r"(?:(?:[0-9]{4}[ \t]*[/.\-][ \t]*)?[0-9]{1,2}[ \t]*[/.\-][ \t]*)?[0-9]{1,2}"
_RANGE_BACK = re.compile(
    rf"[ \t]*(?:yagn[ \t]+)?(?:ned|-|\u2013)[ \t]+{_RDAY}[ \t]*(?:yagn[ \t]+)?ut(?!\w)"
)
_RANGE_REACH = 48
_TIME_TAIL = re.compile(r"[ \t,]*(?:trong[ \t]+(?:thoi[ \t]+gian|khoang)|trong)?[ \t]*$")
_CLAUSE = re.compile(r"[;:.!?\n(]")
_NOT_A_TASK = re.compile(r"(?<!\w)(?:da|duoc|tinh|ke)(?!\w)")
_BULLET = re.compile(r"[ \t\-+*\u2022\u2013]*(?:[0-9]{1,2}[.)][ \t]+|[a-z][)][ \t]+)?")


def schedule_deadlines(
    ct: CleanText,
    dates: Sequence[DateHit],
    dated: DocumentDates,
    directive: bool,
    found: Sequence[Deadline],
) -> list[Deadline]:
    """The deadlines of schedule lines not already ``found`` (clean offsets)."""
    if not directive:
        return []
    taken = SpanSet((d.start, d.end) for d in found)
    by_date = {d.date: d.start for d in found}
    out: list[Deadline] = []
    for hit in dates:
        if taken.overlaps(hit.start, hit.end):
            continue
        date = hit.resolve(dated.year_at(hit.start)) if hit.year is None else hit.date
        doc_date = dated.date_at(hit.start)
        if date is None or (doc_date is not None and date < doc_date):
            continue
        line_start = ct.lower.rfind("\n", max(0, hit.start - 60), hit.start) + 1
        near = line_start > 0 or hit.start <= 60  # the line opens within reach
        lead = _LEAD.fullmatch(ct.lower, line_start, hit.start) if near else None
        labelled = _DUE_LABEL.fullmatch(ct.lower, line_start, hit.start) if near else None
        if labelled is not None:
            # "Hạn cuối nhận hồ sơ: ngày 20/11/2024": the task is named in the label
            start = labelled.start("han")
            what = ct.text[labelled.start("task") : labelled.end("task")].strip()
            out.append(Deadline(start, hit.end, ct.text[start : hit.end], date, what))
            continue
        if lead is None:
            ranged = _ranged_task(ct, hit)
            if ranged is not None:
                start, what = ranged
                out.append(Deadline(start, hit.end, ct.text[start : hit.end], date, what))
            continue
        line_end = ct.lower.find("\n", hit.end)
        if line_start <= by_date.get(date, -1) < (len(ct.lower) if line_end < 0 else line_end):
            continue  # the line's date is due already ("..., phiên chính thức ngày 06/8")
        start = line_start + len(lead[0]) - len(lead[0].lstrip(" \t-+*\u2022\u2013"))
        if lead["label"]:
            # "Thời gian: từ ngày 01/12 đến ngày 25/12/2020" under its task
            if not lead["range"] or not _LINE_END.match(ct.lower, hit.end) or line_start < 2:
                continue
            above = ct.text.rfind("\n", 0, line_start - 1) + 1
            bullet = _BULLET.match(ct.text, above, line_start - 1)
            what = ct.text[bullet.end() if bullet else above : line_start - 1].strip(" \t.;:")
            end = hit.end
        else:
            task = _TASK.match(ct.text, hit.end)
            if task is None:
                continue
            what = task["task"].strip()
            end = task.end("task")
        if what:
            out.append(Deadline(start, end, ct.text[start:end], date, what))
    return out


@cache
def _action() -> re.Pattern[str]:
    words = "|".join(sorted(DEADLINE_ACTIONS, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")  # on the folded lower text


def _ranged_task(ct: CleanText, hit: DateHit) -> tuple[int, str] | None:
    """The start and the task of a clause closed by a range of days ending at ``hit``."""
    floor = max(0, hit.start - _RANGE_REACH)
    back = _RANGE_BACK.match(ct.lower[floor : hit.start][::-1])
    if back is None:
        return None
    range_start = hit.start - back.end()
    clause_floor = max(0, range_start - 200)
    clause = max(
        (m.end() for m in _CLAUSE.finditer(ct.lower, clause_floor, range_start)),
        default=clause_floor,
    )
    action = _action().search(ct.lower, clause, range_start)
    if action is None or _NOT_A_TASK.search(ct.lower, clause, range_start):
        return None
    tail = _TIME_TAIL.search(ct.lower, action.start(), range_start)
    what = ct.text[action.start() : tail.start() if tail else range_start].strip(" \t,")
    return (action.start(), what) if what else None
