"""The arithmetic of membership: pure functions over dates and plain values, no Django.

Every number that the Party's rules fix (probation length, badge milestones, award days,
age limits, rating levels and quota) is passed in by the caller, who reads it from the
`Rule` table for the date in question: a 2023 question is answered with 2023 rules.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# --- months --------------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """The same day `months` later (or earlier); the 31st becomes the month's last day."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def full_months(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 if `end` is before `start`)."""
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


def age_in_months(birth: date, on: date) -> int:
    return full_months(birth, on)


def age_in_years(birth: date, on: date) -> int:
    return full_months(birth, on) // 12


def month_start(d: date) -> date:
    return d.replace(day=1)


# --- working days ------------------------------------------------------------------------


def is_working_day(d: date, holidays: frozenset[date]) -> bool:
    return d.weekday() < 5 and d not in holidays


def add_working_days(start: date, days: int, holidays: frozenset[date]) -> date:
    """The date `days` working days after `start` (Saturday, Sunday and holidays skipped)."""
    d = start
    remaining = days
    while remaining > 0:
        d += timedelta(days=1)
        if is_working_day(d, holidays):
            remaining -= 1
    return d


def working_days_between(start: date, end: date, holidays: frozenset[date]) -> int:
    """Working days in (start, end]: how many working days `end` lies after `start`."""
    if end <= start:
        return 0
    return sum(
        1
        for n in range(1, (end - start).days + 1)
        if is_working_day(start + timedelta(days=n), holidays)
    )


def holidays_for(
    years: Iterable[int], fixed: Sequence[str], dated: Sequence[str]
) -> frozenset[date]:
    """Public holidays: fixed solar days ("MM-DD", every year) and dated ones ("YYYY-MM-DD",
    the lunar Tết and Giỗ Tổ days, and the days off moved by government decision)."""
    out: set[date] = set()
    for year in years:
        for md in fixed:
            month, day = (int(x) for x in md.split("-"))
            out.add(date(year, month, day))
    for iso in dated:
        out.add(date.fromisoformat(iso))
    return frozenset(out)


# --- admission and probation -------------------------------------------------------------


def admission_age_problem(birth: date, admitted: date, min_months: int, max_months: int) -> str:
    """Why an admission on `admitted` is outside the age limits, or "" if it is not."""
    months = age_in_months(birth, admitted)
    if months < min_months:
        return f"chưa đủ {min_months // 12} tuổi (tính theo tháng)"
    if months > max_months:
        return (
            f"đã quá {max_months // 12} tuổi: phải có ý kiến đồng ý của ban thường vụ tỉnh ủy, "
            "thành ủy"
        )
    return ""


def probation_end(admitted: date, ceremony: date | None, months: int) -> date:
    """The day a probationary member becomes official if recognized: `months` after the
    ceremony (after the decision while the ceremony is not yet recorded)."""
    return add_months(ceremony or admitted, months)


@dataclass(frozen=True)
class RecognitionDue:
    official_from: date  # the day the probation ends: official from this day if recognized
    review_by: date  # the last day of the cell's review window
    overdue: bool


def recognition_due(
    admitted: date,
    ceremony: date | None,
    on: date,
    *,
    probation_months: int,
    review_working_days: int,
    holidays: frozenset[date],
) -> RecognitionDue:
    end = probation_end(admitted, ceremony, probation_months)
    review_by = add_working_days(end, review_working_days, holidays)
    return RecognitionDue(official_from=end, review_by=review_by, overdue=on > review_by)


# --- party age and badges ------------------------------------------------------------------


def party_age_months(admitted: date, on: date, gaps: Sequence[tuple[date, date]]) -> int:
    """Party age on `on` in months: from the admission decision, probation included,
    minus the periods without party activity that ended by then (each [start, end))."""
    total = full_months(admitted, on)
    for start, end in gaps:
        if start >= on:
            continue
        total -= full_months(start, min(end, on))
    return max(total, 0)


def gap_months(gaps: Sequence[tuple[date, date]]) -> int:
    return sum(full_months(start, end) for start, end in gaps)


def party_age_from(admitted: date, gaps: Sequence[tuple[date, date]]) -> date:
    """The admission date shifted by the months without activity: party age on any later
    date d is full_months(party_age_from, d) once the gaps lie in the past."""
    return add_months(admitted, gap_months(gaps))


def next_award_day(on: date, award_days: Sequence[tuple[int, int]]) -> date:
    """The first award day (month, day) on or after `on`."""
    candidates = [
        date(year, month, day) for year in (on.year, on.year + 1) for month, day in award_days
    ]
    return min(d for d in candidates if d >= on)


def badge_due(
    age_from: date,
    award_day: date,
    milestones: Sequence[int],
    awarded: Iterable[int],
) -> int | None:
    """The badge (in years of party age) a member should receive on `award_day`: the
    highest milestone reached by then that is above every badge already awarded."""
    best_awarded = max(awarded, default=0)
    months = full_months(age_from, award_day)
    reached = [y for y in milestones if months >= y * 12 and y > best_awarded]
    return max(reached) if reached else None


def badge_window(award_day: date, years: int, next_years: int | None) -> tuple[date, date | None]:
    """The `party_age_from` dates (lo, hi] for which `years` is the highest milestone reached
    on `award_day`: lo exclusive bound of the next milestone, hi inclusive."""
    hi = add_months(award_day, -12 * years)
    lo = add_months(award_day, -12 * next_years) if next_years else None
    return (lo, hi) if lo else (date.min, hi)  # type: ignore[return-value]


# --- age bands ------------------------------------------------------------------------------


def age_band(birth_year: int, on_year: int, limits: Sequence[int]) -> str:
    """The band of the age counted by year, as the statistical forms count it: limits
    (30, 40, 50, 60, 70) give "≤ 30", "31–40", ..., "> 70"."""
    age = on_year - birth_year
    previous = None
    for limit in limits:
        if age <= limit:
            return f"≤ {limit}" if previous is None else f"{previous + 1}–{limit}"
        previous = limit
    return f"> {limits[-1]}"


def age_band_labels(limits: Sequence[int]) -> list[str]:
    labels = [f"≤ {limits[0]}"]
    labels += [f"{a + 1}–{b}" for a, b in itertools.pairwise(limits)]
    labels.append(f"> {limits[-1]}")
    return labels


def birth_years_of_band(label: str, on_year: int, limits: Sequence[int]) -> tuple[int, int]:
    """The birth years (inclusive) whose age counted by year falls in the band."""
    labels = age_band_labels(limits)
    index = labels.index(label)
    low_age = 0 if index == 0 else limits[index - 1] + 1
    high_age = limits[index] if index < len(limits) else 200
    return on_year - high_age, on_year - low_age


# --- quality rating ------------------------------------------------------------------------


def rating_for_points(points: int, thresholds: Sequence[tuple[str, int]]) -> str:
    """The rating level for a score: thresholds are (level, minimum points), best first."""
    for level, minimum in thresholds:
        if points >= minimum:
            return level
    return thresholds[-1][0]


def excellent_quota(good: int, percent: int) -> int:
    """How many members of a group may be rated excellent: `percent` of those rated good."""
    return good * percent // 100


# --- citizen ID (CCCD) ----------------------------------------------------------------------

_CCCD = re.compile(r"\d{12}")
# The fourth digit gives sex and century: 0/1 born 1900–1999 (male/female), 2/3 2000–2099,
# 4/5 2100–2199, 6/7 2200–2299, 8/9 1800–1899.
_CENTURY = {
    0: 1900,
    1: 1900,
    2: 2000,
    3: 2000,
    4: 2100,
    5: 2100,
    6: 2200,
    7: 2200,
    8: 1800,
    9: 1800,
}


def normalize_citizen_id(raw: str) -> str:
    return re.sub(r"[\s.\-]", "", raw or "")


def citizen_id_problem(value: str, *, female: bool | None, birth_year: int | None) -> str:
    """Why `value` is not a valid 12-digit citizen ID for this person, or ""."""
    if not _CCCD.fullmatch(value):
        return f"phải gồm đúng 12 chữ số (đang có {len(value)} ký tự)"
    province = int(value[:3])
    if not 1 <= province <= 96:
        return f"ba chữ số đầu ({value[:3]}) không phải mã tỉnh nơi đăng ký khai sinh"
    code = int(value[3])
    if female is not None and bool(code % 2) != female:
        return "chữ số thứ tư không khớp với giới tính"
    if birth_year is not None:
        year = _CENTURY[code] + int(value[4:6])
        if year != birth_year:
            return f"các chữ số 4–6 cho năm sinh {year}, không khớp với năm sinh {birth_year}"
    return ""


def citizen_id_prefix(province_code: int, female: bool, birth_year: int) -> str:
    """The first six digits of a valid ID for a person (used to generate demo data)."""
    century = (birth_year // 100) * 100
    base = {1900: 0, 2000: 2, 2100: 4, 2200: 6, 1800: 8}[century]
    return f"{province_code:03d}{base + (1 if female else 0)}{birth_year % 100:02d}"
