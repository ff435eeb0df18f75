"""Deadlines: what is due and by when.

A date is a deadline when a deadline word stands right before it (``trước ngày``,
``chậm nhất ngày``, ``hạn``, ``thời hạn:``), or when an action (``báo cáo``, ``gửi``,
``hoàn thành``) in the same clause is dated after the document's own date
(``báo cáo kết quả lần 2 ngày 10/12/2023`` in a report dated in June). The task is
the clause before the date, from its first action verb.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from functools import cache

from .clean import CleanText
from .dates import DateHit
from .models import Deadline
from .tables import DEADLINE_ACTIONS

__all__ = ["find_deadlines"]

_STRONG = re.compile(
    r"(?<!\w)(?:truoc|cham[ \t]+nhat(?:[ \t]+la)?"
    r"|(?:thoi[ \t]+)?han(?:[ \t]+(?:chot|cuoi|nop|gui|hoan[ \t]+thanh|bao[ \t]+cao))?"
    r"(?:[ \t]+la)?[ \t]*:?|xong[ \t]+truoc)"
    r"[ \t]+(?:(?:vao|trong)[ \t]+)?(?:ngay[ \t]+)?$",
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
_JOINED = re.compile(r"(?<!\w)va[ \t]+$", re.I)


@cache
def _action_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(DEADLINE_ACTIONS, key=len, reverse=True))
    # "tổ chức đảng", "tổ chức cơ sở" are the noun, not the verb "tổ chức"
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)(?![ \t]+(?:dang|co[ \t]+so)\b)", re.I)


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


def _inside(start: int, end: int, masks: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in masks)


def find_deadlines(
    ct: CleanText,
    dates: Sequence[DateHit],
    masks: Sequence[tuple[int, int]],
    doc_date: datetime.date | None,
    default_year: int | None,
) -> list[Deadline]:
    """Deadlines in the clean text, in order (clean offsets)."""
    out: list[Deadline] = []
    for hit in dates:
        if _inside(hit.start, hit.end, masks):
            continue
        date = hit.resolve(default_year)
        if date is None:
            continue
        line_start = ct.folded.rfind("\n", 0, hit.start) + 1
        window_start = max(line_start, hit.start - 40)
        trigger = _STRONG.search(ct.folded, window_start, hit.start)
        strong = trigger is not None
        if strong and doc_date is not None and date < doc_date:
            continue  # "trước ngày ..." in the past of the document is history, not a task
        if trigger is None:
            trigger = _WEAK.search(ct.folded, window_start, hit.start)
            if trigger is None or _WEAK_BLOCKERS.search(ct.folded, window_start, hit.start):
                continue
            if doc_date is None or date <= doc_date:
                continue
        clause_start = _clause_start(ct.folded, trigger.start())
        if strong and not ct.folded[clause_start : trigger.start()].strip():
            clause_start = _clause_start(ct.folded, max(0, clause_start - 1))
        action = _task_start(ct.folded, clause_start, trigger.start())
        if action is not None:
            what_start = action
        elif strong:
            trim = _TRIM.match(ct.folded, clause_start, trigger.start())
            what_start = trim.end() if trim else clause_start
        else:
            continue
        what = ct.text[what_start : trigger.start()].strip(" \t,.;:")
        if not what:
            continue
        out.append(Deadline(what_start, hit.end, ct.text[what_start : hit.end], date, what))
    return out
