"""A restructuring recorded after a round, effective on or before its period's end: the
reports take their place on the corrected tree, and the consolidation of the period is the
sum over that tree (counted here from the tree and the values, not from the stored paths)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest

from dangvu.flows import restructure as flows
from dangvu.members.tests.helpers import admit
from dangvu.orgs.models import OrgKind
from dangvu.orgs.selectors import descendants_on, version_on
from dangvu.orgs.services import NewOrgSpec
from dangvu.reporting import periods, rules
from dangvu.reporting.models import Submission, SubmissionState, Value
from dangvu.reporting.scope import SYSTEM
from dangvu.reporting.selectors import completeness, consolidation
from dangvu.reporting.services import submission_approve

from .conftest import Q1_2023, entry, open_quarter, send

pytestmark = pytest.mark.django_db
END = Q1_2023.end
DECISION = "Quyết định số 20-QĐ/TU"


def _approved_round(tree, users):
    for n, cell in enumerate([tree.a1, tree.b1, tree.c1]):
        for k in range(n + 1):
            admit(cell, name=f"Đảng viên {n}{k}", on=date(2023, 1, 10 + k))
    r = open_quarter(tree.province)
    for org in (tree.a, tree.b, tree.c):
        submission_approve(submission=send(entry(r, org)), actor=users.province_leader)
    return r


def _sum_over_tree(r, org_ids):
    """Every summed cell of the approved reports of these units, added up here."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for code, part, number in Value.objects.filter(
        submission__round=r,
        submission__organization_id__in=org_ids,
        submission__state=SubmissionState.APPROVED,
        number__isnull=False,
    ).values_list("indicator__code", "part", "number"):
        sums[f"{code}.{part}" if part else code] += number
    return sums


def _assert_consolidation_is_the_sum(r, org, org_ids):
    k = consolidation(actor=SYSTEM, round=r, organization=org)
    expected = _sum_over_tree(r, org_ids)
    spec = {i.code: i for i in r.form.spec.indicators}
    checked = 0
    for row in k.rows:
        ind = spec[row.code]
        if ind.is_ratio or ind.tree != rules.TREE_SUM or ind.value_type == rules.TEXT:
            continue
        assert row.value == expected.get(row.code, 0), (org.name, row.code)
        for part in row.parts:
            assert part.value == expected.get(f"{row.code}.{part.code}", 0), (row.code, part)
        checked += 1
    assert checked > 20
    assert k.units_approved == len(org_ids)
    return k


def _units_on(org, on):
    """The grassroots organizations below `org` on the tree of `on`."""
    return [
        v.organization_id for v in descendants_on(org, on) if v.kind == OrgKind.GRASSROOTS_COMMITTEE
    ]


def test_a_commune_moved_later_with_an_earlier_date_counts_under_its_new_district(tree, users):
    earlier = open_quarter(tree.province, period=periods.quarter(2022, 4))
    r = _approved_round(tree, users)
    flows.org_move(
        org=tree.a, new_parent=tree.d2, on=date(2023, 2, 15), decision=DECISION, actor=SYSTEM
    )
    assert sorted(_units_on(tree.d2, END)) == sorted([tree.a.pk, tree.c.pk])
    assert entry(r, tree.a).path == version_on(tree.a, END).path
    d1 = _assert_consolidation_is_the_sum(r, tree.d1, _units_on(tree.d1, END))
    d2 = _assert_consolidation_is_the_sum(r, tree.d2, _units_on(tree.d2, END))
    assert (d1.row("KN01").value, d2.row("KN01").value) == (2, 4)  # B; A (1) + C (3)
    _assert_consolidation_is_the_sum(r, tree.province, [tree.a.pk, tree.b.pk, tree.c.pk])
    today = date(2023, 4, 20)
    assert completeness(actor=SYSTEM, round=r, organization=tree.d2, today=today).tally.text == (
        "2/2 đơn vị đã báo cáo"
    )
    assert completeness(actor=SYSTEM, round=r, organization=tree.d1, today=today).tally.text == (
        "1/1 đơn vị đã báo cáo"
    )
    # a round whose period ended before the change keeps the tree it had
    assert entry(earlier, tree.a).path == version_on(tree.a, date(2022, 12, 31)).path
    assert entry(earlier, tree.a).path != entry(r, tree.a).path


def test_communes_merged_later_with_an_earlier_date_add_up_in_the_merged_commune(tree, users):
    r = _approved_round(tree, users)
    merged = flows.org_merge(
        sources=[tree.a, tree.b],
        on=date(2023, 3, 1),
        decision=DECISION,
        actor=SYSTEM,
        new=NewOrgSpec(
            name="Đảng bộ xã Việt Hòa",
            kind=OrgKind.GRASSROOTS_COMMITTEE,
            code="AB",
            committee_name="Đảng ủy xã Việt Hòa",
            issuer_code="ĐU",
            parent=tree.d1,
        ),
    )
    assert _units_on(tree.d1, END) == [merged.pk]
    # the merged communes' reports sit under the commune they became part of
    below = version_on(merged, END).path
    assert all(entry(r, org).path.startswith(below) for org in (tree.a, tree.b))
    k = _assert_consolidation_is_the_sum(r, merged, [tree.a.pk, tree.b.pk])
    assert k.row("KN01").value == 3
    _assert_consolidation_is_the_sum(r, tree.d1, [tree.a.pk, tree.b.pk])
    _assert_consolidation_is_the_sum(r, tree.province, [tree.a.pk, tree.b.pk, tree.c.pk])
    done = completeness(actor=SYSTEM, round=r, organization=merged, today=date(2023, 4, 20))
    assert done.tally.text == "2/2 đơn vị đã báo cáo"
    assert Submission.objects.filter(round=r).count() == 6  # A, B, C; D1, D2, the province
