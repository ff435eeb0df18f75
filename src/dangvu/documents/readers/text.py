""".txt files: any encoding Vietnamese offices use (the Unicode forms with or without a
BOM, Windows-1258, and the legacy TCVN3 and VNI fonts' bytes, converted by `legacy_fonts`)."""

from __future__ import annotations

import codecs
import unicodedata

from .. import legacy_fonts
from .limits import UnreadableFile, max_text_chars, too_long

__all__ = ["read_txt"]

# Characters of decoded text that hint at a wrong guess of the encoding.
_SUSPICIOUS_RATIO = 0.01

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


def read_txt(data: bytes) -> tuple[str, str]:
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
