""".docx files: paragraphs and tables in document order, then the footnotes; runs drawn in
a legacy TCVN3 or VNI font converted to Unicode (`legacy_fonts`). The zip is checked for
its declared sizes before anything is inflated."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from typing import Any

from .. import legacy_fonts
from .limits import MAX_DOCX_INFLATED, MAX_DOCX_XML_PART, UnreadableFile

__all__ = ["read_docx"]

logger = logging.getLogger(__name__)


def _check_zip(data: bytes, what: str) -> None:
    if not data.startswith(b"PK"):
        raise UnreadableFile(
            f"Tệp không phải {what} hợp lệ (nội dung không đúng định dạng): hãy mở bằng Word "
            "và lưu lại dạng .docx."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(
            f"Tệp {what} bị hỏng hoặc tải lên chưa hết: hãy mở lại bằng Word, lưu lại rồi tải lên."
        ) from exc
    inflated = sum(info.file_size for info in members)
    largest_xml = max(
        (i.file_size for i in members if i.filename.endswith((".xml", ".rels"))), default=0
    )
    if inflated > MAX_DOCX_INFLATED or largest_xml > MAX_DOCX_XML_PART:
        from django.template.defaultfilters import filesizeformat

        raise UnreadableFile(
            f"Tệp {what} khi giải nén lớn bất thường ({filesizeformat(inflated)}, phần nội dung "
            f"{filesizeformat(largest_xml)}): chỉ nhận tệp giải nén đến "
            f"{filesizeformat(MAX_DOCX_INFLATED)}. Hãy mở bằng Word, lưu lại (hoặc tách văn "
            "bản) rồi tải lên."
        )
    if "word/document.xml" not in names:
        raise UnreadableFile(
            "Tệp không phải văn bản Word (.docx): không có phần nội dung văn bản. Nếu là tệp "
            "Excel hay PowerPoint, hãy chép nội dung sang Word."
        )


class _LegacyRuns:
    """Converts the runs of a .docx drawn in a legacy font (see `legacy_fonts`): a run's
    font is its own, else its character style's, else its paragraph style's, else the
    document's default (for the characters past ASCII Word draws with the `hAnsi` font)."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._styles: dict[str, str | None] = {}
        self._by_id = {s.style_id: s for s in document.styles if s.style_id}
        defaults = document.styles.element.find(qn("w:docDefaults"))
        self._default = (
            self._font_of(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
            if (defaults is not None)
            else None
        )
        self.found: set[str] = set()

    def _font_of(self, rpr: Any) -> str | None:
        if rpr is None:
            return None
        fonts = rpr.find(self._qn("w:rFonts"))
        if fonts is None:
            return None
        return fonts.get(self._qn("w:hAnsi")) or fonts.get(self._qn("w:ascii"))

    def _style_font(self, style_id: str | None) -> str | None:
        if not style_id:
            return None
        if style_id not in self._styles:
            self._styles[style_id] = None  # a cycle of based-on styles ends here
            style = self._by_id.get(style_id)
            font = None
            if style is not None:
                font = self._font_of(style.element.rPr)
                if font is None and style.base_style is not None:
                    font = self._style_font(style.base_style.style_id)
            self._styles[style_id] = font
        return self._styles[style_id]

    def paragraph_text(self, paragraph: Any) -> str:
        qn = self._qn
        p = paragraph._p
        p_style = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None else None
        para_font = self._style_font(p_style) or self._default
        if p_style is None:
            para_font = self._style_font("Normal") or para_font
        parts = []
        for child in p.xpath("w:r | w:hyperlink"):
            for run in child.xpath("w:r") if child.tag == qn("w:hyperlink") else [child]:
                text = run.text
                rpr = run.find(qn("w:rPr"))
                font = self._font_of(rpr)
                if font is None and rpr is not None and rpr.find(qn("w:rStyle")) is not None:
                    font = self._style_font(rpr.find(qn("w:rStyle")).get(qn("w:val")))
                legacy = legacy_fonts.font_encoding(font or para_font)
                if legacy is not None and legacy_fonts.is_legacy_text(text):
                    encoding, capitals = legacy
                    self.found.add(encoding)
                    text = legacy_fonts.convert(text, encoding, capitals=capitals)
                elif legacy is not None and legacy[1]:
                    text = text.upper()  # ASCII in a capitals font shows as capitals too
                parts.append(text)
        return "".join(parts)


_LEGACY_FONT_NAMES = re.compile(rb'w:(?:ascii|hAnsi)="\.?vn', re.I)


def _block_lines(container: Any, legacy: _LegacyRuns | None = None) -> list[str]:
    """Paragraphs and tables of a document or a table cell, in order, as lines."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block, legacy))
        elif legacy is not None:
            lines.append(legacy.paragraph_text(block))
        else:
            lines.append(block.text)
    return lines


def _table_lines(table: Any, legacy: _LegacyRuns | None = None) -> list[str]:
    """A row of one-line cells becomes one tab-separated line (a data table); a row of
    cells holding several paragraphs (the two-column header of an official document)
    gives each cell's lines in turn, so `Số 15-KH/ĐU` and the date line each start a line."""
    lines: list[str] = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(_block_lines(cell, legacy))
        if all(len(c) <= 1 for c in cells):
            lines.append("\t".join(c[0] if c else "" for c in cells))
        else:
            for cell_lines in cells:
                lines.extend(cell_lines)
    return lines


def _uses_legacy_fonts(data: bytes) -> bool:
    """Whether the document or its styles name a TCVN3 or VNI font (a cheap look first)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in ("word/document.xml", "word/styles.xml"):
            if name in archive.namelist() and _LEGACY_FONT_NAMES.search(archive.read(name)):
                return True
    return False


def _footnote_lines(document: Any) -> list[str]:
    """Word footnotes (the footnotes part), after the body as a printed page shows them:
    `1 Chương trình hành động số 42-CTr/TU, ...`; the references they cite are read too."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for rel in document.part.rels.values():
        if rel.reltype != RT.FOOTNOTES:
            continue
        root = etree.fromstring(rel.target_part.blob)
        lines = []
        for note in root.iter(f"{w}footnote"):
            if note.get(f"{w}type") in ("separator", "continuationSeparator"):
                continue
            text = "".join(t.text or "" for t in note.iter(f"{w}t")).strip()
            if text:
                lines.append(f"{note.get(f'{w}id')} {text}")
        return lines
    return []


def read_docx(data: bytes) -> tuple[str, str]:
    """The text, and the legacy encodings its runs were converted from ("" if none)."""
    _check_zip(data, "Word (.docx)")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        legacy = _LegacyRuns(document) if _uses_legacy_fonts(data) else None
        lines = _block_lines(document, legacy) + _footnote_lines(document)
    except Exception as exc:  # python-docx raises many kinds on damaged parts
        logger.info("unreadable docx: %r", exc)
        raise UnreadableFile(
            "Tệp Word (.docx) bị hỏng, không đọc được nội dung: hãy mở lại bằng Word, lưu lại "
            "rồi tải lên."
        ) from exc
    return "\n".join(lines), "+".join(sorted(legacy.found)) if legacy else ""
