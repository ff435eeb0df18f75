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
