"""A past due date restated in a reminder: the guidance that set it (``đã ban hành Công
văn ... hướng dẫn các chi bộ gửi ... trước ngày ...``) asks for it again in a directive;
in a report it is history. Sentences written for these tests."""

from __future__ import annotations

from dangvu.extract import extract

SENTENCE = (
    "Văn phòng Huyện ủy đã ban hành Công văn số 77-CV/VPHU ngày 02/10/2023 hướng dẫn các "
    "chi bộ gửi báo cáo tổng kết về Văn phòng trước ngày 30/11/2023.\n"
)
REMINDER = (
    "HUYỆN ỦY ĐÔNG HẢI\n*\nSố 112-CV/VPHU\n\nĐông Hải, ngày 11 tháng 12 năm 2023\n\n"
    "Kính gửi: các chi bộ trực thuộc.\n\n"
)
REPORT = (
    "HUYỆN ỦY ĐÔNG HẢI\n*\nSố 113-BC/HU\n\nĐông Hải, ngày 11 tháng 12 năm 2023\n\n"
    "BÁO CÁO\ntổng kết năm 2023\n\n"
)


def test_a_reminder_restates_the_guidance_s_due_date() -> None:
    assert [str(d.date) for d in extract(REMINDER + SENTENCE).deadlines] == ["2023-11-30"]


def test_a_report_tells_it_as_history() -> None:
    assert extract(REPORT + SENTENCE).deadlines == ()
