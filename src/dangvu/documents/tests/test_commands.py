"""`dangvu ingest FILE...` and `dangvu extract [--json] FILE` on each file type."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dangvu.documents.models import Document, DocumentStatus

from .files import pdf_bytes, text_docx
from .texts import NEWS, PLAN_15, PROGRAM_42, REPORT_27


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "42-CTr-TU.txt").write_text(PROGRAM_42, encoding="utf-8")
    (tmp_path / "15-KH-DU.docx").write_bytes(text_docx(PLAN_15))
    (tmp_path / "27-BC-DU.pdf").write_bytes(
        pdf_bytes(["So 27-BC/DU", "Viet Thanh, ngay 20 thang 6 nam 2023", "BAO CAO", "ket qua"])
    )
    (tmp_path / "ghi-chu.md").write_text("not a document")
    return tmp_path


def test_ingest_a_folder_registers_each_file_type(tree, users, folder: Path) -> None:
    out, err = run("ingest", "--user", users.a_officer.username, str(folder))
    assert err == ""
    assert out.count("✓") == 3
    symbols = set(
        Document.objects.exclude(status=DocumentStatus.PLACEHOLDER).values_list(
            "number", "type_code", "file_kind"
        )
    )
    assert symbols == {("42", "CTr", "txt"), ("15", "KH", "docx"), ("27", "BC", "pdf")}
    # the plan (read first) made a placeholder of the program; the program completed it
    plan = Document.objects.get(number="15")
    assert plan.references.filter(target__number="42").count() == 2


def test_ingest_again_reports_the_existing_entries(tree, users, folder: Path) -> None:
    run("ingest", "--user", users.a_officer.username, str(folder))
    count = Document.objects.count()
    out, _ = run("ingest", "--user", users.a_officer.username, str(folder / "15-KH-DU.docx"))
    assert out.startswith("= ") and "đã có trong sổ" in out
    assert Document.objects.count() == count


def test_ingest_reports_bad_files_goes_on_and_fails_at_the_end(
    tree, users, tmp_path: Path, settings
) -> None:
    good = tmp_path / "bc.txt"
    good.write_text(REPORT_27, encoding="utf-8")
    broken = tmp_path / "hong.docx"
    broken.write_bytes(text_docx(PLAN_15)[:700])
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 tệp không ghi được"):
        call_command(
            "ingest",
            "--org",
            str(tree.a.pk),
            str(broken),
            str(empty),
            str(good),
            stdout=out,
            stderr=err,
        )
    assert "hong.docx: Tệp Word (.docx) bị hỏng" in err.getvalue()
    assert "rong.txt: Tệp rỗng" in err.getvalue()
    assert Document.objects.filter(number="27", owner=tree.a).exists()


def test_ingest_needs_a_unit(tree, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(NEWS, encoding="utf-8")
    with pytest.raises(CommandError, match="--org hoặc --user"):
        run("ingest", str(path))


def test_ingest_by_unit_code_as_the_system(tree, tmp_path: Path) -> None:
    path = tmp_path / "tin.txt"
    path.write_text(NEWS, encoding="utf-8")
    out, _ = run("ingest", "--org", "D1", "--status", "issued", str(path))
    assert out.startswith("✓")
    doc = Document.objects.get(original_name="tin.txt")
    assert doc.owner == tree.d1 and doc.status == DocumentStatus.ISSUED and doc.created_by is None


def test_extract_json_of_a_docx_has_the_label_keys(tree, tmp_path: Path) -> None:
    path = tmp_path / "15-KH-DU.docx"
    path.write_bytes(text_docx(PLAN_15))
    out, _ = run("extract", "--json", str(path))
    data = json.loads(out)
    assert data["source"] == "15-KH-DU.docx"
    assert {"references", "figures", "deadlines", "people", "period", "own_document"} <= set(data)
    assert data["own_document"]["number"] == "15"
    assert any(r["number"] == "42" and r["type_code"] == "CTr" for r in data["references"])
    assert all({"start", "end", "text"} <= set(r) for r in data["references"])


def test_extract_summary_of_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "bc.pdf"
    path.write_bytes(pdf_bytes(["Thuc hien Ke hoach so 15-KH/DU, ngay 10/01/2023 cua Dang uy xa"]))
    out, _ = run("extract", str(path))
    assert "Văn bản được dẫn chiếu: 1" in out and "15-KH/ĐU" in out


def test_extract_refuses_a_bad_file_with_its_message(tmp_path: Path) -> None:
    path = tmp_path / "rac.pdf"
    path.write_bytes(b"\x00\x01" * 100)
    with pytest.raises(CommandError, match="không phải PDF"):
        run("extract", str(path))
