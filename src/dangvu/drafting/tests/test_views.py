"""The drafting pages: create from a task, edit a sentence, issue, download; scope."""

from __future__ import annotations

import io

import docx
import pytest
from django.urls import reverse

from dangvu.core.testing import client_for
from dangvu.drafting.models import Draft, DraftStatus, Genre
from dangvu.drafting.services import draft_create

from .helpers import ON, directive_task

pytestmark = pytest.mark.django_db


def _draft(tree, users):
    task = directive_task(users, tree)
    return task, draft_create(
        genre=Genre.DIRECTIVE,
        owner=tree.a,
        source={"task": task.pk},
        actor=users.a_officer,
        today=ON,
    )


def test_create_from_a_task_then_edit_issue_and_download(tree, users):
    task = directive_task(users, tree)
    client = client_for(users.a_officer)
    page = client.get(reverse("drafting:draft_create") + f"?the-loai=directive&viec={task.pk}")
    assert page.status_code == 200 and "Tổ chức sinh hoạt chính trị" in page.content.decode()
    response = client.post(
        reverse("drafting:draft_create"), {"genre": "directive", "task": task.pk, "on": "10/7/2023"}
    )
    draft = Draft.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "drafting:draft_detail", args=[draft.pk]
    )
    html = client.get(response["Location"]).content.decode()
    assert f'data-source="task:{task.pk}:done"' in html and "1/2 chi, đảng bộ" in html
    response = client.post(
        reverse("drafting:draft_edit", args=[draft.pk]),
        {"index": 0, "text": "Căn cứ Kế hoạch số 126-KH/TU[1], báo cáo như sau:"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.content["blocks"][0]["spans"][0]["text"].startswith("Căn cứ")
    response = client.post(
        reverse("drafting:draft_issue", args=[draft.pk]),
        {
            "on": "12/7/2023",
            "capacity": "T/M BAN THƯỜNG VỤ",
            "position": "BÍ THƯ",
            "signer": "Nguyễn Văn An",
        },
    )
    draft.refresh_from_db()
    assert draft.status == DraftStatus.ISSUED and draft.number.symbol == "1-BC/ĐU"
    download = client.get(reverse("drafting:draft_docx", args=[draft.pk]))
    assert download["Content-Disposition"].endswith("filename*=utf-8''1-BC-%C4%90U.docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs)
    assert "Căn cứ Kế hoạch số 126-KH/TU" in text
    register = client.get(reverse("documents:document_detail", args=[draft.document_id]))
    assert register.status_code == 200 and "1-BC/ĐU" in register.content.decode()


def test_a_bad_issue_form_changes_nothing_and_says_why(tree, users):
    _task, draft = _draft(tree, users)
    client = client_for(users.a_officer)
    response = client.post(
        reverse("drafting:draft_issue", args=[draft.pk]),
        {"on": "32/7/2023", "capacity": "T/M", "position": "BÍ THƯ", "signer": ""},
        follow=True,
    )
    html = response.content.decode()
    assert "Ngày không hợp lệ" in html and "Hãy ghi họ tên người ký" in html
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT and draft.number_id is None


URLS = ["draft_detail", "draft_docx", "draft_edit", "draft_redraft", "draft_issue"]


@pytest.mark.parametrize("name", URLS)
def test_another_units_officer_is_refused_every_draft_page(tree, users, name):
    _task, draft = _draft(tree, users)
    url = reverse(f"drafting:{name}", args=[draft.pk])
    client = client_for(users.b_officer)
    response = (
        client.post(url, {})
        if name in ("draft_edit", "draft_redraft", "draft_issue")
        else client.get(url)
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT


def test_anonymous_is_sent_to_login_and_the_list_is_scoped(tree, users):
    _task, draft = _draft(tree, users)
    assert client_for(None).get(reverse("drafting:draft_list")).status_code == 302
    mine = client_for(users.a_officer).get(reverse("drafting:draft_list")).content.decode()
    other = client_for(users.b_officer).get(reverse("drafting:draft_list")).content.decode()
    assert draft.title[:40] in mine and draft.title[:40] not in other
    above = client_for(users.province_officer).get(reverse("drafting:draft_list"))
    assert draft.title[:40] in above.content.decode()


def test_a_viewer_cannot_open_the_create_page(tree, users):
    assert client_for(users.a_viewer).get(reverse("drafting:draft_create")).status_code == 403


def test_the_list_page_makes_a_fixed_number_of_queries(tree, users, django_assert_max_num_queries):
    task = directive_task(users, tree)
    for _ in range(3):
        draft_create(
            genre=Genre.DIRECTIVE,
            owner=tree.a,
            source={"task": task.pk},
            actor=users.a_officer,
            today=ON,
        )
    client = client_for(users.a_officer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("drafting:draft_list")).status_code == 200


def test_the_outgoing_register_lists_numbers_and_cancels_one_with_a_reason(tree, users):
    from dangvu.drafting.models import NumberStatus, OutgoingNumber
    from dangvu.drafting.services import number_take

    taken = [
        number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.a_officer)
        for _ in range(2)
    ]
    client = client_for(users.a_officer)
    html = client.get(reverse("drafting:number_list")).content.decode()
    assert "1-BC/ĐU" in html and "2-BC/ĐU" in html
    assert (
        "1-BC/ĐU"
        not in client_for(users.b_officer).get(reverse("drafting:number_list")).content.decode()
    )
    url = reverse("drafting:number_cancel", args=[taken[0].pk])
    assert client_for(users.b_officer).post(url, {"reason": "x"}).status_code == 404
    page = client.post(url, {"reason": ""}, follow=True).content.decode()
    assert "Hãy ghi lý do hủy số" in page
    client.post(url, {"reason": "Văn bản không ban hành"})
    assert OutgoingNumber.objects.get(pk=taken[0].pk).status == NumberStatus.CANCELLED
    html = client.get(reverse("drafting:number_list")).content.decode()
    assert "Đã hủy: Văn bản không ban hành" in html


def test_the_editor_page_makes_a_fixed_number_of_queries(tree, users, django_assert_num_queries):
    _task, draft = _draft(tree, users)
    client = client_for(users.a_officer)
    client.get(reverse("drafting:draft_detail", args=[draft.pk]))  # warm the session
    # session, user, draft (one join), the user's unit, the scope check: whatever its length
    with django_assert_num_queries(5):
        assert client.get(reverse("drafting:draft_detail", args=[draft.pk])).status_code == 200
