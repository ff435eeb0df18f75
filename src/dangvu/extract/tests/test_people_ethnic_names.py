"""Names of ethnic minorities kept whole, with or without a position: Cham (``Quảng``,
``Thiên Sanh``), Khmer and Xtiêng women's names opening with ``Thị``, Chu Ru and Cơ Ho
(``Ka``, ``Bon``, ``K'``), a Tày ``Mấu``; and ``Ông`` read as the address before another
family name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

CASES = [
    (
        "Giao Văn phòng (đồng chí Quảng Văn Thạnh, Chánh Văn phòng Huyện ủy) theo dõi.",
        "Quảng Văn Thạnh",
        ("Chánh Văn phòng Huyện ủy",),
    ),
    (
        "Dự hội nghị có đồng chí Thiên Sanh Văn Lợi, Phó Trưởng Ban Dân vận Huyện ủy.",
        "Thiên Sanh Văn Lợi",
        ("Phó Trưởng Ban Dân vận Huyện ủy",),
    ),
    ("Đại diện các hộ, bà Thị Sa Phol phát biểu cảm ơn chi bộ ấp.", "Thị Sa Phol", ()),
    (
        "Trong số đảng viên mới, đồng chí Ka Huệ, Bí thư Chi đoàn thôn Đạ Nghịt được biểu dương.",
        "Ka Huệ",
        ("Bí thư Chi đoàn thôn Đạ Nghịt",),
    ),
    ("Đồng chí Bon Jông Sen, Chủ tịch UBND xã phát biểu.", "Bon Jông Sen", ("Chủ tịch UBND xã",)),
    ("Quần chúng ưu tú K'Điệp Liêng được kết nạp vào Đảng.", "K'Điệp Liêng", ()),
    ("Đồng chí Mấu Văn Khánh, Bí thư Đảng ủy xã chủ trì.", "Mấu Văn Khánh", ("Bí thư Đảng ủy xã",)),
    (
        "Ông Rmah Hlinh - Chủ tịch Hội Nông dân xã đề nghị hỗ trợ giống.",
        "Rmah Hlinh",
        ("Chủ tịch Hội Nông dân xã",),
    ),
    (
        "Ông Nguyễn Hữu Tâm - Bí thư Chi bộ thôn Đồng Me trình bày ý kiến.",
        "Nguyễn Hữu Tâm",
        ("Bí thư Chi bộ thôn Đồng Me",),
    ),
]


@pytest.mark.parametrize(("sentence", "name", "positions"), CASES)
def test_an_ethnic_name_is_kept_whole(sentence: str, name: str, positions: tuple[str, ...]) -> None:
    people = extract(sentence).people
    assert [p.name for p in people] == [name]
    if positions:
        assert people[0].positions == positions


def test_a_signer_named_by_a_khmer_given_name_alone() -> None:
    text = "Nơi nhận:\n- Như trên,\n- Lưu VP.\n\nT/M CHI BỘ\nBÍ THƯ\n\nThị Sô Phia\n"
    people = extract(text).people
    assert [(p.name, p.positions) for p in people] == [("Thị Sô Phia", ("Bí thư",))]


def test_ong_before_a_middle_name_is_a_family_name() -> None:
    text = "Đồng chí Ông Văn Khải, Phó Chủ tịch UBND huyện phát biểu."
    assert [p.name for p in extract(text).people] == ["Ông Văn Khải"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Thị trấn Phong Điền hoàn thành kế hoạch.",
        "Ông bà, cha mẹ các em học sinh tham dự.",
        "Thị xã Ninh Hòa tổ chức hội nghị.",
    ],
)
def test_no_person_in_common_words(sentence: str) -> None:
    assert extract(sentence).people == ()
