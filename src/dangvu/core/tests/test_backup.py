"""Backup and restore round trip, on the database the tests run on (SQLite or PostgreSQL):
after changes and a restore the row counts and the uploaded files are those of the backup,
and the site works; a damaged archive is refused before anything changes."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from dangvu.core.backup import media_files, row_counts
from dangvu.core.testing import client_for
from dangvu.documents.models import Document
from dangvu.documents.services import document_ingest
from dangvu.members.models import Member
from dangvu.members.tests.helpers import admit_official

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]


@pytest.fixture
def site(tree, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    member = admit_official(tree.a1, name="Nguyễn Văn Sao Lưu")
    doc = document_ingest(
        name="ke-hoach.txt",
        data="Kế hoạch số 15-KH/ĐU về sao lưu dữ liệu.\nNội dung.".encode(),
        actor=users.a_officer,
    ).document
    return member, doc


def test_a_restore_brings_back_the_rows_and_files_of_the_backup_and_the_site_works(
    site, users, tree, tmp_path
):
    member, doc = site
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive))
    counts, files = row_counts(), media_files()
    assert files and sum(counts.values()) > 0
    original = Path(doc.original_file.path).read_bytes()
    # afterwards: a member removed by hand, a file lost, another member added
    Member.objects.filter(pk=member.pk).update(full_name="Đã sửa")
    admit_official(tree.a1, name="Trần Văn Sau")
    Path(doc.original_file.path).unlink()

    call_command("restore", str(archive))

    assert row_counts() == counts
    assert media_files() == files
    assert Member.objects.get(pk=member.pk).full_name == "Nguyễn Văn Sao Lưu"
    assert not Member.objects.filter(full_name="Trần Văn Sau").exists()
    client = client_for(users.a_officer)
    assert client.get(reverse("members:member_list")).status_code == 200
    download = client.get(reverse("documents:document_file", args=[doc.pk]))
    assert b"".join(download.streaming_content) == original
    assert Document.objects.filter(pk=doc.pk).exists()


def test_a_damaged_backup_is_refused_and_nothing_changes(site, tmp_path):
    member, _ = site
    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive))
    damaged = tmp_path / "hong.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for info in source.getmembers():
            data = source.extractfile(info).read()
            if info.name.startswith("media/"):
                data = data[:-1] + b"!"
            target.addfile(info, __import__("io").BytesIO(data))
    Member.objects.filter(pk=member.pk).update(full_name="Sau sao lưu")
    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("restore", str(damaged))
    assert Member.objects.get(pk=member.pk).full_name == "Sau sao lưu"
