"""The quarterly report drafted from a reporting round's consolidation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from dangvu.documents.readers import read_bytes
from dangvu.drafting.models import Genre
from dangvu.drafting.render import render_docx
from dangvu.drafting.serialize import report_from_dict
from dangvu.drafting.services import draft_create
from dangvu.extract import extract
from dangvu.members.tests.helpers import admit
from dangvu.reporting.models import Target
from dangvu.reporting.scope import SYSTEM
from dangvu.reporting.selectors import consolidation
from dangvu.reporting.services import submission_approve
from dangvu.reporting.tests.conftest import entry, open_quarter, send

pytestmark = pytest.mark.django_db


def _round(tree, users):
    for n, cell in enumerate([tree.a1, tree.a2]):
        for k in range(n + 2):
            admit(cell, name=f"Đảng viên {n}{k}", on=date(2023, 1, 10 + k))
    r = open_quarter(tree.province)
    submission_approve(submission=send(entry(r, tree.a)), actor=users.province_leader)
    Target.objects.create(
        organization=tree.a,
        form_code="TCXD-QUY",
        indicator_code="KN01",
        year=2023,
        value=Decimal(10),
    )
    return r


def test_quarterly_report_binds_each_figure_to_the_consolidated_indicator(tree, users):
    r = _round(tree, users)
    draft = draft_create(
        genre=Genre.PERIODIC, owner=tree.a, source={"round": r.pk}, actor=users.a_officer
    )
    report = report_from_dict(draft.content)
    cons = consolidation(actor=SYSTEM, round=r, organization=tree.a)
    kn01 = cons.row("KN01")
    assert kn01.value == 5
    bound = {f.source: f.text for f in report.figures}
    assert bound[f"indicator:{r.pk}:KN01"] == "5"
    assert bound[f"indicator:{r.pk}:KN01:progress"] == "50%"
    text = "\n".join(b.text for b in report.blocks)
    assert "Kết nạp 5 đảng viên mới, đạt 50% chỉ tiêu năm" in text
    assert "I. KẾT QUẢ ĐẠT ĐƯỢC" in text and "II. HẠN CHẾ, KHUYẾT ĐIỂM, NGUYÊN NHÂN" in text
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" in text
    assert report.title.startswith(
        "tình hình, kết quả công tác tổ chức xây dựng Đảng quý I năm 2023"
    )
    for row in cons.rows:
        source = f"indicator:{r.pk}:{row.code}"
        if source in bound and row.value_type != "percent":
            assert bound[source].replace(".", "") == str(int(row.value)), row.code
    assert report.tables[0].columns[2] == "Quý I năm 2023"  # a unit reporting alone
    found = extract(read_bytes("q.docx", render_docx(report)).text)
    assert (5, None) in {(f.value, f.of) for f in found.figures}


def test_narratives_start_from_the_sub_units_text(tree, users):
    r = open_quarter(tree.province)
    for org in (tree.a, tree.b):
        submission_approve(submission=send(entry(r, org)), actor=users.province_leader)
    submission_approve(submission=entry(r, tree.d1), actor=users.province_leader)
    draft = draft_create(
        genre=Genre.PERIODIC, owner=tree.d1, source={"round": r.pk}, actor=users.d1_officer
    )
    report = report_from_dict(draft.content)
    by_unit = report.tables[0]
    assert by_unit.title == "Kết quả theo đơn vị"
    assert [r[0] for r in by_unit.rows] == [
        "Đảng bộ xã Hòa Cuông",
        "Đảng bộ xã Việt Thành",
        "Tổng cộng",
    ]
    text = "\n".join(b.text for b in report.blocks)
    assert "- Đảng bộ xã Việt Thành: Kết quả của Đảng bộ xã Việt Thành" in text
    assert "- Đảng bộ xã Hòa Cuông: Hạn chế của Đảng bộ xã Hòa Cuông" in text
    assert text.index("Hạn chế của") > text.index("II. HẠN CHẾ")


def test_a_commune_cannot_draft_from_another_communes_consolidation(tree, users):
    r = _round(tree, users)
    with pytest.raises(PermissionDenied):
        draft_create(
            genre=Genre.PERIODIC, owner=tree.a, source={"round": r.pk}, actor=users.b_officer
        )
