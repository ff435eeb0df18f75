"""Forms the third blind set missed, each tested on sentences written for these tests:
a date within the sentence that dates the reference after the issuing verb, the OCR
eth for ``Đ``, ``trước tháng N``, a day and month rolling into the next year, less
common surnames, Xơ Đăng and Ê Đê names, a signer under a position typed without
capitals, a count noun typed with two spaces, ``bình quân`` before a count, and the
period of a yearly report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from dangvu.extract import extract

from .factories import ref, refs_in

PLAN_OF_DECEMBER = "HUYỆN ỦY ĐÔNG SƠN\n*\nSố 88-KH/HU\n\nĐông Sơn, ngày 18 tháng 12 năm 2023\n\n"
PLAN_OF_MARCH = "ĐẢNG ỦY XÃ AN PHÚ\n*\nSố 12-KH/ĐU\n\nAn Phú, ngày 20 tháng 3 năm 2024\n\n"


# (text, what is read, expected): one reader per kind of finding
CASES = [
    # "trước tháng N" is due at the end of month N; a quarter, the day before it begins
    (PLAN_OF_MARCH + "Các chi bộ gửi danh sách trước tháng 6.2024.", "deadlines", ["2024-06-30"]),
    (PLAN_OF_MARCH + "Hoàn thành rà soát hồ sơ trước tháng 5/2024.", "deadlines", ["2024-05-31"]),
    (PLAN_OF_MARCH + "Hoàn thành rà soát trước quý III năm 2024.", "deadlines", ["2024-06-30"]),
    # a day and month before the document's date: next year when near, else the past
    (PLAN_OF_DECEMBER + "Các chi bộ nộp báo cáo trước ngày 10/01.", "deadlines", ["2024-01-10"]),
    (PLAN_OF_DECEMBER + "Các chi bộ nộp báo cáo trước ngày 28/12.", "deadlines", ["2023-12-28"]),
    (PLAN_OF_MARCH + "Các chi bộ đã nộp báo cáo trước ngày 15/01.", "deadlines", []),
    (PLAN_OF_MARCH + "Các chi bộ nộp báo cáo trước ngày 15/02.", "deadlines", []),
    # less common surnames, Xơ Đăng names opening with "A"; "A Lưới" is a district
    ("Đồng chí Lang Thị Hoa, Phó Bí thư Đảng ủy xã chủ trì.", "people", ["Lang Thị Hoa"]),
    ("Đồng chí Vy Văn Tường, Chủ tịch UBND xã báo cáo.", "people", ["Vy Văn Tường"]),
    ("Phó Bí thư Huyện ủy Giáp Văn Lực dự và chỉ đạo.", "people", ["Giáp Văn Lực"]),
    ("Đồng chí Khuất Duy Tiến, Bí thư Chi bộ phát biểu.", "people", ["Khuất Duy Tiến"]),
    ("Đồng chí A Pheo, Bí thư Chi bộ thôn phát biểu.", "people", ["A Pheo"]),
    ("Huyện A Lưới tổ chức hội nghị.", "people", []),
    # an address qualified by an adjective before the name
    ("Đảng viên trẻ Hà Văn Tú vận động 12 hộ trồng rừng.", "people", ["Hà Văn Tú"]),
    (
        "Các đảng viên cao tuổi Lê Thị Mơ, Vũ Văn Hưng được tặng quà.",
        "people",
        ["Lê Thị Mơ", "Vũ Văn Hưng"],
    ),
    # a count noun typed with two spaces; "bình quân" (on average) before a count
    ("Năm qua chi bộ kết nạp 4 đảng  viên.", "figures", [(4, "đảng viên")]),
    ("Toàn đảng bộ có 31 chi  bộ trực thuộc.", "figures", [(31, "chi bộ")]),
    ("Mỗi kỳ sinh hoạt có bình quân 16 đồng chí dự.", "figures", [(16, "đồng chí")]),
    ("Trụ sở đặt tại quận 3, thành phố.", "figures", []),
]
READERS: dict[str, Callable[[str], list[Any]]] = {
    "deadlines": lambda text: [d.date.isoformat() for d in extract(text).deadlines],
    "people": lambda text: [p.name for p in extract(text).people],
    "figures": lambda text: [(f.value, f.unit) for f in extract(text).figures],
}


@pytest.mark.parametrize(("text", "kind", "expected"), CASES)
def test_each_form_is_read(text: str, kind: str, expected: list[Any]) -> None:
    assert READERS[kind](text) == expected


@pytest.mark.parametrize(
    ("text", "symbol", "date"),
    [
        (
            "Sau hội nghị, ngày 03/4/2023 Ban Thường vụ Huyện ủy ban hành Kế hoạch số "
            "45-KH/HU về tổng kết công tác dân vận.",
            "45-KH/HU",
            "2023-04-03",
        ),
        (
            "Tiếp đó, ngày 9 tháng 8 năm 2022 Đảng ủy đã ký ban hành Nghị quyết số 07-NQ/ĐU.",
            "07-NQ/ĐU",
            "2022-08-09",
        ),
        (  # the comma after the date stays read
            "Ngày 11/10/2021, Thường trực Tỉnh ủy ban hành Quy định số 19-QĐ/TU.",
            "19-QĐ/TU",
            "2021-10-11",
        ),
    ],
)
def test_a_date_within_the_sentence_dates_the_reference_issued_after_it(
    text: str, symbol: str, date: str
) -> None:
    found = refs_in(text)
    assert len(found) == 1 and ref(symbol, date).matches(found[0])


def test_a_date_of_another_reference_in_between_dates_nothing() -> None:
    text = (
        "Thực hiện Chỉ thị số 05-CT/TU ngày 2/3/2023 của Tỉnh ủy, Ban Thường vụ "
        "ban hành Kế hoạch số 61-KH/HU."
    )
    found = {r.number: r.date for r in refs_in(text)}
    assert found["61"] is None and str(found["05"]) == "2023-03-02"


def test_a_date_without_an_issuing_verb_dates_nothing() -> None:
    text = "Ngày 5/6/2022 chi bộ họp bàn việc thực hiện Kết luận số 14-KL/TW."
    assert refs_in(text)[0].date is None


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Hướng dẫn số 12-HD/ÐU ngày 4/5/2020 của Ðảng ủy xã.",  # U+00D0
        "Thực hiện Hướng dẫn số 12-HD/ĐU ngày 4/5/2020 của Ðảng ủy xã về ðẩy mạnh.",
    ],
)
def test_the_ocr_eth_reads_as_d_with_stroke(text: str) -> None:
    found = refs_in(text)
    assert len(found) == 1 and ref("12-HD/ĐU", "2020-05-04").matches(found[0])
    assert found[0].text == text[found[0].start : found[0].end]
    assert found[0].issuer_name == "Đảng ủy xã"


def test_a_surname_written_with_the_ocr_eth_is_a_name() -> None:
    assert READERS["people"]("Đồng chí Ðinh Thị Nga, Bí thư Chi bộ phát biểu.") == ["Đinh Thị Nga"]


def test_an_ede_name_of_five_syllables_is_kept_whole() -> None:
    text = "Ông Y Blum Niê Kdăm Ktla, Phó Chủ tịch UBND huyện phát biểu."
    assert READERS["people"](text) == ["Y Blum Niê Kdăm Ktla"]


def test_names_listed_after_an_address_are_people() -> None:
    text = "Chi bộ kết nạp quần chúng ưu tú Hồ Văn Kiên, A Tuấn và Y Hoa vào Đảng."
    assert READERS["people"](text) == ["Hồ Văn Kiên", "A Tuấn", "Y Hoa"]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("Bí thư Chi bộ\nLò Thị Sen\n", ["Lò Thị Sen"]),
        ("T/M CHI BỘ\nPhó Bí thư Chi bộ\n\nVi Văn Đông", ["Vi Văn Đông"]),
        ("Nơi nhận: Đảng ủy xã, Lưu.\nBí thư Chi bộ\nđã ký", []),
    ],
)
def test_a_signer_under_a_position_typed_without_capitals(tail: str, expected: list[str]) -> None:
    text = "Chi bộ đề nghị các đảng viên thực hiện nghiêm thông báo này.\n\n" + tail
    assert READERS["people"](text) == expected


def test_a_yearly_report_takes_its_period_from_its_title() -> None:
    text = (
        "ĐẢNG ỦY XÃ PHÚ LỘC\n*\nSố 40-BC/ĐU\n\nPhú Lộc, ngày 08 tháng 01 năm 2025\n\n"
        "BÁO CÁO\ntổng kết công tác xây dựng Đảng năm 2024\n\n"
        "Kết quả công tác năm 2024 được đánh giá cao. Phương hướng: báo cáo kết quả rà "
        "soát trong quý I.2025; công tác quý II/2025 tập trung vào đại hội."
    )
    period = extract(text).period
    assert period is not None and period.value == "2024"
