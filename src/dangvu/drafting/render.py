"""Render a `Report` to .docx bytes through a docxtpl template (no Django).

The template holds the layout; the report fills its placeholders. Footnote marks travel
through the template as private-use characters around the footnote's number and become
real Word footnotes (the footnotes part, `w:footnoteReference`) after rendering, so an
office's template needs no footnote machinery of its own.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from docxtpl import DocxTemplate
from lxml import etree

from .default_templates import FONT, GENRE_FILES, HERE, set_font
from .report import Report, Table

__all__ = [
    "PLACEHOLDERS",
    "TemplateError",
    "check_template",
    "default_template",
    "render_docx",
]

# What a template may use, with its meaning (shown to an office uploading a template).
PLACEHOLDERS: Mapping[str, str] = {
    "superior_body": "cấp ủy cấp trên (chữ in hoa), như ĐẢNG BỘ TỈNH YÊN BÁI",
    "issuing_body": "cơ quan ban hành (chữ in hoa), như ĐẢNG ỦY XÃ VIỆT THÀNH",
    "number_symbol": "số và ký hiệu, như 27-BC/ĐU (không có dấu hai chấm)",
    "place_date": "địa danh và ngày tháng, như Yên Bái, ngày 29 tháng 6 năm 2023",
    "type_name": "tên loại văn bản (chữ in hoa), như BÁO CÁO",
    "title": "trích yếu",
    "blocks": "các đoạn của nội dung (mỗi đoạn có block.kind và block.text)",
    "recipients": "danh sách nơi nhận",
    "signature_capacity": "thẩm quyền ký, như T/M BAN THƯỜNG VỤ hoặc K/T BÍ THƯ",
    "signature_position": "chức vụ người ký, như BÍ THƯ",
    "signature_name": "họ tên người ký",
    "appendix": "phụ lục: các bảng số liệu",
}

_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_CT = CT.WML_FOOTNOTES


class TemplateError(ValueError):
    """A template that cannot be used, with a Vietnamese message naming the fault."""


def default_template(genre: str) -> Path:
    try:
        return HERE / GENRE_FILES[genre]
    except KeyError:
        raise TemplateError(f"Không có mẫu văn bản cho thể loại “{genre}”.") from None


def _load(template: bytes | Path) -> DocxTemplate:
    source = io.BytesIO(template) if isinstance(template, bytes) else str(template)
    try:
        tpl = DocxTemplate(source)
        tpl.init_docx()
    except Exception as exc:  # not a .docx, or a damaged one
        raise TemplateError(
            "Tệp mẫu không phải tệp Word (.docx) đọc được: hãy mở bằng Word, lưu lại dạng "
            ".docx rồi tải lên."
        ) from exc
    return tpl


def _env() -> jinja2.Environment:
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)


def check_template(template: bytes | Path) -> set[str]:
    """The placeholders a template uses; refuses a template that does not parse or that
    uses a name the report does not give, naming it."""
    tpl = _load(template)
    try:
        used = set(tpl.get_undeclared_template_variables(jinja_env=_env()))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"Mẫu văn bản có trường viết sai cú pháp ({exc.message}): "
            "mỗi trường viết trong cặp {{ }} như {{ number_symbol }}."
        ) from exc
    unknown = sorted(used - set(PLACEHOLDERS))
    if unknown:
        names = ", ".join(f"{{{{ {n} }}}}" for n in unknown)
        raise TemplateError(
            f"Mẫu văn bản dùng trường không có: {names}. Các trường dùng được: "
            + ", ".join(PLACEHOLDERS)
            + "."
        )
    return used


# --- the context -----------------------------------------------------------------------


@dataclass(frozen=True)
class _BlockView:
    kind: str
    text: str


def _marked(block_spans) -> str:
    parts = []
    for span in block_spans:
        parts.append(span.text)
        if span.footnote is not None:
            parts.append(f"{_MARK_OPEN}{span.footnote}{_MARK_CLOSE}")
    return "".join(parts)


def _context(tpl: DocxTemplate, report: Report) -> dict[str, Any]:
    h = report.header
    return {
        "superior_body": h.superior.upper(),
        "issuing_body": h.issuer.upper(),
        "number_symbol": h.symbol,
        "place_date": h.place_date,
        "type_name": report.type_name.upper(),
        "title": report.title,
        "blocks": [_BlockView(b.kind, _marked(b.spans)) for b in report.blocks],
        "recipients": list(report.recipients),
        "signature_capacity": report.signature.capacity,
        "signature_position": report.signature.position,
        "signature_name": report.signature.name,
        "appendix": _appendix(tpl, report.tables) if report.tables else "",
    }


def _grid(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _cell_xml(text: str, width: int, *, bold: bool, align: str) -> str:
    b = "<w:b/><w:bCs/>" if bold else ""
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="{align}"/></w:pPr>'
        f'<w:r><w:rPr>{fonts}{b}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
        f'<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r></w:p></w:tc>'
    )


_TEXT_WIDTH = int(165 / 25.4 * 1440)  # twips between the margins


def _widths(n: int) -> list[int]:
    """The first column (the unit or indicator's name) takes 35%, the figures share the rest."""
    if n <= 1:
        return [_TEXT_WIDTH]
    first = int(_TEXT_WIDTH * 0.35)
    return [first] + [(_TEXT_WIDTH - first) // (n - 1)] * (n - 1)


def _rows_xml(t: Table) -> list[str]:
    """The table's rows as WordprocessingML, written directly: python-docx finds a cell by
    walking the whole table, which made a 34-province appendix take seconds."""
    widths = _widths(len(t.columns))
    out = []
    for r, cells in enumerate((t.columns, *t.rows)):
        tcs = "".join(
            _cell_xml(
                value,
                widths[c],
                bold=r == 0,
                align="center" if r == 0 else ("right" if c > 0 else "left"),
            )
            for c, value in enumerate(cells)
        )
        header = "<w:trPr><w:tblHeader/></w:trPr>" if r == 0 else ""
        out.append(f'<w:tr xmlns:w="{_W}">{header}{tcs}</w:tr>')
    return out


def _appendix(tpl: DocxTemplate, tables: tuple[Table, ...]):
    sub = tpl.new_subdoc()
    for n, t in enumerate(tables, 1):
        p = sub.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(12 if n > 1 else 0)
        p.paragraph_format.space_after = Pt(6)
        set_font(p.add_run(f"Biểu {n}. {t.title}"), 13, bold=True)
        table = sub.add_table(rows=0, cols=len(t.columns))
        _grid(table)
        for col, width in zip(
            table._tbl.tblGrid.iterchildren(), _widths(len(t.columns)), strict=True
        ):
            col.set(qn("w:w"), str(width))
        for row in _rows_xml(t):
            table._tbl.append(parse_xml(row))
        if t.note:
            p = sub.add_paragraph()
            set_font(p.add_run(t.note), 12, italic=True)
    return sub


# --- footnotes -------------------------------------------------------------------------


def _footnotes_part(document) -> tuple[Part, etree._Element]:
    main = document.part
    for rel in main.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            part = rel.target_part
            return part, etree.fromstring(part.blob)
    root = etree.fromstring(
        f'<w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, b"", main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part, root


def _w(tag: str, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{_W}}}{tag}")
    for k, v in attrs.items():
        el.set(f"{{{_W}}}{k}", v)
    return el


def _fonts_rpr(size_half_points: int, *, superscript: bool = False) -> etree._Element:
    rpr = _w("rPr")
    rpr.append(_w("rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT))
    if superscript:
        rpr.append(_w("vertAlign", val="superscript"))
    rpr.append(_w("sz", val=str(size_half_points)))
    rpr.append(_w("szCs", val=str(size_half_points)))
    return rpr


def _footnote(number: int, text: str) -> etree._Element:
    note = _w("footnote", id=str(number))
    p = _w("p")
    ppr = _w("pPr")
    ppr.append(_w("jc", val="both"))
    p.append(ppr)
    mark = _w("r")
    mark.append(_fonts_rpr(24, superscript=True))
    mark.append(_w("footnoteRef"))
    p.append(mark)
    run = _w("r")
    run.append(_fonts_rpr(24))
    t = _w("t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = f" {text}"
    run.append(t)
    p.append(run)
    note.append(p)
    return note


def _split_marks(body: etree._Element) -> set[int]:
    """Replace each footnote mark in the text with a footnote reference run."""
    used: set[int] = set()
    for t in list(body.iter(f"{{{_W}}}t")):
        if not t.text or _MARK_OPEN not in t.text:
            continue
        run = t.getparent()
        rpr = run.find(f"{{{_W}}}rPr")
        pieces = _MARK.split(t.text)
        anchor = run
        t.text = pieces[0]
        for i in range(1, len(pieces), 2):
            number = int(pieces[i])
            used.add(number)
            ref = _w("r")
            ref_rpr = copy.deepcopy(rpr) if rpr is not None else _w("rPr")
            for old in ref_rpr.findall(f"{{{_W}}}vertAlign"):
                ref_rpr.remove(old)
            ref_rpr.append(_w("vertAlign", val="superscript"))
            ref.append(ref_rpr)
            ref.append(_w("footnoteReference", id=str(number)))
            anchor.addnext(ref)
            anchor = ref
            if pieces[i + 1]:
                rest = _w("r")
                if rpr is not None:
                    rest.append(copy.deepcopy(rpr))
                rt = _w("t")
                rt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                rt.text = pieces[i + 1]
                rest.append(rt)
                anchor.addnext(rest)
                anchor = rest
    return used


def _add_footnotes(document, footnotes: tuple[str, ...]) -> None:
    used = _split_marks(document.element.body)
    if not footnotes:
        return
    part, root = _footnotes_part(document)
    for number, text in enumerate(footnotes, 1):
        if number in used:
            root.append(_footnote(number, text))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- the entry point -------------------------------------------------------------------


def render_docx(report: Report, template: bytes | Path | None = None) -> bytes:
    """The report as .docx bytes, through `template` (a genre's default when None)."""
    source = default_template(report.genre) if template is None else template
    check_template(source)
    tpl = _load(source)
    try:
        tpl.render(_context(tpl, report), jinja_env=_env(), autoescape=True)
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"Mẫu văn bản dùng trường không có ({exc.message}): hãy sửa trường đó theo "
            "danh sách trường của mẫu."
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"Mẫu văn bản có trường viết sai cú pháp ({exc.message}).") from exc
    _add_footnotes(tpl.docx, report.footnotes)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
