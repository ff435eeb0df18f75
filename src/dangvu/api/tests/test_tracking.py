"""Tracking through the API: tasks, a unit's assignments, report, confirm and return, with
the same scope and refusals as the pages."""

import pytest

from dangvu.api.tests.helpers import as_user
from dangvu.tracking.models import Assignment, AssignmentState
from dangvu.tracking.tests.helpers import make_task, plan_126


@pytest.fixture
def task(tree, users):
    return make_task(users.province_officer, plan_126(users.province_officer), tree.province)


def mine(task, org):
    return Assignment.objects.get(task=task, organization=org)


def test_tasks_are_listed_with_a_total_and_progress_in_the_callers_scope(users, tree, task):
    body = as_user(users.a_officer).get("/api/v1/tasks").json()
    assert body["total"] == 1 and body["items"][0]["title"] == task.title
    detail = as_user(users.province_officer).get(f"/api/v1/tasks/{task.pk}").json()
    assert detail["summary"]["total"] == 3 and detail["summary"]["done"] == 0
    rows = as_user(users.a_officer).get(f"/api/v1/tasks/{task.pk}/assignments").json()
    assert [r["organization"]["id"] for r in rows["items"]] == [tree.a.pk]


def test_a_unit_reports_and_its_superior_confirms(users, tree, task):
    a = mine(task, tree.a)
    r = as_user(users.a_officer).post(
        f"/api/v1/assignments/{a.pk}/submissions",
        {"text": "Đã tổ chức", "completed_on": "2023-05-02"},
    )
    assert r.status_code == 201, r.content
    assert r.json()["state"] == AssignmentState.SUBMITTED
    assert [x["id"] for x in as_user(users.d1_officer).get("/api/v1/reviews").json()] == [a.pk]
    officer = as_user(users.d1_officer).post(f"/api/v1/assignments/{a.pk}/confirm", {})
    assert officer.status_code == 403  # an officer above prepares; a leader above decides
    assert mine(task, tree.a).state == AssignmentState.SUBMITTED
    r = as_user(users.province_leader).post(
        f"/api/v1/assignments/{a.pk}/confirm", {"comment": "Tốt"}
    )
    assert r.status_code == 200, r.content
    assert r.json()["state"] == AssignmentState.DONE


def test_return_needs_a_comment_and_names_the_field(users, tree, task):
    a = mine(task, tree.a)
    as_user(users.a_officer).post(f"/api/v1/assignments/{a.pk}/submissions", {"text": "x"})
    leader = as_user(users.province_leader)
    r = leader.post(f"/api/v1/assignments/{a.pk}/return", {"comment": ""})
    assert r.status_code == 400 and r.json()["field"] == "comment"
    r = leader.post(f"/api/v1/assignments/{a.pk}/return", {"comment": "Bổ sung"})
    assert r.json()["state"] == AssignmentState.RETURNED


def test_another_unit_cannot_see_report_or_confirm(users, tree, task):
    a = mine(task, tree.a)
    assert as_user(users.b_officer).get(f"/api/v1/assignments/{a.pk}").status_code == 403
    r = as_user(users.b_officer).post(f"/api/v1/assignments/{a.pk}/submissions", {"text": "x"})
    assert r.status_code == 403
    as_user(users.a_officer).post(f"/api/v1/assignments/{a.pk}/submissions", {"text": "x"})
    # the unit itself may not confirm its own report
    assert as_user(users.a_leader).post(f"/api/v1/assignments/{a.pk}/confirm").status_code == 403
    assert mine(task, tree.a).state == AssignmentState.SUBMITTED
    assert (
        as_user(users.b_officer).get(f"/api/v1/organizations/{tree.a.pk}/assignments").status_code
        == 403
    )


def test_a_units_assignments(users, tree, task):
    body = as_user(users.a_viewer).get(f"/api/v1/organizations/{tree.a.pk}/assignments").json()
    assert [x["task_id"] for x in body] == [task.pk]
    assert body[0]["shown_label"]


def test_an_unknown_evidence_document_is_refused_by_field(users, tree, task):
    a = mine(task, tree.a)
    r = as_user(users.a_officer).post(
        f"/api/v1/assignments/{a.pk}/submissions", {"evidence_symbol": "99-KH/ĐU"}
    )
    assert r.status_code == 400 and r.json()["field"] == "evidence_symbol"
    assert mine(task, tree.a).state == AssignmentState.PENDING
