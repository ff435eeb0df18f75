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


def test_an_upload_past_the_limit_is_refused_before_its_body_is_read(
    users, tree, settings, monkeypatch
):
    from django.http import multipartparser

    settings.DOCUMENTS_MAX_FILE_SIZE = 10_000
    parsed = []
    real = multipartparser.MultiPartParser.parse
    monkeypatch.setattr(
        multipartparser.MultiPartParser, "parse", lambda self: parsed.append(1) or real(self)
    )
    client = as_user(users.a_officer)
    for path in ("/api/v1/documents", "/api/v1/members/import"):
        big = SimpleUploadedFile("kh.txt", b"x" * 200_000)
        r = client.upload(path, {"file": big}, headers={"Idempotency-Key": f"big-{path}"})
        assert r.status_code == 413, (path, r.content)
        assert r["Content-Type"] == "application/problem+json"
        body = r.json()
        assert body["field"] == "file" and body["detail"].startswith("Tệp quá lớn")
    assert parsed == []  # refused on Content-Length: the multipart body was never parsed
    assert not Document.objects.exists()
    small = SimpleUploadedFile("kh.txt", "Kế hoạch số 15-KH/ĐU".encode())
    r = client.upload("/api/v1/documents", {"file": small}, headers={"Idempotency-Key": "small"})
    assert r.status_code == 201, r.content
    assert parsed  # a file within the limit is parsed and read as before


def test_a_file_just_past_the_limit_is_refused_on_its_size_before_it_is_read(users, tree, settings):
    settings.DOCUMENTS_MAX_FILE_SIZE = 10_000  # the body fits the multipart allowance
    client = as_user(users.a_officer)
    for path in ("/api/v1/documents", "/api/v1/members/import"):
        r = client.upload(path, {"file": SimpleUploadedFile("ds.xlsx", b"x" * 20_000)})
        assert r.status_code == 400 and r.json()["field"] == "file", (path, r.content)
        assert r.json()["detail"].startswith("Tệp quá lớn")
