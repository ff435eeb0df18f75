"""The cheap checks before a costly reading pass over nothing that reading would find."""

from __future__ import annotations

import pytest

from dangvu.extract import extract
from dangvu.extract.clean import clean
from dangvu.extract.symbols import read_symbols as _symbols


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("kết nạp 25 hoặc      30 đảng viên", 25, 30),  # the gap hides "hoặc" from a short look
        ("kết nạp 25 và 30 đảng viên", 25, 30),
        ("từ 10 -         25 đảng viên", 10, 25),
    ],
)
def test_the_first_number_of_a_pair_is_read_whatever_the_gap(
    text: str, first: int, second: int
) -> None:
    figures = [(f.value, f.unit) for f in extract(text).figures]
    assert figures == [(first, "đảng viên"), (second, "đảng viên")]


def test_a_symbol_refused_whole_is_read_without_its_genre_code() -> None:
    # "12/QH14-TW55": a law's number without its year is no full symbol, but a letter's
    # symbol without a genre code (its first part is no genre code)
    (symbol,) = _symbols(clean("Công văn số 12/QH14-TW55 của Văn phòng"))
    assert (symbol.number, symbol.type_code, symbol.issuer_code, symbol.bare) == (
        "12",
        None,
        "QH14-TW55",
        True,
    )


def test_a_symbol_without_issuer_beside_a_full_one_is_read_once() -> None:
    text = "Thông báo số 204-TB và Kế hoạch số 33-KH/TU, Công văn số 452/HĐBCQG-VP"
    found = [(s.number, s.type_code, s.issuer_code, s.bare) for s in _symbols(clean(text))]
    assert found == [
        ("204", "TB", None, True),
        ("33", "KH", "TU", False),
        ("452", None, "HĐBCQG-VP", True),
    ]
