"""Vietnamese date forms."""

from __future__ import annotations

import datetime

import pytest

from dangvu.extract.clean import clean
from dangvu.extract.dates import find_dates


def dates_in(text: str, year: int | None = None) -> list[datetime.date | None]:
    return [hit.resolve(year) for hit in find_dates(clean(text).lower)]


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ban hành ngày 04/4/2023", "2023-04-04"),
        ("ban hành ngày 25/02/2022", "2022-02-25"),
        ("Hà Nội, ngày 29 tháng 6 năm 2023", "2023-06-29"),
        ("Hà Nội, ngày 05 tháng 01  năm 2026", "2026-01-05"),
        ("ngày 12/4//2023 (gõ thừa dấu)", "2023-04-12"),
        ("ngày 6-6-2022", "2022-06-06"),
        ("ngày 6.6.2022", "2022-06-06"),
        ("ngay 7 thang 8 nam 2021", "2021-08-07"),
    ],
)
def test_full_date_forms_are_read(text: str, expected: str) -> None:
    assert dates_in(text) == [day(expected)]


def test_date_without_year_takes_the_year_given() -> None:
    assert dates_in("Chiều 12/7, Ban Tổ chức họp.", 2024) == [day("2024-07-12")]


def test_date_without_year_stays_open_without_a_year() -> None:
    assert dates_in("Sáng 3/9 khai mạc.") == [None]


@pytest.mark.parametrize(
    "text",
    ["ngày 31/02/2023", "ngày 45/13/2023", "tỷ lệ 71/74", "giai đoạn 2021-2025", "lúc 12:27"],
)
def test_impossible_or_non_dates_are_not_dates(text: str) -> None:
    assert dates_in(text, 2024) == []
