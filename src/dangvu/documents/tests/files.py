"""Real files built in the tests: .docx with python-docx, a small PDF written by hand
(one page, Helvetica, WinAnsi text), and Windows-1258 bytes."""

from __future__ import annotations

import io
import unicodedata

import docx


def docx_bytes(
    *,
    header_left: list[str],
    header_right: list[str],
    body: list[str],
    table: list[list[str]] | None = None,
) -> bytes:
    """An official document: the two-column header table, the body paragraphs, and
    optionally a data table (an appendix) at the end."""
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    for cell, lines in zip(head.rows[0].cells, (header_left, header_right), strict=True):
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for paragraph in body:
        document.add_paragraph(paragraph)
    if table:
        data = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(data.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def text_docx(text: str) -> bytes:
    """A .docx of a test text: header lines split at the tab into the two columns, up
    to the first blank line; then one paragraph a line."""
    head, _, body = text.partition("\n\n")
    left, right = [], []
    for line in head.splitlines():
        first, _, second = line.partition("\t")
        if first:
            left.append(first)
        if second:
            right.append(second)
    return docx_bytes(
        header_left=left, header_right=right or [""], body=[p for p in body.splitlines() if p]
    )


def _pdf_escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(lines: list[str], *, with_text: bool = True) -> bytes:
    """A one-page PDF whose text layer holds `lines` (WinAnsi: write Vietnamese without
    the letters Latin-1 lacks). `with_text=False` gives a page with only a drawing, as a
    scanned page looks to a text extractor."""
    if with_text:
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 800 Td"]
        ops += [f"({_pdf_escape(line)}) Tj T*" for line in lines]
        ops.append("ET")
    else:
        ops = ["0.5 w", "56 56 m 500 780 l S", "56 780 m 500 56 l S"]
    stream = "\n".join(ops).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def cp1258_bytes(text: str) -> bytes:
    """Text as a Windows-1258 editor saves it: precomposed where the code page has the
    letter (ê, ư, đ), the tone as a combining mark after it (ế = ê + U+0301)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], list(decomposed[1:])
        for mark in list(marks):  # ệ: the circumflex joins the e, the dot stays a mark
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and _encodable(joined):
                base = joined
                marks.remove(mark)
        out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return bytes(out)


def _encodable(ch: str) -> bool:
    try:
        ch.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


# --- legacy Vietnamese fonts: text as a TCVN3 or VNI font stores it ----------------------


def tcvn3_chars(text: str) -> str:
    """Unicode text as typed in a TCVN3 font (.VnTime): one Latin-1 code point a letter.
    Toned capitals have none: type them in small letters in a capitals font (.VnTimeH)."""
    from dangvu.documents.legacy_fonts import _tcvn3_table

    back = {letter: chr(code) for code, letter in _tcvn3_table().items()}
    out = "".join(back.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    if any(ord(ch) > 0xFF for ch in out) or any(
        ch not in back.values() and ord(ch) >= 0x80 for ch in out
    ):
        raise ValueError(f"not typeable in .VnTime (toned capitals need .VnTimeH): {text!r}")
    return out


def vni_chars(text: str) -> str:
    """Unicode text as typed in a VNI font (VNI-Times): a vowel, then its mark."""
    from dangvu.documents.legacy_fonts import _vni_pattern

    back: dict[str, str] = {}
    for legacy, letter in sorted(_vni_pattern()[1].items()):
        same_case = legacy[-1].isupper() == letter.isupper() or len(legacy) == 1
        if same_case or letter not in back:
            back[letter] = legacy
    return "".join(back.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def legacy_docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A .docx of (font name, text as that font stores it) paragraphs, one run each."""
    document = docx.Document()
    for font, text in paragraphs:
        run = document.add_paragraph().add_run(text)
        run.font.name = font
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
