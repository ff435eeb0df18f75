"""The register's pages: the permission matrix of every page, upload of each file type
and of bad files, search without diacritics, highlights, corrections, query counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.core.testing import client_for
from dangvu.documents.models import (
    Document,
    DocumentRelation,
    DocumentStatus,
    FindingKind,
    RelationKind,
)

from .conftest import stored_files
from .files import pdf_bytes, text_docx
from .helpers import counts, ingest_text, register
from .texts import PLAN_15, PROGRAM_42, REPORT_27

LOGIN = "/tai-khoan/dang-nhap/"


@pytest.fixture
def docs(tree, users) -> SimpleNamespace:
    program = ingest_text(PROGRAM_42, users.province_officer).document
    plan = ingest_text(PLAN_15, users.a_officer).document
    report = ingest_text(REPORT_27, users.a_officer).document
    return SimpleNamespace(
        program=program,
        plan=plan,
        report=report,
        figure=report.findings.filter(kind=FindingKind.FIGURE).first(),
        reference=report.references.get(type_code="KH"),
        relation=plan.relations_out.get(),
    )


def matrix(users) -> dict[str, object]:
    return {
        "anonymous": None,
        "other unit": users.b_officer,
        "own unit, viewer": users.a_viewer,
        "own unit, officer": users.a_officer,
        "superior": users.province_officer,
    }


def check(url: str, users, expected: dict[str, int], *, method: str = "get") -> None:
    for who, user in matrix(users).items():
        response = getattr(client_for(user), method)(url)
        want = expected[who]
        assert response.status_code == want, f"{who}: {response.status_code} != {want} ({url})"
        if want == 302 and user is None:
            assert response.url.startswith(LOGIN), who
        if want == 403:
            assert "Không có quyền truy cập" in response.content.decode(), who


READ = {
    "anonymous": 302,
    "other unit": 403,
    "own unit, viewer": 200,
    "own unit, officer": 200,
    "superior": 200,
}
WRITE = {**READ, "own unit, viewer": 403}


def test_detail_page_permission_matrix(docs, users) -> None:
    check(reverse("documents:document_detail", args=[docs.plan.pk]), users, READ)


def test_refusal_shows_no_data_of_the_document(docs, users) -> None:
    url = reverse("documents:document_detail", args=[docs.plan.pk])
    body = client_for(users.b_officer).get(url).content.decode()
    assert "42-CTr/TU" not in body and "15-KH/ĐU" not in body


def test_missing_original_is_a_404_not_a_crash(docs, users) -> None:
    # the fixture's registrations were never committed, so their files were not written
    url = reverse("documents:document_file", args=[docs.plan.pk])
    assert client_for(users.a_officer).get(url).status_code == 404


def test_file_download_serves_the_original_under_its_name(
    tree, users, django_capture_on_commit_callbacks
) -> None:
    data = text_docx(PLAN_15)
    with django_capture_on_commit_callbacks(execute=True):
        from dangvu.documents.services import document_ingest

        doc = document_ingest(name="KH 15 Việt Thành.docx", data=data, actor=users.a_officer)
    url = reverse("documents:document_file", args=[doc.document.pk])
    check(
        url,
        users,
        {
            "anonymous": 302,
            "other unit": 403,
            "own unit, viewer": 200,
            "own unit, officer": 200,
            "superior": 200,
        },
    )
    response = client_for(users.a_viewer).get(url)
    assert b"".join(response.streaming_content) == data
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    "name",
    ["document_edit", "relation_add"],
)
def test_document_write_pages_permission_matrix(docs, users, name: str) -> None:
    check(reverse(f"documents:{name}", args=[docs.plan.pk]), users, WRITE)


def test_finding_correct_permission_matrix(docs, users) -> None:
    check(reverse("documents:finding_correct", args=[docs.figure.pk]), users, WRITE)


def test_reference_correct_permission_matrix(docs, users) -> None:
    check(reverse("documents:reference_correct", args=[docs.reference.pk]), users, WRITE)


def test_upload_page_permission_matrix(docs, users) -> None:
    url = reverse("documents:document_upload")
    check(
        url,
        users,
        {
            "anonymous": 302,
            "other unit": 200,
            "own unit, viewer": 403,
            "own unit, officer": 200,
            "superior": 200,
        },
    )


def test_relation_remove_is_refused_to_another_unit(docs, users) -> None:
    url = reverse("documents:relation_remove", args=[docs.relation.pk])
    assert client_for(None).post(url).status_code == 302
    assert client_for(users.b_officer).post(url).status_code == 403
    assert client_for(users.a_viewer).post(url).status_code == 403
    assert DocumentRelation.objects.filter(pk=docs.relation.pk).exists()
    assert client_for(users.a_officer).post(url).status_code == 302
    assert not DocumentRelation.objects.filter(pk=docs.relation.pk).exists()


def test_list_shows_each_unit_its_scope(docs, users) -> None:
    url = reverse("documents:document_list")
    assert client_for(None).get(url).url.startswith(LOGIN)
    draft = register(users.a_officer, "16-KH/ĐU", date(2023, 2, 1), status=DocumentStatus.DRAFT)
    seen_by_b = client_for(users.b_officer).get(url).content.decode()
    assert "42-CTr/TU" in seen_by_b  # the province's program
    assert "15-KH/ĐU" not in seen_by_b and draft.symbol not in seen_by_b
    seen_by_a = client_for(users.a_viewer).get(url).content.decode()
    assert "15-KH/ĐU" in seen_by_a and "16-KH/ĐU" in seen_by_a
    seen_by_province = client_for(users.province_leader).get(url).content.decode()
    assert "16-KH/ĐU" in seen_by_province


# --- the register list -----------------------------------------------------------------


def test_search_ignores_diacritics_over_title_and_text(docs, users) -> None:
    url = reverse("documents:document_list")
    client = client_for(users.a_officer)
    body = client.get(url, {"q": "sinh hoat chuyen de"}).content.decode()
    assert "27-BC/ĐU" in body and "15-KH/ĐU" not in body
    body = client.get(url, {"q": "CHUONG TRINH HANH DONG 42-ctr/tu"}).content.decode()
    assert "15-KH/ĐU" in body and "42-CTr/TU" in body and "27-BC/ĐU" not in body


def test_filters_by_type_status_and_date(docs, users) -> None:
    url = reverse("documents:document_list")
    client = client_for(users.province_leader)
    body = client.get(url, {"loai": "KH"}).content.decode()
    assert "15-KH/ĐU" in body and "27-BC/ĐU" not in body
    body = client.get(url, {"trang_thai": "placeholder"}).content.decode()
    assert "21-NQ/TW" in body and "15-KH/ĐU" not in body
    body = client.get(url, {"tu_ngay": "1/6/2023", "den_ngay": "30/6/2023"}).content.decode()
    assert "27-BC/ĐU" in body and "15-KH/ĐU" not in body
    body = client.get(url, {"to_chuc": str(users.a_officer.organization_id)}).content.decode()
    program_link = f'href="/van-ban/{docs.program.pk}/"'
    assert "27-BC/ĐU" in body and program_link not in body


def test_bad_date_filter_is_reported_not_a_crash(docs, users) -> None:
    response = client_for(users.a_officer).get(
        reverse("documents:document_list"), {"tu_ngay": "31/2/2023"}
    )
    assert response.status_code == 200
    assert "Ngày không hợp lệ" in response.content.decode()


def test_list_query_count_does_not_grow_with_rows(tree, users, django_assert_num_queries) -> None:
    client = client_for(users.a_officer)
    url = reverse("documents:document_list")
    for n in range(3):
        register(users.a_officer, f"{n + 1}-TB/ĐU", date(2023, 3, n + 1), title=f"thông báo {n}")
    client.get(url)  # warm the session
    with django_assert_num_queries(8):
        client.get(url)
    for n in range(3, 30):
        register(users.a_officer, f"{n + 1}-TB/ĐU", date(2023, 3, 1), title=f"thông báo {n}")
    with django_assert_num_queries(8):
        response = client.get(url)
    assert response.content.decode().count("-TB/ĐU") >= 30


# --- upload ----------------------------------------------------------------------------


def upload(user, name: str, data: bytes, **fields):
    file = SimpleUploadedFile(name, data)
    return client_for(user).post(reverse("documents:document_upload"), {"file": file, **fields})


@pytest.mark.parametrize(
    ("name", "data", "symbol"),
    [
        ("ke-hoach.docx", text_docx(PLAN_15), "15-KH/ĐU"),
        ("bao-cao.txt", REPORT_27.encode("utf-8"), "27-BC/ĐU"),
        (
            "bao-cao.pdf",
            pdf_bytes(["So 28-BC/DU", "Viet Thanh, ngay 21 thang 6 nam 2023", "BAO CAO", "x"]),
            "28-BC/ĐU",
        ),
    ],
)
def test_upload_each_file_type_goes_to_its_page(tree, users, name, data, symbol) -> None:
    response = upload(users.a_officer, name, data)
    doc = Document.objects.get(original_name=name)
    assert doc.symbol == symbol
    assert response.status_code == 302 and response.url == f"/van-ban/{doc.pk}/"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("hong.docx", text_docx(PLAN_15)[:1000], "bị hỏng"),
        ("rac.pdf", bytes(range(256)) * 4, "không phải PDF"),
        ("rong.txt", b"", "Tệp rỗng"),
        ("utf16.txt", REPORT_27.encode("utf-16-le"), "UTF-16"),
        ("nhi-phan.txt", bytes(range(256)) * 4, "không phải văn bản thuần"),
        ("bang.xlsx", b"PK\x03\x04", ".txt, .docx hoặc .pdf"),
    ],
)
def test_bad_file_upload_is_a_form_error_and_stores_nothing(
    tree, users, media_root: Path, name, data, message
) -> None:
    before = counts()
    response = upload(users.a_officer, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == before and stored_files(media_root) == []


def test_oversize_upload_is_dropped_while_it_arrives(
    tree, users, settings, media_root: Path
) -> None:
    settings.DOCUMENTS_MAX_FILE_SIZE = 64 * 1024
    response = upload(users.a_officer, "lon.txt", b"a" * (300 * 1024))
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()
    assert Document.objects.count() == 0 and stored_files(media_root) == []


def test_upload_of_a_file_already_registered_goes_to_its_entry(docs, users) -> None:
    client = client_for(users.a_officer)
    file = SimpleUploadedFile("lan-2.txt", PLAN_15.encode("utf-8"))
    response = client.post(reverse("documents:document_upload"), {"file": file})
    assert response.url == f"/van-ban/{docs.plan.pk}/"
    page = client.get(response.url).content.decode()
    assert "Tệp này đã có trong sổ văn bản" in page


def test_upload_without_a_file_says_so(tree, users) -> None:
    response = client_for(users.a_officer).post(reverse("documents:document_upload"), {})
    assert response.status_code == 400
    assert "Hãy chọn tệp văn bản" in response.content.decode()


def test_upload_on_behalf_of_a_unit_below(tree, users) -> None:
    response = upload(users.d1_officer, "bc.txt", REPORT_27.encode(), owner=tree.a.pk)
    assert response.status_code == 302
    doc = Document.objects.get(number="27")
    assert doc.owner == tree.a and doc.issuer == tree.a


def test_upload_is_csrf_protected(tree, users) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users.a_officer)
    file = SimpleUploadedFile("bc.txt", REPORT_27.encode())
    response = client.post(reverse("documents:document_upload"), {"file": file})
    assert response.status_code == 403 and Document.objects.count() == 0


# --- the document page -----------------------------------------------------------------


def test_detail_marks_references_as_links_and_findings_in_place(docs, users) -> None:
    body = (
        client_for(users.a_officer)
        .get(reverse("documents:document_detail", args=[docs.plan.pk]))
        .content.decode()
    )
    program_url = reverse("documents:document_detail", args=[docs.program.pk])
    assert f'<a class="ref-link" href="{program_url}"><mark class="f-reference"' in body
    assert 'class="f-deadline"' in body and 'class="f-figure"' in body
    assert "Chuỗi dẫn chiếu" in body and "21-NQ/TW" in body


def test_detail_escapes_the_text(tree, users) -> None:
    doc = register(
        users.a_officer,
        "40-TB/ĐU",
        date(2023, 5, 1),
        text="<script>alert(1)</script> Thực hiện Kế hoạch số 15-KH/ĐU & báo cáo",
    )
    body = (
        client_for(users.a_officer)
        .get(reverse("documents:document_detail", args=[doc.pk]))
        .content.decode()
    )
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body
    assert "15-KH/ĐU</mark></a> &amp; báo cáo" in body


def test_placeholder_page_explains_itself_and_lists_who_cites_it(docs, users) -> None:
    resolution = docs.program.references.first().target
    body = (
        client_for(users.a_viewer)
        .get(reverse("documents:document_detail", args=[resolution.pk]))
        .content.decode()
    )
    assert "chưa có trong sổ" in body
    assert "42-CTr/TU" in body and "15-KH/ĐU" in body


def test_correcting_a_figure_through_the_page(docs, users) -> None:
    url = reverse("documents:finding_correct", args=[docs.figure.pk])
    client = client_for(users.a_officer)
    bad = client.post(url, {"value": "chín"})
    assert bad.status_code == 400 and "Số liệu không hợp lệ" in bad.content.decode()
    good = client.post(url, {"value": "10", "unit": "đảng viên", "what": "kết nạp mới"})
    assert good.status_code == 302
    docs.figure.refresh_from_db()
    assert docs.figure.corrected["value"] == 10 and docs.figure.data["value"] == 9


def test_rejecting_a_finding_through_the_page(docs, users) -> None:
    person = docs.report.findings.get(kind=FindingKind.PERSON)
    url = reverse("documents:finding_correct", args=[person.pk])
    response = client_for(users.a_officer).post(url, {"rejected": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.rejected


def test_correcting_a_reference_through_the_page(docs, users) -> None:
    url = reverse("documents:reference_correct", args=[docs.reference.pk])
    response = client_for(users.a_officer).post(
        url,
        {
            "kind": "party",
            "type_code": "KH",
            "number": "15",
            "issuer_code": "ĐU",
            "date": "10/01/2023",
        },
    )
    assert response.status_code == 302
    docs.reference.refresh_from_db()
    assert docs.reference.target == docs.plan


def test_adding_a_relation_by_symbol_through_the_page(docs, users) -> None:
    url = reverse("documents:relation_add", args=[docs.report.pk])
    client = client_for(users.a_officer)
    missing = client.post(url, {"kind": RelationKind.IMPLEMENTS, "symbol": "99-KH/ĐU"})
    assert missing.status_code == 400 and "Không tìm thấy" in missing.content.decode()
    response = client.post(url, {"kind": RelationKind.IMPLEMENTS, "symbol": "số 42-ctr/tu"})
    assert response.status_code == 302
    assert docs.report.relations_out.filter(target=docs.program).exists()


def test_editing_details_through_the_page(docs, users) -> None:
    url = reverse("documents:document_edit", args=[docs.report.pk])
    client = client_for(users.a_officer)
    page = client.get(url).content.decode()
    assert "kết quả thực hiện công tác xây dựng Đảng" in page
    data = {
        "kind": "party",
        "type_code": "BC",
        "type_name": "Báo cáo",
        "number": "27",
        "issuer_code": "ĐU",
        "date": "20/6/2023",
        "title": "sơ kết 6 tháng đầu năm 2023",
        "place": "Việt Thành",
        "status": "issued",
        "visibility": "internal",
    }
    assert client.post(url, data).status_code == 302
    docs.report.refresh_from_db()
    assert docs.report.title == "sơ kết 6 tháng đầu năm 2023"
    clash = client.post(url, {**data, "number": "15", "type_code": "KH", "date": "10/01/2023"})
    assert clash.status_code == 400 and "đã có trong sổ văn bản" in clash.content.decode()
