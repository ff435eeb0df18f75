from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.orgs.models import OrgKind, OrgVersion
from dangvu.orgs.services import org_create, org_move
from dangvu.tracking import rules
from dangvu.tracking.models import Assignment, AssignmentState, Submission, Task, TaskKind
from dangvu.tracking.services import (
    assignment_confirm,
    assignment_exempt,
    assignment_return,
    assignment_submit,
    task_create,
)

from .helpers import DUE, ISSUED, make_task, plan_126, unit_plan


def units_of(task) -> set[int]:
    return set(task.assignments.values_list("organization_id", flat=True))


def assignment(task, org) -> Assignment:
    return Assignment.objects.get(
        task=task, organization=org, state__in=(*rules.OPEN_STATES, "done")
    )


# --- the unit rule, resolved on the issue date ------------------------------------------


@pytest.mark.parametrize("rule", ["direct", "grassroots", "cells"])
def test_unit_rule_matches_an_independent_walk_of_the_tree(tree, users, rule) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, rule=rule)
    root = OrgVersion.objects.get(organization=tree.province)
    spec = rules.rule_for(rule)
    expected = {
        v.organization_id
        for v in OrgVersion.objects.filter(valid_to__isnull=True)
        if v.path.startswith(root.path)
        and rules.rule_takes(spec, root_depth=root.depth, depth=v.depth, kind=v.kind)
    }
    assert expected and units_of(task) == expected


def test_unit_rule_is_resolved_on_the_issue_date_not_today(tree, users) -> None:
    source = plan_126(users.province_officer)
    # C moves from D2 to D1 in 2024; a commune founded in 2024 did not exist in 2023.
    org_move(
        org=tree.c, new_parent=tree.d1, on=date(2024, 1, 1), decision="QĐ 5-QĐ/TU", actor=SYSTEM
    )
    late = org_create(
        name="Đảng bộ xã Mới",
        kind=OrgKind.GRASSROOTS_COMMITTEE,
        code="N",
        parent=tree.d1,
        founded_on=date(2024, 1, 1),
        decision="QĐ 6-QĐ/TU",
        actor=SYSTEM,
    )
    task_2023 = make_task(users.province_officer, source, tree.d1, rule="grassroots")
    assert units_of(task_2023) == {tree.a.pk, tree.b.pk}
    task_2024 = make_task(
        users.province_officer,
        source,
        tree.d1,
        rule="grassroots",
        issued=date(2024, 2, 1),
        due=date(2024, 3, 1),
    )
    assert units_of(task_2024) == {tree.a.pk, tree.b.pk, tree.c.pk, late.pk}


def test_listed_units_must_lie_below_the_root(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(
        users.province_officer, source, tree.d1, rule="listed", listed=[tree.a1, tree.b]
    )
    assert units_of(task) == {tree.a1.pk, tree.b.pk}
    with pytest.raises(ValidationError) as exc:
        make_task(users.province_officer, source, tree.d1, rule="listed", listed=[tree.c])
    assert "listed" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        make_task(users.province_officer, source, tree.d1, rule="listed")
    assert "listed" in exc.value.message_dict


def test_repeated_task_makes_one_task_per_round(tree, users) -> None:
    source = plan_126(users.province_officer)
    first = make_task(
        users.province_officer,
        source,
        tree.province,
        kind=TaskKind.REPORT,
        due=[date(2023, 6, 29), date(2023, 12, 10)],
        asks_sessions=True,
    )
    rounds = list(Task.objects.filter(series=first).order_by("round"))
    assert [(t.round, t.due_on) for t in rounds] == [
        (1, date(2023, 6, 29)),
        (2, date(2023, 12, 10)),
    ]
    assert units_of(rounds[0]) == units_of(rounds[1])
    assert str(rounds[1]).endswith("(lần 2), hạn 10/12/2023")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"kind": "xyz"}, "kind"),
        ({"unit_rule": "xyz"}, "unit_rule"),
        ({"due_dates": [date(2023, 4, 1)]}, "due_on"),
        ({"due_dates": []}, "due_on"),
        ({"issued_on": date(2023, 1, 1)}, "issued_on"),
    ],
)
def test_bad_task_input_names_the_field_and_changes_nothing(tree, users, changes, field) -> None:
    source = plan_126(users.province_officer)
    before = (Task.objects.count(), Assignment.objects.count(), AuditEntry.objects.count())
    args = {
        "source": source,
        "title": "Học tập",
        "kind": TaskKind.HOLD_ACTIVITY,
        "issued_on": ISSUED,
        "due_dates": [DUE],
        "unit_rule": "grassroots",
        "rule_root": tree.province,
        "actor": users.province_officer,
    }
    args.update(changes)
    with pytest.raises(ValidationError) as exc:
        task_create(**args)
    assert field in exc.value.message_dict
    assert (Task.objects.count(), Assignment.objects.count(), AuditEntry.objects.count()) == before


def test_a_rule_that_takes_no_unit_is_refused(tree, users) -> None:
    source = plan_126(users.province_officer)
    with pytest.raises(ValidationError) as exc:
        make_task(users.province_officer, source, tree.a1, rule="cells")
    assert "unit_rule" in exc.value.message_dict


def test_task_from_a_draft_or_a_placeholder_is_refused(tree, users) -> None:
    from dangvu.documents.models import DocumentStatus

    plan = unit_plan(users.a_officer, "15", date(2023, 4, 20))
    cited = plan.references.get().target  # 126-KH/TU, not yet in the register
    assert cited.status == DocumentStatus.PLACEHOLDER
    draft = unit_plan(users.a_officer, "16", date(2023, 4, 21))
    draft.status = DocumentStatus.DRAFT
    draft.save()
    for source, actor in ((cited, users.province_officer), (draft, users.a_officer)):
        with pytest.raises(ValidationError) as exc:
            make_task(actor, source, tree.a, rule="cells", issued=date(2023, 4, 21))
        assert "source" in exc.value.message_dict
    assert not Task.objects.exists()


# --- scope ---------------------------------------------------------------------------------


def test_task_creation_is_for_the_source_owner_or_above_within_their_subtree(tree, users) -> None:
    source = plan_126(users.province_officer)
    with pytest.raises(PermissionDenied):  # a commune cannot assign from the province's plan
        make_task(users.a_officer, source, tree.a, rule="cells")
    with pytest.raises(PermissionDenied):  # a viewer cannot assign
        from dangvu.core.testing import make_user

        make_task(make_user("xem.tinh", tree.province, "viewer"), source, tree.province)
    own = unit_plan(users.a_officer, "15", date(2023, 4, 20))
    with pytest.raises(PermissionDenied):  # A's plan, but B's cells are not A's to task
        make_task(users.a_officer, own, tree.b, rule="cells", issued=date(2023, 4, 20))
    task = make_task(users.a_officer, own, tree.a, rule="cells", issued=date(2023, 4, 20))
    assert units_of(task) == {tree.a1.pk, tree.a2.pk}


def test_a_unit_updates_only_its_own_assignment_and_only_its_superior_confirms(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province)
    mine = assignment(task, tree.a)
    for outsider in (users.b_officer, users.a_viewer, users.d1_officer):
        with pytest.raises(PermissionDenied):
            assignment_submit(assignment=mine, actor=outsider, completed_on=date(2023, 5, 1))
    assignment_submit(assignment=mine, actor=users.a_officer, completed_on=date(2023, 5, 1))
    for not_superior in (users.a_leader, users.b_officer, users.a_viewer, users.d1_officer):
        with pytest.raises(PermissionDenied):
            assignment_confirm(assignment=mine, actor=not_superior)
    assignment_confirm(assignment=mine, actor=users.d1_leader)
    mine.refresh_from_db()
    assert mine.state == AssignmentState.DONE


# --- on time, late, returned ---------------------------------------------------------------


def test_on_time_and_late_are_derived_from_the_completion_date(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, asks_sessions=True)
    a, b = assignment(task, tree.a), assignment(task, tree.b)
    assignment_submit(assignment=a, actor=users.a_officer, completed_on=DUE, sessions=3)
    assignment_submit(
        assignment=b, actor=users.b_officer, completed_on=date(2023, 7, 3), sessions=2
    )
    # the superior confirms late: the unit's own date decides
    assignment_confirm(assignment=a, actor=users.province_leader)
    assignment_confirm(assignment=b, actor=users.province_leader)
    a.refresh_from_db()
    b.refresh_from_db()
    today = date(2023, 8, 1)
    assert a.shown(today) == "done_on_time" and b.shown(today) == "done_late"
    c = assignment(task, tree.c)
    assert c.shown(DUE) == "not_started" and c.shown(date(2023, 6, 30)) == "overdue"


def test_figures_asked_for_are_required_in_the_report(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, asks_sessions=True)
    mine = assignment(task, tree.a)
    with pytest.raises(ValidationError) as exc:
        assignment_submit(assignment=mine, actor=users.a_officer, completed_on=date(2023, 5, 1))
    assert "sessions" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        assignment_submit(
            assignment=mine, actor=users.a_officer, completed_on=date(2023, 5, 1), sessions=-1
        )
    assert "sessions" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        assignment_submit(
            assignment=mine, actor=users.a_officer, completed_on=date(2023, 1, 1), sessions=2
        )
    assert "completed_on" in exc.value.message_dict
    mine.refresh_from_db()
    assert mine.state == AssignmentState.PENDING and not mine.submissions.exists()


def test_a_report_task_needs_its_text(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, kind=TaskKind.REPORT)
    with pytest.raises(ValidationError) as exc:
        assignment_submit(assignment=assignment(task, tree.a), actor=users.a_officer)
    assert "text" in exc.value.message_dict


def test_a_returned_submission_goes_back_to_the_unit_and_can_be_resubmitted(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, kind=TaskKind.REPORT)
    mine = assignment(task, tree.a)
    assignment_submit(assignment=mine, actor=users.a_officer, text="Đã tổ chức 2 buổi.")
    with pytest.raises(ValidationError) as exc:
        assignment_return(assignment=mine, actor=users.d1_leader, comment=" ")
    assert "comment" in exc.value.message_dict
    with pytest.raises(ValidationError):  # one pending report at a time
        assignment_submit(assignment=mine, actor=users.a_officer, text="lần nữa")
    assignment_return(assignment=mine, actor=users.d1_leader, comment="Thiếu số đảng viên tham dự.")
    mine.refresh_from_db()
    assert mine.state == AssignmentState.RETURNED
    returned = mine.submissions.get()
    assert returned.decision == "returned" and returned.review_comment.startswith("Thiếu")
    assert returned.reviewed_by == users.d1_leader
    with pytest.raises(ValidationError):  # nothing pending now
        assignment_confirm(assignment=mine, actor=users.d1_leader)
    assignment_submit(assignment=mine, actor=users.a_officer, text="Đã tổ chức 2 buổi, 40 lượt.")
    assignment_confirm(assignment=mine, actor=users.d1_leader)
    mine.refresh_from_db()
    assert mine.state == AssignmentState.DONE
    assert list(mine.submissions.values_list("decision", flat=True)) == ["confirmed", "returned"]


def test_progress_update_then_exempt_by_the_superior(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province)
    mine = assignment(task, tree.a)
    assignment_submit(assignment=mine, actor=users.a_officer, text="Đang chuẩn bị", final=False)
    mine.refresh_from_db()
    assert mine.state == AssignmentState.IN_PROGRESS
    with pytest.raises(ValidationError) as exc:
        assignment_exempt(assignment=mine, actor=users.d1_leader, reason="other")
    assert "note" in exc.value.message_dict
    with pytest.raises(PermissionDenied):
        assignment_exempt(assignment=mine, actor=users.a_officer, reason="dissolved")
    assignment_exempt(assignment=mine, actor=users.d1_leader, reason="other", note="Đang kiện toàn")
    mine.refresh_from_db()
    assert mine.state == AssignmentState.EXEMPT and mine.exempt_note == "Đang kiện toàn"


def test_every_write_is_audited(tree, users) -> None:
    source = plan_126(users.province_officer)
    start = AuditEntry.objects.count()
    task = make_task(users.province_officer, source, tree.province)
    mine = assignment(task, tree.a)
    assignment_submit(assignment=mine, actor=users.a_officer, completed_on=date(2023, 5, 1))
    assignment_confirm(assignment=mine, actor=users.d1_leader)
    actions = list(AuditEntry.objects.order_by("id")[start:].values_list("action", flat=True))
    assert actions == [
        "tracking.task_create",
        "tracking.assignment_submit",
        "tracking.assignment_confirm",
    ]
    assert Submission.objects.get().submitted_by == users.a_officer
