import unicodedata
from datetime import date

import pytest

from dangvu.core.dates import format_long, format_short
from dangvu.core.forms import parse_as_of
from dangvu.core.text import fold, search_tokens


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tỉnh ủy Yên Bái", "tinh uy yen bai"),
        ("Tỉnh uỷ Yên Bái", "tinh uy yen bai"),
        ("ĐẢNG ỦY KHỐI", "dang uy khoi"),
        ("Nguyễn  Đức   Thanh", "nguyen duc thanh"),
        (unicodedata.normalize("NFD", "Nguyễn Đức Thanh"), "nguyen duc thanh"),
    ],
)
def test_fold_strips_diacritics_case_and_spacing(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_search_tokens_are_folded_words() -> None:
    assert search_tokens("  Tỉnh ỦY  yên bái ") == ["tinh", "uy", "yen", "bai"]


@pytest.mark.parametrize(
    ("d", "short", "long"),
    [
        (date(2023, 6, 29), "29/6/2023", "ngày 29 tháng 6 năm 2023"),
        (date(2026, 1, 5), "5/1/2026", "ngày 05 tháng 01 năm 2026"),
        (date(2018, 2, 20), "20/2/2018", "ngày 20 tháng 02 năm 2018"),
        (date(2025, 12, 1), "1/12/2025", "ngày 01 tháng 12 năm 2025"),
    ],
)
def test_dates_read_as_vietnamese_users_write_them(d: date, short: str, long: str) -> None:
    assert format_short(d) == short
    assert format_long(d) == long


@pytest.mark.parametrize("value", ["2023-06-30", "30/6/2023", "30/06/2023", "30-6-2023"])
def test_as_of_dates_accept_day_first_forms(value: str) -> None:
    assert parse_as_of(value, date(2000, 1, 1)) == (date(2023, 6, 30), None)


def test_an_unreadable_as_of_date_falls_back_with_a_message() -> None:
    on, problem = parse_as_of("6/30/2023", date(2000, 1, 1))
    assert on == date(2000, 1, 1) and "không hợp lệ" in problem
