"""People named with their positions."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

Named = tuple[str, tuple[str, ...]]


def person(name: str, *positions: str) -> Named:
    return (name, positions)


def people_in(text: str) -> list[Named]:
    return [(p.name, p.positions) for p in extract(text).people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dự hội nghị có đồng chí Hoàng Minh Tuấn, Ủy viên Ban Thường vụ, Trưởng Ban "
            "Tổ chức Thành ủy.",
            [person("Hoàng Minh Tuấn", "Ủy viên Ban Thường vụ", "Trưởng Ban Tổ chức Thành ủy")],
        ),
        (
            "Đồng chí Võ Thị Lan - UVTVTU, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy phát biểu.",
            [person("Võ Thị Lan", "UVTVTU", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy")],
        ),
        (
            "Phó Bí thư Thường trực Thành ủy Đặng Quốc Khánh chủ trì hội nghị.",
            [person("Đặng Quốc Khánh", "Phó Bí thư Thường trực Thành ủy")],
        ),
        (
            "Tham dự có các đồng chí: Bùi Văn Hải, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; "
            "Đỗ Thanh Hương, Phó Chủ tịch UBND tỉnh; lãnh đạo các sở, ngành.",
            [
                person("Bùi Văn Hải", "Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"),
                person("Đỗ Thanh Hương", "Phó Chủ tịch UBND tỉnh"),
            ],
        ),
        (
            "UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Lý Thị Mai kết luận.",
            [person("Lý Thị Mai", "UVTV Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy")],
        ),
        (
            "Bí thư Thành ủy Hà Nội Đinh Văn Sơn dự.",
            [person("Đinh Văn Sơn", "Bí thư Thành ủy Hà Nội")],
        ),
        ("Đồng chí Ngô Văn Tài phát biểu ý kiến.", [person("Ngô Văn Tài")]),
    ],
)
def test_people_are_read_with_their_positions(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected


def test_a_person_named_twice_is_reported_once_with_the_positions_given() -> None:
    text = (
        "Đồng chí Nguyễn Hữu Phước chủ trì. Sau đó, đồng chí Nguyễn Hữu Phước, "
        "Bí thư Đảng ủy xã, kết luận. Đồng chí Nguyễn Hữu Phước cảm ơn."
    )
    assert people_in(text) == [person("Nguyễn Hữu Phước", "Bí thư Đảng ủy xã")]


def test_the_signer_under_the_title_line_is_a_person() -> None:
    text = (
        "Trên đây là báo cáo của Đảng ủy phường.\n\nNơi nhận:\tT/M ĐẢNG ỦY\n"
        "- Như trên,\tPHÓ BÍ THƯ\n- Lưu VP.\n\t(Đã ký)\n\n\tĐoàn Minh Châu\n"
    )
    assert people_in(text) == [person("Đoàn Minh Châu", "Phó Bí thư")]


@pytest.mark.parametrize(
    "text",
    [
        "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Ngày sinh Chủ tịch Hồ Chí Minh 19/5",
        "Tin và ảnh: Minh Châu",
        "các đồng chí trưởng ban, phó trưởng ban tổ chức các huyện ủy",
        "đồng chí Bí thư Tỉnh ủy đề nghị",
    ],
)
def test_names_without_a_person_context_are_not_people(text: str) -> None:
    assert people_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a body whose name joins two words with "và"
            "Phó Trưởng Ban Tuyên giáo và Dân vận Thành ủy Lê Hoài Nam quán triệt chuyên đề.",
            [person("Lê Hoài Nam", "Phó Trưởng Ban Tuyên giáo và Dân vận Thành ủy")],
        ),
        (  # ethnic minority family names
            "Đồng chí Giàng A Páo, Bí thư Đảng ủy xã Sà Phìn, báo cáo tham luận.",
            [person("Giàng A Páo", "Bí thư Đảng ủy xã Sà Phìn")],
        ),
        (
            "Chuẩn y đồng chí Thào Seo Sử, Chủ tịch Ủy ban nhân dân xã, giữ chức Bí thư.",
            [person("Thào Seo Sử", "Chủ tịch Ủy ban nhân dân xã")],
        ),
        (  # typed without diacritics
            "Dong chi Tran Van Long, Bi thu Dang uy phuong chu tri hoi nghi.",
            [person("Tran Van Long", "Bi thu Dang uy phuong")],
        ),
        (  # "và" does not join a second position into the first
            "Đồng chí Mai Văn Tú, Bí thư Đảng ủy xã và Chủ tịch Hội đồng nhân dân xã dự.",
            [person("Mai Văn Tú", "Bí thư Đảng ủy xã")],
        ),
    ],
)
def test_people_in_more_forms(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a qualified title, the name indented in the right column
            "Nơi nhận:                              K/T TRƯỞNG BAN\n"
            "- Như trên,                  PHÓ TRƯỞNG BAN THƯỜNG TRỰC\n"
            "- Lưu VP.\n\n                                  Triệu Thị Hoa\n",
            [person("Triệu Thị Hoa", "Phó Trưởng ban Thường trực")],
        ),
        (
            "Trên đây là báo cáo.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\n(Đã ký)\n\n"
            "Lục Văn Bình\n",
            [person("Lục Văn Bình", "Phó Bí thư Thường trực")],
        ),
    ],
)
def test_signers_in_more_layouts(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ban Thường vụ Tỉnh ủy chỉ đạo; Ban Bí thư Trung ương Đảng kết luận.",
        "Danh sách Ban Chấp hành kèm theo.",
    ],
)
def test_organization_words_are_not_people(text: str) -> None:
    assert people_in(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # two columns pasted from a PDF: wide gaps, blank lines before the name
            "Đề nghị các chi bộ thực hiện.\n\nNơi nhận:"
            + " " * 46
            + "T/M ĐẢNG ỦY\n- Ban Thường vụ Huyện ủy (b/c),"
            + " " * 29
            + "BÍ THƯ\n- Các chi bộ,\n- Lưu VP."
            + " " * 50
            + "(Đã ký)\n\n\n\n"
            + " " * 54
            + "Sùng A Chứ\n",
            [person("Sùng A Chứ", "Bí thư")],
        ),
        (  # a Markdown quote
            "Đề nghị các chi bộ thực hiện.\n\n> **T/M BAN THƯỜNG VỤ**  \n> **PHÓ BÍ THƯ**\n>\n"
            "> *(đã ký)*\n>\n> **Nông Thị Hạnh**\n",
            [person("Nông Thị Hạnh", "Phó Bí thư")],
        ),
        (  # the columns pasted one after the other: recipients between title and name
            "Trên đây là báo cáo.\nT/M ĐẢNG ỦY KHỐI\nPHÓ BÍ THƯ THƯỜNG TRỰC\nNơi nhận:\n"
            "- Thường trực Tỉnh ủy (b/c),\n- Ban Tổ chức Tỉnh ủy,\n- Các đảng bộ trực thuộc,\n"
            "- Lưu VT.\nLường Thị Mai\n",
            [person("Lường Thị Mai", "Phó Bí thư Thường trực")],
        ),
        (  # a Markdown table whose cells break lines with <br>
            "| Nơi nhận:<br>- Như trên;<br>- Lưu VT. | KT. TRƯỞNG BAN<br>PHÓ TRƯỞNG BAN<br><br>"
            "(đã ký)<br><br>Thạch Thị Sa Rươl |\n|---|---|\n",
            [person("Thạch Thị Sa Rươl", "Phó Trưởng ban")],
        ),
    ],
)
def test_signers_in_pdf_markdown_and_interleaved_blocks(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đồng chí H'Linh Niê, Bí thư Chi bộ buôn Ko Siêr, phát biểu.",
            [person("H'Linh Niê", "Bí thư Chi bộ buôn Ko Siêr")],
        ),
        (
            "Phó Bí thư Đảng ủy xã H’Phương Byă trình bày báo cáo.",
            [person("H’Phương Byă", "Phó Bí thư Đảng ủy xã")],
        ),
        (
            "Đồng chí Y Khoa Mlô, Chủ tịch UBND xã, và đồng chí Rơ Mah Thuận dự.",
            [person("Y Khoa Mlô", "Chủ tịch UBND xã"), person("Rơ Mah Thuận")],
        ),
        (
            "Đồng chí Vừ A Dình, Phó Bí thư Chi bộ bản Huổi Lếch.",
            [person("Vừ A Dình", "Phó Bí thư Chi bộ bản Huổi Lếch")],
        ),
    ],
)
def test_ede_jrai_and_hmong_names(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a PDF reader collapsed the gap between the columns to one space
            "Trên đây là báo cáo sơ kết.\nNơi nhận: T/M ĐẢNG ỦY\n- Như trên; BÍ THƯ\n"
            "- Lưu VP. (Đã ký)\n- Lưu hồ sơ. Hầu A Lềnh\n",
            [person("Hầu A Lềnh", "Bí thư")],
        ),
        (  # the person a decision admits
            "Điều 1. Kết nạp quần chúng Y Blô Ayŭn, sinh ngày 04/7/1999, vào Đảng.",
            [person("Y Blô Ayŭn")],
        ),
    ],
)
def test_collapsed_signature_columns_and_admitted_people(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected


# --- forms of unseen texts (issue 13) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đồng chí Lò Văn Inh, Phó Bí thư Huyện ủy, trao quyết định.",
            [person("Lò Văn Inh", "Phó Bí thư Huyện ủy")],
        ),
        (
            "Phó Chủ tịch UBND tỉnh Ksor Nham dự và chỉ đạo.",
            [person("Ksor Nham", "Phó Chủ tịch UBND tỉnh")],
        ),
        (
            "Đồng chí H'Yim Kđoh, Phó Bí thư Đảng ủy xã, trình bày báo cáo.",
            [person("H'Yim Kđoh", "Phó Bí thư Đảng ủy xã")],
        ),
        (
            "Đồng chí Nông Thị Bích, Chủ tịch Ủy ban Mặt trận Tổ quốc huyện.",
            [person("Nông Thị Bích", "Chủ tịch Ủy ban Mặt trận Tổ quốc huyện")],
        ),
        (
            "Bí thư Chi bộ Sùng A Chu báo cáo; Trưởng ban Giàng Thị Dua bổ sung.",
            [person("Sùng A Chu", "Bí thư Chi bộ"), person("Giàng Thị Dua", "Trưởng ban")],
        ),
    ],
)
def test_surnames_of_ethnic_minorities_keep_the_name_whole(
    text: str, expected: list[Named]
) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chi bộ kết nạp quần chúng ưu tú Đinh Thị Xoan vào Đảng.", [person("Đinh Thị Xoan")]),
        ("Đồng chí Vi Văn Thọ trình bày tham luận.", [person("Vi Văn Thọ")]),
        (
            "Chị Hà Thị Lợi và anh Lường Văn Piếng được khen thưởng.",
            [person("Hà Thị Lợi"), person("Lường Văn Piếng")],
        ),
        ("chuyển đảng chính thức cho đảng viên dự bị Cầm Văn Sơn", [person("Cầm Văn Sơn")]),
    ],
)
def test_a_person_addressed_without_a_position_has_none(text: str, expected: list[Named]) -> None:
    assert people_in(text) == expected
