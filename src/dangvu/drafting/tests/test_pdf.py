"""The PDF route: LibreOffice lays out the same pages, text and footnotes as the .docx."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pytest

from dangvu.documents.readers import read_bytes
from dangvu.drafting.pdf import docx_to_pdf, soffice_path
from dangvu.drafting.render import render_docx

from .factories import sample_report

pytestmark = pytest.mark.skipif(
    soffice_path() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and pdftotext are installed by scripts/ensure-libreoffice",
)


def _pdf_pages(pdf: bytes) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return out.split("\f")[:-1]


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[^\W\d_]+|\d+", text.replace("\u00a0", " ")))


def test_pdf_has_the_docx_text_page_by_page():
    data = render_docx(sample_report())
    pages = _pdf_pages(docx_to_pdf(data))
    assert len(pages) == 2  # the report, then the appendix on its own page
    docx_text = read_bytes("r.docx", data).text
    pdf_words = _words("\n".join(pages))
    # the PDF adds what Word computes: the page number "2" and the footnote's mark "1"
    pdf_words.subtract({"1": 1, "2": 1})
    assert +pdf_words == _words(docx_text)
    first, second = pages
    assert "Số 27-BC/ĐU" in first and "Yên Bái, ngày 29 tháng 6 năm 2023" in first
    assert "1 Chương trình hành động số 42-CTr/TU" in first  # the footnote at the page foot
    assert "PHỤ LỤC" in second and "PHỤ LỤC" not in first
    assert second.strip().startswith("2")  # page numbers from page 2


def test_pdf_embeds_a_times_new_roman_metric_font():
    pdf = docx_to_pdf(render_docx(sample_report()))
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout
    assert re.search(rb"TimesNewRoman|LiberationSerif", fonts)
