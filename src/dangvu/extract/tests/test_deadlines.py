"""Deadlines: what is due and by when."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

HEADER = "ĐẢNG ỦY XÃ TÂN HÒA\n*\nSố 41-KH/ĐU\n\nTân Hòa, ngày 02 tháng 3 năm 2024\n\n"


def deadlines_in(text: str) -> list[tuple[str, str]]:
    return [(d.date.isoformat(), d.what) for d in extract(text).deadlines]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Các chi bộ gửi báo cáo về Văn phòng Đảng ủy trước ngày 20/11/2024.",
            [("2024-11-20", "gửi báo cáo về Văn phòng Đảng ủy")],
        ),
        (
            "- Hoàn thành việc rà soát hồ sơ đảng viên chậm nhất ngày 15/5/2024;",
            [("2024-05-15", "Hoàn thành việc rà soát hồ sơ đảng viên")],
        ),
        (
            "Nộp biểu thống kê, hạn chót 31/01/2025.",
            [("2025-01-31", "Nộp biểu thống kê")],
        ),
        (
            "Tổng hợp kết quả đánh giá. Thời hạn: 25/12/2024.",
            [("2024-12-25", "Tổng hợp kết quả đánh giá")],
        ),
        (
            "báo cáo sơ kết giai đoạn 2024 - 2026 trước ngày 05/10/2026",
            [("2026-10-05", "báo cáo sơ kết giai đoạn 2024 - 2026")],
        ),
    ],
)
def test_deadline_words_mark_a_due_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert deadlines_in(text) == expected


def test_a_dated_action_after_the_report_date_is_a_deadline() -> None:
    text = HEADER + "Các chi bộ tổ chức sinh hoạt và báo cáo kết quả đợt 1 ngày 30/6/2024."
    assert deadlines_in(text) == [("2024-06-30", "báo cáo kết quả đợt 1")]


def test_a_dated_action_before_the_report_date_is_not_a_deadline() -> None:
    text = HEADER + "Đảng ủy đã tổ chức hội nghị báo cáo viên ngày 10/01/2024."
    assert deadlines_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        HEADER + "Kết quả: đến hết ngày 29/6/2024, có 20 chi bộ tổ chức sinh hoạt.",
        HEADER + "Hội nghị được tổ chức (vào ngày 27/4/2024) tại hội trường.",
        "Thực hiện Kế hoạch số 12-KH/TU ngày 04/4/2024 của Tỉnh ủy.",
        "Tiếp tục khắc phục hạn chế, khuyết điểm đã chỉ ra.",
    ],
)
def test_past_dates_cutoffs_and_document_dates_are_not_deadlines(text: str) -> None:
    assert deadlines_in(text) == []


def test_deadline_without_year_takes_the_year_of_the_document() -> None:
    text = HEADER + "Các đảng viên hoàn thành bản kiểm điểm trước ngày 15/12."
    assert deadlines_in(text) == [("2024-12-15", "hoàn thành bản kiểm điểm")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEADER + "Hoàn thành việc bổ sung quy hoạch cấp ủy trong quý II năm 2024.",
            [("2024-06-30", "Hoàn thành việc bổ sung quy hoạch cấp ủy")],
        ),
        (
            HEADER + "Các chi bộ tổng kết công tác, báo cáo xong trong tháng 11/2024.",
            [("2024-11-30", "tổng kết công tác, báo cáo xong")],
        ),
        (
            HEADER + "Ban Tổ chức trình đề án chậm nhất trong quý IV/2024.",
            [("2024-12-31", "trình đề án")],
        ),
        (
            HEADER + "Nộp hồ sơ đề nghị trao Huy hiệu Đảng trước quý III năm 2024.",
            [("2024-06-30", "Nộp hồ sơ đề nghị trao Huy hiệu Đảng")],
        ),
        (  # a month of the next year; any task of a plan is due in its month
            HEADER + "Hoàn thành kiểm điểm trong tháng 12 năm 2024; tổng kết trong tháng 01/2025.",
            [("2024-12-31", "Hoàn thành kiểm điểm"), ("2025-01-31", "tổng kết")],
        ),
    ],
)
def test_a_due_month_or_quarter_is_due_on_its_last_day(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert deadlines_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        HEADER + "Trong quý I năm 2024, toàn Đảng bộ kết nạp 12 đảng viên.",
        HEADER + "Đảng ủy đã hoàn thành đại hội chi bộ trong quý IV năm 2023.",
        HEADER + "Hội nghị được tổ chức trong tháng 5/2024 tại hội trường xã.",
    ],
)
def test_a_month_or_quarter_when_something_happens_is_not_due(text: str) -> None:
    assert deadlines_in(text) == []


def test_a_deadline_date_on_the_line_after_its_ngay_is_read() -> None:
    text = (
        HEADER + "Các chi bộ tổng hợp danh sách đảng viên đủ điều kiện, gửi về Đảng ủy trước ngày\n"
        "25/3/2024 để xét duyệt."
    )
    assert [date for date, _ in deadlines_in(text)] == ["2024-03-25"]


REPORT_HEADER = "ĐẢNG ỦY XÃ TÂN HÒA\n*\nSố 17-BC/ĐU\n\nTân Hòa, ngày 28 tháng 6 năm 2024\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a plan: any task before the phrase
            HEADER + "- Quán triệt nội dung chuyên đề đến đảng viên trong tháng 4/2024.",
            [("2024-04-30", "Quán triệt nội dung chuyên đề đến đảng viên")],
        ),
        (
            HEADER + "Các chi bộ lựa chọn điển hình tiên tiến trong quý III/2024;",
            [("2024-09-30", "Các chi bộ lựa chọn điển hình tiên tiến")],
        ),
        (  # an assignment in a text without a header (minutes, news)
            "Chi bộ giao đồng chí Bí thư chuẩn bị nội dung sinh hoạt trong tháng 12/2019.",
            [("2019-12-31", "Chi bộ giao đồng chí Bí thư chuẩn bị nội dung sinh hoạt")],
        ),
        (  # a task line of a report's next tasks, opening with its verb
            REPORT_HEADER + "Phương hướng:\n- Tổ chức sơ kết giữa nhiệm kỳ trong quý III/2024.",
            [("2024-09-30", "Tổ chức sơ kết giữa nhiệm kỳ")],
        ),
        (  # an assignment in a report's next tasks
            REPORT_HEADER
            + "Đề nghị Ban Tổ chức tham mưu sắp xếp lại chi bộ trong quý III năm 2024.",
            [("2024-09-30", "Đề nghị Ban Tổ chức tham mưu sắp xếp lại chi bộ")],
        ),
    ],
)
def test_a_due_month_after_any_task_of_a_directive_or_an_assignment(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert deadlines_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        REPORT_HEADER + "Đảng ủy tiếp tục củng cố các chi bộ trong quý III năm 2024.",
        "Thành ủy tổ chức hội nghị quán triệt trong tháng 7/2016 cho cán bộ chủ chốt.",
        HEADER + "Các chi bộ đã quán triệt chuyên đề trong tháng 4/2024.",
        HEADER + "Lễ kết nạp được tổ chức trọng thể trong tháng 5/2024.",
        HEADER + "Trong tháng 5/2024, Đảng ủy tổ chức hội thi.",
    ],
)
def test_a_month_without_a_directive_or_an_assignment_is_not_due(text: str) -> None:
    assert deadlines_in(text) == []


PLAN_HEADER = "HUYỆN ỦY TÂN SƠN\n*\nSố 88-KH/HU\n\nTân Sơn, ngày 15 tháng 01 năm 2023\n\n"


@pytest.mark.parametrize(
    "table",
    [
        # tab columns (a Word table saved as text)
        "STT\tNhiệm vụ\tThời hạn hoàn thành\tCơ quan chủ trì\n"
        "1\tHọc tập chuyên đề năm 2023\tTháng 3/2023\tBan Tuyên giáo\n"
        "2\tKiện toàn ban chỉ đạo\tQuý II năm 2023\tBan Tổ chức\n"
        "3\tSơ kết giữa nhiệm kỳ\tTháng 7, 8/2023\tVăn phòng\n"
        "4\tTổng hợp báo cáo năm\t15/12/2023\tVăn phòng\n",
        # a Markdown table
        "| STT | Nhiệm vụ | Tiến độ |\n|---|---|---|\n"
        "| 1 | Học tập chuyên đề năm 2023 | tháng 3/2023 |\n"
        "| 2 | Kiện toàn ban chỉ đạo | quý II/2023 |\n"
        "| 3 | Sơ kết giữa nhiệm kỳ | Tháng 7 - 8 năm 2023 |\n"
        "| 4 | Tổng hợp báo cáo năm | Ngày 15/12/2023 |\n",
        # columns aligned with spaces (a PDF)
        "TT   Nhiệm vụ                         Thời gian          Chủ trì\n"
        "1    Học tập chuyên đề năm 2023       Tháng 3/2023       Ban Tuyên giáo\n"
        "2    Kiện toàn ban chỉ đạo            Quý 2/2023         Ban Tổ chức\n"
        "3    Sơ kết giữa nhiệm kỳ             Tháng 8/2023       Văn phòng\n"
        "4    Tổng hợp báo cáo năm             15/12/2023         Văn phòng\n",
        # months written as numbers, a run of quarters
        "TT\tNhiệm vụ\tThời gian\n1\tHọc tập chuyên đề năm 2023\t3/2023\n"
        "2\tKiện toàn ban chỉ đạo\tQuý I, II/2023\n3\tSơ kết giữa nhiệm kỳ\tTrong tháng 8/2023\n"
        "4\tTổng hợp báo cáo năm\tTrước ngày 15/12/2023\n",
    ],
)
def test_a_month_quarter_or_date_in_a_time_column_is_due(table: str) -> None:
    assert deadlines_in(PLAN_HEADER + table) == [
        ("2023-03-31", "Học tập chuyên đề năm 2023"),
        ("2023-06-30", "Kiện toàn ban chỉ đạo"),
        ("2023-08-31", "Sơ kết giữa nhiệm kỳ"),
        ("2023-12-15", "Tổng hợp báo cáo năm"),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # no column of due times
        "STT\tNội dung\tKết quả\n1\tHọc tập chuyên đề\tTháng 3/2023\n2\tKiểm tra\tQuý II/2023\n",
        # a time column of what was done before the document's date
        "STT\tNội dung\tThời gian\n1\tHội nghị cán bộ\tTháng 11/2022\n2\tKiểm tra\tQuý IV/2022\n",
        # words, not times
        "STT\tNội dung\tThời gian\n1\tHọc tập\tThường xuyên\n2\tKiểm tra\tTheo kế hoạch\n",
    ],
)
def test_time_cells_outside_a_due_column_or_in_the_past_are_not_due(table: str) -> None:
    assert deadlines_in(PLAN_HEADER + table) == []


REMINDER_HEADER = "VĂN PHÒNG TỈNH ỦY\n*\nSố 312-CV/VPTU\n\nBắc Ninh, ngày 22 tháng 11 năm 2024\n\n"


def test_a_past_due_date_asked_for_again_in_a_reminder_is_a_deadline() -> None:
    text = (
        REMINDER_HEADER + "Thực hiện Công văn số 290-CV/VPTU, Văn phòng đề nghị các đơn vị "
        "gửi báo cáo trước ngày 15/11/2024. Đến nay còn 4 đơn vị chưa gửi."
    )
    assert [date for date, _ in deadlines_in(text)] == ["2024-11-15"]


def test_a_past_due_date_that_was_met_is_not_a_deadline() -> None:
    text = REMINDER_HEADER + "Các đơn vị đã gửi báo cáo trước ngày 15/11/2024 theo đề nghị."
    assert deadlines_in(text) == []


def test_a_due_date_asked_for_in_a_letter_already_sent_is_restated() -> None:
    text = (
        REMINDER_HEADER + "Văn phòng đã có Công văn số 290-CV/VPTU đề nghị các đơn vị gửi "
        "báo cáo trước 17h00 ngày 15/11/2024; đến nay còn 4 đơn vị chưa gửi."
    )
    assert [date for date, _ in deadlines_in(text)] == ["2024-11-15"]


# --- forms of unseen texts (issue 13) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            HEADER + "Các chi bộ hoàn thành kiểm điểm trong tháng 6.2024.",
            [("2024-06-30", "hoàn thành kiểm điểm")],
        ),
        (
            HEADER + "Ban Tổ chức hoàn thành đề án trong quý III.2024.",
            [("2024-09-30", "hoàn thành đề án")],
        ),
        (
            HEADER + "Gửi danh sách đề nghị trước tháng 8.2024.",
            [("2024-08-31", "Gửi danh sách đề nghị")],
        ),
    ],
)
def test_a_month_or_quarter_with_a_dotted_year_is_due(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert deadlines_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the year of the document's own date
            HEADER + "Các chi bộ nộp báo cáo trước ngày 28/3 và nộp biểu mẫu trước ngày 5.4.",
            [("2024-03-28", "nộp báo cáo"), ("2024-04-05", "nộp biểu mẫu")],
        ),
        (  # no header: the year stated in the same paragraph
            "Hội nghị tổng kết năm 2025 của Đảng bộ: các đơn vị gửi báo cáo trước ngày 10/12.",
            [("2025-12-10", "gửi báo cáo")],
        ),
        (  # a year in another paragraph is not borrowed
            "Năm 2025 có nhiều kết quả.\nCác đơn vị gửi báo cáo trước ngày 10/12.",
            [],
        ),
        ("Các đơn vị gửi báo cáo trước ngày 10/12.", []),  # no year at all
    ],
)
def test_a_day_and_month_take_the_year_of_the_document_or_the_paragraph(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert deadlines_in(text) == expected


def test_each_step_of_a_schedule_line_is_a_deadline() -> None:
    text = HEADER + (
        "Tiến độ: Thành lập tổ biên tập trước 20/3/2024; Dự thảo (lần 1) trước 15/4/2024; "
        "Xin ý kiến các chi bộ trước 30/4/2024; Trình Hội nghị Ban Chấp hành trước 20/5/2024."
    )
    assert deadlines_in(text) == [
        ("2024-03-20", "Thành lập tổ biên tập"),
        ("2024-04-15", "Dự thảo (lần 1)"),
        ("2024-04-30", "Xin ý kiến các chi bộ"),
        ("2024-05-20", "Trình Hội nghị Ban Chấp hành"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        HEADER + "Các chi bộ gửi báo cáo kết quả\n\ntrước ngày 15/3/2024 để tổng hợp.",
        HEADER + "Đề nghị các chi bộ thực hiện nghiêm.\nTrước ngày 15/3/2024, Đảng ủy họp.",
    ],
)
def test_a_deadline_takes_no_task_from_the_paragraph_before(text: str) -> None:
    assert deadlines_in(text) == []


def test_a_later_document_in_the_same_text_is_dated_by_its_own_header() -> None:
    later = (
        "\nĐẢNG ỦY XÃ TÂN HÒA\n*\nSố 60-BC/ĐU\n\nTân Hòa, ngày 20 tháng 12 năm 2025\n\n"
        "Ngày 10/12/2025, Đảng ủy tổ chức hội nghị kiểm điểm.\n"
        "Các chi bộ nộp báo cáo trước ngày 25/12.\n"
    )
    # alone the report has one deadline, dated in its own year; after a plan of 2024 it
    # keeps that year, and its past event date stays no deadline
    assert deadlines_in(later) == [("2025-12-25", "nộp báo cáo")]
    assert deadlines_in(HEADER + "Kế hoạch.\n" + later) == [("2025-12-25", "nộp báo cáo")]
