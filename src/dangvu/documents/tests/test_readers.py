"""Reading .txt (encodings), .docx (paragraphs and tables in order) and .pdf (text
layer), and refusing every kind of bad file with a message an office worker can act on."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from dangvu.documents import readers
from dangvu.documents.readers import UnreadableFile, read_bytes, read_path

from .files import cp1258_bytes, docx_bytes, pdf_bytes, text_docx
from .texts import PLAN_15


def refused(name: str, data: bytes) -> str:
    with pytest.raises(UnreadableFile) as exc:
        read_bytes(name, data)
    return exc.value.message


# --- .txt ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (PLAN_15.encode("utf-8"), "utf-8"),
        (PLAN_15.encode("utf-8-sig"), "utf-8-sig"),
        (PLAN_15.encode("utf-16"), "utf-16"),
        (cp1258_bytes(PLAN_15), "cp1258"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1258"],
)
def test_txt_in_each_encoding_offices_use_reads_the_same_text(data: bytes, encoding: str) -> None:
    result = read_bytes("ke-hoach.txt", data)
    assert result.text == PLAN_15
    assert result.encoding == encoding
    assert result.file_kind == "txt"
    assert len(result.sha256) == 64


def test_windows_line_endings_and_decomposed_letters_are_normalised() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Kế hoạch số 15-KH/ĐU\r\nĐảng ủy xã")
    assert read_bytes("a.txt", nfd.encode("utf-8")).text == "Kế hoạch số 15-KH/ĐU\nĐảng ủy xã"


def test_utf16_without_bom_is_refused_as_not_plain_text() -> None:
    message = refused("a.txt", PLAN_15.encode("utf-16-le"))
    assert "UTF-16" in message and "UTF-8" in message


def test_binary_bytes_named_txt_are_refused() -> None:
    message = refused("a.txt", os.urandom(4096) + b"\x00")
    assert "không phải văn bản thuần" in message


def test_undecodable_bytes_are_refused_with_the_way_to_fix_them() -> None:
    message = refused("a.txt", bytes(range(0x80, 0x100)) * 8)
    assert "Không nhận ra bảng mã" in message and "UTF-8" in message


def test_empty_file_is_refused() -> None:
    assert "Tệp rỗng" in refused("a.txt", b"")


def test_white_space_only_file_is_refused() -> None:
    assert "không có chữ" in refused("a.txt", b"  \n\t\n")


def test_unknown_kinds_are_refused_by_name() -> None:
    assert ".txt, .docx hoặc .pdf" in refused("bang-tinh.xlsx", b"PK\x03\x04")
    assert "Word 97-2003" in refused("cu.doc", b"\xd0\xcf\x11\xe0")


# --- .docx -----------------------------------------------------------------------------


def test_docx_header_table_gives_each_cell_its_own_lines() -> None:
    text = read_bytes("ke-hoach.docx", text_docx(PLAN_15)).text
    lines = text.splitlines()
    assert "Số 15-KH/ĐU" in lines
    assert "Việt Thành, ngày 10 tháng 01 năm 2023" in lines
    assert lines.index("KẾ HOẠCH") < lines.index(
        "thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy"
    )


def test_docx_data_table_rows_are_tab_separated_in_document_order() -> None:
    data = docx_bytes(
        header_left=["ĐẢNG ỦY XÃ VIỆT THÀNH", "*", "Số 27-BC/ĐU"],
        header_right=["ĐẢNG CỘNG SẢN VIỆT NAM"],
        body=["BÁO CÁO", "kết quả 6 tháng đầu năm 2023", "Phụ lục số liệu:"],
        table=[["Chi bộ", "Đảng viên"], ["Thôn 1", "23"]],
    )
    text = read_bytes("bao-cao.docx", data).text
    assert text.index("Phụ lục số liệu:") < text.index("Chi bộ\tĐảng viên")
    assert "Thôn 1\t23" in text.splitlines()


def test_truncated_docx_is_refused() -> None:
    data = text_docx(PLAN_15)
    assert "bị hỏng" in refused("ke-hoach.docx", data[: len(data) // 2])


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "không phải văn bản Word" in refused("bang.docx", buffer.getvalue())


def test_docx_that_is_not_a_zip_is_refused() -> None:
    assert "không phải Word" in refused("ke-hoach.docx", PLAN_15.encode())


def test_docx_inflating_past_the_limit_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>" + " " * (33 * 1024 * 1024))
    assert "giải nén lớn bất thường" in refused("bom.docx", buffer.getvalue())


# --- .pdf ------------------------------------------------------------------------------


def test_pdf_text_layer_is_read() -> None:
    lines = ["So 27-BC/DU", "Viet Thanh, ngay 20 thang 6 nam 2023", "Ke hoach so 15-KH/DU (2023)"]
    result = read_bytes("bao-cao.pdf", pdf_bytes(lines))
    assert result.text.splitlines() == lines
    assert result.file_kind == "pdf"


def test_scanned_pdf_without_text_layer_is_refused_with_a_clear_message() -> None:
    assert "không có lớp chữ" in refused("scan.pdf", pdf_bytes([], with_text=False))


def test_random_bytes_named_pdf_are_refused() -> None:
    assert "không phải PDF" in refused("x.pdf", os.urandom(5000))


def test_damaged_pdf_is_refused() -> None:
    assert "PDF bị hỏng" in refused("x.pdf", b"%PDF-1.4\n" + os.urandom(3000))


# --- size ------------------------------------------------------------------------------


def test_oversize_file_is_refused_by_its_size(settings) -> None:
    settings.DOCUMENTS_MAX_FILE_SIZE = 1024
    message = refused("lon.txt", b"a" * 1025)
    assert "Tệp quá lớn" in message and "1,0" in message


def test_oversize_file_on_disk_is_refused_before_it_is_read(
    settings, tmp_path: Path, monkeypatch
) -> None:
    settings.DOCUMENTS_MAX_FILE_SIZE = 1024
    path = tmp_path / "lon.pdf"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # 200 MB, sparse: costs no disk

    def not_read(self: Path) -> bytes:
        raise AssertionError("read a file that is over the limit")

    monkeypatch.setattr(Path, "read_bytes", not_read)
    with pytest.raises(UnreadableFile) as exc:
        read_path(path)
    assert "Tệp quá lớn" in exc.value.message and "200,0" in exc.value.message


def test_default_limit_is_twenty_megabytes() -> None:
    assert readers.max_file_size() == 20 * 1024 * 1024
