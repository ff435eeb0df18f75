"""Registering files and details: the header makes the entry, findings are stored, every
reference is linked, placeholders are created and later completed, and a refused
registration leaves nothing behind (no row, no audit entry, no file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.core.models import AuditEntry
from dangvu.documents.models import (
    Document,
    DocumentKind,
    DocumentRelation,
    DocumentStatus,
    FindingKind,
    RelationKind,
)
from dangvu.documents.readers import UnreadableFile
from dangvu.documents.services import document_ingest, document_register

from .conftest import stored_files
from .files import pdf_bytes, text_docx
from .helpers import counts, ingest_text, register
from .texts import NEWS, PLAN_15, PROGRAM_42, REPORT_27

# --- each file type --------------------------------------------------------------------


def test_txt_header_makes_the_entry_and_findings_are_stored(tree, users) -> None:
    result = ingest_text(PROGRAM_42, users.province_officer, name="42-CTr-TU.txt")
    doc = result.document
    assert (doc.type_code, doc.type_name, doc.number, doc.issuer_code) == (
        "CTr",
        "Chương trình hành động",
        "42",
        "TU",
    )
    assert doc.symbol == "42-CTr/TU"
    assert doc.date == date(2022, 12, 28)
    assert doc.place == "Yên Bái"
    assert doc.title.startswith("thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022")
    assert doc.status == DocumentStatus.ISSUED
    assert doc.issuer == tree.province and doc.owner == tree.province
    assert doc.file_kind == "txt" and doc.original_name == "42-CTr-TU.txt"
    kinds = sorted(doc.findings.values_list("kind", flat=True))
    assert FindingKind.DEADLINE in kinds and FindingKind.FIGURE in kinds
    deadline = doc.findings.get(kind=FindingKind.DEADLINE)
    assert deadline.data["date"] == "2023-02-15"
    assert PROGRAM_42[deadline.start : deadline.end] == deadline.text
    # the header's own number is not a reference; both mentions of 21-NQ/TW are
    assert [r.symbol for r in result.references] == ["21-NQ/TW", "21-NQ/TW"]
    assert AuditEntry.objects.filter(action="documents.document_ingest", object_id=doc.pk).exists()


def test_docx_is_ingested_from_its_header_table(tree, users) -> None:
    result = document_ingest(name="KH 15.docx", data=text_docx(PLAN_15), actor=users.a_officer)
    doc = result.document
    assert doc.symbol == "15-KH/ĐU"
    assert doc.date == date(2023, 1, 10)
    assert doc.issuer == tree.a and doc.owner == tree.a
    assert doc.title == "thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy"
    assert doc.file_kind == "docx"
    for ref in result.references:
        assert doc.text[ref.start : ref.end] == ref.text


def test_pdf_is_ingested_from_its_text_layer(tree, users) -> None:
    lines = [
        "DANG UY XA VIET THANH",
        "So 27-BC/DU",
        "Viet Thanh, ngay 20 thang 6 nam 2023",
        "BAO CAO",
        "ket qua thuc hien cong tac xay dung Dang 6 thang dau nam 2023",
        "Thuc hien Ke hoach so 15-KH/DU, ngay 10/01/2023 cua Dang uy xa, ket nap 9 dang vien moi.",
    ]
    result = document_ingest(name="bc27.pdf", data=pdf_bytes(lines), actor=users.a_officer)
    doc = result.document
    assert (doc.number, doc.type_code, doc.issuer_code, doc.date) == (
        "27",
        "BC",
        "ĐU",
        date(2023, 6, 20),
    )
    assert doc.file_kind == "pdf"
    assert doc.title == "ket qua thuc hien cong tac xay dung Dang 6 thang dau nam 2023"
    (ref,) = result.references
    assert ref.target.symbol == "15-KH/ĐU" and ref.target.is_placeholder


def test_text_without_header_is_kept_as_a_draft_titled_by_its_first_line(tree, users) -> None:
    doc = ingest_text(NEWS, users.d1_officer, name="tin-bai.txt").document
    assert doc.number == "" and doc.identity_key is None
    assert doc.status == DocumentStatus.DRAFT
    assert doc.title == "Hội nghị sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023"
    assert doc.owner == tree.d1


def test_original_is_written_under_media_root_on_commit(
    tree, users, media_root: Path, django_capture_on_commit_callbacks
) -> None:
    data = text_docx(PLAN_15)
    with django_capture_on_commit_callbacks(execute=True):
        doc = document_ingest(name="kh.docx", data=data, actor=users.a_officer).document
    path = media_root / doc.original_file.name
    assert path.read_bytes() == data
    assert doc.original_file.name == f"van-ban/{doc.sha256[:2]}/{doc.sha256}.docx"


def test_same_file_again_returns_the_entry_without_a_duplicate(tree, users) -> None:
    first = ingest_text(PLAN_15, users.a_officer)
    before = counts()
    again = ingest_text(PLAN_15, users.a_leader, name="ban-sao.txt")
    assert again.document == first.document and not again.created
    assert counts() == before


def test_same_number_and_date_from_another_file_is_refused(tree, users) -> None:
    ingest_text(PLAN_15, users.a_officer)
    before = counts()
    with pytest.raises(ValidationError) as exc:
        ingest_text(PLAN_15 + "\nBản có chỉnh sửa.", users.a_officer)
    assert "đã có trong sổ văn bản" in exc.value.message_dict["number"][0]
    assert counts() == before


# --- linking and placeholders ----------------------------------------------------------


def test_reference_to_an_unregistered_document_creates_a_placeholder(tree, users) -> None:
    result = ingest_text(PLAN_15, users.a_officer)
    program = next(r for r in result.references if r.type_code == "CTr").target
    assert program.is_placeholder
    assert (program.symbol, program.date) == ("42-CTr/TU", date(2022, 12, 28))
    assert program.issuer == tree.province and program.owner == tree.province
    assert program.title == ""
    resolution = next(r for r in result.references if r.type_code == "NQ").target
    assert resolution.symbol == "21-NQ/TW" and resolution.date is None
    assert {p.pk for p in result.placeholders} == {program.pk, resolution.pk}
    assert AuditEntry.objects.filter(action="documents.placeholder_create").count() == 2


def test_placeholder_is_completed_in_place_when_the_document_arrives(tree, users) -> None:
    plan = ingest_text(PLAN_15, users.a_officer)
    placeholder = next(r for r in plan.references if r.type_code == "CTr").target
    program = ingest_text(PROGRAM_42, users.province_officer)
    assert program.completed_placeholder
    assert program.document.pk == placeholder.pk
    placeholder.refresh_from_db()
    assert placeholder.status == DocumentStatus.ISSUED
    assert placeholder.title.startswith("thực hiện Nghị quyết số 21-NQ/TW")
    assert Document.objects.filter(number="42").count() == 1


def test_undated_placeholder_takes_the_date_found_later(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer)
    plan_ref = next(r for r in report.references if r.type_code == "KH")
    assert plan_ref.target.is_placeholder and plan_ref.target.date is None
    plan = ingest_text(PLAN_15, users.a_officer).document
    assert plan.pk == plan_ref.target_id
    assert plan.date == date(2023, 1, 10) and plan.status == DocumentStatus.ISSUED


def test_a_dated_reference_completes_an_undated_placeholder(tree, users) -> None:
    first = register(
        users.province_officer,
        "50-KH/TU",
        date(2023, 3, 1),
        text="Thực hiện Chương trình hành động số 42-CTr/TU của Tỉnh ủy, ...",
    )
    placeholder = first.references.get().target
    assert placeholder.date is None
    second = register(
        users.province_officer,
        "51-KH/TU",
        date(2023, 3, 5),
        text="Căn cứ Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy, ...",
    )
    assert second.references.get().target_id == placeholder.pk
    placeholder.refresh_from_db()
    assert placeholder.date == date(2022, 12, 28)


def test_undated_reference_names_the_most_recent_document_not_after_the_citing_one(
    tree, users
) -> None:
    old = register(users.a_officer, "15-KH/ĐU", date(2018, 3, 2), title="kế hoạch nhiệm kỳ trước")
    new = register(users.a_officer, "15-KH/ĐU", date(2023, 1, 10), title="kế hoạch nhiệm kỳ này")
    in_2023 = ingest_text(REPORT_27, users.a_officer).references
    assert next(r for r in in_2023 if r.type_code == "KH").target == new
    report_2022 = register(
        users.a_officer,
        "30-BC/ĐU",
        date(2022, 12, 1),
        text="Thực hiện Kế hoạch số 15-KH/ĐU của Đảng ủy xã, ...",
    )
    assert report_2022.references.get().target == old


def test_a_later_arrival_relinks_undated_references_to_the_more_recent_document(
    tree, users
) -> None:
    old = register(users.a_officer, "15-KH/ĐU", date(2018, 3, 2))
    report = ingest_text(REPORT_27, users.a_officer).document
    ref = report.references.get(type_code="KH")
    assert ref.target == old
    new = ingest_text(PLAN_15, users.a_officer).document
    ref.refresh_from_db()
    assert ref.target == new
    assert AuditEntry.objects.filter(action="documents.reference_relink").count() == 1


def test_document_dated_after_every_citation_does_not_complete_the_placeholder(tree, users) -> None:
    early = register(
        users.a_officer,
        "10-BC/ĐU",
        date(2022, 5, 1),
        text="Thực hiện Kế hoạch số 15-KH/ĐU của Đảng ủy xã, ...",
    )
    placeholder = early.references.get().target
    plan = ingest_text(PLAN_15, users.a_officer).document
    assert plan.pk != placeholder.pk
    placeholder.refresh_from_db()
    assert placeholder.is_placeholder and placeholder.date is None
    assert early.references.get().target_id == placeholder.pk


def test_same_symbol_of_two_communes_names_two_documents(tree, users) -> None:
    plan_a = ingest_text(PLAN_15, users.a_officer).document
    plan_b = register(users.b_officer, "15-KH/ĐU", date(2023, 1, 10), title="kế hoạch xã Hòa Cuông")
    assert plan_a.issuer == tree.a and plan_b.issuer == tree.b
    citing_b = register(
        users.b_officer,
        "20-BC/ĐU",
        date(2023, 6, 1),
        text="Thực hiện Kế hoạch số 15-KH/ĐU của Đảng ủy xã, ...",
    )
    assert citing_b.references.get().target == plan_b


def test_program_of_the_province_is_one_entry_for_every_commune(tree, users) -> None:
    plan_a = ingest_text(PLAN_15, users.a_officer)
    plan_c = register(
        users.province_officer,
        "08-KH/ĐU",
        date(2023, 1, 12),
        owner=tree.c,
        text="Thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy",
    )
    program = next(r for r in plan_a.references if r.type_code == "CTr").target
    assert plan_c.references.get().target == program


def test_state_document_is_registered_as_a_placeholder_in_its_own_form(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer)
    decree = next(r for r in report.references if r.kind == DocumentKind.STATE)
    assert (decree.number, decree.year, decree.type_code, decree.issuer_code) == (
        "33",
        2023,
        "NĐ",
        "CP",
    )
    assert decree.target.symbol == "33/2023/NĐ-CP"
    assert decree.target.kind == DocumentKind.STATE and decree.target.issuer is None


def test_title_stating_implementation_records_the_relation(tree, users) -> None:
    plan = ingest_text(PLAN_15, users.a_officer)
    (relation,) = plan.relations
    assert relation.kind == RelationKind.IMPLEMENTS
    assert relation.target.symbol == "42-CTr/TU"
    # 21-NQ/TW is only cited further on: no relation
    assert DocumentRelation.objects.count() == 1


def test_registered_by_details_links_the_references_of_its_text(tree, users) -> None:
    result = document_register(
        actor=users.province_officer,
        type_code="KH",
        number="126",
        issuer_code="tu",
        date=date(2023, 4, 4),
        title="triển khai đợt sinh hoạt chính trị",
        text="Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, ...",
    )
    assert result.document.issuer_code == "TU" and result.document.owner == tree.province
    assert [r.target.symbol for r in result.references] == ["05-CT/TW"]


# --- refusals leave nothing behind -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("hong.docx", text_docx(PLAN_15)[:900]),
        ("rac.pdf", bytes(range(256)) * 20),
        ("rong.txt", b""),
        ("utf16.txt", PLAN_15.encode("utf-16-le")),
        ("scan.pdf", pdf_bytes([], with_text=False)),
    ],
)
def test_bad_file_stores_nothing(tree, users, media_root: Path, name: str, data: bytes) -> None:
    before = (*counts(), AuditEntry.objects.count())
    with pytest.raises(UnreadableFile):
        document_ingest(name=name, data=data, actor=users.a_officer)
    assert (*counts(), AuditEntry.objects.count()) == before
    assert stored_files(media_root) == []


def test_oversize_upload_stores_nothing(tree, users, settings, media_root: Path) -> None:
    settings.DOCUMENTS_MAX_FILE_SIZE = 100
    with pytest.raises(UnreadableFile, match="Tệp quá lớn"):
        ingest_text(PLAN_15, users.a_officer)
    assert Document.objects.count() == 0 and stored_files(media_root) == []


def test_refusal_after_the_write_rolls_back_and_leaves_no_file(
    tree, users, media_root: Path, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    """The register flow's next step (tracking) refuses: the entry, its audit row and the
    stored original all go."""
    from dangvu.flows import register as flow

    def refuse(**kwargs) -> None:
        raise ValidationError("Hệ thống theo dõi nhiệm vụ từ chối.")

    monkeypatch.setattr(flow, "assignments_note_document", refuse)
    before = (*counts(), AuditEntry.objects.count())
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        flow.document_ingest(name="kh.docx", data=text_docx(PLAN_15), actor=users.a_officer)
    assert (*counts(), AuditEntry.objects.count()) == before
    assert stored_files(media_root) == []


def test_the_register_flow_gives_tracking_the_new_entry_and_its_references(
    tree, users, monkeypatch
) -> None:
    from dangvu.flows import register as flow

    seen = []
    monkeypatch.setattr(flow, "assignments_note_document", lambda **kw: seen.append(kw))
    data = PLAN_15.encode("utf-8")
    result = flow.document_ingest(name="kh.txt", data=data, actor=users.a_officer)
    assert seen == [{"result": result, "actor": users.a_officer}]
    assert result.references
    again = flow.document_ingest(name="kh-2.txt", data=data, actor=users.a_officer)
    assert not again.created and len(seen) == 1  # the same file again: nothing new to note
    details = flow.document_register(
        actor=users.a_officer, type_code="KH", number="16", issuer_code="ĐU", date=date(2023, 1, 5)
    )
    assert seen[1] == {"result": details, "actor": users.a_officer}


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("number", {"number": "15a", "type_code": "KH", "issuer_code": "ĐU"}),
        ("issuer_code", {"number": "15", "type_code": "KH", "issuer_code": ""}),
        ("type_code", {"number": "15", "type_code": "", "issuer_code": "ĐU"}),
    ],
)
def test_register_refuses_a_malformed_symbol_naming_the_field(tree, users, field, kwargs) -> None:
    before = counts()
    with pytest.raises(ValidationError) as exc:
        document_register(actor=users.a_officer, date=date(2023, 1, 1), **kwargs)
    assert field in exc.value.message_dict
    assert counts() == before


# --- who may register ------------------------------------------------------------------


def test_viewer_may_not_register(tree, users) -> None:
    with pytest.raises(PermissionDenied):
        ingest_text(PLAN_15, users.a_viewer)
    assert Document.objects.count() == 0


def test_officer_may_not_register_for_a_sibling_unit(tree, users) -> None:
    with pytest.raises(PermissionDenied):
        register(users.b_officer, "15-KH/ĐU", date(2023, 1, 10), owner=tree.a)


def test_commune_registers_the_provinces_program_as_a_received_copy(tree, users) -> None:
    result = ingest_text(PROGRAM_42, users.a_officer)
    copy = result.document
    assert result.received_copy and copy.owner == tree.a and copy.status == DocumentStatus.ISSUED
    original = copy.copy_of
    assert original.owner == tree.province and original.is_placeholder and original.text == ""
    assert original in result.placeholders


def test_header_naming_a_unit_below_gives_the_document_to_it(tree, users) -> None:
    plan = ingest_text(PLAN_15, users.a_officer).document
    # the district office registers a report it received from commune A
    report = ingest_text(REPORT_27, users.d1_officer).document
    assert report.issuer == tree.a and report.owner == tree.a
    assert report.references.get(type_code="KH").target == plan


def test_header_naming_no_known_unit_falls_back_to_the_registering_unit(tree, users) -> None:
    text = REPORT_27.replace("ĐẢNG ỦY XÃ VIỆT THÀNH", "ĐẢNG ỦY XÃ KHÔNG CÓ")
    report = ingest_text(text, users.d1_officer).document
    assert report.issuer is None and report.owner == tree.d1


def test_commune_may_not_register_a_draft_of_the_province(tree, users) -> None:
    with pytest.raises(ValidationError) as exc:
        ingest_text(PROGRAM_42, users.a_officer, status=DocumentStatus.DRAFT)
    assert "status" in exc.value.message_dict
    assert Document.objects.count() == 0
