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


def values_in(text: str) -> list[tuple[float, float | None]]:
    return [(f.value, f.of) for f in extract(text).figures]


# A pandoc plain-text table: dash rules, a label wrapped over two lines, blank lines
# between rows, numbers right-aligned under their headers.
PANDOC_TABLE = (
    "Phụ lục số liệu\n\n"
    "  ------------------------------------------------------------------\n"
    "  STT  Nội dung                          Năm 2024   Năm 2025   So sánh\n"
    "                                                                  (%)\n"
    "  ---- -------------------------------- ---------- ---------- --------\n"
    "  1    Chi bộ trực thuộc                        18         19    105,6\n\n"
    "  2    Đảng viên được tặng Huy hiệu             46         52    113,0\n"
    "       Đảng các loại\n\n"
    "  3    Quần chúng học lớp cảm tình Đảng      1.240      1.305    105,2\n"
    "  ------------------------------------------------------------------\n\n"
    "Nhìn chung các chỉ tiêu đều tăng.\n"
)

# Text from a PDF: columns aligned with spaces, no rules, one empty cell.
PDF_TABLE = (
    "Bảng 2. Kết quả kiểm tra, giám sát\n"
    "TT    Nội dung                  Cấp ủy      UBKT      Cộng\n"
    "1     Kiểm tra tổ chức đảng        12          5        17\n"
    "2     Kiểm tra đảng viên           30                   30\n"
    "3     Giám sát chuyên đề            8          4        12\n"
)

# Labelled values in a Word document, one tab each.
TAB_LIST = "Tổng số đảng viên của chi bộ:\t27\nCó mặt:\t24\nVắng có lý do:\t3\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PANDOC_TABLE,
            [
                (18, None), (19, None), (105.6, None), (46, None), (52, None), (113.0, None),
                (1240, None), (1305, None), (105.2, None),
            ],
        ),
        (
            PDF_TABLE,
            [
                (12, None), (5, None), (17, None), (30, None), (30, None),
                (8, None), (4, None), (12, None),
            ],
        ),
        (TAB_LIST, [(27, None), (24, None), (3, None)]),
    ],
)  # fmt: skip
def test_tables_aligned_with_spaces_or_single_tabs_give_their_cells(
    text: str, expected: list[tuple[float, float | None]]
) -> None:
    assert values_in(text) == expected


def test_a_cell_under_a_rate_header_of_a_space_table_is_a_percentage() -> None:
    figures = extract(PANDOC_TABLE).figures
    assert [f.unit for f in figures if f.value == 105.6] == ["%"]


@pytest.mark.parametrize(
    "text",
    [
        "TỈNH ỦY LAI CHÂU                    ĐẢNG CỘNG SẢN VIỆT NAM\n          *\n"
        "Số 88-BC/TU                   Lai Châu, ngày 04 tháng 7 năm 2024\n",
        "Nơi nhận:                                   T/M BAN THƯỜNG VỤ\n"
        "- Ban Tổ chức Trung ương,                   PHÓ BÍ THƯ\n- Lưu VPTU.\n",
        "Thời gian  thực hiện:  Tháng 6/2024\nĐịa điểm:  Hội trường  tầng 2\n",
    ],
)
def test_columns_of_words_and_dates_give_no_figures(text: str) -> None:
    assert values_in(text) == []


def test_a_column_naming_what_it_counts_gives_the_unit_of_its_cells() -> None:
    text = (
        "| Đơn vị | Số chi bộ | Số đảng viên |\n|---|---:|---:|\n"
        "| Xã Tân An | 12 | 340 |\n| Phường 3 | 9 | 215 |\n"
    )
    assert figures_in(text) == [
        (12, None, "chi bộ"),
        (340, None, "đảng viên"),
        (9, None, "chi bộ"),
        (215, None, "đảng viên"),
    ]
