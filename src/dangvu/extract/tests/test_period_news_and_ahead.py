"""The period a text reports on has begun by the text's date: a period named ahead of it
(a task for next quarter) is not the period; in a news item, a term in the body names a
committee's term, only the headline names the item's. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

REPORT_OF_OCTOBER = (
    "ĐẢNG ỦY XÃ PHÚ NGHĨA\n*\nSố 19-BC/ĐU\n\nPhú Nghĩa, ngày 25 tháng 10 năm 2023\n\n"
    "BÁO CÁO\nkết quả kiện toàn tổ chức cơ sở đảng\n\n"
)


@pytest.mark.parametrize(
    ("body", "period"),
    [
        # the cued phrase is ahead of the report's date: not its period (the month of
        # the date suggests one: October, nine months)
        ("Kết quả triển khai sẽ được sơ kết trong quý I/2024.\n", "2023-9M"),
        ("Công tác kiểm tra năm 2024 được chuẩn bị từ tháng 11.\n", "2023-9M"),
        # a cued phrase that has begun is the period
        ("Kết quả công tác quý III/2023: kết nạp 4 đảng viên.\n", "2023-Q3"),
        ("Kết quả công tác 9 tháng đầu năm 2023 đạt kế hoạch.\n", "2023-9M"),
    ],
)
def test_a_period_ahead_of_the_report_is_not_its_period(body: str, period: str) -> None:
    found = extract(REPORT_OF_OCTOBER + body).period
    assert found is not None and found.value == period


NEWS = (
    "{headline}\n\n"
    "Cập nhật: 14/09/2022\n\n"
    "Ngày 13/9/2022, Ủy ban Kiểm tra Huyện ủy họp, xem xét kết quả kiểm tra đối với Ban "
    "Thường vụ Đảng ủy xã Hòa Lợi nhiệm kỳ 2020 - 2025.\n"
)


def test_a_term_in_a_news_body_is_a_committees_term() -> None:
    assert extract(NEWS.format(headline="Ủy ban Kiểm tra Huyện ủy họp kỳ thứ 12")).period is None


def test_a_term_in_a_news_headline_is_the_items_period() -> None:
    text = NEWS.format(headline="Sơ kết giữa nhiệm kỳ 2020 - 2025 Đảng bộ xã Hòa Lợi")
    found = extract(text).period
    assert found is not None and found.value == "2020-2025"


@pytest.mark.parametrize(
    ("top", "period"),
    [
        ("Sơ kết công tác dân vận, mặt trận năm 2023\n\nCập nhật: 08/12/2023\n\n", "2023"),
        (
            "Trang chủ > Tin tức > Xây dựng Đảng\n\nĐảng ủy Khối sơ kết, đánh giá quý III/2023\n\n",
            "2023-Q3",
        ),
    ],
)
def test_a_news_headline_names_its_period(top: str, period: str) -> None:
    text = top + "Sáng 7/12, Đảng ủy Khối họp, đánh giá kết quả và bàn phương hướng.\n"
    found = extract(text).period
    assert found is not None and found.value == period


def test_a_breadcrumb_is_no_headline() -> None:
    text = "Trang chủ > Năm 2023 > Tin\n\nĐảng ủy Khối họp bàn\n\nSáng 7/12, Đảng ủy Khối họp.\n"
    assert extract(text).period is None


@pytest.mark.parametrize(
    ("dateline", "period"),
    [("Cập nhật: 29/12/2022", "2022"), ("Cập nhật: 12/01/2023", "2022")],
)
def test_a_review_of_the_year_without_its_year(dateline: str, period: str) -> None:
    text = (
        "Đảng ủy Khối cơ quan họp\n\n" + dateline + "\n\n"
        "Đảng ủy Khối tổ chức hội nghị tổng kết công tác xây dựng Đảng năm. Năm qua, "
        "Đảng bộ kết nạp 31 đảng viên.\n"
    )
    found = extract(text).period
    assert found is not None and found.value == period


def test_a_school_year_is_no_review_of_the_year() -> None:
    text = "Tin\n\nCập nhật: 29/12/2022\n\nChi bộ trường tổng kết năm học, kết nạp 2 đảng viên.\n"
    assert extract(text).period is None


def test_a_bracketed_span_of_years_in_a_title() -> None:
    text = (
        "ĐẢNG ỦY XÃ HÒA PHÚ\n*\nSố 31-BC/ĐU\n\nHòa Phú, ngày 14 tháng 4 năm 2025\n\n"
        "BÁO CÁO\nTổng kết 5 năm thực hiện Kết luận số 01-KL/TW (2021 - 2025)\n\nNội dung.\n"
    )
    found = extract(text).period
    assert found is not None and found.value == "2021-2025"
