"""Bounded ingest: a text past the length limit, a .docx that would inflate past its limit
(refused from the sizes its zip declares, before inflating), an extraction past its time
budget: each refused with a Vietnamese message and nothing stored; a long text's page
shows it in parts."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from django.urls import reverse

from dangvu.core.testing import client_for
from dangvu.documents import readers
from dangvu.documents.models import Document
from dangvu.documents.services import document_ingest

from .helpers import ingest_text
from .texts import PLAN_15

pytestmark = pytest.mark.django_db


def inflating_docx(inflated_mb: int) -> bytes:
    """A valid-looking .docx whose document part inflates to `inflated_mb` MB of text."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        paragraph = "<w:p><w:r><w:t>" + "Nghị quyết " * 900 + "</w:t></w:r></w:p>"
        body = paragraph * (inflated_mb * 1024 * 1024 // len(paragraph))
        archive.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def test_a_text_past_the_length_limit_is_refused_and_nothing_is_stored(users, settings):
    settings.DOCUMENTS_MAX_TEXT_CHARS = 1000
    with pytest.raises(readers.UnreadableFile) as refused:
        document_ingest(name="dai.txt", data=(PLAN_15 * 10).encode(), actor=users.province_officer)
    assert "Văn bản quá dài" in refused.value.message
    assert "chỉ nhận văn bản đến 1.000 ký tự" in refused.value.message
    assert Document.objects.count() == 0


def test_an_inflating_docx_is_refused_before_inflating_in_bounded_time_and_memory():
    data = inflating_docx(190)
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(readers.UnreadableFile) as refused:
        readers.read_bytes("bom.docx", data)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "giải nén lớn bất thường" in refused.value.message
    assert seconds < 2
    assert peak < 10 * 1024 * 1024


def test_an_extraction_past_its_time_budget_is_refused_in_vietnamese(users, settings):
    settings.DOCUMENTS_EXTRACT_SECONDS = 0.05
    text = PLAN_15 + "\n" + "Các chi bộ thực hiện Kế hoạch số 15-KH/ĐU.\n" * 4000
    started = time.perf_counter()
    with pytest.raises(readers.UnreadableFile) as refused:
        document_ingest(name="dai.txt", data=text.encode(), actor=users.province_officer)
    assert time.perf_counter() - started < 10
    assert "Văn bản quá dài để đọc trong" in refused.value.message
    assert Document.objects.count() == 0


def test_a_long_text_within_the_budget_is_extracted_in_the_child_process(users):
    text = PLAN_15 + "\n" + "Các chi bộ thực hiện Kế hoạch số 15-KH/ĐU.\n" * 3000
    result = document_ingest(name="dai.txt", data=text.encode(), actor=users.province_officer)
    assert not result.extraction_failed
    assert result.document.references.count() > 0


def test_a_long_text_is_shown_in_parts(users, tree):
    line = "Các chi bộ quán triệt, triển khai thực hiện nghiêm túc nghị quyết.\n"
    text = PLAN_15 + "\n" + line * 4000
    doc = document_ingest(name="dai.txt", data=text.encode(), actor=users.province_officer)
    client = client_for(users.province_officer)
    url = reverse("documents:document_detail", args=[doc.document.pk])
    first = client.get(url).content.decode()
    assert "chia 3 phần; đang xem phần 1" in first
    assert len(first) < 300_000
    last = client.get(url + "?phan=3").content.decode()
    assert "đang xem phần 3" in last and "Phần trước" in last
    assert client.get(url + "?phan=99999999999999999999").status_code == 200


def test_an_oversized_upload_gets_one_message_naming_the_limit(users, settings):
    settings.DOCUMENTS_MAX_FILE_SIZE = 100_000
    client = client_for(users.province_officer)
    upload = io.BytesIO(b"x" * 250_000)
    upload.name = "lon.txt"
    response = client.post(reverse("documents:document_upload"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Tệp quá lớn") == 1
    assert "Hãy chọn tệp" not in page


def _citing(count: int, first: int) -> str:
    lines = [f"Số {first}-BC/ĐU\tViệt Thành, ngày 20 tháng 6 năm 2023", "", "BÁO CÁO", "kết quả"]
    lines += [
        f"Thực hiện Kế hoạch số {n}-KH/TU, ngày 05/01/2023 của Tỉnh ủy, đã triển khai."
        for n in range(first + 1, first + 1 + count)
    ]
    return "\n".join(lines)


def test_linking_a_long_texts_references_asks_a_few_queries_per_new_reference(tree, users):
    """A text citing thousands of documents took minutes: seven queries or more for each
    placeholder (Python's checks of the constraints and foreign keys) and three lookups
    per reference. The entries of all the numbers cited are read at once now."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    asked = []
    for count, first in ((20, 100), (80, 300)):
        with CaptureQueriesContext(connection) as queries:
            result = ingest_text(_citing(count, first), users.a_officer, name=f"{first}.txt")
        assert len(result.placeholders) == count
        asked.append(len(queries))
    per_reference = (asked[1] - asked[0]) / 60
    assert per_reference <= 3, asked  # a placeholder row, its audit row, and little else
