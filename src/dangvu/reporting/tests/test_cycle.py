"""The reporting cycle through the real services: a round opened on the period's end tree,
prefill against an independent count, refusals that save nothing, the lock and a reopened
unit, approval bottom up, return with comment, completeness after each step, and the
roll-up equal to the unit-by-unit sum."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.core.models import AuditEntry
from dangvu.members.models import Member, MembershipEvent
from dangvu.members.services import member_recognize
from dangvu.members.tests.helpers import admit
from dangvu.reporting.models import Rollup, Submission, SubmissionKind, SubmissionState, Value
from dangvu.reporting.scope import SYSTEM
from dangvu.reporting.selectors import completeness, consolidation, due_reports, prefill
from dangvu.reporting.selectors.consolidation import consolidation_baseline
from dangvu.reporting.selectors.prefill import prefill_baseline
from dangvu.reporting.services import (
    rollup_rebuild,
    submission_approve,
    submission_excuse,
    submission_reopen,
    submission_return,
    submission_save,
    submission_unlock,
)

from .conftest import Q1_2023, SENT_ON, entry, filled, open_quarter, send

pytestmark = pytest.mark.django_db


def test_opening_takes_the_units_on_the_periods_end_tree_and_the_committees_between(tree):
    r = open_quarter(tree.province)
    kinds = dict(Submission.objects.filter(round=r).values_list("organization_id", "kind"))
    assert {k for k, v in kinds.items() if v == SubmissionKind.ENTRY} == {
        tree.a.pk,
        tree.b.pk,
        tree.c.pk,
    }
    assert {k for k, v in kinds.items() if v == SubmissionKind.CONSOLIDATED} == {
        tree.province.pk,
        tree.d1.pk,
        tree.d2.pk,
    }
    assert r.units == 3
    assert AuditEntry.objects.filter(action="reporting.round_open", object_id=str(r.pk)).exists()


def test_a_commune_cannot_open_a_round_for_the_province(tree, users):
    with pytest.raises(PermissionDenied):
        open_quarter(tree.province, actor=users.a_officer)


def test_prefilled_figures_match_a_count_made_independently(tree):
    women = [
        admit(
            tree.a1,
            name=f"Lò Thị {n}",
            sex="nu",
            on=date(2023, 2, n + 1),
            ethnicity="Thái",
            birth=date(2000, 1, 1),
        )
        for n in range(2)
    ]
    admit(tree.a2, name="Hà Văn Nam", on=date(2023, 3, 5), birth=date(1980, 1, 1))
    old = admit(tree.a1, name="Nguyễn Văn Cũ", on=date(2021, 3, 1))
    member_recognize(
        member=old, decision="Quyết định số 3-QĐ/ĐU", actor=SYSTEM, on=date(2022, 3, 1)
    )
    admit(tree.b1, name="Người xã khác", on=date(2023, 2, 1))  # another commune
    admit(tree.a1, name="Kết nạp quý II", on=date(2023, 4, 2))  # after the period
    r = open_quarter(tree.province)
    auto = prefill(r, tree.a, actor=SYSTEM, today=date(2023, 4, 10))
    start, end = Q1_2023.start, Q1_2023.end
    a_cells = [tree.a1.pk, tree.a2.pk, tree.a.pk]
    admitted = MembershipEvent.objects.filter(
        kind="ket_nap", on__gte=start, on__lte=end, organization_id__in=a_cells
    )
    assert auto["KN01"] == admitted.count() == 3
    assert auto["KN01.nu"] == admitted.filter(member__sex="nu").count() == 2
    assert auto["KN01.dtts"] == 2 and auto["KN01.duoi_30"] == 2
    on_roll = Member.objects.filter(organization_id__in=a_cells, admitted_on__lte=end)
    assert auto["DV01"] == on_roll.count() == 4
    assert auto["DV01.nu"] == len(women)
    assert auto["DV02"] == 1 and auto["DV03"] == 3
    assert auto["TC01"] == 1 and auto["TC02"] == 1 and auto["TC04"] == 2
    assert "KN04" not in auto  # not something dangvu knows
    # the benchmark's baseline (a unit and an event at a time) counts the same
    assert auto == prefill_baseline(r, tree.a)


def test_a_part_above_its_total_is_refused_and_nothing_is_saved(tree):
    r = open_quarter(tree.province)
    a = entry(r, tree.a)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        submission_save(
            submission=a,
            values=filled(a, **{"KN04": "3", "KN04.x": "1", "DV04": "5"}),
            narratives={"ket_qua": "x"},
            submit=True,
            actor=SYSTEM,
            on=SENT_ON,
            reasons={"DV04": "có 5 đồng chí miễn sinh hoạt"},
        )
    messages = refused.value.message_dict
    assert "DV04" in messages
    assert "miễn sinh hoạt ≤ tổng số đảng viên" in messages["DV04"][0]
    a.refresh_from_db()
    assert a.state == SubmissionState.NOT_STARTED
    assert not Value.objects.filter(submission=a).exists()
    assert AuditEntry.objects.count() == before


def test_bad_cells_are_all_named_at_once(tree):
    r = open_quarter(tree.province)
    a = entry(r, tree.a)
    with pytest.raises(ValidationError) as refused:
        submission_save(
            submission=a,
            values=filled(a, KN04="ba", KT01="1,5", SH03="có lẽ"),
            actor=SYSTEM,
            on=SENT_ON,
        )
    messages = refused.value.message_dict
    assert set(messages) == {"KN04", "KT01", "SH03"}
    assert messages["KT01"] == [
        "Ô KT01 “Tổ chức đảng, đảng viên được khen thưởng”: phải là số nguyên."
    ]
    assert not Value.objects.filter(submission=a).exists()


def test_a_computed_value_is_overridden_only_with_a_reason_the_reviewer_sees(tree):
    admit(tree.a1, name="Lò Văn Một", on=date(2023, 2, 1))
    r = open_quarter(tree.province)
    a = entry(r, tree.a)
    with pytest.raises(ValidationError) as refused:
        submission_save(submission=a, values=filled(a, KN01="2"), actor=SYSTEM, on=SENT_ON)
    assert "hãy ghi lý do sửa" in refused.value.message_dict["KN01"][0]
    submission_save(
        submission=a,
        values=filled(a, KN01="2", **{"DV01": "2", "DV03": "2"}),
        reasons={
            "KN01": "Quyết định kết nạp ngày 30/3 chưa nhập",
            "DV01": "như trên",
            "DV03": "như trên",
        },
        actor=SYSTEM,
        on=SENT_ON,
    )
    kn01 = Value.objects.get(submission=a, indicator__code="KN01", part="")
    assert (kn01.number, kn01.computed, kn01.reason) == (
        Decimal(2),
        Decimal(1),
        "Quyết định kết nạp ngày 30/3 chưa nhập",
    )
    assert kn01.overridden


def test_entry_closes_at_the_lock_date_and_a_reopened_unit_may_enter(tree, users):
    r = open_quarter(tree.province, due_in=10, lock_in=20)
    a = entry(r, tree.a)
    late = Q1_2023.end + timedelta(days=25)
    with pytest.raises(ValidationError, match="khóa sổ"):
        send(a, on=late)
    a.reopened_until = None
    submission_unlock(
        submission=a, until=date.today() + timedelta(days=3), actor=users.province_leader
    )
    a.refresh_from_db()
    a.reopened_until = late + timedelta(days=3)
    a.save()
    send(a, on=late)
    a.refresh_from_db()
    assert a.state == SubmissionState.SUBMITTED and a.is_late


def test_approval_goes_bottom_up(tree, users):
    r = open_quarter(tree.province)
    subs = {s.organization_id: s for s in Submission.objects.filter(round=r)}
    leader = users.province_leader
    send(subs[tree.a.pk])
    with pytest.raises(ValidationError, match="còn 5 báo cáo cấp dưới"):
        submission_approve(submission=subs[tree.province.pk], actor=leader)
    submission_approve(submission=subs[tree.a.pk], actor=leader)
    with pytest.raises(ValidationError, match="Đảng bộ xã Hòa Cuông"):
        submission_approve(submission=subs[tree.d1.pk], actor=leader)
    send(subs[tree.b.pk])
    submission_approve(submission=subs[tree.b.pk], actor=leader)
    submission_approve(submission=subs[tree.d1.pk], actor=leader)
    submission_excuse(submission=subs[tree.c.pk], reason="Đang kiện toàn cấp ủy", actor=leader)
    with pytest.raises(ValidationError, match="Đảng bộ huyện Văn Yên"):
        submission_approve(submission=subs[tree.province.pk], actor=leader)
    submission_approve(submission=subs[tree.d2.pk], actor=leader)
    submission_approve(submission=subs[tree.province.pk], actor=leader)
    assert Submission.objects.get(pk=subs[tree.province.pk].pk).state == SubmissionState.APPROVED
    actions = AuditEntry.objects.filter(action="reporting.submission_approve").count()
    assert actions == 5


def test_a_returned_report_shows_the_comment_and_can_be_sent_again(tree, users):
    r = open_quarter(tree.province)
    a = send(entry(r, tree.a))
    with pytest.raises(ValidationError):
        submission_return(submission=a, comment="  ", actor=users.province_leader)
    submission_return(
        submission=a, comment="Số kết nạp chưa khớp danh sách", actor=users.province_leader
    )
    due = due_reports(tree.a, SENT_ON)
    assert [(d.submission.pk, d.returned, d.submission.comment) for d in due] == [
        (a.pk, True, "Số kết nạp chưa khớp danh sách")
    ]
    send(a, actor=users.a_officer)
    a.refresh_from_db()
    assert a.state == SubmissionState.SUBMITTED
    assert due_reports(tree.a, SENT_ON) == []


def test_completeness_follows_each_submission(tree):
    r = open_quarter(tree.province, due_in=8)

    def seen(today=date(2023, 4, 20)):
        c = completeness(actor=SYSTEM, round=r, organization=tree.province, today=today)
        return c.tally.text, [m.name for m in c.missing], {x.name: x.tally.reported for x in c.rows}

    assert seen() == (
        "0/3 đơn vị đã báo cáo",
        ["Đảng bộ xã Việt Thành", "Đảng bộ xã Hòa Cuông", "Đảng bộ xã Đông Cuông"],
        {"Đảng bộ huyện Trấn Yên": 0, "Đảng bộ huyện Văn Yên": 0},
    )
    send(entry(r, tree.a), on=date(2023, 4, 5))
    assert seen()[:2] == (
        "1/3 đơn vị đã báo cáo",
        ["Đảng bộ xã Hòa Cuông", "Đảng bộ xã Đông Cuông"],
    )
    send(entry(r, tree.c), on=date(2023, 4, 12))  # after the due date (8/4)
    text, missing, rows = seen()
    assert (text, missing) == ("2/3 đơn vị đã báo cáo", ["Đảng bộ xã Hòa Cuông"])
    assert rows == {"Đảng bộ huyện Trấn Yên": 1, "Đảng bộ huyện Văn Yên": 1}
    tally = completeness(
        actor=SYSTEM, round=r, organization=tree.province, today=date(2023, 4, 20)
    ).tally
    assert (tally.on_time, tally.late, tally.waiting, tally.approved, tally.overdue) == (
        1,
        1,
        2,
        0,
        1,
    )
    district = completeness(actor=SYSTEM, round=r, organization=tree.d1, today=date(2023, 4, 20))
    assert district.tally.text == "1/2 đơn vị đã báo cáo"


def test_the_roll_up_equals_the_unit_by_unit_sum_through_approve_and_reopen(tree, users):
    for n, cell in enumerate([tree.a1, tree.b1, tree.c1]):
        for k in range(n + 1):
            admit(
                cell,
                name=f"Đảng viên {n}{k}",
                on=date(2023, 1, 10 + k),
                sex="nu" if k % 2 else "nam",
            )
    r = open_quarter(tree.province)
    leader = users.province_leader
    for org in (tree.a, tree.b, tree.c):
        submission_approve(submission=send(entry(r, org)), actor=leader)
    whole = consolidation(actor=SYSTEM, round=r, organization=tree.province)
    assert whole.row("KN01").value == 6 and whole.row("KN01").parts[0].value == 2
    assert whole.row("DV01").value == 6
    assert whole.row("TL04").value == Decimal(100)
    baseline = consolidation_baseline(r, tree.province)
    for row in whole.rows:
        if row.code in baseline:
            assert row.value == baseline[row.code], row.code
    submission_reopen(submission=entry(r, tree.c), comment="Bổ sung số liệu", actor=leader)
    assert consolidation(actor=SYSTEM, round=r, organization=tree.province).row("KN01").value == 3
    assert consolidation(actor=SYSTEM, round=r, organization=tree.d2).row("KN01").value == 0
    assert rollup_rebuild(r) == 0
    assert (
        Rollup.objects.filter(round=r, organization=tree.province, indicator__code="KN01", part="")
        .get()
        .units
        == 2
    )


def test_scope_a_unit_enters_only_its_own_and_a_sibling_sees_nothing(tree, users):
    from dangvu.reporting.selectors import require_submission

    r = open_quarter(tree.province)
    a = entry(r, tree.a)
    with pytest.raises(PermissionDenied):
        send(a, actor=users.b_officer)
    with pytest.raises(PermissionDenied):
        require_submission(users.b_officer, a.pk)
    with pytest.raises(PermissionDenied):
        completeness(actor=users.b_officer, round=r, organization=tree.a, today=SENT_ON)
    with pytest.raises(PermissionDenied):
        consolidation(actor=users.b_officer, round=r, organization=tree.d1)
    with pytest.raises(PermissionDenied):
        prefill(r, tree.a, actor=users.b_officer)
    send(a, actor=users.a_officer)
    with pytest.raises(PermissionDenied):
        submission_approve(submission=a, actor=users.a_leader)  # its own report
    with pytest.raises(PermissionDenied):
        submission_approve(submission=a, actor=users.province_officer)  # not a leader
    submission_approve(submission=a, actor=users.province_leader)


def test_rebuilding_the_roll_up_repairs_a_wrong_sum(tree, users):
    admit(tree.a1, name="Đảng viên mới", on=date(2023, 2, 1))
    r = open_quarter(tree.province)
    for org in (tree.a, tree.b):
        submission_approve(submission=send(entry(r, org)), actor=users.province_leader)
    row = Rollup.objects.get(round=r, organization=tree.d1, indicator__code="KN01", part="")
    assert (row.total, row.units) == (1, 2)
    Rollup.objects.filter(pk=row.pk).update(total=99, units=7)
    assert rollup_rebuild(r) == 1
    row.refresh_from_db()
    assert (row.total, row.units) == (1, 2)
    assert consolidation(actor=SYSTEM, round=r, organization=tree.province).row("KN01").value == 1
