"""A 2023 report still adds up over the 2023 tree after the 2025 restructuring: the
dissolved district from its communes, the commune formed by the merge from its parts; and
the same period last year and a yearly target beside each figure."""

from datetime import date
from decimal import Decimal

import pytest

from dangvu.members.tests.helpers import admit
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import NewOrgSpec, org_dissolve, org_merge, org_move
from dangvu.reporting import periods
from dangvu.reporting.scope import SYSTEM
from dangvu.reporting.selectors import completeness, consolidation
from dangvu.reporting.services import submission_approve, target_set

from .conftest import entry, open_quarter, send

pytestmark = pytest.mark.django_db
REFORM = date(2025, 7, 1)


def _restructure(tree):
    merged = org_merge(
        sources=[tree.a, tree.b],
        on=REFORM,
        decision="Quyết định số 1575-QĐ/TU",
        actor=SYSTEM,
        new=NewOrgSpec(
            name="Đảng bộ xã Trấn Yên",
            kind=OrgKind.COMMUNE,
            code="X01",
            committee_name="Đảng ủy xã Trấn Yên",
            issuer_code="ĐU",
            parent=tree.province,
        ),
    )
    org_move(
        org=tree.c,
        new_parent=tree.province,
        on=REFORM,
        decision="Quyết định số 1575-QĐ/TU",
        actor=SYSTEM,
    )
    for district in (tree.d1, tree.d2):
        org_dissolve(org=district, on=REFORM, decision="Kết luận số 137-KL/TW", actor=SYSTEM)
    return merged


def test_a_2023_round_opened_after_2025_adds_up_over_the_2023_tree(tree, users):
    for n, cell in enumerate([tree.a1, tree.b1, tree.c1]):
        for k in range(n + 1):
            admit(cell, name=f"Đảng viên {n}{k}", on=date(2023, 2, 1 + k))
    merged = _restructure(tree)
    r = open_quarter(tree.province)  # quý I năm 2023, opened today
    for org in (tree.a, tree.b, tree.c):
        submission_approve(submission=send(entry(r, org)), actor=users.province_leader)
    tree.d1.refresh_from_db()
    assert tree.d1.dissolved_on == REFORM
    district = consolidation(actor=SYSTEM, round=r, organization=tree.d1)
    assert district.organization_name == "Đảng bộ huyện Trấn Yên"
    assert (district.row("KN01").value, district.units_approved) == (3, 2)  # A (1) + B (2)
    assert consolidation(actor=SYSTEM, round=r, organization=tree.d2).row("KN01").value == 3
    # the commune formed in 2025 reads 2023 from the communes merged into it
    parts = consolidation(actor=SYSTEM, round=r, organization=merged)
    assert (parts.row("KN01").value, parts.units_approved) == (3, 2)
    assert consolidation(actor=SYSTEM, round=r, organization=tree.province).row("KN01").value == 6
    done = completeness(actor=SYSTEM, round=r, organization=merged, today=date(2023, 4, 20))
    assert done.tally.text == "2/2 đơn vị đã báo cáo"


def test_last_year_change_and_progress_against_the_yearly_target(tree, users):
    admit(tree.a1, name="Năm trước", on=date(2022, 2, 1))
    for k in range(3):
        admit(tree.a1, name=f"Năm nay {k}", on=date(2023, 2, 1 + k))
    admit(tree.a1, name="Quý II", on=date(2023, 5, 2))
    leader = users.province_leader
    for period in (periods.quarter(2022, 1), periods.quarter(2023, 1), periods.quarter(2023, 2)):
        r = open_quarter(tree.province, period=period)
        for org in (tree.a, tree.b, tree.c):
            submission_approve(submission=send(entry(r, org), on=period.end), actor=leader)
    target_set(
        organization=tree.province,
        form_code="TCXD-QUY",
        indicator_code="KN01",
        year=2023,
        value=Decimal(8),
        actor=leader,
    )
    q1 = consolidation(
        actor=SYSTEM,
        round=r.__class__.objects.get(period_key="2023-Q1"),
        organization=tree.province,
    )
    kn = q1.row("KN01")
    assert (kn.value, kn.last_year, kn.change) == (3, 1, 2)
    assert q1.last_year_label == "quý I năm 2022"
    assert kn.progress_text == "đạt 37,50% chỉ tiêu năm"
    q2 = consolidation(actor=SYSTEM, round=r, organization=tree.province)
    # the year to date adds the quarters: 3 + 1 of 8
    assert (q2.row("KN01").year_to_date, q2.row("KN01").progress_text) == (
        4,
        "đạt 50,00% chỉ tiêu năm",
    )
    assert q2.row("DV01").year_to_date is None  # no target for it
    assert q2.last_year_label is None
