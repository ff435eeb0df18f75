"""A .docx to PDF through LibreOffice headless (no Django). See docs/decisions/0006-pdf-route.md:
LibreOffice lays out the same .docx an office opens in Word, with its fonts (Times New
Roman, or the metric-compatible Liberation Serif) and real footnotes at the page foot."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["PdfError", "docx_to_pdf", "soffice_path"]

TIMEOUT_SECONDS = 120


class PdfError(RuntimeError):
    """The PDF could not be made; the message says why in Vietnamese."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> bytes:
    """The PDF of a .docx. Each call uses its own LibreOffice profile, so two conversions
    at the same moment do not wait on one another's lock."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfError(
            "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF: quản trị viên chạy "
            "scripts/ensure-libreoffice; trong lúc chờ, hãy tải bản Word (.docx)."
        )
    with tempfile.TemporaryDirectory(prefix="dangvu-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "van-ban.docx"
        source.write_bytes(data)
        profile = (folder / "profile").as_uri()
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            str(source),
        ]
        env = {**os.environ, "HOME": str(folder)}
        try:
            subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False, env=env
            )
        except subprocess.TimeoutExpired as exc:
            raise PdfError(
                "Xuất PDF quá thời gian chờ: hãy thử lại sau ít phút hoặc tải bản Word (.docx)."
            ) from exc
        target = folder / "van-ban.pdf"
        if not target.exists():
            raise PdfError(
                "LibreOffice không xuất được PDF từ văn bản này: hãy tải bản Word (.docx)."
            )
        return target.read_bytes()
