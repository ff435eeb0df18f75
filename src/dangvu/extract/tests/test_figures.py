"""Figures: counts, shares and percentages, in Vietnamese number formats."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

Fig = tuple[float, float | None, str]


def fig(value: float, unit: str, of: float | None = None) -> Fig:
    return (value, of, unit)


def figures_in(text: str) -> list[Fig]:
    return [(float(f.value), f.of, f.unit) for f in extract(text).figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm qua kết nạp 1.234 đảng viên mới.", [fig(1234, "đảng viên")]),
        ("đạt 105% chỉ tiêu được giao", [fig(105, "%")]),
        ("tỷ lệ tăng 12,5% so với cùng kỳ", [fig(12.5, "%")]),
        ("có 58/60 chi, đảng bộ hoàn thành", [fig(58, "chi, đảng bộ", of=60)]),
        ("kiểm tra 7 TCĐ và 21 ĐV", [fig(7, "tổ chức đảng"), fig(21, "đảng viên")]),
        ("mở 14 lớp bồi dưỡng cho 2.050 lượt người", [fig(14, "lớp"), fig(2050, "lượt người")]),
        ("tổ chức 236 buổi sinh hoạt chuyên đề", [fig(236, "buổi")]),
        ("sắp xếp còn 9 đầu mối, giảm 4 cơ quan", [fig(9, "đầu mối"), fig(4, "cơ quan")]),
        ("xây dựng 3 nhóm giải pháp", [fig(3, "nhóm")]),
        ("100% tổ chức cơ sở đảng đã quán triệt", [fig(100, "%")]),
        ("đã có 312/335 TCCSĐ tổ chức đại hội", [fig(312, "tổ chức cơ sở đảng", of=335)]),
    ],
)
def test_figures_are_read_with_value_share_and_unit(text: str, expected: list[Fig]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kế hoạch số 33-KH/TU ngày 25/02/2022 của Tỉnh ủy.",
        "Hội nghị Trung ương 4, 5, 6 khóa XIII.",
        "Báo cáo kết quả lần 2 ngày 10/12/2023.",
        "Sau 01 năm triển khai, trong 5 năm (2021-2025), 6 tháng đầu năm 2023.",
        "Đại hội đảng bộ nhiệm kỳ 2020-2025 và Quốc khánh mùng 2/9.",
        "Điều 5 khoản 2 quy định; mục 1.1. Kết quả đạt được",
        "Nghị định số 13/2023/NĐ-CP của Chính phủ.",
    ],
)
def test_document_numbers_dates_years_and_labels_are_not_figures(text: str) -> None:
    assert figures_in(text) == []


def test_a_share_larger_than_its_whole_is_not_a_figure() -> None:
    assert figures_in("có 80/74 chi bộ") == []


def test_figure_describes_what_it_counts() -> None:
    (found,) = extract("hoàn thành 11 nhóm nhiệm vụ trọng tâm và các nhiệm vụ khác").figures
    assert found.what == "nhóm nhiệm vụ trọng tâm"
    assert found.text == "11 nhóm nhiệm vụ trọng tâm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chi bộ duy trì 12 kỳ sinh hoạt thường kỳ.", [fig(12, "kỳ")]),
        ("Nhân dân hiến đất làm 1,2 km đường giao thông nông thôn.", [fig(1.2, "km")]),
        ("Đoàn viên trồng 3.500 cây xanh dọc tuyến đê.", [fig(3500, "cây")]),
        ("Trồng 450 cây phân tán.", [fig(450, "cây")]),
        ("- 27 gia đình được hỗ trợ sửa nhà", [fig(27, "gia đình")]),
        ("hỗ trợ 8 căn nhà đại đoàn kết cho hộ nghèo", [fig(8, "căn")]),
        ("tổ chức 35 buổi với 1.240 lượt đảng viên", [fig(35, "buổi"), fig(1240, "lượt")]),
        ("thăm hỏi 64 suất quà và 18 gia đình chính sách", [fig(64, "suất"), fig(18, "gia đình")]),
        ("có 17/20 thôn đạt chuẩn", [fig(17, "thôn", of=20)]),
        ("đề nghị cấp 45 thẻ đảng viên mới", [fig(45, "thẻ")]),
    ],
)
def test_a_number_before_any_noun_phrase_counts_it(text: str, expected: list[Fig]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị khai mạc lúc 14 giờ tại hội trường tầng 2.",
        "Sau 5 năm thực hiện, trong 6 tháng đầu năm, mỗi 3 tuần một lần.",
        "Quần chúng từ đủ 18 tuổi trở lên; cao tuổi nhất 60 tuổi.",
        "Đến 2030 phấn đấu xây dựng Đảng bộ trong sạch.",
        "Thực hiện Chỉ thị 05 yêu cầu các chi bộ; Kết luận 21 nêu rõ.",
        "Chi bộ ấp Tân Phú 2 tổ chức hội nghị; xã Hòa Bình 1 có đề xuất.",
        "Thi hành kỷ luật theo quy định; khen thưởng thôn 5 xã Tân Lập.",
        "Mô hình chính quyền địa phương 2 cấp đi vào hoạt động.",
        "Đảng viên thứ 3 phát biểu; xếp loại 2 năm liền.",
        "Quyết định có hiệu lực trong 30 ngày kể từ ngày ký.",
    ],
)
def test_numbers_before_time_units_and_inside_names_are_not_counts(text: str) -> None:
    assert figures_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chi bộ kết nạp 25 và 30 đảng viên trong hai năm.",
            [fig(25, "đảng viên"), fig(30, "đảng viên")],
        ),
        ("có 12 tổ hợp tác và 340 hộ dân tham gia", [fig(12, "tổ"), fig(340, "hộ")]),
        ("tổ chức 35 buổi với 1.240 lượt người dân", [fig(35, "buổi"), fig(1240, "lượt người")]),
    ],
)
def test_coordinated_counts_are_each_read(text: str, expected: list[Fig]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Số đảng viên xếp loại xuất sắc không vượt quá 20% số xếp loại tốt.",
        "Mỗi lớp tối đa 45 học viên, tối thiểu 20 học viên.",
        "Điều 4 và 5 của Quy định; lần 2 và 3 trong năm.",
        "Họp tại phòng 305 nhà khách; đoạn quốc lộ 1 qua xã bị sạt lở.",
    ],
)
def test_a_rules_bounds_and_joined_labels_are_not_figures(text: str) -> None:
    assert figures_in(text) == []


# --- forms of unseen texts (issue 13) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # each label before its count, a share in brackets after it
            "Thi hành kỷ luật: khiển trách 23 (chiếm 41%), cảnh cáo 8 (14,3%).",
            [fig(23, "khiển trách"), fig(41, "%"), fig(8, "cảnh cáo"), fig(14.3, "%")],
        ),
        (  # a list of labelled counts, thousands grouped
            "Năm 2023 xử lý khiển trách 1.480, cảnh cáo 312, cách chức 25.",
            [fig(1480, "khiển trách"), fig(312, "cảnh cáo"), fig(25, "cách chức")],
        ),
        (  # a colon after the label
            "Chất lượng đảng viên - không hoàn thành nhiệm vụ: 9 (6,1%).",
            [fig(9, "không hoàn thành nhiệm vụ"), fig(6.1, "%")],
        ),
        (  # a count of a capitalised document type
            "Quốc hội thông qua 05 Luật và Chính phủ ban hành 12 Nghị định hướng dẫn.",
            [fig(5, "luật"), fig(12, "nghị định")],
        ),
        (
            "Ban Thường vụ ban hành 03 Quy định và 7 Kết luận.",
            [fig(3, "quy định"), fig(7, "kết luận")],
        ),
        (  # a capitalised body set up for a task
            "Đảng ủy thành lập 04 Đoàn kiểm tra và 2 Tổ công tác.",
            [fig(4, "đoàn kiểm tra"), fig(2, "tổ công tác")],
        ),
        (  # a range gives both bounds, each a figure of the same unit
            "mỗi chi bộ có từ 15 - 40 đảng viên",
            [fig(15, "đảng viên"), fig(40, "đảng viên")],
        ),
        ("tỷ lệ tham gia đạt 85 – 97%", [fig(85, "%"), fig(97, "%")]),
        (
            "mỗi buổi thu hút từ 200 đến 350 lượt người",
            [fig(200, "lượt người"), fig(350, "lượt người")],
        ),
    ],
)
def test_labelled_counts_document_counts_and_ranges(text: str, expected: list[Fig]) -> None:
    assert figures_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chi bộ họp lần 3, lần 4 vào cuối quý.",  # ordinals
        "Kết quả chia theo nhóm 1, nhóm 2 và nhóm 3.",  # items of a list, not counts
        "Trụ sở tại số 12, đường 3 tháng 2.",  # an address
        "Đợt 2 (năm 2024) có nhiều đổi mới.",  # an ordinal before a bracket
        "giai đoạn 2021 - 2025 và 2026 - 2030",  # terms
        "khiển trách 17 người vi phạm",  # a count after its unit reads as usual ...
    ],
)
def test_labels_ordinals_and_terms_are_not_labelled_figures(text: str) -> None:
    found = figures_in(text)
    assert found == ([] if "người" not in text else [fig(17, "người")])
