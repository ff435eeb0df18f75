"""A plan's schedule lines: a line opening with its date (or a range of days, due at its
end), a colon and the task; a line of due time (``Thời gian: từ ngày ... đến ngày ...``)
under its task; a task in running text dated by a range of days. Only in a directive
and not in the past of its date; in a report such a line tells what was done.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

PLAN = (
    "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG\n*\nSố 14-KH/ĐU\n\nMường Khương, ngày 02 tháng 3 năm 2026\n\n"
    "KẾ HOẠCH\ntổ chức hội nghị sơ kết\n\n"
)
REPORT = (
    "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG\n*\nSố 15-BC/ĐU\n\nMường Khương, ngày 02 tháng 3 năm 2026\n\n"
    "BÁO CÁO\nkết quả công tác tháng 2\n\n"
)


def due(text: str) -> list[tuple[str, str]]:
    return [(str(d.date), d.what) for d in extract(text).deadlines]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- Ngày 16/3/2026: gửi dự thảo báo cáo về Văn phòng.",
            ("2026-03-16", "gửi dự thảo báo cáo về Văn phòng"),
        ),
        (
            "+ Từ ngày 17/3 đến ngày 24/3/2026: các chi bộ góp ý dự thảo.",
            ("2026-03-24", "các chi bộ góp ý dự thảo"),
        ),
        ("* Từ 17/3 - 24/3/2026: tổng hợp ý kiến.", ("2026-03-24", "tổng hợp ý kiến")),
        (
            "- Ngày 30 và 31/3/2026: tổ chức hội nghị sơ kết.",
            ("2026-03-31", "tổ chức hội nghị sơ kết"),
        ),
    ],
)
def test_a_schedule_line_of_a_plan(line: str, expected: tuple[str, str]) -> None:
    assert due(PLAN + "III. LỊCH TRÌNH\n" + line + "\n") == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Các chi bộ tổ chức đối thoại với nhân dân từ ngày 09/3 đến ngày 20/3/2026.",
            ("2026-03-20", "tổ chức đối thoại với nhân dân"),
        ),
        (
            "Ban Tuyên giáo tổng hợp ý kiến trong thời gian từ ngày 9/3 đến 13/3/2026.",
            ("2026-03-13", "tổng hợp ý kiến"),
        ),
    ],
)
def test_a_task_dated_by_a_range_of_days(sentence: str, expected: tuple[str, str]) -> None:
    assert due(PLAN + sentence + "\n") == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Số liệu báo cáo được tính từ ngày 01/3 đến ngày 31/3/2026.",
        "Các chi bộ đã tổ chức đối thoại từ ngày 01/3 đến ngày 10/3/2026.",
    ],
)
def test_a_range_that_counts_or_was_done_is_not_due(sentence: str) -> None:
    assert due(PLAN + sentence + "\n") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hạn cuối nhận hồ sơ: ngày 23/3/2026.", ("2026-03-23", "nhận hồ sơ")),
        ("3. Thời hạn nộp bản thu hoạch: 27/3/2026.", ("2026-03-27", "nộp bản thu hoạch")),
    ],
)
def test_a_label_of_due_time_naming_its_task(line: str, expected: tuple[str, str]) -> None:
    assert due(PLAN + line + "\n") == [expected]


def test_a_line_of_due_time_under_its_task() -> None:
    text = (
        PLAN
        + "- Các chi bộ tổ chức kiểm điểm tập thể.\n- Thời gian: từ ngày 05/3 đến ngày 20/3/2026.\n"
    )
    assert due(text) == [("2026-03-20", "Các chi bộ tổ chức kiểm điểm tập thể")]


@pytest.mark.parametrize(
    "text",
    [
        # a report tells what was done
        REPORT + "- Ngày 16/3/2026: gửi dự thảo báo cáo về Văn phòng.\n",
        # in the past of the plan's date
        PLAN + "- Ngày 16/2/2026: Ban Thường vụ họp bàn.\n",
        # no colon and task: an event
        PLAN + "Ngày 16/3/2026, Đảng ủy xã họp bàn.\n",
        # a line of time without a range: the time of a meeting
        PLAN + "1. Hội nghị sơ kết.\n2. Thời gian: ngày 20/3/2026.\n",
    ],
)
def test_no_schedule_deadline(text: str) -> None:
    assert due(text) == []
