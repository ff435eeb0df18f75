"""Tracking through the API: tasks, a unit's assignments, report, confirm and return, with
the same scope and refusals as the pages."""

import pytest

from dangvu.api.tests.helpers import as_user
from dangvu.tracking.models import Assignment, AssignmentState
from dangvu.tracking.tests.helpers import make_task, plan_126, unit_plan


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


def _task_body(source, root, **more):
    return {
        "source": source.pk,
        "title": "Tổ chức học tập, quán triệt Kế hoạch 126",
        "kind": "hold_activity",
        "issued_on": "2023-04-05",
        "due_dates": ["2023-06-30", "2023-12-31"],
        "unit_rule": "grassroots",
        "rule_root": root.pk,
        **more,
    }


def test_a_task_is_given_with_its_rounds_and_assignments_as_the_page_does(users, tree):
    from dangvu.core.models import AuditEntry
    from dangvu.tracking.models import Task

    plan = plan_126(users.province_officer)
    client = as_user(users.province_officer)
    r = client.post("/api/v1/tasks", _task_body(plan, tree.province))
    assert r.status_code == 201, r.content
    body = r.json()
    assert [t["round"] for t in body["tasks"]] == [1, 2] and body["units"] == 3
    task = Task.objects.get(pk=body["tasks"][0]["id"])
    assert {tree.a.pk, tree.b.pk} <= {a.organization_id for a in task.assignments.all()}
    assert AuditEntry.objects.filter(action="tracking.task_create").exists()
    assert AuditEntry.objects.filter(action="api.write", summary__contains="/api/v1/tasks").exists()
    listed = client.post(
        "/api/v1/tasks", _task_body(plan, tree.province, unit_rule="listed", listed=[tree.a1.pk])
    )
    assert listed.status_code == 201 and listed.json()["units"] == 1


def test_task_input_is_refused_by_field_and_nothing_is_given(users, tree):
    from dangvu.tracking.models import Task

    plan = plan_126(users.province_officer)
    client = as_user(users.province_officer)
    early = client.post("/api/v1/tasks", _task_body(plan, tree.province, issued_on="2020-01-01"))
    assert early.status_code == 400 and early.json()["field"] == "issued_on"
    assert "trước ngày ban hành" in early.json()["detail"]
    bad = client.post("/api/v1/tasks", _task_body(plan, tree.province, due_dates=["2023-01-01"]))
    assert bad.status_code == 400 and bad.json()["field"] == "due_dates"
    assert not Task.objects.exists()


def test_another_unit_or_a_viewer_cannot_give_a_task(users, tree):
    from dangvu.tracking.models import Task

    own = unit_plan(users.a_officer, "15", plan_126(users.province_officer).date)
    # B's officer: neither the source (A's plan) nor A's subtree is theirs
    r = as_user(users.b_officer).post("/api/v1/tasks", _task_body(own, tree.a))
    assert r.status_code in (400, 403) and not Task.objects.exists()
    assert r.json()["field"] in (None, "source", "rule_root"), r.content
    r = as_user(users.a_viewer).post("/api/v1/tasks", _task_body(own, tree.a))
    assert r.status_code == 403 and not Task.objects.exists()
    r = as_user(users.a_officer).post("/api/v1/tasks", _task_body(own, tree.a, unit_rule="direct"))
    assert r.status_code == 201 and r.json()["units"] == 2, r.content
