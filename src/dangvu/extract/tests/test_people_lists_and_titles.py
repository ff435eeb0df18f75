"""People: a position in brackets after the name, names listed after ``Các đồng chí:``,
the abbreviations ``TUV``, ``HUV``, ``ĐUV`` and village titles (``Trưởng thôn``,
``Trưởng ấp``) in a chain of positions; the signers of minutes (``THƯ KÝ``, ``CHỦ
TRÌ``); a photo credit (``Ảnh: ...``) is no one addressed. Sentences written for these
tests."""

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


def test_the_signers_of_minutes() -> None:
    text = (
        "Biên bản kết thúc lúc 11 giờ cùng ngày.\n\nTHƯ KÝ\n\nQuàng Thị Hiên\n\n"
        "CHỦ TRÌ\n\nLường Văn Khánh\n"
    )
    people = [(p.name, p.positions) for p in extract(text).people]
    assert people == [("Quàng Thị Hiên", ("Thư ký",)), ("Lường Văn Khánh", ("Chủ trì",))]


def test_chủ_trì_in_running_text_is_a_verb() -> None:
    text = "Đồng chí Bí thư chủ trì Nguyễn Văn Hải cùng dự.\n"
    assert all(p.positions != ("Chủ trì",) for p in extract(text).people)


@pytest.mark.parametrize("rank", ["Thượng tá", "Trung tá", "Thiếu tá"])
def test_a_military_or_police_rank_before_a_name(rank: str) -> None:
    people = extract(f"Dự họp có {rank} Lò Văn Tiến cùng các đại biểu.").people
    assert [(p.name, p.positions) for p in people] == [("Lò Văn Tiến", (rank,))]
