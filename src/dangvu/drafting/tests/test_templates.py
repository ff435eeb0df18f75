"""An office's own template: refused when it names a field that does not exist, used
for its drafts and those below, scoped and audited."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.drafting.default_templates import build
from dangvu.drafting.models import Genre, OfficeTemplate
from dangvu.drafting.services import draft_create, draft_issue, template_for, template_upload

from .helpers import ON, directive_task

pytestmark = pytest.mark.django_db


def _template(extra: str) -> bytes:
    document = build("directive")
    document.add_paragraph(extra)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_template_naming_an_unknown_field_is_refused_and_nothing_stored(tree, users):
    with pytest.raises(ValidationError) as refused:
        template_upload(
            owner=tree.a,
            genre=Genre.DIRECTIVE,
            name="mau.docx",
            data=_template("{{ ten_don_vi }}"),
            actor=users.a_officer,
        )
    assert "{{ ten_don_vi }}" in str(refused.value)
    assert not OfficeTemplate.objects.exists()


def test_a_doc_file_is_refused_with_the_fix(tree, users):
    with pytest.raises(ValidationError, match=r"\.docx \(không phải \.doc\)"):
        template_upload(
            owner=tree.a, genre=Genre.DIRECTIVE, name="mau.doc", data=b"x", actor=users.a_officer
        )


def test_the_units_template_is_used_for_its_drafts_and_those_below(
    tree, users, django_capture_on_commit_callbacks
):
    template_upload(
        owner=tree.d1,
        genre=Genre.DIRECTIVE,
        name="mau-huyen.docx",
        data=_template("Mẫu riêng của Huyện ủy"),
        actor=users.d1_officer,
    )
    assert template_for(tree.a, Genre.DIRECTIVE) is not None  # inherited from the district
    assert template_for(tree.c, Genre.DIRECTIVE) is None  # another district: the default
    task = directive_task(users, tree)
    draft = draft_create(
        genre=Genre.DIRECTIVE,
        owner=tree.a,
        source={"task": task.pk},
        actor=users.a_officer,
        today=ON,
    )
    with django_capture_on_commit_callbacks(execute=True):  # the register stores the file
        draft = draft_issue(draft=draft, actor=users.a_officer, on=date(2023, 7, 12), signer="An")
    with draft.document.original_file.open("rb") as f:
        text = [p.text for p in docx.Document(f).paragraphs]
    assert "Mẫu riêng của Huyện ủy" in text
    assert AuditEntry.objects.filter(action="drafting.template_upload").count() == 1


def test_another_unit_cannot_replace_a_units_template(tree, users):
    with pytest.raises(PermissionDenied):
        template_upload(
            owner=tree.a,
            genre=Genre.DIRECTIVE,
            name="mau.docx",
            data=_template("x"),
            actor=users.b_officer,
        )


def test_the_templates_page_uploads_and_names_a_bad_field(tree, users):
    client = client_for(users.a_officer)
    url = reverse("drafting:template_list")
    bad = SimpleUploadedFile("mau.docx", _template("{{ so_hieu }}"))
    html = client.post(url, {"genre": "directive", "file": bad}).content.decode()
    assert "{{ so_hieu }}" in html and "trường không có" in html
    good = SimpleUploadedFile("mau-xa.docx", _template("Mẫu của xã"))
    assert client.post(url, {"genre": "directive", "file": good}).status_code == 302
    page = client.get(url).content.decode()
    assert "Mẫu riêng: mau-xa.docx" in page
    download = client.get(reverse("drafting:template_download", args=["directive"]))
    assert "Mẫu của xã" in [p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs]
    assert client_for(users.a_viewer).post(url, {"genre": "directive"}).status_code == 403
