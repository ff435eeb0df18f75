"""The extractor's time grows linearly with its input: no scan of the whole text (or of
a whole paragraph) per finding. Four times the text must take less than six times the
time, for many short paragraphs and for one long paragraph alike."""

from __future__ import annotations

import time

import pytest

from dangvu.extract import extract

from .test_concatenation import NEWS, PLAN, REMINDER, REPORT

_SENTENCES = (
    "Thực hiện Kế hoạch số 12-KH/TU, ngày 05/3/2024 của Ban Thường vụ Tỉnh ủy, "
    "chi bộ đã kết nạp 14 đảng viên mới, đạt 93,3% chỉ tiêu; khiển trách 3 (chiếm 20%), "
    "cảnh cáo 1. Đồng chí Lò Văn Hải, Bí thư Đảng ủy xã phát biểu; Phó Bí thư Thường trực "
    "Huyện ủy Nguyễn Thị Mai chủ trì. Các chi bộ gửi báo cáo trước ngày 20/3/2024 và hoàn "
    "thành trong quý II.2024; Hướng dẫn số 05 ngày 2.4.2024 của Ban Tổ chức Tỉnh ủy. "
)


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        extract(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        "\n".join([NEWS, PLAN, REPORT, REMINDER]) * 6,  # many paragraphs
        _SENTENCES * 40,  # one paragraph of 40 repeated sentences
    ],
    ids=["paragraphs", "one-long-paragraph"],
)
def test_four_times_the_text_takes_less_than_six_times_the_time(unit: str) -> None:
    extract(unit)  # compile the patterns first
    single, quadruple = _seconds(unit), _seconds(unit * 4)
    assert quadruple < 6 * single, (single, quadruple)
