"""Who owns a register entry: a unit completes and corrects its own documents; a
document of a committee above it or of the Centre stays its issuer's, and a unit that
uploads it registers a received copy (bản nhận) linked to it instead."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.documents.models import Document, DocumentStatus
from dangvu.documents.services import document_update

from .helpers import counts, ingest_text, register
from .texts import PLAN_15, PROGRAM_42, REPORT_27

# ruff: noqa: E501 - a paragraph of a document is one line, as Word saves it
RESOLUTION_21 = """BAN CHẤP HÀNH TRUNG ƯƠNG\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 21-NQ/TW\tHà Nội, ngày 16 tháng 6 năm 2022

NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII
về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới

Bản do một đảng ủy xã gõ lại: nội dung này không phải của Trung ương.
"""


def _central_placeholder() -> Document:
    return Document.objects.get(number="21", type_code="NQ", status=DocumentStatus.PLACEHOLDER)


def _state(doc: Document) -> tuple:
    doc.refresh_from_db()
    return (doc.text, doc.title, doc.status, doc.owner_id, doc.sha256, doc.updated_at)


def test_commune_upload_of_a_central_resolution_leaves_the_central_entry_unchanged(
    tree, users
) -> None:
    ingest_text(PROGRAM_42, users.province_officer)  # cites 21-NQ/TW: a placeholder
    central = _central_placeholder()
    before = _state(central)

    result = ingest_text(RESOLUTION_21, users.a_officer, name="nq-21.txt")

    assert _state(central) == before  # text, title, status, owner, file: as they were
    copy = result.document
    assert result.received_copy and copy.copy_of_id == central.pk
    assert copy.owner == tree.a and copy.status == DocumentStatus.ISSUED
    assert "không phải của Trung ương" in copy.text
    assert copy.identity_key is None and copy.match_key == ""
    assert Document.objects.filter(number="21", type_code="NQ").count() == 2
    entry = AuditEntry.objects.get(action="documents.copy_receive", object_id=copy.pk)
    assert entry.actor == users.a_officer and "nq-21.txt" in entry.summary


def test_units_citing_the_central_resolution_still_find_the_central_entry(tree, users) -> None:
    ingest_text(RESOLUTION_21, users.a_officer)  # no entry yet: a placeholder is made for it
    central = _central_placeholder()
    assert central.text == "" and central.title == ""
    program = ingest_text(PROGRAM_42, users.province_officer)
    cited = {r.target_id for r in program.references if r.type_code == "NQ"}
    assert cited == {central.pk}  # not the commune's copy


def test_second_copy_for_the_same_unit_is_refused_naming_the_first(tree, users) -> None:
    first = ingest_text(RESOLUTION_21, users.a_officer).document
    before = counts()
    with pytest.raises(ValidationError) as refused:
        ingest_text(RESOLUTION_21 + "\nBản thứ hai.", users.a_officer)
    message = refused.value.message_dict["number"][0]
    assert "đã có bản nhận" in message and f"mã {first.pk}" in message
    assert counts() == before


def test_sibling_units_each_hold_their_own_copy(tree, users) -> None:
    a = ingest_text(RESOLUTION_21, users.a_officer).document
    b = ingest_text(RESOLUTION_21, users.b_officer).document  # the same file
    assert {a.owner, b.owner} == {tree.a, tree.b}
    assert a.copy_of_id == b.copy_of_id


def test_a_draft_of_the_centre_is_refused_in_vietnamese(tree, users) -> None:
    with pytest.raises(ValidationError) as refused:
        ingest_text(RESOLUTION_21, users.a_officer, status=DocumentStatus.DRAFT)
    assert "Đã ban hành" in refused.value.message_dict["status"][0]
    assert Document.objects.count() == 0


def test_commune_upload_of_the_provinces_issued_program_is_a_copy(tree, users) -> None:
    program = ingest_text(PROGRAM_42, users.province_officer).document
    before = _state(program)
    same = ingest_text(PROGRAM_42, users.a_officer)  # the very file: the entry itself
    assert not same.created and same.document == program
    copy = ingest_text(PROGRAM_42 + "\nBản sao y của xã.", users.a_officer).document
    assert copy.copy_of == program and copy.owner == tree.a
    assert _state(program) == before


def test_commune_may_not_change_a_central_entry_filled_by_the_system(tree, users) -> None:
    from dangvu.access import SYSTEM

    ingest_text(PROGRAM_42, users.province_officer)
    central = _central_placeholder()
    filled = ingest_text(RESOLUTION_21, SYSTEM, owner=tree.province).document
    assert filled.pk == central.pk and filled.status == DocumentStatus.ISSUED
    with pytest.raises(PermissionDenied) as refused:
        document_update(document=filled, actor=users.province_officer, title="Sửa")
    assert "Trung ương" in str(refused.value)


def test_province_upload_fills_its_placeholder_with_an_audit_row(tree, users) -> None:
    plan = ingest_text(PLAN_15, users.a_officer)
    placeholder = next(r for r in plan.references if r.type_code == "CTr").target
    result = ingest_text(PROGRAM_42, users.province_officer, name="ctr-42.txt")
    assert result.completed_placeholder and result.document.pk == placeholder.pk
    entry = AuditEntry.objects.get(action="documents.document_ingest", object_id=placeholder.pk)
    assert entry.actor == users.province_officer  # who filled it
    assert "ctr-42.txt" in entry.summary and entry.after["original_name"] == "ctr-42.txt"
    assert entry.before["status"] == DocumentStatus.PLACEHOLDER and entry.before["sha256"] == ""
    assert entry.after["status"] == DocumentStatus.ISSUED and entry.after["sha256"]


def test_the_owner_corrects_a_filled_placeholder_a_unit_below_may_not(tree, users) -> None:
    ingest_text(PLAN_15, users.a_officer)
    program = ingest_text(PROGRAM_42, users.province_officer).document
    document_update(document=program, actor=users.province_officer, date=date(2022, 12, 29))
    program.refresh_from_db()
    assert program.date == date(2022, 12, 29)
    assert AuditEntry.objects.filter(
        action="documents.document_update", object_id=program.pk, actor=users.province_officer
    ).exists()
    before = _state(program)
    with pytest.raises(PermissionDenied) as refused:
        document_update(document=program, actor=users.a_officer, title="Trích yếu của xã")
    assert "đơn vị khác quản lý" in str(refused.value)
    assert _state(program) == before


def test_a_sibling_may_not_correct_a_communes_filled_placeholder(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer)  # cites 15-KH/ĐU of commune A
    placeholder = next(r for r in report.references if r.type_code == "KH").target
    plan = ingest_text(PLAN_15, users.a_officer).document
    assert plan.pk == placeholder.pk and plan.owner == tree.a
    document_update(document=plan, actor=users.a_officer, title="kế hoạch (đã sửa)")
    before = _state(plan)
    with pytest.raises(PermissionDenied):
        document_update(document=plan, actor=users.b_officer, title="của xã khác")
    assert _state(plan) == before


def test_sibling_upload_of_a_communes_plan_is_refused_or_a_copy_never_an_overwrite(
    tree, users
) -> None:
    plan = register(users.a_officer, "15-KH/ĐU", date(2023, 1, 10), text="Kế hoạch của xã A")
    before = _state(plan)
    # commune B's ĐU is B itself: B's own 15-KH/ĐU, another document
    other = register(users.b_officer, "15-KH/ĐU", date(2023, 1, 10), text="Kế hoạch của xã B")
    assert other.pk != plan.pk and other.owner == tree.b and other.copy_of is None
    assert _state(plan) == before


# --- the pages ---------------------------------------------------------------------------


def test_upload_page_registers_a_copy_and_says_so_in_vietnamese(tree, users) -> None:
    ingest_text(PROGRAM_42, users.province_officer)
    central = _central_placeholder()
    client = client_for(users.a_officer)
    file = SimpleUploadedFile("nq-21.txt", RESOLUTION_21.encode())
    response = client.post(reverse("documents:document_upload"), {"file": file}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "Đã ghi bản nhận" in page
    assert "bản gốc trong sổ giữ nguyên" in page
    copy = Document.objects.get(copy_of=central)
    assert response.redirect_chain[-1][0] == f"/van-ban/{copy.pk}/"
    assert f'href="/van-ban/{central.pk}/"' in page  # the copy's page links the original
    original = client.get(f"/van-ban/{central.pk}/").content.decode()
    assert f'href="/van-ban/{copy.pk}/"' in original  # and the original lists the copy
    central.refresh_from_db()
    assert central.is_placeholder and central.text == "" and central.owner == tree.province
