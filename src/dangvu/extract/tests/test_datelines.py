"""A news item's dateline (a line that is one full date, with its label, weekday or time)
dates the item: a deadline without a year in it takes the dateline's year, a month after
the dateline is due, and each dateline of a concatenated text dates its own item only.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

BODY = (
    "Chiều 14/5, Đảng ủy xã Tân Phú tổ chức hội nghị giao ban.\n\n"
    "Hội nghị yêu cầu các chi bộ nộp báo cáo sơ kết về Văn phòng Đảng ủy trước ngày 20/6.\n"
)

DATELINES = [
    "15/05/2023 | 08:40",
    "15/05/2023 08:40",
    "Cập nhật: 15/05/2023",
    "Ngày đăng: 15/05/2023",
    "Thứ Hai, 15/05/2023 - 08:40",
    "**Thứ Hai, 15/05/2023 - 08:40**",
    "Thứ 2, 15/5/2023, 08:40 (GMT+7)",
    "Đăng lúc: 15-05-2023 08:40",
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_a_dateline_gives_its_year_to_a_day_and_month(dateline: str) -> None:
    text = "Tân Phú giao ban tháng 5\n\n" + dateline + "\n\n" + BODY
    assert [str(d.date) for d in extract(text).deadlines] == ["2023-06-20"]


def test_without_a_dateline_a_day_and_month_stays_undated() -> None:
    assert extract("Tân Phú giao ban tháng 5\n\n" + BODY).deadlines == ()


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    # (a lead sentence opening with its date does date the item: test_news_lead.py)
    text = "Tân Phú giao ban\n\nĐảng ủy xã họp ngày 15/05/2023.\n\n" + BODY
    assert extract(text).deadlines == ()


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        (
            "Đồng chí Bí thư yêu cầu các ban hoàn thiện đề án, trình Thường trực trong tháng 9.",
            "2022-09-30",
        ),
        ("Ban Tổ chức hướng dẫn các chi bộ, ban hành trong quý IV.", "2022-12-31"),
        ("Các đơn vị gửi danh sách đề nghị khen thưởng trước ngày 5/9.", "2022-09-05"),
    ],
)
def test_a_month_or_quarter_after_the_dateline_is_due(sentence: str, due: str) -> None:
    text = "Hội nghị Ban Chấp hành Đảng bộ huyện\n\n18/08/2022 | 10:05\n\n" + sentence + "\n"
    assert [str(d.date) for d in extract(text).deadlines] == [due]


def test_a_month_before_the_dateline_is_not_due() -> None:
    text = "Sơ kết\n\nCập nhật: 18/08/2022\n\nCác chi bộ đã hoàn thành kiểm tra trong tháng 5.\n"
    assert extract(text).deadlines == ()


def test_each_dateline_dates_its_own_item() -> None:
    first = "Tin thứ nhất\n\n02/03/2019 | 07:00\n\nCác chi bộ gửi báo cáo trước ngày 25/3.\n"
    second = "Tin thứ hai\n\nCập nhật: 11/04/2024\n\nCác chi bộ gửi danh sách trước ngày 30/4.\n"
    whole = extract(first + "\n" + second)
    assert [str(d.date) for d in whole.deadlines] == ["2019-03-25", "2024-04-30"]


def test_a_bulletins_issue_dates_it() -> None:
    text = (
        "BẢN TIN CÔNG TÁC ĐẢNG\nĐảng ủy xã Quảng Sơn - Số 9, tháng 10 năm 2021\n\n"
        "Văn phòng Đảng ủy đề nghị các chi bộ nộp đảng phí quý IV trước ngày 20/10.\n"
    )
    assert [str(d.date) for d in extract(text).deadlines] == ["2021-10-20"]


def test_an_issue_line_far_from_the_top_dates_nothing() -> None:
    text = "Tin\n\n" + "Chi bộ họp thường kỳ. " * 20 + "\nSố 9, tháng 10 năm 2021\n"
    text += "Các chi bộ nộp đảng phí trước ngày 20/10.\n"
    assert extract(text).deadlines == ()
