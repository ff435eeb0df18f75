"""Build the default .docx templates of each genre in the layout of Hướng dẫn 36-HD/VPTW
(no Django). The files are shipped in `docx/`; an office may open one in Word, change the
wording or the formatting around the placeholders and upload it as its own template.

Regenerate: `python -m dangvu.drafting.default_templates`.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

__all__ = ["FONT", "GENRE_FILES", "build", "build_all", "set_font"]

FONT = "Times New Roman"
HERE = Path(__file__).resolve().parent / "docx"

# genre key -> (file name, what the body holds besides the blocks)
GENRE_FILES = {
    "periodic": "bao-cao-dinh-ky.docx",
    "directive": "bao-cao-ket-qua-thuc-hien.docx",
    "member_stats": "bieu-tong-hop-dang-vien.docx",
}


def set_font(run, size: float, *, bold=False, italic=False, underline=False) -> None:
    """Times New Roman in every script slot (Word picks eastAsia/cs for some letters)."""
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _para(
    container,
    text: str,
    size: float = 14,
    *,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    bold=False,
    italic=False,
    underline=False,
    after: float = 0,
    indent: float = 0,
):
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    if indent:
        fmt.first_line_indent = Mm(indent)
    if text:
        set_font(p.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return p


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, *mm: float) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, mm, strict=True):
            cell.width = Mm(width)


def _first_cell_paragraph(cell):
    """A new cell holds one empty paragraph: use it first, then add."""
    p = cell.paragraphs[0]
    if not p.runs and len(cell.paragraphs) == 1 and not getattr(cell, "_used", False):
        cell._used = True
        return p
    return None


def _cell_para(cell, text: str, size: float = 14, **kw):
    p = _first_cell_paragraph(cell)
    if p is None:
        return _para(cell, text, size, **kw)
    p.alignment = kw.get("align", WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_after = Pt(kw.get("after", 0))
    if text:
        set_font(
            p.add_run(text),
            size,
            bold=kw.get("bold", False),
            italic=kw.get("italic", False),
            underline=kw.get("underline", False),
        )
    return p


def _page_number_header(section) -> None:
    """Page numbers centred at the top from page 2: an empty first-page header."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    set_font(run, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)


def _loop(doc, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}): removed at render."""
    _para(doc, tag, 14, align=WD_ALIGN_PARAGRAPH.LEFT)


def build(genre: str) -> DocxDocument:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.element.get_or_add_rPr()
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    _page_number_header(section)

    # The header table: the issuing body on the left, the Party's name on the right.
    head = doc.add_table(rows=1, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(head)
    _widths(head, 75, 90)
    left, right = head.rows[0].cells
    _cell_para(left, "{{ superior_body }}", 14)
    _cell_para(left, "{{ issuing_body }}", 14, bold=True)
    _cell_para(left, "*", 14)
    _cell_para(left, "Số {{ number_symbol }}", 14)
    # the date line level with the number line, as in the guidance
    _cell_para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True, underline=True, after=26)
    _cell_para(right, "{{ place_date }}", 14, italic=True)

    _para(doc, "", 14)
    _para(doc, "{{ type_name }}", 16, bold=True)
    _para(doc, "{{ title }}", 14, bold=True)
    _para(doc, "-----", 14, after=12)

    # The body: one paragraph style per block kind, in a loop the office can restyle.
    _loop(doc, "{%p for block in blocks %}")
    styles = {
        "section": {"bold": True},
        "heading": {"bold": True},
        "subheading": {"bold": True, "italic": True},
        "paragraph": {},
        "bullet": {},
    }
    first = True
    for kind, style in styles.items():
        _loop(doc, ("{%p if " if first else "{%p elif ") + f"block.kind == '{kind}' %}}")
        first = False
        _para(
            doc,
            "{{ block.text }}",
            14,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            after=6,
            indent=12.7,
            **style,
        )
    _loop(doc, "{%p endif %}")
    _loop(doc, "{%p endfor %}")

    if genre == "member_stats":  # the Biểu tổng hợp: the tables are the body
        _loop(doc, "{%p if appendix %}")
        _para(doc, "{{p appendix }}", 14, align=WD_ALIGN_PARAGRAPH.LEFT)
        _loop(doc, "{%p endif %}")

    # Recipients on the left, the signature on the right.
    _para(doc, "", 14)
    sign = doc.add_table(rows=1, cols=2)
    _no_borders(sign)
    _widths(sign, 80, 85)
    left, right = sign.rows[0].cells
    _cell_para(left, "Nơi nhận:", 14, align=WD_ALIGN_PARAGRAPH.LEFT, underline=True)
    _cell_para(left, "{%p for r in recipients %}", 12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_para(left, "- {{ r }}", 12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_para(left, "{%p endfor %}", 12, align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_para(right, "{{ signature_capacity }}", 14, bold=True)
    _cell_para(right, "{{ signature_position }}", 14, bold=True, after=60)
    _cell_para(right, "{{ signature_name }}", 14, bold=True)

    if genre == "member_stats":
        return doc
    # The appendix of tables, on a page of its own when there is one.
    _loop(doc, "{%p if appendix %}")
    p = _para(doc, "PHỤ LỤC", 14, bold=True)
    p.paragraph_format.page_break_before = True
    _para(doc, "Số liệu kèm theo báo cáo", 14, italic=True, after=12)
    _para(doc, "{{p appendix }}", 14, align=WD_ALIGN_PARAGRAPH.LEFT)
    _loop(doc, "{%p endif %}")
    return doc


def build_all(folder: Path = HERE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for genre, name in GENRE_FILES.items():
        path = folder / name
        build(genre).save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in build_all():
        print(path)
