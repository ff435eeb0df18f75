"""The own document from the header, and the period reported on."""

from __future__ import annotations

import datetime

import pytest

from dangvu.extract import extract

REPORT_HEADER = (
    "ĐẢNG BỘ TỈNH QUẢNG TRỊ\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\n"
    "Số 128 - BC/ĐUK\tĐẢNG CỘNG SẢN VIỆT NAM\n\n"
    "\t\tĐông Hà, ngày 18 tháng 7  năm 2024\n\nBÁO CÁO\n"
)


def test_header_gives_number_type_issuer_date_and_place() -> None:
    own = extract(REPORT_HEADER + "Kết quả công tác tháng 7.").own_document
    assert own is not None
    assert (own.type, own.number, own.type_code, own.issuer_code) == ("Báo cáo", "128", "BC", "ĐUK")
    assert own.date == datetime.date(2024, 7, 18)
    assert own.place == "Đông Hà"


def test_state_style_header_with_colon_is_read() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 215/KH-UBND\n\nBắc Ninh, ngày 03 tháng 4 năm 2024\n"
    own = extract(text).own_document
    assert own is not None
    assert (own.number, own.type_code, own.issuer_code) == ("215", "KH", "UBND")
    assert own.type == "Kế hoạch"
    assert own.place == "Bắc Ninh"


def test_header_type_line_decides_between_decision_and_regulation() -> None:
    text = "TỈNH ỦY LÀO CAI\n*\nSố 07-QĐ/TU\n\nLào Cai, ngày 20 tháng 02 năm 2024\n\nQUY ĐỊNH\n"
    own = extract(text).own_document
    assert own is not None and own.type == "Quy định"


def test_news_article_has_no_own_document() -> None:
    text = "Sáng 9/8, Tỉnh ủy tổ chức hội nghị quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị."
    assert extract(text).own_document is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BÁO CÁO kết quả công tác quý I năm 2023", "2023-Q1"),
        ("kết quả quý III/2024 và nhiệm vụ quý IV/2024", "2024-Q3"),
        ("tình hình quý I; phương hướng, nhiệm vụ quý II năm 2025", "2025-Q1"),
        ("Sơ kết công tác 6 tháng đầu năm 2024", "2024-H1"),
        ("Báo cáo 6 tháng cuối năm 2022", "2022-H2"),
        ("kết quả 9 tháng đầu năm 2023, nhiệm vụ quý IV", "2023-9M"),
        ("Báo cáo công tác tháng 5/2024", "2024-05"),
        ("Tổng kết công tác xây dựng Đảng năm 2023; 5 năm (2021-2025)", "2023"),
        ("Báo cáo tổng kết nhiệm kỳ 2020-2025", "2020-2025"),
    ],
)
def test_period_is_read_from_the_first_period_phrase(text: str, expected: str) -> None:
    period = extract(text).period
    assert period is not None and period.value == expected


def test_dates_do_not_count_as_the_period_year() -> None:
    text = "Hội nghị ngày 29 tháng 6 năm 2021 bàn công tác 6 tháng đầu năm 2024."
    period = extract(text).period
    assert period is not None and period.value == "2024-H1"


def test_report_without_period_words_takes_its_period_from_its_date() -> None:
    period = extract(REPORT_HEADER + "Các chi bộ đã tổ chức sinh hoạt chuyên đề.").period
    assert period is not None and period.value == "2024-H1"


def test_text_without_period_or_date_has_no_period() -> None:
    assert extract("Các chi bộ đã tổ chức sinh hoạt chuyên đề.").period is None


def _headed(type_line: str, symbol: str, body: str) -> str:
    return (
        f"ĐẢNG BỘ TỈNH NINH BÌNH\nĐẢNG ỦY XÃ GIA VIỄN\n*\nSố {symbol}\n\n"
        f"Gia Viễn, ngày 14 tháng 10 năm 2025\n\n{type_line}\n{body}\n"
    )


@pytest.mark.parametrize(
    ("type_line", "symbol", "body"),
    [
        ("KẾ HOẠCH", "21-KH/ĐU", "tổ chức kiểm điểm, xếp loại chất lượng năm 2025"),
        ("QUYẾT ĐỊNH", "305-QĐ/ĐU", "thành lập tổ công tác rà soát đảng viên năm 2025"),
        ("HƯỚNG DẪN", "04-HD/ĐU", "chuẩn bị tổng kết công tác năm 2025"),
        ("THÔNG BÁO", "88-TB/ĐU", "kết luận về kết quả công tác quý III năm 2025"),
    ],
)
def test_documents_that_are_not_reports_report_on_no_period(
    type_line: str, symbol: str, body: str
) -> None:
    assert extract(_headed(type_line, symbol, body)).period is None


def test_a_report_header_keeps_its_period() -> None:
    text = _headed("BÁO CÁO", "61-BC/ĐU", "kết quả công tác xây dựng Đảng quý III năm 2025")
    period = extract(text).period
    assert period is not None and period.value == "2025-Q3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Huyện ủy học tập Nghị quyết. Báo cáo tại hội nghị cho biết, năm 2024 toàn "
            "huyện kết nạp 312 đảng viên.",
            None,
        ),
        ("Sáng 3/8, Tỉnh ủy tổ chức hội nghị quán triệt Kết luận số 150-KL/TW.", None),
        (
            "Chiều 9/1, Đảng ủy phường An Phú tổng kết công tác xây dựng Đảng năm 2025. "
            "Năm 2026, phường phấn đấu kết nạp 40 đảng viên.",
            "2025",
        ),
        ("Dang uy xa so ket cong tac 6 thang dau nam 2025", "2025-H1"),
    ],
)
def test_news_takes_only_a_period_named_by_a_review(text: str, expected: str | None) -> None:
    period = extract(text).period
    assert (period.value if period is not None else None) == expected


HEADERS_IN_OTHER_LAYOUTS = [
    # two columns pasted as plain text, aligned with spaces
    (
        "HUYỆN ỦY MƯỜNG LA                      ĐẢNG CỘNG SẢN VIỆT NAM\n         *\n"
        "Số 214-BC/HU                        Mường La, ngày 28 tháng 12 năm 2019\n\nBÁO CÁO\n",
        ("Báo cáo", "214", "BC", "HU", datetime.date(2019, 12, 28), "Mường La"),
    ),
    # a Markdown table whose cells break lines with <br>
    (
        "| ĐẢNG BỘ TỈNH AN GIANG<br>**ĐẢNG ỦY XÃ VĨNH HẬU**<br>\\*<br>Số 31-KH/ĐU "
        "| **ĐẢNG CỘNG SẢN VIỆT NAM**<br><br>*Vĩnh Hậu, ngày 07 tháng 5 năm 2025* |\n"
        "|---|---|\n\n**KẾ HOẠCH**\n",
        ("Kế hoạch", "31", "KH", "ĐU", datetime.date(2025, 5, 7), "Vĩnh Hậu"),
    ),
    # a Markdown table, one header line per row
    (
        "| THÀNH ỦY HUẾ | ĐẢNG CỘNG SẢN VIỆT NAM |\n|:---:|:---:|\n| * | |\n"
        "| Số 09-TB/TU | _Huế, ngày 3 tháng 9 năm 2021_ |\n\nTHÔNG BÁO KẾT LUẬN\n",
        ("Thông báo", "09", "TB", "TU", datetime.date(2021, 9, 3), "Huế"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADERS_IN_OTHER_LAYOUTS)
def test_header_is_read_in_plain_text_columns_and_markdown_tables(
    text: str, expected: tuple[object, ...]
) -> None:
    own = extract(text).own_document
    assert own is not None
    assert (own.type, own.number, own.type_code, own.issuer_code, own.date, own.place) == expected


def test_a_header_date_on_the_line_after_its_ngay_is_read() -> None:
    text = "ĐẢNG ỦY XÃ PHÚ AN\n*\nSố 19-BC/ĐU\n\nPhú An, ngày\n30 tháng 6 năm 2025\n\nBÁO CÁO\n"
    own = extract(text).own_document
    assert own is not None and own.date == datetime.date(2025, 6, 30)


# --- forms of unseen texts (issue 13) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Ngày 14/7/2022, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác "
            "xây dựng Đảng 6 tháng đầu năm.",
            "2022-H1",
        ),
        (
            "(ngày 3/10/2023) Đảng ủy Khối đánh giá kết quả thực hiện nhiệm vụ 9 tháng đầu năm.",
            "2023-9M",
        ),
        ("Sáng 5/4/2024, Đảng ủy xã tổng kết công tác quý I.", "2024-Q1"),
    ],
)
def test_a_news_item_reports_on_a_period_of_the_year_of_its_date(text: str, value: str) -> None:
    period = extract(text).period
    assert period is not None and period.value == value


def test_a_news_item_without_any_date_names_no_period_year() -> None:
    assert extract("Hội nghị sơ kết công tác 6 tháng đầu năm đã diễn ra.").period is None


@pytest.mark.parametrize(
    ("header", "number"),
    [
        ("TỈNH ỦY BẮC KẠN\n*\nSố: 47 -\nKH/TU\n\nBắc Kạn, ngày 05 tháng 3 năm 2024\n", "47"),
        ("HUYỆN ỦY ĐỊNH HÓA\n*\nSố 118 – KH/HU\n\nĐịnh Hóa, ngày 7 tháng 8 năm 2023\n", "118"),
    ],
)
def test_a_header_number_broken_or_spaced_is_the_own_number(header: str, number: str) -> None:
    own = extract(header + "\nKẾ HOẠCH\nthực hiện công tác năm.").own_document
    assert own is not None and own.number == number and own.type_code == "KH"


def test_a_cited_number_opening_a_line_is_never_the_own_number() -> None:
    text = (
        "ĐẢNG ỦY XÃ AN BÌNH\n*\nSố    -KH/ĐU\n\nAn Bình, ngày    tháng 5 năm 2024\n\n"
        "KẾ HOẠCH\nCăn cứ:\nSố 27-KH/HU ngày 10/4/2024 của Huyện ủy về tổ chức đại hội;\n"
    )
    assert extract(text).own_document is None
