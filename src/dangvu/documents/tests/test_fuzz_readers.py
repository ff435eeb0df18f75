"""Fuzzing the file readers (.txt, .docx, .pdf, and the member import's .xlsx) with
hypothesis: random bytes, damaged real files (bytes flipped, cut, spliced) and zips that
inflate. Every input is read or refused with a Vietnamese message; nothing else is raised,
each input is answered within the deadline and memory stays bounded."""

from __future__ import annotations

import io
import re
import resource
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dangvu.documents.readers import ReadResult, UnreadableFile, read_bytes
from dangvu.members.services.excel import read_rows

from .files import pdf_bytes, text_docx
from .texts import PLAN_15

VIETNAMESE = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
FUZZ = settings(
    max_examples=60,
    database=None,
    deadline=3000,  # ms per input: no reader may take longer
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Giới tính", "Chi bộ", "Ngày vào Đảng"])
    sheet.append(["Nguyễn Văn An", "10/05/1990", "Nam", "Chi bộ Thôn 1", "02/03/2015"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SAMPLES = {
    "txt": PLAN_15.encode(),
    "docx": text_docx(PLAN_15),
    "pdf": pdf_bytes(["BAN CHAP HANH DANG BO", "So 15-KH/DU", "KE HOACH thuc hien"]),
    "xlsx": _xlsx(),
}


@st.composite
def damaged(draw: st.DrawFn, kind: str) -> bytes:
    """A real file with some bytes changed, a piece cut out or random bytes spliced in."""
    data = bytearray(SAMPLES[kind])
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "splice", "truncate"]))
        if op == "flip":
            data[i] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[i : i + draw(st.integers(1, 200))]
        elif op == "splice":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[i:]
        if not data:
            break
    return bytes(data)


def _zip(members: dict[str, int]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, megabytes in members.items():
            archive.writestr(name, b"<a>" + b"A" * (megabytes * 1024 * 1024 + 10))
    return buffer.getvalue()


# Zips (named .docx or .xlsx) with highly compressible members, some inflating far past the
# limits: built once, then damaged by the fuzzer too.
BOMBS = [
    _zip({"word/document.xml": 70}),
    _zip({"word/document.xml": 1, "word/media/x.bin": 40, "word/styles.xml": 40}),
    _zip({"xl/worksheets/sheet1.xml": 70, "[Content_Types].xml": 0}),
    _zip({"word/document.xml": 20}),
]


@st.composite
def inflating_zip(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(BOMBS)))
    if draw(st.booleans()):  # a damaged central directory or local header
        i = draw(st.integers(0, len(data) - 1))
        data[i] ^= draw(st.integers(1, 255))
    return bytes(data)


def _check_read(name: str, data: bytes) -> None:
    try:
        result = read_bytes(name, data)
    except UnreadableFile as refused:
        assert VIETNAMESE.search(refused.message.lower()), refused.message
    else:
        assert isinstance(result, ReadResult) and result.text.strip()


def _check_rows(data: bytes) -> None:
    _rows, problems = read_rows(data)
    for p in problems:
        assert VIETNAMESE.search(p.message.lower()), p.message


@pytest.fixture(scope="module", autouse=True)
def bounded_memory():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 400, f"the readers' peak memory grew by {grown_mb:.0f} MB"


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
@FUZZ
@given(data=st.data())
def test_damaged_files_are_read_or_refused_in_vietnamese(kind, data):
    _check_read(f"van-ban.{kind}", data.draw(damaged(kind)))


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
@FUZZ
@given(blob=st.binary(min_size=0, max_size=4096))
def test_random_bytes_are_refused_in_vietnamese(kind, blob):
    prefix = {"txt": b"", "docx": b"PK\x03\x04", "pdf": b"%PDF-1.4\n"}[kind]
    _check_read(f"van-ban.{kind}", prefix + blob)


@FUZZ
@given(blob=inflating_zip())
def test_inflating_zips_are_refused_before_inflating(blob):
    _check_read("bom.docx", blob)
    _check_rows(blob)


@FUZZ
@given(data=st.data())
def test_damaged_workbooks_are_read_or_refused_in_vietnamese(data):
    _check_rows(data.draw(damaged("xlsx")))


@FUZZ
@given(blob=st.binary(max_size=4096))
def test_random_bytes_as_a_workbook_are_refused_in_vietnamese(blob):
    _check_rows(b"PK\x03\x04" + blob)
