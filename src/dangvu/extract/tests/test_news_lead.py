"""A news item without a header or dateline is dated by its lead sentence when it opens
with its full date and a comma: deadlines without a year take that year."""

from __future__ import annotations

from dangvu.extract import extract


def _due(text: str) -> list[str]:
    return [d.date.isoformat() for d in extract(text).deadlines]


def test_the_lead_sentence_dates_the_item() -> None:
    text = (
        "HỘI NGHỊ SƠ KẾT CÔNG TÁC XÂY DỰNG ĐẢNG\n"
        "Ngày 21/3/2024, Đảng ủy xã Tân Lập tổ chức hội nghị sơ kết quý I.\n"
        "Từ ngày 01/7/2023, xã có 14 chi bộ trực thuộc.\n"
        "Đồng chí Bí thư yêu cầu các chi bộ gửi báo cáo trước ngày 15/6.\n"
    )
    assert _due(text) == ["2024-06-15"]


def test_a_date_not_opening_the_lead_does_not_date_the_item() -> None:
    # the lead tells what happened; its date stands later in it: not a lead date
    text = (
        "Đảng ủy xã Tân Lập tổ chức hội nghị ngày 21/3/2024 để sơ kết quý I.\n"
        "Các chi bộ gửi báo cáo trước ngày 15/6/2024.\n"
    )
    assert _due(text) == ["2024-06-15"]


def test_a_header_date_still_wins() -> None:
    text = (
        "ĐẢNG BỘ XÃ TÂN LẬP\n"
        "Số 12-KH/ĐU\t\tTân Lập, ngày 02 tháng 01 năm 2025\n"
        "KẾ HOẠCH\n"
        "Ngày 21/3/2024, Ban Thường vụ đã ban hành Kế hoạch số 57-KH/ĐU.\n"
        "Các chi bộ gửi báo cáo trước ngày 15/6.\n"
    )
    assert _due(text) == ["2025-06-15"]
