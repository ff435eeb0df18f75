"""Reading the text of an uploaded file: .txt (any encoding Vietnamese offices use),
.docx (paragraphs and tables in document order) and .pdf (its text layer).

Text typed in the legacy TCVN3 (.VnTime) and VNI (VNI-Times) fonts is converted to
Unicode (`legacy_fonts`): in a .docx run by run, from the font each run is drawn in; in
a .txt when its bytes look typed in one of them.

Every failure is an `UnreadableFile` whose message tells an office worker, in
Vietnamese, what is wrong with the file and what to do; nothing here touches the
database or the disk.

The package: `limits` (kinds, sizes, the error), `text`, `word` and `pdf` (one reader
each); this module dispatches on the kind and normalises what they return.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .limits import (
    ACCEPTED_SUFFIXES,
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_MAX_TEXT_CHARS,
    MAX_DOCX_INFLATED,
    MAX_DOCX_XML_PART,
    UnreadableFile,
    max_file_size,
    max_text_chars,
    thousands,
    too_large_message,
    too_long,
)
from .pdf import read_pdf
from .text import read_txt
from .word import read_docx

__all__ = [
    "ACCEPTED_SUFFIXES",
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_MAX_TEXT_CHARS",
    "MAX_DOCX_INFLATED",
    "MAX_DOCX_XML_PART",
    "ReadResult",
    "UnreadableFile",
    "check_name_and_size",
    "max_file_size",
    "max_text_chars",
    "read_bytes",
    "read_path",
    "thousands",
    "too_large_message",
    "too_long",
]


@dataclass(frozen=True)
class ReadResult:
    text: str
    file_kind: str  # "txt", "docx", "pdf"
    encoding: str  # for .txt: the encoding found; else ""
    size: int
    sha256: str


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
        text, encoding = read_txt(data)
    elif kind == "docx":
        text, encoding = read_docx(data)
    else:
        text, encoding = read_pdf(data), ""
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
