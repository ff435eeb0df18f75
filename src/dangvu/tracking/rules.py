"""Pure rules of implementation tracking: unit rules as data, due-date and status
arithmetic, the figures a task may ask for, and completion as committees write it.
No Django here: plain values in, plain values out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

# --- which units a task applies to ------------------------------------------------------

RULE_DIRECT = "direct"
RULE_GRASSROOTS = "grassroots"
RULE_CELLS = "cells"
RULE_LISTED = "listed"

GRASSROOTS_KINDS = ("grassroots_committee", "grassroots_cell")
CELL_KINDS = ("grassroots_cell", "cell")


@dataclass(frozen=True)
class UnitRule:
    """A rule on the tree, resolved below a root unit on the task's issue date:
    `relative_depth` 1 is the root's direct subordinates, None any depth; `kinds` the
    organization kinds taken (None: every kind); `listed` units chosen by hand."""

    code: str
    label: str
    relative_depth: int | None = None
    kinds: tuple[str, ...] | None = None
    listed: bool = False


UNIT_RULES: dict[str, UnitRule] = {
    r.code: r
    for r in (
        UnitRule(RULE_DIRECT, "Các tổ chức đảng trực thuộc", relative_depth=1),
        UnitRule(RULE_GRASSROOTS, "Mọi tổ chức cơ sở đảng", kinds=GRASSROOTS_KINDS),
        UnitRule(RULE_CELLS, "Mọi chi bộ (chi bộ cơ sở và chi bộ trực thuộc)", kinds=CELL_KINDS),
        UnitRule(RULE_LISTED, "Các đơn vị chọn theo danh sách", listed=True),
    )
}


def rule_for(code: str) -> UnitRule:
    try:
        return UNIT_RULES[code]
    except KeyError:
        raise ValueError(f"unknown unit rule {code!r}") from None


def rule_takes(rule: UnitRule, *, root_depth: int, depth: int, kind: str) -> bool:
    """Whether a unit at `depth` of `kind` strictly below the root is taken by `rule`."""
    if depth <= root_depth or rule.listed:
        return False
    if rule.relative_depth is not None and depth - root_depth != rule.relative_depth:
        return False
    return rule.kinds is None or kind in rule.kinds


# --- figures a task may ask for ---------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    unit: str  # as committees write the sum: "108 buổi"


FIGURES: tuple[Figure, ...] = (
    Figure("sessions", "Số buổi sinh hoạt, học tập đã tổ chức", "buổi"),
    Figure("participants", "Số lượt đảng viên tham dự", "lượt đảng viên"),
)


def vn_number(n: int) -> str:
    """1234 -> "1.234" (the Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


# --- status arithmetic ------------------------------------------------------------------

# Stored states (what the unit and its superior did) ...
PENDING = "pending"
IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
RETURNED = "returned"
DONE = "done"
EXEMPT = "exempt"
OPEN_STATES = (PENDING, IN_PROGRESS, SUBMITTED, RETURNED)
# A unit that reported is not overdue while its superior reads the report: whether it
# was late is judged by the completion date it reported.
OVERDUE_STATES = (PENDING, IN_PROGRESS, RETURNED)

# ... and what a page shows, derived from them, the due date and today.
SHOW_NOT_STARTED = "not_started"
SHOW_IN_PROGRESS = "in_progress"
SHOW_SUBMITTED = "submitted"
SHOW_RETURNED = "returned"
SHOW_OVERDUE = "overdue"
SHOW_DONE_ON_TIME = "done_on_time"
SHOW_DONE_LATE = "done_late"
SHOW_EXEMPT = "exempt"

SHOWN_LABELS = {
    SHOW_NOT_STARTED: "Chưa thực hiện",
    SHOW_IN_PROGRESS: "Đang thực hiện",
    SHOW_SUBMITTED: "Đã báo cáo, chờ cấp trên xác nhận",
    SHOW_RETURNED: "Cấp trên trả lại, cần bổ sung",
    SHOW_OVERDUE: "Quá hạn",
    SHOW_DONE_ON_TIME: "Hoàn thành đúng hạn",
    SHOW_DONE_LATE: "Hoàn thành muộn",
    SHOW_EXEMPT: "Không phải thực hiện",
}

# How far along a state is (the merge keeps the assignment furthest along).
PROGRESS_RANK = {EXEMPT: -1, PENDING: 0, IN_PROGRESS: 1, RETURNED: 2, SUBMITTED: 3, DONE: 4}


def is_late(due_on: date, completed_on: date | None) -> bool:
    return completed_on is not None and completed_on > due_on


def is_overdue(state: str, due_on: date, today: date) -> bool:
    """Not done (nor reported, nor exempt) after its due date."""
    return state in OVERDUE_STATES and today > due_on


def shown_status(state: str, due_on: date, completed_on: date | None, today: date) -> str:
    if state == EXEMPT:
        return SHOW_EXEMPT
    if state == DONE:
        return SHOW_DONE_LATE if is_late(due_on, completed_on) else SHOW_DONE_ON_TIME
    if state == SUBMITTED:
        return SHOW_SUBMITTED
    if is_overdue(state, due_on, today):
        return SHOW_OVERDUE
    if state == RETURNED:
        return SHOW_RETURNED
    if state == IN_PROGRESS:
        return SHOW_IN_PROGRESS
    return SHOW_NOT_STARTED


def days_left(due_on: date, today: date) -> int:
    """Days until the due date (negative: days overdue)."""
    return (due_on - today).days


def describe_due(due_on: date, today: date) -> str:
    left = days_left(due_on, today)
    if left > 1:
        return f"còn {vn_number(left)} ngày"
    if left == 1:
        return "hạn ngày mai"
    if left == 0:
        return "hạn hôm nay"
    return f"quá hạn {vn_number(-left)} ngày"


def check_rounds(issued_on: date, due_dates: Sequence[date]) -> list[str]:
    """Problems with the due dates of a task's rounds (lần 1, lần 2, ...): each after the
    issue date, strictly increasing. Empty when they are fine."""
    problems = []
    if not due_dates:
        problems.append("Hãy nhập hạn hoàn thành.")
    for n, due in enumerate(due_dates, start=1):
        if due < issued_on:
            problems.append(f"Hạn lần {n} phải từ ngày giao việc trở đi.")
    for n, (a, b) in enumerate(itertools.pairwise(due_dates), start=2):
        if b <= a:
            problems.append(f"Hạn lần {n} phải sau hạn lần {n - 1}.")
    return problems


def due_within(due_on: date, today: date, days: int) -> bool:
    return 0 <= days_left(due_on, today) <= days


# --- completion as committees write it --------------------------------------------------


@dataclass(frozen=True)
class Completion:
    done: int
    total: int  # units that must do it (exempt ones aside)

    @property
    def missing(self) -> int:
        return self.total - self.done

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def __str__(self) -> str:
        return f"{vn_number(self.done)}/{vn_number(self.total)} đơn vị"
