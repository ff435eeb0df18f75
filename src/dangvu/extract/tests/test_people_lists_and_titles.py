"""People: a position in brackets after the name, names listed after ``Các đồng chí:``,
the abbreviations ``TUV``, ``HUV``, ``ĐUV`` and village titles (``Trưởng thôn``,
``Trưởng ấp``) in a chain of positions; a photo credit (``Ảnh: ...``) is no one
addressed. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Dự họp có bà Lường Thị Xuân (Bí thư Chi bộ bản Nà Lốc).",
            [("Lường Thị Xuân", ("Bí thư Chi bộ bản Nà Lốc",))],
        ),
        (
            "Đồng chí Vừ A Tủa, HUV, Bí thư Đảng ủy xã phát biểu.",
            [("Vừ A Tủa", ("HUV", "Bí thư Đảng ủy xã"))],
        ),
        (
            "Đồng chí Phạm Thị Gấm, Bí thư Chi bộ, Trưởng ấp Tân Hưng chủ trì.",
            [("Phạm Thị Gấm", ("Bí thư Chi bộ", "Trưởng ấp Tân Hưng"))],
        ),
        (
            "Vắng mặt các đồng chí: Hà Văn Sinh, Cầm Thị Ngoan.",
            [("Hà Văn Sinh", ()), ("Cầm Thị Ngoan", ())],
        ),
    ],
)
def test_people_and_their_positions(
    sentence: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(p.name, p.positions) for p in extract(sentence).people] == expected


def test_a_photo_credit_is_no_person() -> None:
    text = "Quang cảnh hội nghị. Ảnh: Hồng Vân\n\nHội nghị diễn ra trong một ngày.\n"
    assert extract(text).people == ()
