"""Period arithmetic as tables: labels, keys, windows, previous and last year's period."""

from datetime import date

import pytest

from dangvu.reporting import periods as p

LABELS = [
    (p.month(2023, 6), "tháng 6 năm 2023", "2023-M06", date(2023, 6, 1), date(2023, 6, 30)),
    (p.month(2024, 2), "tháng 2 năm 2024", "2024-M02", date(2024, 2, 1), date(2024, 2, 29)),
    (p.quarter(2023, 1), "quý I năm 2023", "2023-Q1", date(2023, 1, 1), date(2023, 3, 31)),
    (p.quarter(2023, 4), "quý IV năm 2023", "2023-Q4", date(2023, 10, 1), date(2023, 12, 31)),
    (p.half(2023, 1), "6 tháng đầu năm 2023", "2023-H1", date(2023, 1, 1), date(2023, 6, 30)),
    (p.half(2023, 2), "6 tháng cuối năm 2023", "2023-H2", date(2023, 7, 1), date(2023, 12, 31)),
    (p.nine_months(2023), "9 tháng đầu năm 2023", "2023-9M", date(2023, 1, 1), date(2023, 9, 30)),
    (p.year(2023), "năm 2023", "2023", date(2023, 1, 1), date(2023, 12, 31)),
    (p.term(2020), "nhiệm kỳ 2020–2025", "T2020-2025", date(2021, 1, 1), date(2025, 12, 31)),
    (p.term(2025), "nhiệm kỳ 2025–2030", "T2025-2030", date(2026, 1, 1), date(2030, 12, 31)),
    (
        p.adhoc(date(2023, 4, 4), date(2023, 6, 29)),
        "đợt từ 4/4/2023 đến 29/6/2023",
        "D2023-04-04_2023-06-29",
        date(2023, 4, 4),
        date(2023, 6, 29),
    ),
    (
        p.adhoc(date(2023, 4, 4), date(2023, 6, 29), title="Đợt sinh hoạt chính trị"),
        "Đợt sinh hoạt chính trị (từ 4/4/2023 đến 29/6/2023)",
        "D2023-04-04_2023-06-29",
        date(2023, 4, 4),
        date(2023, 6, 29),
    ),
]


@pytest.mark.parametrize(("period", "label", "key", "start", "end"), LABELS)
def test_label_key_and_dates(period, label, key, start, end):
    assert (period.label, period.key, period.start, period.end) == (label, key, start, end)
    assert p.from_key(key, title=period.title) == period


PREVIOUS = [
    (p.month(2023, 1), p.month(2022, 12)),
    (p.month(2023, 7), p.month(2023, 6)),
    (p.quarter(2023, 1), p.quarter(2022, 4)),
    (p.quarter(2023, 3), p.quarter(2023, 2)),
    (p.half(2023, 1), p.half(2022, 2)),
    (p.half(2023, 2), p.half(2023, 1)),
    (p.nine_months(2023), p.nine_months(2022)),
    (p.year(2023), p.year(2022)),
    (p.term(2025), p.term(2020)),
    (p.adhoc(date(2023, 4, 11), date(2023, 4, 20)), p.adhoc(date(2023, 4, 1), date(2023, 4, 10))),
]


@pytest.mark.parametrize(("period", "previous"), PREVIOUS)
def test_previous_period(period, previous):
    assert period.previous() == previous


LAST_YEAR = [
    (p.month(2024, 2), p.month(2023, 2)),
    (p.quarter(2023, 1), p.quarter(2022, 1)),
    (p.half(2023, 1), p.half(2022, 1)),
    (p.nine_months(2023), p.nine_months(2022)),
    (p.year(2023), p.year(2022)),
    (p.adhoc(date(2024, 2, 29), date(2024, 3, 5)), p.adhoc(date(2023, 2, 28), date(2023, 3, 5))),
]


@pytest.mark.parametrize(("period", "before"), LAST_YEAR)
def test_same_period_last_year(period, before):
    assert period.same_period_last_year() == before


def test_a_term_has_no_same_period_last_year():
    with pytest.raises(p.PeriodError, match="Nhiệm kỳ"):
        p.term(2020).same_period_last_year()


WINDOWS = [
    (p.half(2023, 1), None, (date(2023, 1, 1), date(2023, 6, 30))),
    (p.half(2023, 1), date(2023, 6, 15), (date(2023, 1, 1), date(2023, 6, 15))),
    (p.year(2023), date(2023, 11, 30), (date(2023, 1, 1), date(2023, 11, 30))),
]


@pytest.mark.parametrize(("period", "cutoff", "window"), WINDOWS)
def test_data_window_ends_at_the_cutoff(period, cutoff, window):
    assert period.with_cutoff(cutoff).window == window
    assert p.from_key(period.key, data_until=cutoff).window == window


def test_a_cutoff_outside_the_period_is_refused():
    with pytest.raises(p.PeriodError, match="Ngày chốt số liệu phải nằm trong kỳ"):
        p.quarter(2023, 1).with_cutoff(date(2023, 4, 15))


CONTAINING = [
    (p.QUARTER, date(2023, 5, 20), p.quarter(2023, 2)),
    (p.HALF, date(2023, 7, 1), p.half(2023, 2)),
    (p.MONTH, date(2024, 2, 29), p.month(2024, 2)),
    (p.TERM, date(2023, 6, 1), p.term(2020)),
    (p.TERM, date(2026, 3, 1), p.term(2025)),
    (p.TERM, date(2025, 12, 31), p.term(2020)),
]


@pytest.mark.parametrize(("kind", "day", "period"), CONTAINING)
def test_period_containing_a_day(kind, day, period):
    assert p.containing(kind, day) == period


def test_months_of_a_quarter_and_the_state_window():
    assert [m.key for m in p.quarter(2023, 2).months()] == ["2023-M04", "2023-M05", "2023-M06"]
    assert p.state_window(p.quarter(2023, 2)) == (date(2023, 3, 15), date(2023, 6, 14))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: p.month(2023, 13), "Tháng phải từ 1 đến 12"),
        (lambda: p.quarter(2023, 5), "Quý phải từ I đến IV"),
        (lambda: p.adhoc(date(2023, 5, 1), date(2023, 4, 1)), "Ngày kết thúc kỳ"),
        (lambda: p.from_key("2023-Q7"), "Không hiểu kỳ báo cáo"),
    ],
)
def test_impossible_periods_are_refused_in_vietnamese(make, message):
    with pytest.raises(p.PeriodError, match=message):
        make()
