"""The statistics page's shares and its Excel export (issue 15)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dangvu.core.models import AuditEntry
from dangvu.core.templatetags.numbers import percent
from dangvu.core.testing import client_for

from .helpers import admit, admit_official


@pytest.fixture
def registry(tree):
    """Eight members of commune A: five men and three women, one of them probationary."""
    for i in range(5):
        admit_official(tree.a1, name=f"Nguyễn Văn Nam {i}")
    admit_official(tree.a2, name="Lê Thị Một", sex="nu")
    admit_official(tree.a2, name="Lê Thị Hai", sex="nu")
    admit(tree.a2, name="Lê Thị Ba", sex="nu", on=date(2025, 9, 1))


@pytest.mark.parametrize(
    ("fraction", "shown"),
    [(0.125, "12,5%"), (0.5, "50%"), (1, "100%"), (0.3334, "33,3%"), (0, "0%"), (None, "")],
)
def test_a_share_reads_as_a_report_writes_it(fraction, shown) -> None:
    assert percent(fraction) == shown


def test_the_page_shows_each_rows_share_of_the_total(tree, users, registry) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:member_stats"), {"to_chuc": tree.a.pk}
    )
    page = response.content.decode()
    sexes = {t.title: t for t in response.context["report"].tables}["Theo giới tính"]
    assert [(r.label, r.n, percent(r.share)) for r in sexes.rows] == [
        ("Nam", 5, "62,5%"),
        ("Nữ", 3, "37,5%"),
    ]
    assert '<td class="num">62,5%</td>' in page


def test_the_export_holds_the_page_and_is_audited(tree, users, registry) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:member_stats_export"), {"to_chuc": tree.a.pk, "start": "1/1/2025"}
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Tổng hợp", "Theo đơn vị trực thuộc", "Biến động"]
    summary = book["Tổng hợp"]
    assert summary["A1"].value == "THỐNG KÊ ĐẢNG VIÊN"
    assert summary["A2"].value == "Đơn vị: Đảng bộ xã Việt Thành"
    rows = list(summary.iter_rows(min_row=6, values_only=True))
    assert ("Theo giới tính", "Nữ", 3, 0.375) in rows
    assert summary.cell(7, 4).number_format == "0.0%"  # under the title, 3 notes, header
    units = {
        r[0]: r[1:] for r in book["Theo đơn vị trực thuộc"].iter_rows(min_row=5, values_only=True)
    }
    assert units["Chi bộ Thôn 1 xã Việt Thành"] == (5, 5, 0, 0)
    assert units["Chi bộ Thôn 2 xã Việt Thành"] == (3, 2, 1, 3)
    moves = dict(book["Biến động"].iter_rows(min_row=5, values_only=True))
    assert moves["Kết nạp mới"] == 1
    entry = AuditEntry.objects.get(action="members.stats_export")
    assert entry.organization_id_ref == tree.a.pk


def test_another_commune_cannot_export_the_statistics(tree, users, registry) -> None:
    response = client_for(users.b_officer).get(
        reverse("members:member_stats_export"), {"to_chuc": tree.a.pk}
    )
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="members.stats_export").exists()
