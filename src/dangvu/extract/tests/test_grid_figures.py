"""Figures in plain-text tables, in ranges and with more counting units."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

Found = tuple[float, float | None, str]


def figures_in(text: str) -> list[Found]:
    return [(f.value, f.of, f.unit) for f in extract(text).figures]


PIPE_TABLE = (
    "PHỤ LỤC\n"
    "| STT | Chỉ tiêu                     | Kế hoạch | Thực hiện | Tỷ lệ (%) |\n"
    "|-----|------------------------------|----------|-----------|-----------|\n"
    "| 1   | Kết nạp đảng viên            | 150      | 162       | 108       |\n"
    "| 2   | Chi bộ có cấp ủy             | -        | 35/38     | -         |\n"
)

TAB_TABLE = (
    "Số liệu kèm theo\n"
    "TT\tNội dung\tNăm 2024\tNăm 2025\n"
    "1\tTổ chức cơ sở đảng\t41\t37\n"
    "2\tĐảng viên được miễn sinh hoạt\t1.204\t1.311\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PIPE_TABLE,
            [
                (150, None, "đảng viên"),
                (162, None, "đảng viên"),
                (108, None, "%"),
                (35, 38, "chi bộ"),
            ],
        ),
        (
            TAB_TABLE,
            [
                (41, None, "tổ chức cơ sở đảng"),
                (37, None, "tổ chức cơ sở đảng"),
                (1204, None, "đảng viên"),
                (1311, None, "đảng viên"),
            ],
        ),
    ],
)
def test_numeric_cells_of_a_table_are_figures(text: str, expected: list[Found]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ĐẢNG BỘ TỈNH AN GIANG\tĐẢNG CỘNG SẢN VIỆT NAM\n*\t\n"
        "\t\tLong Xuyên, ngày 12 tháng 3 năm 2025\n",
        "| Nơi nhận | Chữ ký |\n| - Như trên | Nguyễn Văn An |\n",
    ],
)
def test_layout_columns_without_numbers_give_no_figures(text: str) -> None:
    assert figures_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Số thôn, tổ dân phố giảm từ 96 xuống 58 đơn vị.",
            [(96, None, "đơn vị"), (58, None, "đơn vị")],
        ),
        (
            "Số chi bộ tăng từ 40 lên 44 chi bộ.",
            [(40, None, "chi bộ"), (44, None, "chi bộ")],
        ),
        ("Hội nghị được kết nối tới 112 điểm cầu.", [(112, None, "điểm cầu")]),
        ("Tặng 25 bằng khen và 40 giấy khen.", [(25, None, "bằng khen"), (40, None, "giấy khen")]),
        (
            "Có 7 mô hình, 12 sáng kiến được nhân rộng.",
            [(7, None, "mô hình"), (12, None, "sáng kiến")],
        ),
    ],
)
def test_ranges_and_more_units(text: str, expected: list[Found]) -> None:
    assert figures_in(text) == expected
