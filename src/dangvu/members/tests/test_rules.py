"""The pure rules as tables of (input, expected)."""

from datetime import date

import pytest

from dangvu.members import rules
from dangvu.members import timeline as tl

D = date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2023, 3, 20), 12, D(2024, 3, 20)),
        (D(2023, 3, 20), -3, D(2022, 12, 20)),
    ],
)
def test_add_months(start, months, expected) -> None:
    assert rules.add_months(start, months) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2000, 1, 15), D(2000, 2, 14), 0),
        (D(2000, 1, 15), D(2000, 2, 15), 1),
        (D(2000, 1, 31), D(2000, 2, 29), 1),
        (D(2000, 1, 15), D(1999, 2, 15), 0),
        (D(2007, 5, 10), D(2025, 5, 10), 216),
    ],
)
def test_full_months(start, end, expected) -> None:
    assert rules.full_months(start, end) == expected


HOLIDAYS = rules.holidays_for([2025], ["01-01", "04-30", "05-01", "09-02"], ["2025-09-01"])


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2025, 8, 29), 1, D(2025, 9, 3)),  # Friday → Sat, Sun, 1/9, 2/9 skipped
        (D(2025, 4, 28), 2, D(2025, 5, 2)),  # 30/4 and 1/5 skipped
        (D(2025, 6, 2), 30, D(2025, 7, 14)),
        (D(2025, 6, 2), 0, D(2025, 6, 2)),
    ],
)
def test_add_working_days(start, days, expected) -> None:
    assert rules.add_working_days(start, days, HOLIDAYS) == expected
    assert rules.working_days_between(start, expected, HOLIDAYS) == days


@pytest.mark.parametrize(
    ("birth", "admitted", "problem"),
    [
        (D(2007, 5, 10), D(2025, 5, 10), ""),  # a full 18 on the day
        (D(2007, 5, 10), D(2025, 5, 9), "chưa đủ 18 tuổi"),
        (D(1965, 5, 10), D(2025, 5, 10), ""),  # a full 60 on the day
        (D(1965, 5, 9), D(2025, 6, 10), "đã quá 60 tuổi"),
    ],
)
def test_admission_age(birth, admitted, problem) -> None:
    found = rules.admission_age_problem(birth, admitted, 216, 720)
    assert (problem in found) if problem else found == ""


@pytest.mark.parametrize(
    ("admitted", "ceremony", "on", "official", "overdue"),
    [
        (D(2024, 3, 1), D(2024, 3, 20), D(2025, 3, 1), D(2025, 3, 20), False),
        (D(2024, 3, 1), None, D(2025, 3, 1), D(2025, 3, 1), False),
        (D(2024, 3, 1), D(2024, 3, 20), D(2025, 5, 12), D(2025, 3, 20), True),
    ],
)
def test_recognition_due(admitted, ceremony, on, official, overdue) -> None:
    due = rules.recognition_due(
        admitted, ceremony, on, probation_months=12, review_working_days=30, holidays=HOLIDAYS
    )
    assert (due.official_from, due.overdue) == (official, overdue)


@pytest.mark.parametrize(
    ("admitted", "gaps", "on", "months"),
    [
        (D(1995, 3, 1), [], D(2025, 3, 1), 360),
        (D(1995, 3, 1), [(D(2000, 1, 1), D(2003, 1, 1))], D(2025, 3, 1), 324),
        (D(1995, 3, 1), [(D(2024, 1, 1), D(2030, 1, 1))], D(2025, 3, 1), 346),
    ],
)
def test_party_age_months_deducts_gaps(admitted, gaps, on, months) -> None:
    assert rules.party_age_months(admitted, on, gaps) == months


MILESTONES = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]


@pytest.mark.parametrize(
    ("age_from", "award_day", "awarded", "due"),
    [
        (D(1995, 5, 19), D(2025, 5, 19), [], 30),
        (D(1995, 5, 20), D(2025, 5, 19), [], None),
        (D(1980, 1, 1), D(2025, 5, 19), [30], 45),  # missed 40: gets the highest reached
        (D(1980, 1, 1), D(2025, 5, 19), [45], None),
        (D(1935, 1, 1), D(2025, 9, 2), [85], 90),
    ],
)
def test_badge_due(age_from, award_day, awarded, due) -> None:
    assert rules.badge_due(age_from, award_day, MILESTONES, awarded) == due


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (D(2025, 1, 10), D(2025, 2, 3)),
        (D(2025, 2, 3), D(2025, 2, 3)),
        (D(2025, 11, 8), D(2026, 2, 3)),
    ],
)
def test_next_award_day(on, expected) -> None:
    assert rules.next_award_day(on, [(2, 3), (5, 19), (9, 2), (11, 7)]) == expected


@pytest.mark.parametrize(
    ("birth_year", "year", "band"),
    [(1995, 2025, "≤ 30"), (1994, 2025, "31–40"), (1965, 2025, "51–60"), (1950, 2025, "> 70")],
)
def test_age_band_counts_age_by_year(birth_year, year, band) -> None:
    limits = [30, 40, 50, 60, 70]
    assert rules.age_band(birth_year, year, limits) == band
    low, high = rules.birth_years_of_band(band, year, limits)
    assert low <= birth_year <= high


@pytest.mark.parametrize(
    ("points", "level"),
    [(95, "xuat_sac"), (90, "xuat_sac"), (89, "tot"), (50, "hoan_thanh"), (10, "khong")],
)
def test_rating_for_points(points, level) -> None:
    thresholds = [("xuat_sac", 90), ("tot", 70), ("hoan_thanh", 50), ("khong", 0)]
    assert rules.rating_for_points(points, thresholds) == level


@pytest.mark.parametrize(
    ("value", "female", "year", "fragment"),
    [
        ("015090000123", False, 1990, ""),
        ("015390000123", True, 2090, ""),
        ("01509000012", False, 1990, "12 chữ số"),
        ("0150900001234", False, 1990, "12 chữ số"),
        ("01509000012a", False, 1990, "12 chữ số"),
        ("099090000123", False, 1990, "mã tỉnh"),
        ("015190000123", False, 1990, "giới tính"),
        ("015091000123", False, 1990, "năm sinh"),
    ],
)
def test_citizen_id(value, female, year, fragment) -> None:
    problem = rules.citizen_id_problem(value, female=female, birth_year=year)
    assert (fragment in problem and problem) if fragment else problem == ""


def E(kind, on, org=None, other=None, seq=0, **kw):
    return tl.Event(kind=kind, on=on, org_id=org, other_org_id=other, seq=seq, **kw)


@pytest.mark.parametrize(
    ("events", "status", "org", "spans"),
    [
        ([E(tl.ADMIT, D(2020, 1, 1), 1)], tl.PROBATIONARY, 1, [(1, D(2020, 1, 1), None, "du_bi")]),
        (
            [E(tl.ADMIT, D(2020, 1, 1), 1), E(tl.RECOGNIZE, D(2021, 1, 1))],
            tl.OFFICIAL,
            1,
            [(1, D(2020, 1, 1), D(2021, 1, 1), "du_bi"), (1, D(2021, 1, 1), None, "chinh_thuc")],
        ),
        (
            [
                E(tl.ADMIT, D(2020, 1, 1), 1),
                E(tl.TRANSFER_OUT, D(2020, 6, 1), 1, 2),
                E(tl.TRANSFER_IN, D(2020, 6, 9), 2, 1),
            ],
            tl.PROBATIONARY,
            2,
            [(1, D(2020, 1, 1), D(2020, 6, 9), "du_bi"), (2, D(2020, 6, 9), None, "du_bi")],
        ),
        (
            [
                E(tl.ADMIT, D(2020, 1, 1), 1, seq=1),
                E(tl.STRIKE_OFF, D(2022, 1, 1), 1, seq=2),
                E(tl.CORRECTION, D(2022, 1, 1), 1, seq=3),
            ],
            tl.EXITED,
            1,
            [(1, D(2020, 1, 1), D(2022, 1, 1), "du_bi")],
        ),
        (
            [
                E(tl.ADMIT, D(2020, 1, 1), 1, seq=1),
                E(tl.STRIKE_OFF, D(2022, 1, 1), 1, seq=2, annulled=True),
            ],
            tl.PROBATIONARY,
            1,
            [(1, D(2020, 1, 1), None, "du_bi")],
        ),
        (
            [E(tl.ADMIT, D(2020, 1, 1), 1), E(tl.ORG_FOLLOW, D(2025, 7, 1), 5, 1)],
            tl.PROBATIONARY,
            5,
            [(1, D(2020, 1, 1), D(2025, 7, 1), "du_bi"), (5, D(2025, 7, 1), None, "du_bi")],
        ),
        (
            [E(tl.ADMIT, D(2020, 1, 1), 1), E(tl.DEATH, D(2024, 2, 2), 1)],
            tl.DECEASED,
            1,
            [(1, D(2020, 1, 1), D(2024, 2, 2), "du_bi")],
        ),
    ],
)
def test_replay(events, status, org, spans) -> None:
    state = tl.replay(events)
    assert state.status == status and state.org_id == org
    assert [(s.org_id, s.valid_from, s.valid_to, s.status) for s in state.spans] == spans
