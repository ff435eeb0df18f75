"""The .docx renderer, checked through python-docx as a reader would open the file."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import date

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from dangvu.drafting.default_templates import GENRE_FILES, build
from dangvu.drafting.render import TemplateError, check_template, default_template, render_docx
from dangvu.drafting.report import Header, Signature

from .factories import sample_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _fonts(document) -> set[str]:
    names = set()
    for el in document.element.body.iter(f"{W}rFonts"):
        names.add(el.get(f"{W}ascii"))
    return names


def test_page_is_a4_with_the_guidance_margins():
    section = _open(render_docx(sample_report())).sections[0]

    def mm(length):
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert mm(section.top_margin) == 20 and mm(section.bottom_margin) == 20
    assert mm(section.left_margin) == 30 and mm(section.right_margin) == 15


def test_header_table_puts_the_issuer_left_and_the_party_right():
    document = _open(render_docx(sample_report()))
    left, right = document.tables[0].rows[0].cells
    assert _cell_lines(left) == [
        "ĐẢNG BỘ TỈNH YÊN BÁI",
        "ĐẢNG ỦY XÃ VIỆT THÀNH",
        "*",
        "Số 27-BC/ĐU",
    ]
    assert _cell_lines(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Yên Bái, ngày 29 tháng 6 năm 2023"]
    superior, issuer = left.paragraphs[0].runs[0], left.paragraphs[1].runs[0]
    assert superior.font.size == Pt(14) and not superior.font.bold
    assert issuer.font.size == Pt(14) and issuer.font.bold
    party = right.paragraphs[0].runs[0]
    assert party.font.bold and party.font.underline and party.font.size == Pt(15)
    date_line = right.paragraphs[1].runs[0]
    assert date_line.font.italic and date_line.font.size == Pt(14)


@pytest.mark.parametrize(
    ("on", "written"),
    [
        (date(2026, 1, 5), "Yên Bái, ngày 05 tháng 01 năm 2026"),
        (date(2018, 2, 20), "Yên Bái, ngày 20 tháng 02 năm 2018"),
        (date(2023, 3, 9), "Yên Bái, ngày 09 tháng 3 năm 2023"),
        (date(2023, 12, 31), "Yên Bái, ngày 31 tháng 12 năm 2023"),
    ],
)
def test_date_line_takes_leading_zeros_for_days_below_10_and_months_1_and_2(on, written):
    report = sample_report()
    report = replace(report, header=replace(report.header, date=on))
    right = _open(render_docx(report)).tables[0].rows[0].cells[1]
    assert _cell_lines(right)[1] == written


def test_draft_without_a_number_leaves_it_blank_before_the_symbol():
    report = sample_report()
    report = replace(report, header=replace(report.header, number=""))
    left = _open(render_docx(report)).tables[0].rows[0].cells[0]
    line = _cell_lines(left)[-1]
    assert line.startswith("Số ") and line.endswith("-BC/ĐU") and ":" not in line
    assert line.replace("\u00a0", "") == "Số -BC/ĐU"


def test_genre_and_title_are_centred_bold_and_the_body_is_times_new_roman():
    document = _open(render_docx(sample_report()))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    genre, title = paragraphs[0], paragraphs[1]
    assert genre.text == "BÁO CÁO" and genre.alignment == 1  # centre
    assert genre.runs[0].font.bold and genre.runs[0].font.size == Pt(16)
    assert title.text.startswith("tình hình, kết quả") and title.alignment == 1
    assert title.runs[0].font.bold
    assert _fonts(document) == {"Times New Roman"}


def test_body_blocks_keep_their_order_styles_and_escaped_text():
    document = _open(render_docx(sample_report()))
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in texts
    body = next(p for p in document.paragraphs if p.text.startswith("Kết nạp"))
    assert body.text == "Kết nạp 1.234 đảng viên mới, đạt 105% chỉ tiêu <năm> & quý."
    assert body.alignment == 3  # justified
    section = next(p for p in document.paragraphs if p.text == "I. KẾT QUẢ ĐẠT ĐƯỢC")
    assert section.runs[0].font.bold
    assert not any("{%" in t or "{{" in t for t in texts)


def test_footnotes_are_real_word_footnotes():
    data = render_docx(sample_report())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml")
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert b'<w:footnoteReference w:id="1"/>' in body
    assert "footnotes+xml" in types and "relationships/footnotes" in rels
    own = [n for n in notes.iter(f"{W}footnote") if n.get(f"{W}id") == "1"]
    text = "".join(t.text for t in own[0].iter(f"{W}t"))
    assert "Chương trình hành động số 42-CTr/TU, ngày 28/12/2022" in text
    # the mark sits after "Chương trình hành động", in the body text, not as text
    para = next(p for p in _open(data).paragraphs if p.text.startswith("Thực hiện"))
    assert para.text == (
        "Thực hiện Chương trình hành động của Tỉnh ủy, Ban Thường vụ Đảng ủy báo cáo như sau:"
    )
    assert "\ue000" not in para.text


def test_signature_block_and_recipients():
    document = _open(render_docx(sample_report()))
    left, right = document.tables[1].rows[0].cells
    assert _cell_lines(left) == [
        "Nơi nhận:",
        "- Ban Thường vụ Tỉnh ủy (để báo cáo),",
        "- Lưu Văn phòng Đảng ủy.",
    ]
    assert _cell_lines(right) == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"]
    assert all(p.runs[0].font.bold for p in right.paragraphs if p.text.strip())


def test_a_deputy_signs_k_t():
    report = sample_report(signature=Signature("K/T BÍ THƯ", "PHÓ BÍ THƯ", "Trần Thị Bình"))
    right = _open(render_docx(report)).tables[1].rows[0].cells[1]
    assert _cell_lines(right) == ["K/T BÍ THƯ", "PHÓ BÍ THƯ", "Trần Thị Bình"]


def test_page_numbers_from_page_two():
    data = render_docx(sample_report())
    section = _open(data).sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text.strip()
    header_xml = etree.tostring(section.header._element).decode()
    assert "PAGE" in header_xml and "fldChar" in header_xml


def test_appendix_tables_follow_on_their_own_page():
    document = _open(render_docx(sample_report()))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Chỉ tiêu", "Quý II", "Cùng kỳ"]
    assert [c.text for c in table.rows[1].cells] == ["Kết nạp", "1.234", "1.097"]
    appendix = next(p for p in document.paragraphs if p.text == "PHỤ LỤC")
    assert appendix.paragraph_format.page_break_before


def test_no_appendix_without_tables():
    document = _open(render_docx(sample_report(tables=())))
    assert len(document.tables) == 2
    assert "PHỤ LỤC" not in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("genre", sorted(GENRE_FILES))
def test_every_default_template_is_accepted(genre):
    used = check_template(default_template(genre))
    assert {"number_symbol", "place_date", "blocks", "signature_name"} <= used


def _template_with(text: str) -> bytes:
    document = build("periodic")
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_template_with_unknown_placeholder_is_refused_naming_it():
    with pytest.raises(TemplateError) as refused:
        check_template(_template_with("{{ so_hieu_sai }}"))
    assert "{{ so_hieu_sai }}" in str(refused.value)
    assert "trường không có" in str(refused.value)


def test_template_with_broken_placeholder_is_refused():
    with pytest.raises(TemplateError) as refused:
        render_docx(sample_report(), _template_with("{{ number_symbol "))
    assert "sai cú pháp" in str(refused.value)


def test_template_with_unknown_attribute_is_refused_at_render():
    with pytest.raises(TemplateError) as refused:
        render_docx(
            sample_report(), _template_with("{% for b in blocks %}{{ b.wording }}{% endfor %}")
        )
    assert "wording" in str(refused.value)


def test_a_file_that_is_not_docx_is_refused():
    with pytest.raises(TemplateError, match="không phải tệp Word"):
        check_template(b"not a zip")


def test_header_symbol_and_place_date():
    h = Header("A", "B", "BC", "ĐUK", "Yên Bái", date(2023, 6, 29), "359")
    assert h.symbol == "359-BC/ĐUK"
    assert h.place_date == "Yên Bái, ngày 29 tháng 6 năm 2023"


def test_the_register_reads_footnotes_after_the_body():
    from dangvu.documents.readers import read_bytes

    text = read_bytes("bao-cao.docx", render_docx(sample_report())).text
    assert text.splitlines()[-1].startswith("1 Chương trình hành động số 42-CTr/TU")
    assert text.index("Số 27-BC/ĐU") < text.index("BÁO CÁO") < text.index("Nơi nhận:")
