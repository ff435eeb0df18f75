"""References to numbered documents in the forms real texts use."""

from __future__ import annotations

import datetime

import pytest

from dangvu.extract.clean import clean
from dangvu.extract.references import might_contain_references

from .factories import ExpectedRef, ref, refs_in, the_only_ref

SINGLE_REFERENCES: list[tuple[str, ExpectedRef]] = [
    (
        "Triển khai Kế hoạch số 47-KH/TU, ngày 03/3/2021 đến các chi bộ.",
        ref("47-KH/TU", "2021-03-03", type="Kế hoạch", text="Kế hoạch số 47-KH/TU, ngày 03/3/2021"),
    ),
    (
        "Quán triệt Nghị quyết 12-NQ/TW trong toàn Đảng bộ.",
        ref("12-NQ/TW", type="Nghị quyết", text="Nghị quyết 12-NQ/TW"),
    ),
    (
        "Tiếp tục thực hiện Chỉ thị số 08-CT/TW của Ban Bí thư về công tác dân vận.",
        ref("08-CT/TW", type="Chỉ thị", issuer_name="Ban Bí thư"),
    ),
    (
        "theo Quy định số 105-QĐ/TW ngày 19 tháng 12 năm 2017 của Bộ Chính trị.",
        ref("105-QĐ/TW", "2017-12-19", type="Quy định", issuer_name="Bộ Chính trị"),
    ),
    (
        "Quyết định số 77-QĐ/TU của Ban Thường vụ Tỉnh uỷ về thành lập đoàn kiểm tra.",
        ref("77-QĐ/TU", type="Quyết định", issuer_name="Ban Thường vụ Tỉnh uỷ"),
    ),
    (
        "Thông báo kết luận số 64-TB/TU, ngày 11/9/2024 của Thường trực Tỉnh ủy.",
        ref("64-TB/TU", "2024-09-11", issuer_name="Thường trực Tỉnh ủy"),
    ),
    (
        "Hướng dẫn số 03-HD/BTCTW, ngày 02/5/2023 của Ban Tổ chức Trung ương.",
        ref("03-HD/BTCTW", "2023-05-02", issuer_name="Ban Tổ chức Trung ương"),
    ),
    (
        "Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị (khóa XIII) về khuyến khích.",
        ref("14-KL/TW", "2021-09-22", issuer_name="Bộ Chính trị (khóa XIII)"),
    ),
    (
        "Nghị quyết số 04-NQ/TW của Ban Chấp hành Trung ương Đảng khoá XII về xây dựng Đảng.",
        ref("04-NQ/TW", issuer_name="Ban Chấp hành Trung ương Đảng khoá XII"),
    ),
    (
        "Chương trình hành động số 09-CTr/TU, ngày 15/8/2021 của Tỉnh ủy thực hiện.",
        ref("09-CTr/TU", "2021-08-15", type="Chương trình hành động", issuer_name="Tỉnh ủy"),
    ),
    (
        "Chương trình hành động số 03-CTHĐ/HU của Huyện ủy.",
        ref("03-CTHĐ/HU", type="Chương trình hành động", issuer_name="Huyện ủy"),
    ),
    (
        "Quy định số 29-QĐi/TW năm 2016 về thi hành Điều lệ Đảng.",
        ref("29-QĐi/TW", type="Quy định"),
    ),
    (
        "Tờ trình số 150-TTr/ĐU ngày 01/02/2025 của Đảng ủy xã.",
        ref("150-TTr/ĐU", "2025-02-01", type="Tờ trình"),
    ),
    (
        "Công văn số 2150-CV/VPTW ngày 20/3/2024 của Văn phòng Trung ương Đảng.",
        ref("2150-CV/VPTW", "2024-03-20", issuer_name="Văn phòng Trung ương Đảng"),
    ),
    (
        "Báo cáo số 88-BC/BTCTU ngày 09/10/2023 của Ban Tổ chức Tỉnh ủy gửi Ban Thường vụ.",
        ref("88-BC/BTCTU", "2023-10-09", issuer_name="Ban Tổ chức Tỉnh ủy"),
    ),
    (
        "Kế hoạch số 21-KH/BTGDVTU ngày 18/4/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy.",
        ref("21-KH/BTGDVTU", "2025-04-18"),
    ),
    (
        "theo Kế hoạch số 06-KH/ĐUK (ngày 14/02/2024) của Đảng ủy Khối.",
        ref("06-KH/ĐUK", "2024-02-14", issuer_name="Đảng ủy Khối"),
    ),
    (
        "Kế hoạch số 310-KH/ĐUK ngày 21/8//2024 của Đảng uỷ Khối.",
        ref("310-KH/ĐUK", "2024-08-21"),
    ),
    (
        "Nghị quyết số 11-NQ/ĐU ngày 30 tháng 9  năm 2022 của Đảng ủy phường.",
        ref("11-NQ/ĐU", "2022-09-30"),
    ),
    (
        "Theo Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo cáo.",
        ref("09/2019/NĐ-CP", "2019-01-24", type="Nghị định", issuer_name="Chính phủ"),
    ),
    (
        "Luật Tổ chức chính quyền địa phương số 77/2015/QH13 quy định rõ.",
        ref("77/2015/QH13", type="Luật"),
    ),
    (
        "Quyết định số 12/2021/QĐ-UBND ngày 05/7/2021 của Ủy ban nhân dân tỉnh ban hành quy chế.",
        ref("12/2021/QĐ-UBND", "2021-07-05", issuer_name="Ủy ban nhân dân tỉnh"),
    ),
    (
        "Thông tư số 06/2023/TT-BNV của Bộ Nội vụ hướng dẫn.",
        ref("06/2023/TT-BNV", type="Thông tư", issuer_name="Bộ Nội vụ"),
    ),
    (
        "Quyết định số 2257/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ phê duyệt.",
        ref("2257/QĐ-TTg", "2020-12-31", issuer_name="Thủ tướng Chính phủ"),
    ),
    (
        "Thông tư liên tịch số 14/2015/TTLT-BNV-BTC hướng dẫn thực hiện.",
        ref("14/2015/TTLT-BNV-BTC", type="Thông tư liên tịch"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE_REFERENCES)
def test_single_reference_is_read_with_its_fields(text: str, expected: ExpectedRef) -> None:
    found = the_only_ref(text)
    assert expected.matches(found), found


SPELLING_VARIANTS: list[tuple[str, ExpectedRef]] = [
    ("Căn cứ Chỉ thị số 12-CT/TW ngày03 tháng 5 năm 2022 của", ref("12-CT/TW", "2022-05-03")),
    ("Thông báo số 81-TB/TWngày 06 tháng 01 năm 2023 của", ref("81-TB/TW", "2023-01-06")),
    ("Quyết định số 75/QĐ-TTgngày 09/02/2021", ref("75/QĐ-TTg", "2021-02-09")),
    ("Quyết định số 15-QD/TU của Tỉnh ủy.", ref("15-QĐ/TU")),
    ("Kế hoạch số 30-KH/DUK ngày 02/6/2023.", ref("30-KH/ĐUK", "2023-06-02")),
    ("Ke hoach so 31-KH/TU ngay 02/6/2023 cua Tinh uy.", ref("31-KH/TU", "2023-06-02")),
    ("KẾ HOẠCH SỐ 32-KH/HU", ref("32-KH/HU", type="Kế hoạch")),
    ("Chương trình số 5-CTR/TU", ref("5-CTr/TU")),
    ("Đề án số 02-DA/TU về chuyển đổi số", ref("02-ĐA/TU", type="Đề án")),
    ("Nghị định 30/2020/ND-CP về công tác văn thư", ref("30/2020/NĐ-CP", type="Nghị định")),
    ("của Tỉnh uỷ tại Kế hoạch số 12 \u2013 KH/TU", ref("12-KH/TU")),
    ("Quyết định số 100-QĐ/ĐUKCCQ ngày 3/3/2020", ref("100-QĐ/ĐUKCCQ", "2020-03-03")),
]


@pytest.mark.parametrize(("text", "expected"), SPELLING_VARIANTS)
def test_codes_are_read_in_every_spelling(text: str, expected: ExpectedRef) -> None:
    found = the_only_ref(text)
    assert expected.matches(found), found


def test_header_number_with_spaces_around_hyphen_is_a_reference_without_date() -> None:
    text = "ĐẢNG ỦY XÃ AN BÌNH\n*\nSố 27 - BC/ĐU\n\nAn Bình, ngày 14 tháng 3 năm 2025\n"
    found = the_only_ref(text)
    assert ref("27-BC/ĐU", type="Báo cáo", text="Số 27 - BC/ĐU").matches(found)


def test_listed_numbers_share_the_code_date_and_issuer() -> None:
    text = "Thực hiện Nghị quyết số 26, 27-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương."
    found = refs_in(text)
    assert [r.number for r in found] == ["26", "27"]
    assert all(r.date is not None and r.date.isoformat() == "2018-05-19" for r in found)
    assert all(r.issuer_name == "Ban Chấp hành Trung ương" for r in found)


def test_numbers_listed_with_va_are_separate_references() -> None:
    found = refs_in("các Kết luận số 21 và 22-KL/TW của Bộ Chính trị")
    assert [(r.number, r.type_code, r.issuer_code) for r in found] == [
        ("21", "KL", "TW"),
        ("22", "KL", "TW"),
    ]


def test_each_symbol_of_a_list_of_symbols_is_a_reference() -> None:
    found = refs_in("các Nghị quyết số 35-NQ/TW, 36-NQ/TW và 37-NQ/TW của Bộ Chính trị")
    assert [r.number for r in found] == ["35", "36", "37"]
    assert found[1].type == "Nghị quyết"


def test_symbols_listed_with_va_share_the_date_issuer_and_type_name() -> None:
    found = refs_in("Quy định số 51-QĐ/TW và 52-QĐ/TW ngày 08/12/2021 của Ban Bí thư về công tác")
    assert [(r.number, r.type, r.issuer_name) for r in found] == [
        ("51", "Quy định", "Ban Bí thư"),
        ("52", "Quy định", "Ban Bí thư"),
    ]
    assert all(r.date is not None and r.date.isoformat() == "2021-12-08" for r in found)


def test_issuer_may_be_a_numbered_plenum_with_its_term() -> None:
    found = the_only_ref("Nghị quyết số 39-NQ/TW của Hội nghị Trung ương 7 khóa XI về")
    assert found.issuer_name == "Hội nghị Trung ương 7 khóa XI"


def test_repeated_references_are_all_reported() -> None:
    text = "Theo Chỉ thị số 05-CT/TW. Sơ kết Chỉ thị số 05-CT/TW. Tổng kết Chỉ thị 05-CT/TW."
    assert [r.number for r in refs_in(text)] == ["05", "05", "05"]


def test_number_keeps_its_leading_zero() -> None:
    assert the_only_ref("Chỉ thị số 01-CT/TU").number == "01"


def test_issuer_name_stops_before_the_subject() -> None:
    found = the_only_ref("Kế hoạch số 80-KH/TU của Ban Thường vụ Tỉnh ủy về phát triển đảng viên")
    assert found.issuer_name == "Ban Thường vụ Tỉnh ủy"


def test_lower_case_words_after_cua_are_not_an_issuer() -> None:
    found = the_only_ref("Kế hoạch số 80-KH/TU của đồng chí Bí thư")
    assert found.issuer_name is None


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 25/02/2022 hội nghị khai mạc lúc 8 giờ.",
        "Đạt tỷ lệ 71/74 chi bộ, tăng 3-5 lần so với năm 2022.",
        "giai đoạn 2023 - 2025 và nhiệm kỳ 2020-2025",
        "Đường dẫn tài liệu: a-b/c, mục 3-a/b.",
        "Hội nghị Trung ương 4, 5, 6 (khóa XIII) đã ban hành nhiều nghị quyết.",
    ],
)
def test_text_without_document_numbers_gives_no_reference(text: str) -> None:
    assert refs_in(text) == ()


def test_prefilter_skips_text_without_any_code() -> None:
    assert not might_contain_references(clean("Năm 2023 đạt 12/15 chỉ tiêu.").folded)
    assert might_contain_references(clean("theo 12-NQ/TW").folded)
    assert might_contain_references(clean("theo 13/2023/NĐ-CP").folded)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quán triệt Chỉ thị số 11-CT/TU và Chỉ thị số 14-CT/TU ngày 02/8/2022 của Tỉnh ủy.",
            [ref("11-CT/TU"), ref("14-CT/TU", "2022-08-02")],
        ),
        (
            "theo Nghị quyết số 03-NQ/ĐU và Kế hoạch số 09-KH/ĐU, ngày 17/3/2025 của Đảng ủy",
            [ref("03-NQ/ĐU"), ref("09-KH/ĐU", "2025-03-17")],
        ),
        (
            "Kết luận số 40-KL/HU và số 41-KL/HU ngày 5/6/2019 của Huyện ủy",
            [ref("40-KL/HU"), ref("41-KL/HU", "2019-06-05")],
        ),
        (
            "Quyết định số 61-QĐ/TU và 62-QĐ/TU ngày 9/1/2023 của Ban Thường vụ",
            [ref("61-QĐ/TU", "2023-01-09"), ref("62-QĐ/TU", "2023-01-09")],
        ),
    ],
)
def test_a_symbol_with_its_own_type_name_or_so_keeps_its_own_date(
    text: str, expected: list[ExpectedRef]
) -> None:
    found = refs_in(text)
    assert len(found) == len(expected), found
    assert all(e.matches(f) for e, f in zip(expected, found, strict=True)), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thực hiện [Kế hoạch số 26-KH/ĐU](https://dangbo.vn/van-ban/26.pdf), ngày"
            " 3/4/2024 của Đảng ủy xã",
            ref("26-KH/ĐU", "2024-04-03", issuer_name="Đảng ủy xã"),
        ),
        (
            "theo Hướng dẫn số [12-HD/BTCTW](http://x.vn/hd12) ngày 05/6/2023",
            ref("12-HD/BTCTW", "2023-06-05", type="Hướng dẫn"),
        ),
        (
            "Xem [Quyết định số 3/2022/QĐ-UBND ngày 4/1/2022](https://a.b/q3) của tỉnh.",
            ref("3/2022/QĐ-UBND", "2022-01-04"),
        ),
        (  # a link with a title
            'theo [Quy định số 08-QĐi/TW](https://a.vn/qd8 "Tải văn bản"), ngày 25/10/2021',
            ref("08-QĐi/TW", "2021-10-25"),
        ),
    ],
)
def test_a_markdown_link_around_a_reference_is_read_through(
    text: str, expected: ExpectedRef
) -> None:
    found = the_only_ref(text)
    assert expected.matches(found), found
    assert text[found.start : found.end] == found.text


def test_an_html_link_and_styled_run_around_a_reference_are_read_through() -> None:
    text = (
        'Thực hiện <a href="https://dangbo.vn/kh12.pdf">Kế hoạch số 12-KH/ĐU</a>,&nbsp;ngày '
        '3/4/2024 của <span style="color:red">Đảng ủy xã</span>.'
    )
    found = the_only_ref(text)
    assert ref("12-KH/ĐU", "2024-04-03", issuer_name="Đảng ủy xã").matches(found), found
    assert text[found.start : found.end] == found.text


# --- forms of unseen texts (issue 13) ---------------------------------------------------

DATED_BY_THEIR_SENTENCE: list[tuple[str, ExpectedRef]] = [
    (
        "Ngày 05/9/2022, Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 19-CT/TU về công tác dân vận.",
        ref("19-CT/TU", "2022-09-05"),
    ),
    (
        "ngày 18 tháng 01 năm 2023, Đảng ủy đã ban hành Nghị quyết số 04-NQ/ĐU để lãnh đạo.",
        ref("04-NQ/ĐU", "2023-01-18"),
    ),
    (
        "- Ngày 7.6.2021, Thường trực Huyện ủy ký Thông báo số 112-TB/HU gửi các chi bộ.",
        ref("112-TB/HU", "2021-06-07"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATED_BY_THEIR_SENTENCE)
def test_a_reference_takes_the_issue_date_opening_its_sentence(
    text: str, expected: ExpectedRef
) -> None:
    assert expected.matches(the_only_ref(text)), refs_in(text)


@pytest.mark.parametrize(
    "text",
    [
        # the date opens another sentence
        "Ngày 05/9/2022, hội nghị họp. Ban Thường vụ ban hành Chỉ thị số 19-CT/TU.",
        # no issuing verb right before the reference: the date is of something else
        "Ngày 05/9/2022, đoàn kiểm tra làm việc theo Chỉ thị số 19-CT/TU.",
        # the date does not open the sentence
        "Chi bộ họp ngày 05/9/2022, sau đó Đảng ủy ban hành Chỉ thị số 19-CT/TU.",
    ],
)
def test_a_date_elsewhere_in_the_sentence_is_not_the_issue_date(text: str) -> None:
    assert the_only_ref(text).date is None


NUMBER_WITHOUT_SYMBOL: list[tuple[str, ExpectedRef]] = [
    (
        "Triển khai Kế hoạch số 76 ngày 12.5.2023 của Ban Thường vụ Huyện ủy đến chi bộ.",
        ExpectedRef("KH", "76", "HU", datetime.date(2023, 5, 12), type="Kế hoạch"),
    ),
    (
        "quán triệt Nghị quyết 18 của Hội nghị Trung ương 6 (khóa XII) về sắp xếp bộ máy",
        ExpectedRef("NQ", "18", "TW", None, issuer_name="Hội nghị Trung ương 6 (khóa XII)"),
    ),
    (
        "Thực hiện Chỉ thị số 05 ngày 15 tháng 5 năm 2016, các chi bộ đăng ký làm theo.",
        ExpectedRef("CT", "05", None, datetime.date(2016, 5, 15), type="Chỉ thị"),
    ),
    (
        "theo Hướng dẫn số 12 ngày mùng 3 tháng 4 năm 2024 của Ban Tổ chức Tỉnh ủy",
        ExpectedRef("HD", "12", "BTCTU", datetime.date(2024, 4, 3)),
    ),
    (
        "Quyết định 480 ngày 20/10/2022 của Đảng ủy xã về kiện toàn chi ủy.",
        ExpectedRef("QĐ", "480", "ĐU", datetime.date(2022, 10, 20)),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_WITHOUT_SYMBOL)
def test_a_number_named_by_its_genre_with_a_date_or_issuer_is_a_reference(
    text: str, expected: ExpectedRef
) -> None:
    assert expected.matches(the_only_ref(text)), refs_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết 57 đã đi vào cuộc sống.",  # a short name, no date or issuer
        "Kế hoạch 5 năm của Tỉnh ủy đề ra mục tiêu.",  # a duration, not a number
        "Kế hoạch số 3 về công tác tuyên truyền.",  # neither date nor issuer
    ],
)
def test_a_genre_and_a_number_alone_are_no_reference(text: str) -> None:
    assert refs_in(text) == ()


BROKEN_AND_PARTIAL_SYMBOLS: list[tuple[str, ExpectedRef]] = [
    ("Số: 52 -\nHD/BTCTW", ref("52-HD/BTCTW")),
    ("theo Kế hoạch số 230 –\nKH/TU của Tỉnh ủy", ref("230-KH/TU", issuer_name="Tỉnh ủy")),
    ("Chương trình số 14-CTr/\nĐUK của Đảng ủy Khối", ref("14-CTr/ĐUK")),
    (
        "Thông báo Kết luận số 377-TB ngày 01/11/2023 của Thường trực Thành ủy",
        ExpectedRef("TB", "377", "TU", datetime.date(2023, 11, 1)),
    ),
    ("Kết luận số 09-KL của Ban Bí thư", ExpectedRef("KL", "09", "TW")),
    (
        "Công văn số 1571/UBND-NC ngày 16/8/2024 của Ủy ban nhân dân huyện",
        ExpectedRef(None, "1571", "UBND-NC", datetime.date(2024, 8, 16), type="Công văn"),
    ),
    (
        "theo văn bản số 377/BTCTW-TH ngày 9/1/2023",
        ExpectedRef(None, "377", "BTCTW-TH", datetime.date(2023, 1, 9)),
    ),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN_AND_PARTIAL_SYMBOLS)
def test_a_broken_or_partial_symbol_is_read(text: str, expected: ExpectedRef) -> None:
    assert expected.matches(the_only_ref(text)), refs_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Đường dây nóng 0214-KH và mã 15-TB in trên phong bì.",  # no type name or "số"
        "Tỷ lệ 71/74 chi bộ; tuyến 12/QL-HN.",  # a share; a code without "số" or type
    ],
)
def test_a_partial_symbol_without_type_or_so_is_no_reference(text: str) -> None:
    assert refs_in(text) == ()


def test_a_basis_with_its_date_on_the_next_line_keeps_the_date() -> None:
    text = (
        "Căn cứ Điều lệ Đảng;\n"
        "Căn cứ Quy định số 30-QĐ/TW,\nngày 26/7/2021 của Ban Chấp hành Trung ương;\n"
        "Căn cứ Hướng dẫn số 02-HD/TW,\nngày 09/12/2021 của Ban Bí thư,\n"
    )
    found = refs_in(text)
    assert [(r.number, r.date) for r in found] == [
        ("30", datetime.date(2021, 7, 26)),
        ("02", datetime.date(2021, 12, 9)),
    ]
    assert found[1].issuer_name == "Ban Bí thư"
