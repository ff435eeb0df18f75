"""References: a document named again by genre and number after its full symbol
(``Kết luận 90``), not when the text names it so itself (``sau đây gọi là``); a scan's
letters for digits in a reference's date (``ngày l2/5/2017``, ``2O/4``), and the date on
the line after ``ngày``; a Pháp lệnh's symbol with its year (``21/2012/PL-UBTVQH13``).
Sentences written for these tests."""

from __future__ import annotations

import datetime

import pytest

from dangvu.extract import extract


def keys(text: str) -> list[tuple[str | None, str, str | None, datetime.date | None]]:
    return [(r.type_code, r.number, r.issuer_code, r.date) for r in extract(text).references]


def test_a_genre_and_number_after_the_full_symbol_is_the_same_document() -> None:
    text = (
        "Thực hiện Kết luận số 90-KL/TW ngày 12/6/2019 của Ban Bí thư, Huyện ủy ban hành "
        "kế hoạch.\nCác chi bộ quán triệt Kết luận 90 đến toàn thể đảng viên.\n"
    )
    assert keys(text) == [
        ("KL", "90", "TW", datetime.date(2019, 6, 12)),
        ("KL", "90", "TW", None),
    ]


def test_a_genre_and_number_without_a_full_symbol_before_is_no_reference() -> None:
    text = "Các chi bộ quán triệt Kết luận 90 đến toàn thể đảng viên.\n"
    assert keys(text) == []


def test_a_genre_and_number_of_another_number_is_no_reference() -> None:
    text = "Thực hiện Chỉ thị số 17-CT/TU của Tỉnh ủy.\nBáo cáo nêu Chỉ thị 18 của năm trước.\n"
    assert keys(text) == [("CT", "17", "TU", None)]


def test_a_name_the_text_gives_is_no_reference() -> None:
    text = (
        "Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương "
        "(sau đây gọi tắt là Nghị quyết 45), Tỉnh ủy ban hành chương trình.\n"
        "Tổ chức học tập Nghị quyết 45 cho cán bộ chủ chốt.\n"
    )
    assert keys(text) == [("NQ", "45", "TW", datetime.date(2023, 11, 24))]


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("ngày l2/5/2017", datetime.date(2017, 5, 12)),
        ("ngày 2O/4/2017", datetime.date(2017, 4, 20)),
        ("ngày 1O/l0/2017", datetime.date(2017, 10, 10)),
        ("ngày\n15/3/2017", datetime.date(2017, 3, 15)),
    ],
)
def test_a_scanned_date_of_a_reference(written: str, day: datetime.date) -> None:
    text = f"Căn cứ Hướng dẫn số 12-HD/BTCTU {written} của Ban Tổ chức Tỉnh ủy về việc ấy.\n"
    assert keys(text) == [("HD", "12", "BTCTU", day)]


def test_letters_outside_a_references_date_are_no_date() -> None:
    assert extract("Mã hồ sơ lo/10/2019 đã gửi.").deadlines == ()
    assert keys("Căn cứ Hướng dẫn số 12-HD/BTCTU ngày lo của tháng.\n") == [
        ("HD", "12", "BTCTU", None)
    ]


def test_a_pháp_lệnh_with_its_year() -> None:
    text = "Thực hiện Pháp lệnh số 21/2012/PL-UBTVQH13 về công an xã, Đảng ủy chỉ đạo.\n"
    refs = extract(text).references
    assert [(r.type, r.number, r.type_code, r.issuer_code) for r in refs] == [
        ("Pháp lệnh", "21", "PL", "UBTVQH13")
    ]
