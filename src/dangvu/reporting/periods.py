"""Reporting periods: pure arithmetic, no Django.

A `Period` is a kind and its dates: a month, a quarter (quý I–IV), six months (6 tháng đầu
năm / cuối năm), nine months (9 tháng đầu năm), a year, a term (nhiệm kỳ 2020–2025) or an
ad-hoc round (đợt) with dates of its own. Each has a key to store (`2023-Q1`), a
Vietnamese label (`quý I năm 2023`), a data window (a committee may count figures only
"đến ngày 15/6"), the previous period and the same period of last year.

A term's reports count five calendar years after the congress year: the 2020–2025 term
counts 2021–2025, as the seeds write "5 năm (2021-2025)" of "nhiệm kỳ 2020-2025".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

MONTH = "month"
QUARTER = "quarter"
HALF = "half"
NINE_MONTHS = "nine_months"
YEAR = "year"
TERM = "term"
ROUND = "round"

KIND_LABELS = {
    MONTH: "Tháng",
    QUARTER: "Quý",
    HALF: "6 tháng",
    NINE_MONTHS: "9 tháng",
    YEAR: "Năm",
    TERM: "Nhiệm kỳ",
    ROUND: "Đợt (ngày tự chọn)",
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
TERM_YEARS = 5


class PeriodError(ValueError):
    """A period that cannot be: the message is Vietnamese, for the user."""


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _short(d: date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date  # inclusive
    number: int = 0  # the month, quarter or half; 0 otherwise
    title: str = ""  # an ad-hoc round's own name
    data_until: date | None = None  # "số liệu tính đến ngày ..."

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError("Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi.")
        if self.data_until is not None and not self.start <= self.data_until <= self.end:
            raise PeriodError(
                f"Ngày chốt số liệu phải nằm trong kỳ báo cáo (từ {_short(self.start)} đến "
                f"{_short(self.end)})."
            )

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def key(self) -> str:
        y = self.start.year
        if self.kind == MONTH:
            return f"{y}-M{self.number:02d}"
        if self.kind == QUARTER:
            return f"{y}-Q{self.number}"
        if self.kind == HALF:
            return f"{y}-H{self.number}"
        if self.kind == NINE_MONTHS:
            return f"{y}-9M"
        if self.kind == YEAR:
            return f"{y}"
        if self.kind == TERM:
            return f"T{y - 1}-{y - 1 + TERM_YEARS}"
        return f"D{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def label(self) -> str:
        y = self.start.year
        if self.kind == MONTH:
            return f"tháng {self.number} năm {y}"
        if self.kind == QUARTER:
            return f"quý {ROMAN[self.number]} năm {y}"
        if self.kind == HALF:
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {y}"
        if self.kind == NINE_MONTHS:
            return f"9 tháng đầu năm {y}"
        if self.kind == YEAR:
            return f"năm {y}"
        if self.kind == TERM:
            return f"nhiệm kỳ {y - 1}–{y - 1 + TERM_YEARS}"
        dates = f"từ {_short(self.start)} đến {_short(self.end)}"
        return f"{self.title} ({dates})" if self.title else f"đợt {dates}"

    @property
    def window(self) -> tuple[date, date]:
        """The days whose figures count: from the start to the cut-off (or the end)."""
        return self.start, self.data_until or self.end

    @property
    def as_of(self) -> date:
        """The day stocks (tổng số đảng viên) and the tree are read on."""
        return self.window[1]

    def with_cutoff(self, data_until: date | None) -> Period:
        return replace(self, data_until=data_until)

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def previous(self) -> Period:
        if self.kind == MONTH:
            y, m = (self.year, self.number - 1) if self.number > 1 else (self.year - 1, 12)
            return month(y, m)
        if self.kind == QUARTER:
            y, q = (self.year, self.number - 1) if self.number > 1 else (self.year - 1, 4)
            return quarter(y, q)
        if self.kind == HALF:
            return half(self.year, 1) if self.number == 2 else half(self.year - 1, 2)
        if self.kind == NINE_MONTHS:
            return nine_months(self.year - 1)
        if self.kind == YEAR:
            return year(self.year - 1)
        if self.kind == TERM:
            return term(self.year - 1 - TERM_YEARS)
        length = (self.end - self.start).days
        end = self.start - timedelta(days=1)
        return adhoc(end - timedelta(days=length), end, title=self.title)

    def same_period_last_year_or_none(self) -> Period | None:
        if self.kind == MONTH:
            return month(self.year - 1, self.number)
        if self.kind == QUARTER:
            return quarter(self.year - 1, self.number)
        if self.kind == HALF:
            return half(self.year - 1, self.number)
        if self.kind == NINE_MONTHS:
            return nine_months(self.year - 1)
        if self.kind == YEAR:
            return year(self.year - 1)
        if self.kind == TERM:
            return None  # a term has no "same period last year"
        return adhoc(_shift_year(self.start, -1), _shift_year(self.end, -1), title=self.title)

    def same_period_last_year(self) -> Period:
        found = self.same_period_last_year_or_none()
        if found is None:
            raise PeriodError("Nhiệm kỳ không có kỳ cùng kỳ năm trước; hãy so với nhiệm kỳ trước.")
        return found

    def months(self) -> list[Period]:
        """The calendar months the period covers (whole or in part), in order."""
        out = []
        y, m = self.start.year, self.start.month
        while date(y, m, 1) <= self.end:
            out.append(month(y, m))
            y, m = (y, m + 1) if m < 12 else (y + 1, 1)
        return out


def month(y: int, m: int) -> Period:
    if not 1 <= m <= 12:
        raise PeriodError("Tháng phải từ 1 đến 12.")
    return Period(MONTH, date(y, m, 1), _month_end(y, m), number=m)


def quarter(y: int, q: int) -> Period:
    if not 1 <= q <= 4:
        raise PeriodError("Quý phải từ I đến IV.")
    first = 3 * (q - 1) + 1
    return Period(QUARTER, date(y, first, 1), _month_end(y, first + 2), number=q)


def half(y: int, h: int) -> Period:
    if h not in (1, 2):
        raise PeriodError("Chỉ có 6 tháng đầu năm (1) và 6 tháng cuối năm (2).")
    return Period(HALF, date(y, 1 if h == 1 else 7, 1), _month_end(y, 6 if h == 1 else 12), h)


def nine_months(y: int) -> Period:
    return Period(NINE_MONTHS, date(y, 1, 1), date(y, 9, 30))


def year(y: int) -> Period:
    return Period(YEAR, date(y, 1, 1), date(y, 12, 31))


def term(first_year: int) -> Period:
    """The term named first_year–first_year+5 (nhiệm kỳ 2020–2025)."""
    return Period(TERM, date(first_year + 1, 1, 1), date(first_year + TERM_YEARS, 12, 31))


def adhoc(start: date, end: date, *, title: str = "") -> Period:
    return Period(ROUND, start, end, title=title.strip())


def containing(kind: str, d: date) -> Period:
    """The period of `kind` (not a round) that contains the day."""
    if kind == MONTH:
        return month(d.year, d.month)
    if kind == QUARTER:
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if kind == HALF:
        return half(d.year, 1 if d.month <= 6 else 2)
    if kind == NINE_MONTHS:
        return nine_months(d.year)
    if kind == YEAR:
        return year(d.year)
    if kind == TERM:
        first = d.year - 1 - (d.year - 1 - 2020) % TERM_YEARS
        return term(first)
    raise PeriodError("Đợt báo cáo không có kỳ mặc định: hãy nhập ngày bắt đầu và kết thúc.")


_KEY = re.compile(
    r"^(?:(?P<y>\d{4})(?:-M(?P<m>\d{2})|-Q(?P<q>[1-4])|-H(?P<h>[12])|(?P<n>-9M))?"
    r"|T(?P<t>\d{4})-\d{4}|D(?P<ds>\d{4}-\d{2}-\d{2})_(?P<de>\d{4}-\d{2}-\d{2}))$"
)


def from_key(key: str, *, title: str = "", data_until: date | None = None) -> Period:
    """The period a stored key names (the inverse of `Period.key`)."""
    found = _KEY.match(key)
    if not found:
        raise PeriodError(f"Không hiểu kỳ báo cáo “{key}”.")
    g = found.groupdict()
    if g["t"]:
        p = term(int(g["t"]))
    elif g["ds"]:
        p = adhoc(date.fromisoformat(g["ds"]), date.fromisoformat(g["de"]), title=title)
    else:
        y = int(g["y"])
        if g["m"]:
            p = month(y, int(g["m"]))
        elif g["q"]:
            p = quarter(y, int(g["q"]))
        elif g["h"]:
            p = half(y, int(g["h"]))
        elif g["n"]:
            p = nine_months(y)
        else:
            p = year(y)
    return p.with_cutoff(data_until)


def state_window(period: Period) -> tuple[date, date]:
    """The window state bodies use for comparison: from the 15th of the month before the
    period to the 14th of its last month (Nghị định 09/2019/NĐ-CP, to be checked)."""
    first = period.start.replace(day=1) - timedelta(days=1)
    return first.replace(day=15), period.end.replace(day=14)
