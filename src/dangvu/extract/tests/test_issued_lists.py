"""A list of references after an issuing verb and a plural (``ban hành các Nghị quyết số
18, 19-NQ/TW``) takes the date that opens its sentence, every member of it."""

from __future__ import annotations

import pytest

from dangvu.extract import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ngày 25/10/2017, Hội nghị Trung ương 6 khóa XII ban hành các Nghị quyết số 18, "
            "19-NQ/TW về sắp xếp tổ chức bộ máy và đổi mới đơn vị sự nghiệp công lập.",
            [("18", "2017-10-25"), ("19", "2017-10-25")],
        ),
        (
            "Ngày 03/02/2024, Ban Thường vụ Huyện ủy đã ban hành những Kế hoạch số 41, 42, "
            "43-KH/HU để triển khai ở các xã.",
            [("41", "2024-02-03"), ("42", "2024-02-03"), ("43", "2024-02-03")],
        ),
        (
            # no issuing verb before the plural: the sentence's date is not theirs
            "Ngày 12/5/2023, Đảng ủy xã tổ chức quán triệt các Nghị quyết số 18, 19-NQ/TW.",
            [("18", None), ("19", None)],
        ),
    ],
)
def test_a_list_after_an_issuing_verb_takes_the_sentence_date(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = [(r.number, r.date.isoformat() if r.date else None) for r in extract(text).references]
    assert found == expected
