""".pdf files: the text layer of each page (a scan without one is refused with what to do)."""

from __future__ import annotations

import io
import logging

from .limits import UnreadableFile, max_text_chars, too_long

__all__ = ["read_pdf"]

logger = logging.getLogger(__name__)


def read_pdf(data: bytes) -> str:
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
