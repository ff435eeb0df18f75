"""Deadlines across a scan's line break (``trước`` ending one line, ``ngày 30/9/2016`` the
next) and after the actions of asking for and preparing (``xin ý kiến``, ``lấy ý
kiến``, ``góp ý``) in a month after the document's date. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

REPORT = (
    "HUYỆN ỦY NA RÌ\n*\nSố 61-BC/HU\n\nNa Rì, ngày 14 tháng 7 năm 2017\n\n"
    "BÁO CÁO\nsơ kết 6 tháng đầu năm 2017\n\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "Các chi bộ nộp bản đăng ký về Ban Tuyên giáo trước\nngày 15/9/2017.\n",
        "Các chi bộ nộp bản đăng ký về Ban Tuyên giáo trước\n15/9/2017.\n",
        "Các chi bộ nộp bản đăng ký về Ban Tuyên giáo trước   \n   ngày 15/9/2017.\n",
    ],
)
def test_trước_ending_a_line_before_its_date(body: str) -> None:
    assert [str(d.date) for d in extract(REPORT + body).deadlines] == ["2017-09-15"]


def test_a_country_before_a_date_on_the_next_line_is_no_deadline() -> None:
    text = REPORT + "Kỷ niệm ngày thống nhất đất nước\n30/4/2018 được tổ chức trang trọng.\n"
    assert extract(text).deadlines == ()


@pytest.mark.parametrize(
    ("body", "due"),
    [
        ("Đảng ủy xin ý kiến Ban Thường vụ Huyện ủy về nhân sự trong tháng 9/2017.", "2017-09-30"),
        ("Chi bộ lấy ý kiến nhân dân về dự thảo trong tháng 8.", "2017-08-31"),
        ("Các chi bộ góp ý văn kiện đại hội trong quý IV.", "2017-12-31"),
    ],
)
def test_asking_and_preparing_in_a_month_ahead(body: str, due: str) -> None:
    assert [str(d.date) for d in extract(REPORT + body + "\n").deadlines] == [due]


def test_what_was_done_is_not_due() -> None:
    body = "Các chi bộ đã góp ý văn kiện đại hội trong tháng 9.\n"
    assert extract(REPORT + body).deadlines == ()


def test_a_scans_letter_in_a_deadlines_date() -> None:
    body = "Các chi bộ hoàn thành kiểm điểm trước ngày 3l/12/2017.\n"
    assert [str(d.date) for d in extract(REPORT + body).deadlines] == ["2017-12-31"]
