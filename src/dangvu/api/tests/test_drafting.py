"""Drafting through the API: a draft made from data, read, rendered to .docx; other units
refused."""

import io

import docx

from dangvu.api.tests.helpers import as_user
from dangvu.drafting.models import Draft
from dangvu.drafting.tests.helpers import directive_task


def test_a_member_statistics_draft_is_made_read_and_rendered(users, tree):
    client = as_user(users.a_officer)
    r = client.post(
        "/api/v1/drafts",
        {"genre": "member_stats", "on": "2024-12-31"},
        headers={"Idempotency-Key": "draft-1"},
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    again = client.post(
        "/api/v1/drafts",
        {"genre": "member_stats", "on": "2024-12-31"},
        headers={"Idempotency-Key": "draft-1"},
    )
    assert again.json()["id"] == pk and Draft.objects.count() == 1
    assert client.get("/api/v1/drafts").json()["total"] == 1
    assert client.get(f"/api/v1/drafts/{pk}").json()["content"]
    file = client.get(f"/api/v1/drafts/{pk}/docx")
    assert file.status_code == 200 and file["Content-Type"].endswith("document")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(file.content)).paragraphs)
    assert "BÁO CÁO" in text.upper()
    assert as_user(users.b_officer).get(f"/api/v1/drafts/{pk}/docx").status_code == 403


def test_a_directive_draft_needs_a_task_the_user_sees(users, tree):
    r = as_user(users.a_officer).post("/api/v1/drafts", {"genre": "directive"})
    assert r.status_code == 400 and r.json()["field"] == "task"
    assert (
        as_user(users.a_officer)
        .post("/api/v1/drafts", {"genre": "directive", "task": 999_999})
        .json()["field"]
        == "task"
    )
    task = directive_task(users, tree)
    r = as_user(users.a_officer).post("/api/v1/drafts", {"genre": "directive", "task": task.pk})
    assert r.status_code == 201, r.content
    assert Draft.objects.get().source["task"] == task.pk


def test_a_viewer_or_another_unit_cannot_draft_for_a_unit(users, tree):
    assert (
        as_user(users.a_viewer).post("/api/v1/drafts", {"genre": "member_stats"}).status_code == 403
    )
    r = as_user(users.b_officer).post(
        "/api/v1/drafts", {"genre": "member_stats", "organization": tree.a.pk}
    )
    assert r.status_code == 403


def test_a_draft_is_edited_and_issued_into_the_register(users, tree):
    from dangvu.core.models import AuditEntry
    from dangvu.documents.models import Document

    client = as_user(users.a_officer)
    pk = client.post("/api/v1/drafts", {"genre": "member_stats", "on": "2024-12-31"}).json()["id"]
    bad = client.post(f"/api/v1/drafts/{pk}/edit", {"index": 9999, "text": "Đoạn"})
    assert bad.status_code == 400 and bad.json()["field"] == "index"
    for user in (users.b_officer, users.a_viewer):
        r = as_user(user).post(f"/api/v1/drafts/{pk}/edit", {"index": 0, "text": "Khác"})
        assert r.status_code == 403, user
        r = as_user(user).post(f"/api/v1/drafts/{pk}/issue", {"signer": "Nguyễn Văn A"})
        assert r.status_code == 403, user
    r = client.post(f"/api/v1/drafts/{pk}/edit", {"index": 0, "text": "Lời văn đã sửa."})
    assert r.status_code == 200, r.content
    assert "Lời văn đã sửa." in str(r.json()["content"])
    nameless = client.post(f"/api/v1/drafts/{pk}/issue", {"signer": " "})
    assert nameless.status_code == 400 and nameless.json()["field"] == "signer"
    r = client.post(f"/api/v1/drafts/{pk}/issue", {"signer": "Nguyễn Văn An", "on": "2025-01-10"})
    assert r.status_code == 200, r.content
    issued = r.json()
    assert issued["status"] == "issued" and issued["symbol"].endswith("/ĐU")
    assert Document.objects.filter(pk=issued["document_id"], owner=tree.a).exists()
    again = client.post(f"/api/v1/drafts/{pk}/edit", {"index": 0, "text": "Sửa sau ban hành"})
    assert again.status_code == 400
    assert AuditEntry.objects.filter(action="drafting.draft_issue").exists()
    assert client.get(f"/api/v1/drafts/{pk}/docx").status_code == 200
