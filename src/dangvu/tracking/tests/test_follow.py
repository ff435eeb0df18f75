"""Tracking follows the register and the tree."""

import io
from datetime import date

from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.documents.models import DocumentStatus
from dangvu.flows.register import document_ingest, document_register
from dangvu.flows.restructure import org_dissolve, org_merge, org_split
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import NewOrgSpec
from dangvu.tracking.models import Assignment, AssignmentState, TaskKind
from dangvu.tracking.selectors import progress_of
from dangvu.tracking.services import assignment_submit, assignments_follow_tree

from .helpers import make_task

# ruff: noqa: E501 - a paragraph of a document is one line, as Word saves it
PROGRAM = "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động."
PLAN_A = """ĐẢNG BỘ HUYỆN TRẤN YÊN\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ VIỆT THÀNH
*
Số 15-KH/ĐU\tViệt Thành, ngày 10 tháng 01 năm 2023

KẾ HOẠCH
thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy

Căn cứ Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch thực hiện như sau:
1. Tổ chức quán triệt đến 100% chi bộ trực thuộc trong quý I năm 2023.
"""
PROGRAM_DATE = date(2022, 12, 28)
PLAN_DUE = date(2023, 2, 15)


def program_42(actor):
    return document_register(
        actor=actor,
        type_code="CTr",
        number="42",
        issuer_code="TU",
        date=PROGRAM_DATE,
        title="thực hiện Nghị quyết 21-NQ/TW",
        text=PROGRAM,
    ).document


def plan_task(actor, source, root, **kwargs):
    return make_task(
        actor,
        source,
        root,
        kind=TaskKind.ISSUE_DOCUMENT,
        issued=PROGRAM_DATE,
        due=PLAN_DUE,
        title="Xây dựng kế hoạch thực hiện",
        **kwargs,
    )


def get(task, org) -> Assignment:
    return Assignment.objects.exclude(state="exempt").get(task=task, organization=org)


# --- the register -----------------------------------------------------------------------


def test_an_ingested_plan_marks_the_units_task_done_without_anyone_ticking_it(tree, users) -> None:
    program = program_42(users.province_officer)
    task = plan_task(users.province_officer, program, tree.province)
    result = document_ingest(name="15-KH-DU.txt", data=PLAN_A.encode(), actor=users.a_officer)
    assert result.document.owner == tree.a
    mine = get(task, tree.a)
    assert mine.state == AssignmentState.DONE
    assert mine.completed_on == date(2023, 1, 10) and mine.evidence_document == result.document
    assert mine.shown(date(2023, 3, 1)) == "done_on_time"
    assert mine.submissions.get().decision == "automatic"
    assert get(task, tree.b).state == AssignmentState.PENDING
    assert AuditEntry.objects.filter(action="tracking.assignment_done_by_document").count() == 1


def test_a_late_plan_is_done_late(tree, users) -> None:
    program = program_42(users.province_officer)
    task = plan_task(users.province_officer, program, tree.province)
    late = PLAN_A.replace("ngày 10 tháng 01 năm 2023", "ngày 20 tháng 3 năm 2023")
    document_ingest(name="15.txt", data=late.encode(), actor=users.a_officer)
    assert get(task, tree.a).shown(date(2023, 4, 1)) == "done_late"


def test_a_plan_registered_before_the_task_is_done_at_once(tree, users) -> None:
    program = program_42(users.province_officer)
    document_ingest(name="15.txt", data=PLAN_A.encode(), actor=users.a_officer)
    task = plan_task(users.province_officer, program, tree.province)
    assert get(task, tree.a).state == AssignmentState.DONE
    assert get(task, tree.b).state == AssignmentState.PENDING


def test_a_draft_or_another_units_document_does_not_complete_it(tree, users) -> None:
    program = program_42(users.province_officer)
    task = plan_task(users.province_officer, program, tree.province)
    document_ingest(
        name="15.txt", data=PLAN_A.encode(), actor=users.a_officer, status=DocumentStatus.DRAFT
    )
    assert get(task, tree.a).state == AssignmentState.PENDING
    # B's plan completes B's part only
    document_register(
        actor=users.b_officer,
        type_code="KH",
        number="07",
        issuer_code="ĐU",
        date=date(2023, 1, 20),
        text="Thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy",
    )
    assert get(task, tree.b).state == AssignmentState.DONE
    assert get(task, tree.a).state == AssignmentState.PENDING
    # an activity task of the same program is not completed by a plan
    activity = make_task(users.province_officer, program, tree.province, issued=PROGRAM_DATE)
    assert get(activity, tree.b).state == AssignmentState.PENDING


# --- the tree ---------------------------------------------------------------------------

MERGE_DAY = date(2023, 5, 1)


def test_a_merged_units_open_task_passes_to_its_successor_with_its_report(tree, users) -> None:
    from dangvu.documents.services import document_register as reg

    source = reg(
        actor=users.province_officer,
        type_code="KH",
        number="126",
        issuer_code="TU",
        date=date(2023, 4, 4),
    ).document
    task = make_task(users.province_officer, source, tree.d1)
    a, b = get(task, tree.a), get(task, tree.b)
    assignment_submit(assignment=a, actor=users.a_officer, completed_on=date(2023, 4, 20))
    org_merge(sources=[tree.a], into=tree.b, on=MERGE_DAY, decision="QĐ 9-QĐ/HU", actor=SYSTEM)
    a.refresh_from_db()
    b.refresh_from_db()
    # A's part was further along (reported): kept, now B's; B's own is merged into it
    assert a.organization == tree.b and a.transferred_from == tree.a
    assert a.state == AssignmentState.SUBMITTED and a.submissions.count() == 1
    assert b.state == AssignmentState.EXEMPT and b.exempt_reason == "merged"
    assert b.merged_into == a and b.get_exempt_reason_display() == "đã hợp nhất"
    assert str(progress_of(task, tree.d1, date(2023, 5, 2)).summary.completion) == "0/1 đơn vị"


def test_merging_two_units_into_a_new_one_keeps_one_part(tree, users) -> None:
    from .helpers import plan_126

    task = make_task(users.province_officer, plan_126(users.province_officer), tree.d1)
    a, b = get(task, tree.a), get(task, tree.b)
    new = org_merge(
        sources=[tree.a, tree.b],
        on=MERGE_DAY,
        decision="QĐ 9-QĐ/HU",
        actor=SYSTEM,
        new=NewOrgSpec("Đảng bộ xã Trấn Yên", OrgKind.GRASSROOTS_COMMITTEE, "AB", parent=tree.d1),
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.organization == new and a.state == AssignmentState.PENDING
    assert b.state == AssignmentState.EXEMPT and b.merged_into == a
    assert (
        Assignment.objects.filter(task=task, organization=new).exclude(state="exempt").count() == 1
    )


def test_done_work_of_a_merged_unit_is_kept(tree, users) -> None:
    from dangvu.tracking.services import assignment_confirm

    from .helpers import plan_126

    task = make_task(users.province_officer, plan_126(users.province_officer), tree.d1)
    a = get(task, tree.a)
    assignment_submit(assignment=a, actor=users.a_officer, completed_on=date(2023, 4, 20))
    assignment_confirm(assignment=a, actor=users.d1_leader)
    org_merge(sources=[tree.a], into=tree.b, on=MERGE_DAY, decision="QĐ 9-QĐ/HU", actor=SYSTEM)
    a.refresh_from_db()
    assert a.organization == tree.a and a.state == AssignmentState.DONE
    assert get(task, tree.b).state == AssignmentState.PENDING


def _split_c(tree, assignment=None):
    return org_split(
        org=tree.c,
        on=MERGE_DAY,
        decision="QĐ 4-QĐ/HU",
        actor=SYSTEM,
        parts=[
            NewOrgSpec("Đảng bộ xã Đông Cuông 1", OrgKind.GRASSROOTS_COMMITTEE, "C-1"),
            NewOrgSpec("Đảng bộ xã Đông Cuông 2", OrgKind.GRASSROOTS_COMMITTEE, "C-2"),
        ],
        assignment={tree.c1.pk: 1} if assignment is None else assignment,
    )


def test_dissolution_and_split_exempt_the_units_part_with_the_reason(tree, users) -> None:
    from .helpers import plan_126

    source = plan_126(users.province_officer)
    cells = make_task(users.province_officer, source, tree.province, rule="cells")
    grassroots = make_task(users.province_officer, source, tree.province)
    org_dissolve(org=tree.a2, on=MERGE_DAY, decision="QĐ 3-QĐ/ĐU", actor=SYSTEM)
    a2 = Assignment.objects.get(task=cells, organization=tree.a2)
    assert a2.state == AssignmentState.EXEMPT and a2.get_exempt_reason_display() == "giải thể"
    _split_c(tree, assignment={tree.c1.pk: 0})
    c = Assignment.objects.get(task=grassroots, organization=tree.c)
    assert c.state == AssignmentState.EXEMPT and c.get_exempt_reason_display() == "chia tách"
    # C1 moved with the split: still its own part, still open
    assert Assignment.objects.get(task=cells, organization=tree.c1).state == AssignmentState.PENDING


def test_a_split_units_open_parts_pass_to_each_new_unit(tree, users) -> None:
    from .helpers import plan_126

    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province)
    before = progress_of(task, tree.d2, date(2023, 5, 2)).summary
    assert str(before.completion) == "0/1 đơn vị"
    c = get(task, tree.c)
    assignment_submit(assignment=c, actor=SYSTEM, text="Đang làm", final=False)
    c1_part, c2_part = _split_c(tree)
    c.refresh_from_db()
    assert c.state == AssignmentState.EXEMPT and c.exempt_reason == "split"
    assert "Đông Cuông 1" in c.exempt_note and "Đông Cuông 2" in c.exempt_note
    assert c.submissions.count() == 1  # what it reported stays with it
    for part in (c1_part, c2_part):
        theirs = get(task, part)
        assert theirs.state == AssignmentState.PENDING
        assert theirs.transferred_from == tree.c and theirs.transferred_on == MERGE_DAY
    after = progress_of(task, tree.d2, date(2023, 5, 2)).summary
    assert str(after.completion) == "0/2 đơn vị" and after.exempt == 1
    transfers = AuditEntry.objects.filter(action="tracking.assignment_transfer")
    assert transfers.count() == 2
    assert "chia tách" in transfers.first().summary
    page = client_for(users.province_officer).get(
        reverse("tracking:assignment_detail", args=[get(task, c2_part).pk])
    )
    assert "Đông Cuông (chia tách từ ngày 1/5/2023)" in page.content.decode()


def test_a_split_units_done_part_stays_and_gives_the_new_units_nothing(tree, users) -> None:
    from dangvu.tracking.services import assignment_confirm

    from .helpers import plan_126

    task = make_task(users.province_officer, plan_126(users.province_officer), tree.province)
    c = get(task, tree.c)
    assignment_submit(assignment=c, actor=SYSTEM, completed_on=date(2023, 4, 20))
    assignment_confirm(assignment=c, actor=users.province_leader)
    parts = _split_c(tree)
    c.refresh_from_db()
    assert c.state == AssignmentState.DONE and c.organization == tree.c
    assert not Assignment.objects.filter(task=task, organization__in=parts).exists()
    assert str(progress_of(task, tree.d2, date(2023, 5, 2)).summary.completion) == "1/1 đơn vị"


def test_a_refused_split_leaves_the_parts_as_they_were(tree, users) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    from .helpers import plan_126

    task = make_task(users.province_officer, plan_126(users.province_officer), tree.province)
    with pytest.raises(ValidationError):
        _split_c(tree, assignment={})  # C1 is given no part: refused, rolled back
    assert get(task, tree.c).state == AssignmentState.PENDING
    assert Assignment.objects.filter(task=task).count() == 3


PROVINCE_PLAN = """TỈNH ỦY YÊN BÁI\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 50-KH/TU\tYên Bái, ngày 05 tháng 01 năm 2023

KẾ HOẠCH
thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy
"""


def test_a_received_copy_of_the_provinces_plan_does_not_complete_the_communes_task(
    tree, users
) -> None:
    program = program_42(users.province_officer)
    task = plan_task(users.province_officer, program, tree.province)
    copy = document_ingest(name="50.txt", data=PROVINCE_PLAN.encode(), actor=users.a_officer)
    assert copy.received_copy and copy.document.owner == tree.a
    assert get(task, tree.a).state == AssignmentState.PENDING


def test_a_received_copy_registered_before_the_task_does_not_complete_it(tree, users) -> None:
    program = program_42(users.province_officer)
    document_ingest(name="50.txt", data=PROVINCE_PLAN.encode(), actor=users.a_officer)
    task = plan_task(users.province_officer, program, tree.province)
    assert get(task, tree.a).state == AssignmentState.PENDING


# --- the repair path: units that ended without the flow ---------------------------------


def test_work_left_on_units_that_ended_outside_the_flow_follows_the_tree(tree, users) -> None:
    """A 2023 task given over the tree of its day, the tree changed since by the orgs
    services alone (as the demo builds it): the repair passes a merged unit's open work to
    its successor, exempts a dissolved unit's, and keeps what was done where it was."""
    from django.core.management import call_command

    from dangvu.orgs import services as orgs

    program = program_42(users.province_officer)
    orgs.org_merge(sources=[tree.a], into=tree.b, on=MERGE_DAY, decision="QĐ 9", actor=SYSTEM)
    orgs.org_dissolve(org=tree.c1, on=MERGE_DAY, decision="QĐ 3", actor=SYSTEM)
    task = make_task(
        users.province_officer, program, tree.province, rule="cells", issued=PROGRAM_DATE
    )
    plan = plan_task(users.province_officer, program, tree.province)
    assert get(plan, tree.a).state == AssignmentState.PENDING  # left on the merged unit
    out = io.StringIO()
    call_command("tracking-follow-tree", stdout=out)
    assert "Đã cho việc của" in out.getvalue()
    theirs = get(plan, tree.b)
    mine = Assignment.objects.get(task=plan, organization=tree.a)
    assert mine.state == AssignmentState.EXEMPT and mine.exempt_reason == "merged"
    assert mine.merged_into == theirs
    ended = Assignment.objects.get(task=task, organization=tree.c1)
    assert ended.state == AssignmentState.EXEMPT and ended.exempt_reason == "dissolved"
    assert AuditEntry.objects.filter(action="tracking.assignment_exempt").exists()
    # a second run finds nothing left
    assert assignments_follow_tree(actor=SYSTEM) == 0


def test_only_the_system_follows_the_whole_tree(tree, users) -> None:
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match="quản trị"):
        assignments_follow_tree(actor=users.province_leader)
