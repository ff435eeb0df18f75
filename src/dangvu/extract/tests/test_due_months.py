"""Deadlines written as a month or a quarter, each due on its last day, tested on sentences
written for these tests: the year after a slash or a hyphen (an OCR ``l`` for the
month's ``1`` or a quarter's ``I``), a run of months or quarters, no year at all (the
document's year, else the year of the section's heading, else none), ``vào tháng``, a
label of due time (``Thời gian: tháng 8/2025``), a day and month after a clause that
names a later year, and a clock time before the day."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

PLAN_OF_OCTOBER = (
    "TỈNH ỦY PHÚ YÊN\n*\nSố 51-KH/TU\n\nTuy Hòa, ngày 08 tháng 10 năm 2019\n\n"
    "KẾ HOẠCH\ntriển khai công tác năm 2020\n\n"
)
REPORT_OF_JULY = (
    "ĐẢNG ỦY XÃ TÂN LẬP\n*\nSố 33-BC/ĐU\n\nTân Lập, ngày 05 tháng 7 năm 2021\n\n"
    "BÁO CÁO\nkết quả 6 tháng đầu năm\n\n"
)
REPORT_OF_DECEMBER = (
    "ĐẢNG ỦY XÃ HÒA AN\n*\nSố 40-BC/ĐU\n\nHòa An, ngày 20 tháng 12 năm 2022\n\n"
    "BÁO CÁO\ntổng kết công tác năm 2022\n\n"
)
PLAN_OF_DECEMBER = "HUYỆN ỦY ĐÔNG SƠN\n*\nSố 90-KH/HU\n\nĐông Sơn, ngày 18 tháng 12 năm 2023\n\n"

CASES = [
    # the year after a slash or a hyphen; the month's "1" read by OCR as "l"
    (PLAN_OF_OCTOBER + "Các đảng bộ hoàn thành rà soát trong tháng 01/2021.", ["2021-01-31"]),
    (PLAN_OF_OCTOBER + "Ban Tuyên giáo biên soạn và ban hành trong quý II/2025.", ["2025-06-30"]),
    (PLAN_OF_OCTOBER + "Các huyện ủy gửi danh sách trong tháng 3-2020.", ["2020-03-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành kiểm tra hồ sơ trong tháng l2/2019.", ["2019-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành bàn giao trong tháng 1l/2019.", ["2019-11-30"]),
    (PLAN_OF_OCTOBER + "Hoàn thành bàn giao trong quý lll/2020.", ["2020-09-30"]),
    (PLAN_OF_OCTOBER + "Hoàn thành bàn giao trong quý lV năm 2019.", ["2019-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành bàn giao trong quý Il - lV/2020.", ["2020-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành việc thẩm định trong quý I năm 2020.", ["2020-03-31"]),
    (PLAN_OF_OCTOBER + "Sở Nội vụ tổng kết mô hình trong quý IV/2012.", []),  # the past
    # a run of months or quarters is due on the last day of its last
    (PLAN_OF_OCTOBER + "Hoàn thành khảo sát trong tháng 11 - 12/2019.", ["2019-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành phúc tra trong tháng 11 và tháng 12.", ["2019-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành việc chấm điểm trong quý III - IV/2020.", ["2020-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành bàn giao trong quý I và quý II năm 2020.", ["2020-06-30"]),
    (PLAN_OF_OCTOBER + "Hoàn thành khảo sát trong tháng 12 - 11/2019.", []),  # no run
    (PLAN_OF_OCTOBER + "Hoàn thành thẩm định trong quý II-2020.", ["2020-06-30"]),
    # no year: the document's
    (PLAN_OF_OCTOBER + "Hoàn thành việc kiện toàn ban chỉ đạo trong tháng 12.", ["2019-12-31"]),
    (PLAN_OF_OCTOBER + "Các ban lấy ý kiến góp ý dự thảo trong tháng 11.", ["2019-11-30"]),
    (PLAN_OF_OCTOBER + "Ban Thường vụ ban hành quy chế mới trong quý IV.", ["2019-12-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành xong việc chấm điểm vào cuối tháng 11.", ["2019-11-30"]),
    (
        PLAN_OF_OCTOBER + "Các chi bộ tổ chức sinh hoạt chuyên đề vào kỳ họp tháng 11.",
        ["2019-11-30"],
    ),
    (PLAN_OF_OCTOBER + "Văn phòng tổng hợp báo cáo Thường trực vào tháng 02/2020.", ["2020-02-29"]),
    (REPORT_OF_JULY + "- Hoàn thành đại hội các chi bộ trong tháng 9.", ["2021-09-30"]),
    # ... a task in a period after the document's date, in a report too
    (REPORT_OF_JULY + "Chi bộ thôn 2 tổ chức sinh hoạt chuyên đề trong tháng 9.", ["2021-09-30"]),
    (REPORT_OF_JULY + "Ban Chấp hành trình đề án vào kỳ họp tháng 12.", ["2021-12-31"]),
    # ... "năm" after the month is not a month without a year
    (PLAN_OF_OCTOBER + "Hoàn thành khảo sát trong tháng 11 năm ngoái.", []),
    # ... "năm nay", "năm sau", "năm tới": of the document's year; none without a date
    (PLAN_OF_OCTOBER + "Hoàn thành khảo sát trong tháng 11 năm sau.", ["2020-11-30"]),
    (PLAN_OF_OCTOBER + "Hoàn thành việc sáp nhập trong quý I năm tới.", ["2020-03-31"]),
    (PLAN_OF_OCTOBER + "Hoàn thành việc sáp nhập trong tháng 12 năm nay.", ["2019-12-31"]),
    ("Hoàn thành việc sáp nhập trong quý I năm tới.", []),
    (PLAN_OF_OCTOBER + "Hoàn thành việc sáp nhập trong tháng 12, năm 2019.", ["2019-12-31"]),
    # ... a period ending before the document's date: next year when near, else the past
    (PLAN_OF_DECEMBER + "Các chi bộ hoàn thành kiểm điểm trong quý I.", ["2024-03-31"]),
    (PLAN_OF_DECEMBER + "Các chi bộ hoàn thành kiểm điểm trong tháng 6.", []),
    # ... or the later year its section's heading names
    (
        REPORT_OF_DECEMBER
        + "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023\n1. Xây dựng Đảng\n"
        + "- Hoàn thành đại hội chi bộ nhiệm kỳ mới trong quý II.",
        ["2023-06-30"],
    ),
    # without a date of its own, the text takes the year of its section's heading
    (
        "II. PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ III NĂM 2018\n- Hoàn thành đại hội chi bộ trong tháng 9.",
        ["2018-09-30"],
    ),
    ("## Nhiệm vụ năm 2017\n- Hoàn thành bàn giao hồ sơ trong tháng 5.", ["2017-05-31"]),
    ("Các việc cần làm:\n- Hoàn thành đại hội chi bộ trong tháng 9.", []),  # no year to take
    # what happened, or what is reported on, is not due
    (REPORT_OF_JULY + "Trong tháng 6 đã kết nạp 3 đảng viên.", []),
    (REPORT_OF_JULY + "Chi bộ thôn 2 tổ chức sinh hoạt chuyên đề trong tháng 7.", []),
    (REPORT_OF_JULY + "Chi bộ thôn 2 đã tổ chức sinh hoạt chuyên đề trong tháng 9.", []),
    (REPORT_OF_JULY + "Kết quả thực hiện nhiệm vụ quý III được đánh giá khá.", []),
    (REPORT_OF_JULY + "Báo cáo 6 tháng đầu năm được gửi đúng hạn.", []),
    (REPORT_OF_JULY + "Vào tháng 9, chi bộ tổ chức sinh hoạt chuyên đề.", []),
    # a day and month without a year after a clause that names a later year: the
    # document's year, since the day is after its date
    (
        PLAN_OF_OCTOBER + "Các huyện ủy hoàn thành trong tháng 3/2020; Văn phòng Tỉnh ủy "
        "hoàn thiện dự thảo báo cáo trước ngày 15/11.",
        ["2020-03-31", "2019-11-15"],
    ),
    # a label of due time after the task, or on the line below it
    (PLAN_OF_OCTOBER + "Tổ chức hội nghị sơ kết, thời gian: tháng 12/2019.", ["2019-12-31"]),
    (
        PLAN_OF_OCTOBER + "1. Rà soát hồ sơ đảng viên.\n- Thời gian thực hiện: Quý I/2020.",
        ["2020-03-31"],
    ),
    (PLAN_OF_OCTOBER + "- Lập danh sách; thời hạn hoàn thành: trong tháng 11.", ["2019-11-30"]),
    (PLAN_OF_OCTOBER + "- Kiện toàn tổ chức.\n- Thời hạn: trước quý II năm 2020.", ["2020-03-31"]),
    (PLAN_OF_OCTOBER + "Thời gian: tháng 12/2019.", []),  # no task above it
    (PLAN_OF_OCTOBER + "Hội nghị có thời gian: tháng 5/2019.", []),  # the past
    # "chậm nhất", a clock time before the day
    (
        PLAN_OF_OCTOBER + "Các huyện ủy nộp báo cáo chậm nhất là ngày 05 tháng 12 năm 2019.",
        ["2019-12-05"],
    ),
    (PLAN_OF_OCTOBER + "Các huyện ủy gửi kết quả chậm nhất ngày 20/6/2020.", ["2020-06-20"]),
    (PLAN_OF_OCTOBER + "Các huyện ủy nộp báo cáo trước 17 giờ 00 ngày 25/10.", ["2019-10-25"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_each_due_month_is_read(text: str, expected: list[str]) -> None:
    assert [d.date.isoformat() for d in extract(text).deadlines] == expected


def test_a_day_without_a_year_in_a_text_without_a_date_takes_its_paragraphs_year() -> None:
    text = "Hoàn thành trong tháng 3/2020; hoàn thiện dự thảo báo cáo trước ngày 15/11."
    assert [d.date.isoformat() for d in extract(text).deadlines] == ["2020-03-31", "2020-11-15"]
