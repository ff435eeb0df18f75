"""What a file may be: the kinds, the sizes and lengths dangvu accepts, and the error
whose Vietnamese message tells an office worker what is wrong and what to do."""

from __future__ import annotations

import sys

__all__ = [
    "ACCEPTED_SUFFIXES",
    "UnreadableFile",
    "max_file_size",
    "max_text_chars",
    "thousands",
    "too_large_message",
    "too_long",
]

ACCEPTED_SUFFIXES = (".txt", ".docx", ".pdf")
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024
# The longest text kept: some 1,000 pages (a 760 KB .docx inflating to 135 M characters was
# stored twice and made its page 193 MB of HTML). settings.DOCUMENTS_MAX_TEXT_CHARS.
DEFAULT_MAX_TEXT_CHARS = 2_000_000
# A .docx is a zip whose members declare their inflated sizes (zipfile never inflates past
# them): refused before inflating when one XML part or all members together are larger.
MAX_DOCX_XML_PART = 32 * 1024 * 1024
MAX_DOCX_INFLATED = 64 * 1024 * 1024


class UnreadableFile(Exception):
    """A file dangvu cannot read; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
