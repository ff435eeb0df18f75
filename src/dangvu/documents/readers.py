"""Reading the text of an uploaded file: .txt (any encoding Vietnamese offices use),
.docx (paragraphs and tables in document order) and .pdf (its text layer).

Text typed in the legacy TCVN3 (.VnTime) and VNI (VNI-Times) fonts is converted to
Unicode (`legacy_fonts`): in a .docx run by run, from the font each run is drawn in; in
a .txt when its bytes look typed in one of them.

Every failure is an `UnreadableFile` whose message tells an office worker, in
Vietnamese, what is wrong with the file and what to do; nothing here touches the
database or the disk.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import legacy_fonts

__all__ = [
    "ACCEPTED_SUFFIXES",
    "ReadResult",
    "UnreadableFile",
    "max_file_size",
    "read_bytes",
    "read_path",
]

logger = logging.getLogger(__name__)

ACCEPTED_SUFFIXES = (".txt", ".docx", ".pdf")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
# The longest text kept: some 1,000 pages (a 760 KB .docx inflating to 135 M characters was
# stored twice and made its page 193 MB of HTML). settings.DOCUMENTS_MAX_TEXT_CHARS.
DEFAULT_MAX_TEXT_CHARS = 2_000_000
# A .docx is a zip whose members declare their inflated sizes (zipfile never inflates past
# them): refused before inflating when one XML part or all members together are larger.
MAX_DOCX_XML_PART = 32 * 1024 * 1024
MAX_DOCX_INFLATED = 64 * 1024 * 1024
# Characters of decoded text that hint at a wrong guess of the encoding.
_SUSPICIOUS_RATIO = 0.01


class UnreadableFile(Exception):
    """A file dangvu cannot read; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ReadResult:
    text: str
    file_kind: str  # "txt", "docx", "pdf"
    encoding: str  # for .txt: the encoding found; else ""
    size: int
    sha256: str


def max_file_size() -> int:
    """The size limit in bytes: settings.DOCUMENTS_MAX_FILE_SIZE, 20 MB by default.

    Django is imported lazily here: ``dangvu extract FILE.txt`` reads its file with this
    module without starting Django (``dangvu.cli``), and then no setting can be set."""
    conf = sys.modules.get("django.conf")
    if conf is None:
        return DEFAULT_MAX_FILE_SIZE
    return int(getattr(conf.settings, "DOCUMENTS_MAX_FILE_SIZE", DEFAULT_MAX_FILE_SIZE))


def max_text_chars() -> int:
    """The length limit in characters: settings.DOCUMENTS_MAX_TEXT_CHARS (Django lazily, as
    in `max_file_size`)."""
    conf = sys.modules.get("django.conf")
    if conf is None:
        return DEFAULT_MAX_TEXT_CHARS
    return int(getattr(conf.settings, "DOCUMENTS_MAX_TEXT_CHARS", DEFAULT_MAX_TEXT_CHARS))


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def too_long(chars: int | None = None) -> UnreadableFile:
    got = f" ({thousands(chars)} ký tự)" if chars else ""
    return UnreadableFile(
        f"Văn bản quá dài{got}: chỉ nhận văn bản đến {thousands(max_text_chars())} ký tự "
        "(khoảng 1.000 trang). Hãy tách văn bản (ví dụ: để các phụ lục thành tệp riêng) rồi "
        "tải lên từng phần."
    )


def too_large_message(size: int | None = None) -> str:
    from django.template.defaultfilters import filesizeformat

    got = f" (tệp nặng {filesizeformat(size)})" if size else ""
    return (
        f"Tệp quá lớn{got}: chỉ nhận tệp đến {filesizeformat(max_file_size())}. "
        "Hãy bỏ ảnh, phụ lục không cần thiết hoặc tách tệp rồi tải lên lại."
    )


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def check_name_and_size(name: str, size: int) -> str:
    """The file kind from the name, refusing unknown kinds and oversize files up front."""
    suffix = _suffix(name)
    if suffix == ".doc":
        raise UnreadableFile(
            "Tệp .doc (Word 97-2003) chưa đọc được: hãy mở bằng Word, chọn Lưu thành "
            "(Save As) dạng .docx rồi tải lên lại."
        )
    if suffix not in ACCEPTED_SUFFIXES:
        raise UnreadableFile(
            f"Không nhận loại tệp “{suffix or 'không có phần mở rộng'}”: chỉ nhận tệp "
            ".txt, .docx hoặc .pdf."
        )
    if size == 0:
        raise UnreadableFile("Tệp rỗng (0 byte): hãy kiểm tra lại tệp trước khi tải lên.")
    if size > max_file_size():
        raise UnreadableFile(too_large_message(size))
    return suffix[1:]


def read_path(path: Path | str) -> ReadResult:
    """Read a file on disk; the size is checked before a byte is read."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"Không mở được tệp {path.name}: {exc.strerror or exc}.") from exc
    check_name_and_size(path.name, size)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    return read_bytes(path.name, data)


def read_bytes(name: str, data: bytes) -> ReadResult:
    """Read the text of a file given as bytes."""
    kind = check_name_and_size(name, len(data))
    if kind == "txt":
        text, encoding = _read_txt(data)
    elif kind == "docx":
        text, encoding = _read_docx(data)
    else:
        text, encoding = _read_pdf(data), ""
    if len(text) > max_text_chars():
        raise too_long(len(text))
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\x00", "")
    if not text.strip():
        raise UnreadableFile(
            "Tệp không có chữ nào đọc được: hãy kiểm tra lại tệp (có thể là tệp trống)."
        )
    return ReadResult(
        text=text,
        file_kind=kind,
        encoding=encoding,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


# --- .txt ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}


def _suspicious(text: str) -> int:
    """Characters that real Vietnamese text (almost) never contains: control characters,
    Latin-1 symbols (a sign of a wrong single-byte guess) and stray combining marks."""
    count = 0
    previous = " "
    for ch in text:
        cat = unicodedata.category(ch)
        control = (cat == "Cc" and ch not in _ALLOWED_CONTROLS) or cat in {"Co", "Cn", "Cs"}
        symbol = "\u00a1" <= ch <= "\u00bf" and ch not in "«»°±·"
        stray_mark = bool(unicodedata.combining(ch)) and not previous.isalpha()
        if control or symbol or stray_mark:
            count += 1
        previous = ch if not unicodedata.combining(ch) else previous
    return count


def _plausible(text: str) -> bool:
    if not text:
        return False
    if len(text) > max_text_chars():  # refused before the character-by-character look
        raise too_long(len(text))
    return _suspicious(text) <= max(2, int(len(text) * _SUSPICIOUS_RATIO))


def _read_txt(data: bytes) -> tuple[str, str]:
    if len(data) > 4 * max_text_chars():  # more characters than the limit in any encoding
        raise too_long()
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(
                    "Tệp có dấu hiệu bảng mã Unicode nhưng nội dung bị hỏng: hãy mở tệp và "
                    "lưu lại với bảng mã UTF-8."
                ) from exc
            return text, encoding
    if b"\x00" in data:
        raise UnreadableFile(
            "Tệp không phải văn bản thuần (có byte 0: có thể là tệp nhị phân, hoặc UTF-16 "
            "không có dấu BOM). Hãy mở tệp và lưu lại với bảng mã UTF-8."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _plausible(text):
            return text, "utf-8"
        if max(map(ord, text)) < 0x100:  # TCVN3 text pasted into a UTF-8 editor
            legacy = _read_legacy(text.encode("latin-1"))
            if legacy is not None:
                return legacy
        raise _unknown_encoding()
    legacy = _read_legacy(data)
    if legacy is not None:
        return legacy
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise _unknown_encoding() from exc
    # Windows-1258 writes tones as combining marks after the vowel: compose them.
    text = unicodedata.normalize("NFC", text)
    if _plausible(text):
        return text, "cp1258"
    raise _unknown_encoding()


def _read_legacy(data: bytes) -> tuple[str, str] | None:
    """The text of bytes typed in TCVN3 or VNI, when they look so and read plausibly."""
    encoding = legacy_fonts.guess_bytes(data)
    if encoding is None:
        return None
    text = legacy_fonts.convert(data.decode("latin-1"), encoding)
    if not _plausible(text):
        raise _unknown_encoding()
    return text, encoding


def _unknown_encoding() -> UnreadableFile:
    return UnreadableFile(
        "Không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16, Windows-1258, TCVN3 hay "
        "VNI): hãy mở tệp bằng Word hoặc Notepad, chọn Lưu thành với bảng mã UTF-8 rồi tải "
        "lên lại; văn bản gõ bằng phông cũ khác (VISCII, VPS) cần chuyển sang Unicode trước "
        "(ví dụ bằng công cụ chuyển mã của Unikey)."
    )


# --- .docx -----------------------------------------------------------------------------


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


def _read_docx(data: bytes) -> tuple[str, str]:
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


# --- .pdf ------------------------------------------------------------------------------


def _read_pdf(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFile(
            "Tệp không phải PDF hợp lệ (thiếu phần đầu %PDF): hãy xuất lại tệp PDF từ Word."
        )
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == 0:
            raise UnreadableFile(
                "Tệp PDF được đặt mật khẩu: hãy gỡ mật khẩu hoặc xuất lại bản PDF không khóa."
            )
        pages, chars = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            if chars > max_text_chars():  # stop reading: the rest would be refused anyway
                raise too_long(chars)
    except UnreadableFile:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        logger.info("unreadable pdf: %r", exc)
        raise UnreadableFile(
            "Tệp PDF bị hỏng, không đọc được: hãy xuất lại tệp PDF từ Word rồi tải lên."
        ) from exc
    except Exception as exc:  # pypdf's parser can fail in unexpected ways on garbage
        logger.warning("pdf reader failed: %r", exc)
        raise UnreadableFile(
            "Tệp PDF bị hỏng, không đọc được: hãy xuất lại tệp PDF từ Word rồi tải lên."
        ) from exc
    if not pages:
        raise UnreadableFile("Tệp PDF không có trang nào.")
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise UnreadableFile(
            "Tệp PDF không có lớp chữ (có thể là bản scan, ảnh chụp): hãy tải lên bản Word "
            "hoặc bản PDF xuất từ Word; bản scan cần nhận dạng chữ (OCR) trước."
        )
    return text
