"""A file given to the browser to save: the content type from the name's suffix, and a
Content-Disposition that keeps a Vietnamese file name (RFC 6266 `filename*`)."""

from __future__ import annotations

from pathlib import PurePath

from django.http import HttpResponse
from django.utils.http import content_disposition_header

__all__ = ["CONTENT_TYPES", "download"]

CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".csv": "text/csv; charset=utf-8",
}


def download(data: bytes, filename: str) -> HttpResponse:
    """`data` as an attachment named `filename`; the suffix must be one of CONTENT_TYPES."""
    content_type = CONTENT_TYPES[PurePath(filename).suffix.lower()]
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or ""
    return response
