"""Text pasted from a PDF: hard line breaks in the middle of sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangvu.extract import clean as clean_module
from dangvu.extract import extract
from dangvu.extract.clean import clean

from .factories import ExpectedRef, ref, spans_hold

WRAPPED_REFERENCES: list[tuple[str, ExpectedRef]] = [
    (
        "      Căn cứ Kết luận số 48-KL/TW, ngày 30/01/2023 của Ban Chấp hành Trung ương Đảng\n"
        "khóa XIII về tiếp tục đổi mới phương thức lãnh đạo của Đảng.",
        ref("48-KL/TW", "2023-01-30", issuer_name="Ban Chấp hành Trung ương Đảng khóa XIII"),
    ),
    (
        "Ban Thường vụ đã lãnh đạo triển khai thực hiện nghiêm túc Quy định số 132-\n"
        "QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm.",
        ref("132-QĐ/TW", "2018-03-08", issuer_name="Bộ Chính trị"),
    ),
    (
        "các chi bộ đã học tập chuyên đề theo Hướng dẫn số 09-HD/BTGDVTU\n"
        "ngày 11/8/2025 của Ban Tuyên giáo Tỉnh ủy.",
        ref("09-HD/BTGDVTU", "2025-08-11", issuer_name="Ban Tuyên giáo Tỉnh ủy"),
    ),
    (
        "Đảng ủy xã đã xây dựng và ban hành Kế hoạch số 14-KH/ĐU ngày\n"
        "21/02/2025 để triển khai học tập, quán triệt.",
        ref("14-KH/ĐU", "2025-02-21"),
    ),
    (
        "       Thực hiện nghiêm túc và có hiệu quả Chỉ thị số 35-CT/TW, ngày\n"
        "14 tháng 6 năm 2024 của Bộ Chính trị về đại hội đảng bộ các cấp.",
        ref("35-CT/TW", "2024-06-14", issuer_name="Bộ Chính trị"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), WRAPPED_REFERENCES)
def test_a_reference_split_by_a_hard_line_break_is_read_whole(
    text: str, expected: ExpectedRef
) -> None:
    ex = extract(text)
    assert [expected.matches(r) for r in ex.references] == [True]
    assert "\n" in ex.references[0].text
    assert spans_hold(text, ex)


def test_a_figure_split_by_a_line_break_keeps_its_unit() -> None:
    text = "Trong 6 tháng, toàn Đảng bộ huyện đã có thêm nhiều chuyển biến; có 17/19\nchi bộ đạt."
    figures = extract(text).figures
    assert [(f.value, f.of, f.unit) for f in figures] == [(17, 19, "chi bộ")]


@pytest.mark.parametrize(
    "text",
    [
        "BÁO CÁO\nkết quả công tác quý I",  # a short title line stays a line
        "Các chi bộ hoàn thành kiểm điểm đúng thời gian quy định của Đảng ủy.\nngày mai",
        "Căn cứ các nội dung yêu cầu trong kế hoạch của Đảng ủy Khối, các chi\nBan Tổ chức",
        "Nơi nhận:                                        T/M BAN THƯỜNG VỤ\n- Như trên,",
    ],
)
def test_line_breaks_that_end_a_line_are_kept(text: str) -> None:
    assert clean(text).text == text


def test_joining_keeps_length_and_offsets() -> None:
    text = "Đồng chí Bí thư yêu cầu các cấp ủy tập trung lãnh đạo việc kết nạp đảng\nviên mới."
    cleaned = clean(text)
    assert len(cleaned.text) == len(text)
    assert cleaned.text == text.replace("\n", " ")


def _joined_by_the_pattern(text: str) -> str:
    """The wrapped-line rule as one regex substitution (the definition of the rule)."""

    def join(match: re.Match[str]) -> str:
        line, following = match.group(), match["next"]
        if clean_module._COLUMN_GAP.search(line):
            return line
        if (
            following.islower()
            or clean_module._SPLIT_SYMBOL_END.search(line)
            or (following.isdigit() and clean_module._NUMBER_LEAD_END.search(line))
        ):
            return line[:-1] + " "
        return line

    joined = clean_module._WRAPPED.sub(join, text)
    return clean_module._DAY_THEN_DATE.sub(lambda m: m.group()[:-1] + " ", joined)


_LINE_PIECES = st.lists(
    st.sampled_from(
        [
            "Ban Thường vụ đã lãnh đạo triển khai thực hiện nghiêm túc Quy định số 132-",
            "QĐ/TW",
            "khóa XIII về tiếp tục",
            "ngày",
            "15/3/2024",
            " ",
            "\t",
            "   ",
            ".",
            ";",
            "a",
            "B",
            "1",
            "\n",
            "\n\n",
            "số",
            "x" * 48,
            "Tỉnh ủy\u00a0",
            "\r",
        ]
    ),
    max_size=30,
)


@given(_LINE_PIECES)
def test_the_line_loop_joins_exactly_the_lines_the_pattern_joins(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert clean_module._join_wrapped(text) == _joined_by_the_pattern(text)
