"""Vietnamese typed in the legacy TCVN3 (.VnTime) and VNI (VNI-Times) fonts reads as the
Unicode it means: in a .docx by the fonts of its runs, in a .txt by its bytes; Unicode
and Windows-1258 files are read as before."""

from __future__ import annotations

import unicodedata

import pytest

from dangvu.documents import legacy_fonts
from dangvu.documents.legacy_fonts import TCVN3, VNI, convert, font_encoding, guess_bytes
from dangvu.documents.readers import UnreadableFile, read_bytes
from dangvu.documents.services import document_ingest

from .files import cp1258_bytes, legacy_docx, tcvn3_chars, vni_chars
from .helpers import counts
from .texts import NEWS, PLAN_15, PROGRAM_42, REPORT_27

# --- the tables ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "encoding", "capitals", "unicode"),
    [
        # typed by hand as the old fonts store them, not built from the module's tables
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, False, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", TCVN3, False, "Độc lập - Tự do - Hạnh phúc"),
        ("Ban Th­êng vô TØnh ñy", TCVN3, False, "Ban Thường vụ Tỉnh ủy"),
        ("®¶ng uû x· viÖt thµnh", TCVN3, True, "ĐẢNG UỶ XÃ VIỆT THÀNH"),
        ("KÕ ho¹ch sè 33-KH/TU", TCVN3, False, "Kế hoạch số 33-KH/TU"),
        (
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
            VNI,
            False,
            "Cộng hòa xã hội chủ nghĩa Việt Nam",
        ),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", VNI, False, "Độc lập - Tự do - Hạnh phúc"),
        ("Ban Thöôøng vuï Tænh uûy", VNI, False, "Ban Thường vụ Tỉnh ủy"),
        ("ÑAÛNG UÛY XAÕ VIEÄT THAØNH", VNI, False, "ĐẢNG ỦY XÃ VIỆT THÀNH"),
        (
            "Keá hoaïch soá 33-KH/TU, naêm 2023, khoùa XIII",
            VNI,
            False,
            "Kế hoạch số 33-KH/TU, năm 2023, khóa XIII",
        ),
    ],
)
def test_legacy_text_converts_to_unicode(legacy, encoding, capitals, unicode) -> None:
    assert convert(legacy, encoding, capitals=capitals) == unicode


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", (TCVN3, False)),
        (".VnTimeH", (TCVN3, True)),
        (".VnArial", (TCVN3, False)),
        ("VnTime", (TCVN3, False)),
        ("VNI-Times", (VNI, False)),
        ("VNI-Helve", (VNI, False)),
        ("Times New Roman", None),
        ("Arial", None),
        (None, None),
    ],
)
def test_font_names_tell_the_encoding(font, expected) -> None:
    assert font_encoding(font) == expected


@pytest.mark.parametrize("text", [PROGRAM_42, PLAN_15, REPORT_27, NEWS])
def test_bytes_are_told_apart(text) -> None:
    text = text.replace("–", "-")  # the en dash has no place in the old code pages
    assert guess_bytes(cp1258_bytes(text)) is None
    assert guess_bytes(vni_chars(text).encode("latin-1")) == VNI
    assert guess_bytes(tcvn3_chars(_lower_capitals(text)).encode("latin-1")) == TCVN3


def test_english_and_ascii_are_no_legacy_text() -> None:
    assert guess_bytes(b"Report of the party committee, 2023. Cafe\xe9 menu") is None
    assert not legacy_fonts.is_legacy_text("Report 2023")
    assert not legacy_fonts.is_legacy_text("Đảng ủy xã")  # already Unicode


# --- .docx -----------------------------------------------------------------------------

PLAN = [
    # (capitals, line): capital lines are typed in small letters in the capitals font
    (True, "ĐẢNG BỘ HUYỆN TRẤN YÊN"),
    (True, "ĐẢNG ỦY XÃ VIỆT THÀNH"),
    (False, "*"),
    (False, "Số 15-KH/ĐU"),
    (False, "Việt Thành, ngày 10 tháng 01 năm 2023"),
    (True, "KẾ HOẠCH"),
    (False, "triển khai thực hiện Kế hoạch số 33-KH/TU của Ban Thường vụ Tỉnh ủy"),
    (
        False,
        "Thực hiện Kế hoạch số 33-KH/TU, ngày 05/01/2023 của Ban Thường vụ Tỉnh ủy Yên Bái, "
        "Đảng ủy xã xây dựng kế hoạch như sau:",
    ),
    (False, "- Kết nạp 12 đảng viên mới; hoàn thành trước ngày 15/12/2023."),
    (False, "- Các chi bộ báo cáo kết quả về Đảng ủy trước ngày 20/12/2023."),
]


def _tcvn3_plan() -> bytes:
    return legacy_docx(
        [
            (".VnTimeH", tcvn3_chars(line.lower())) if caps else (".VnTime", tcvn3_chars(line))
            for caps, line in PLAN
        ]
    )


def _unicode_plan() -> bytes:
    return legacy_docx([("Times New Roman", line) for _, line in PLAN])


def test_docx_in_tcvn3_fonts_reads_as_its_unicode_original(tree, users) -> None:
    original = read_bytes("kh.docx", _unicode_plan())
    read = read_bytes("kh.docx", _tcvn3_plan())
    assert read.text == original.text == "\n".join(line for _, line in PLAN)
    assert read.encoding == TCVN3 and original.encoding == ""
    result = document_ingest(name="KH 15.docx", data=_tcvn3_plan(), actor=users.a_officer)
    doc = result.document
    assert doc.symbol == "15-KH/ĐU" and doc.issuer == tree.a
    assert doc.text == original.text and doc.encoding == TCVN3
    assert {r.symbol for r in result.references} == {"33-KH/TU"}
    ref = result.references[0]
    assert doc.text[ref.start : ref.end].startswith("Kế hoạch số 33-KH/TU")


def test_docx_in_vni_fonts_reads_as_its_unicode_original(tree, users) -> None:
    data = legacy_docx([("VNI-Times", vni_chars(line)) for _, line in PLAN])
    result = document_ingest(name="KH 15 vni.docx", data=data, actor=users.a_officer)
    assert result.document.text == read_bytes("kh.docx", _unicode_plan()).text
    assert result.document.encoding == VNI
    assert {r.symbol for r in result.references} == {"33-KH/TU"}


def test_docx_whose_normal_style_is_a_tcvn3_font_is_converted() -> None:
    import io

    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph(tcvn3_chars("Thực hiện Kế hoạch số 33-KH/TU của Tỉnh ủy"))
    plain = document.add_paragraph().add_run("Times: Đảng ủy xã")
    plain.font.name = "Times New Roman"
    buffer = io.BytesIO()
    document.save(buffer)
    read = read_bytes("a.docx", buffer.getvalue())
    assert read.text == "Thực hiện Kế hoạch số 33-KH/TU của Tỉnh ủy\nTimes: Đảng ủy xã"


def test_unicode_text_in_a_run_still_named_vntime_is_left_alone() -> None:
    data = legacy_docx([(".VnTime", "Đảng ủy xã Việt Thành, ngày 10 tháng 01 năm 2023")])
    assert read_bytes("a.docx", data).text == "Đảng ủy xã Việt Thành, ngày 10 tháng 01 năm 2023"


def test_unicode_docx_is_unchanged() -> None:
    lines = ["Báo cáo kết quả công tác năm 2023", "Annual report — café, naïve, Ærø"]
    read = read_bytes("a.docx", legacy_docx([("Times New Roman", line) for line in lines]))
    assert read.text == "\n".join(lines) and read.encoding == ""


# --- .txt ------------------------------------------------------------------------------


def _lower_capitals(text: str) -> str:
    """TCVN3 .txt files have no toned capitals: write capital lines in small letters."""
    return "\n".join(line if line != line.upper() else line.lower() for line in text.split("\n"))


def test_txt_in_tcvn3_bytes_reads_as_unicode(tree, users) -> None:
    text = _lower_capitals(PLAN_15)
    data = tcvn3_chars(text).encode("latin-1")
    result = document_ingest(name="kh15.txt", data=data, actor=users.a_officer)
    assert result.document.text == unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    assert result.document.encoding == TCVN3
    assert result.document.symbol == "15-KH/ĐU"
    assert "42-CTr/TU" in {r.symbol for r in result.references}


def test_txt_in_vni_bytes_reads_as_unicode() -> None:
    text = PROGRAM_42.replace("–", "-")
    read = read_bytes("ct42.txt", vni_chars(text).encode("latin-1"))
    assert read.text == text and read.encoding == VNI


def test_tcvn3_characters_saved_as_utf8_are_converted() -> None:
    text = "Kế hoạch số 33-KH/TU của Ban Thường vụ Tỉnh ủy về công tác đảng viên"
    read = read_bytes("a.txt", tcvn3_chars(text).encode("utf-8"))
    assert read.text == text and read.encoding == TCVN3


@pytest.mark.parametrize("text", [PROGRAM_42, REPORT_27, NEWS])
def test_unicode_and_windows_1258_txt_are_unchanged(text) -> None:
    assert read_bytes("a.txt", text.encode("utf-8")).text == text
    plain = text.replace("–", "-")
    read = read_bytes("a.txt", cp1258_bytes(plain))
    assert read.text == plain and read.encoding == "cp1258"


def test_english_txt_is_unchanged() -> None:
    text = "Minutes of the meeting.\nAttendance: 25 members; résumé and café noted."
    read = read_bytes("a.txt", text.encode("cp1252"))
    assert read.text == text


def test_undecodable_legacy_looking_bytes_are_refused_and_nothing_is_stored(users) -> None:
    data = bytes(range(0xA1, 0xC0)) * 20 + bytes(range(1, 9)) * 40
    before = counts()
    with pytest.raises(UnreadableFile) as refused:
        document_ingest(name="hong.txt", data=data, actor=users.a_officer)
    assert "Không nhận ra bảng mã" in refused.value.message
    assert counts() == before


def test_header_table_in_tcvn3_capitals_font_is_converted(tree, users) -> None:
    import io

    import docx

    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    left = ["ĐẢNG BỘ HUYỆN TRẤN YÊN", "ĐẢNG ỦY XÃ VIỆT THÀNH", "*", "Số 16-KH/ĐU"]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Việt Thành, ngày 12 tháng 01 năm 2023"]
    for cell, lines in zip(head.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = ""
        for i, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            capitals = line == line.upper() and any(ch.isalpha() for ch in line)
            run = paragraph.add_run(tcvn3_chars(line.lower() if capitals else line))
            run.font.name = ".VnTimeH" if capitals else ".VnTime"
    body = document.add_paragraph().add_run(tcvn3_chars("Thực hiện Kế hoạch số 33-KH/TU."))
    body.font.name = ".VnTime"
    buffer = io.BytesIO()
    document.save(buffer)
    result = document_ingest(name="kh16.docx", data=buffer.getvalue(), actor=users.a_officer)
    doc = result.document
    assert doc.text.splitlines()[:6] == [*left, *right]
    assert doc.symbol == "16-KH/ĐU" and doc.issuer == tree.a
    assert [r.symbol for r in result.references] == ["33-KH/TU"]
