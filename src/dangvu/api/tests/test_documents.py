"""Documents through the API: the register, an entry, the chain, and uploads refused as
on the page."""

from django.core.files.uploadedfile import SimpleUploadedFile

from dangvu.api.tests.helpers import as_user
from dangvu.documents.models import Document
from dangvu.tracking.tests.helpers import plan_126, unit_plan


def test_register_lists_what_the_user_sees_filtered_as_the_page(users, tree):
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    body = as_user(users.a_officer).get("/api/v1/documents").json()
    assert {"126-KH/TU", "15-KH/ĐU"} <= {d["symbol"] for d in body["items"]}
    body = as_user(users.a_officer).get("/api/v1/documents", {"q": "126"}).json()
    assert {d["id"] for d in body["items"]} == {plan.pk, own.pk}  # the plan cites 126
    assert as_user(users.b_officer).get(f"/api/v1/documents/{own.pk}").status_code == 403
    bad = as_user(users.a_officer).get("/api/v1/documents", {"type_code": "XX"})
    assert bad.status_code == 400 and bad.json()["field"] == "type_code"


def test_an_entry_with_its_references_and_the_chain(users, tree):
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    body = as_user(users.a_officer).get(f"/api/v1/documents/{own.pk}").json()
    assert plan.pk in [r["target_id"] for r in body["references"]]
    chain = as_user(users.a_officer).get(f"/api/v1/documents/{own.pk}/chain").json()
    assert plan.pk in [n["document"]["id"] for n in chain["up"]]
    down = as_user(users.province_officer).get(f"/api/v1/documents/{plan.pk}/chain").json()
    assert own.pk in [n["document"]["id"] for n in down["down"]]


TEXT = """ĐẢNG BỘ XÃ VIỆT THÀNH
Số 20-KH/ĐU\tViệt Thành, ngày 10 tháng 5 năm 2023
KẾ HOẠCH
tổ chức sinh hoạt chính trị
Thực hiện Kế hoạch số 126-KH/TU của Tỉnh ủy, Đảng ủy xã xây dựng kế hoạch như sau.
"""


def test_upload_registers_a_file_and_again_returns_the_same_entry(users, tree):
    client = as_user(users.a_officer)
    upload = SimpleUploadedFile("kh20.txt", TEXT.encode())
    r = client.upload("/api/v1/documents", {"file": upload})
    assert r.status_code == 201, r.content
    assert r.json()["document"]["symbol"] == "20-KH/ĐU"
    again = client.upload(
        "/api/v1/documents", {"file": SimpleUploadedFile("kh20.txt", TEXT.encode())}
    )
    assert again.status_code == 200 and again.json()["created"] is False
    assert Document.objects.filter(number="20", type_code="KH").count() == 1


def test_an_unreadable_or_too_large_file_is_refused_naming_the_file(users, tree, settings):
    client = as_user(users.a_officer)
    r = client.upload("/api/v1/documents", {"file": SimpleUploadedFile("a.exe", b"MZ\x90\x00")})
    assert r.status_code == 400 and r.json()["field"] == "file"
    settings.DOCUMENTS_MAX_FILE_SIZE = 10
    r = client.upload("/api/v1/documents", {"file": SimpleUploadedFile("b.txt", TEXT.encode())})
    assert r.status_code == 400 and "quá lớn" in r.json()["detail"]
    assert not Document.objects.filter(number="20").exists()


def test_a_viewer_cannot_upload(users, tree):
    r = as_user(users.a_viewer).upload(
        "/api/v1/documents", {"file": SimpleUploadedFile("kh20.txt", TEXT.encode())}
    )
    assert r.status_code == 403
