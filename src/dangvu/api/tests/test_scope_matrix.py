"""The permission matrix of every API operation, read from the published schema: no
operation answers without a token, and every operation on an object of commune A refuses
an officer of commune B (an operation added without a row here fails the test)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.cache import cache
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.api.api import api
from dangvu.api.tests.helpers import ApiClient, as_user
from dangvu.drafting.services import draft_create
from dangvu.members.models import MembershipEvent
from dangvu.members.services import member_transfer
from dangvu.members.tests.helpers import DECISION, admit
from dangvu.reporting import periods
from dangvu.reporting.models import Submission
from dangvu.reporting.tests.conftest import open_quarter
from dangvu.tracking.models import Assignment
from dangvu.tracking.tests.helpers import make_task, plan_126, unit_plan

PREFIX = "/api/v1"
# Operations without an object in the path: scoped by the caller's own unit, or by an
# `organization` parameter tested in each resource's tests.
UNSCOPED = {
    "/organizations", "/members", "/members/import", "/statistics", "/documents", "/tasks",
    "/reviews", "/changes", "/reporting/rounds", "/drafts",
}  # fmt: skip


# A well-formed body for each write on an object, so the refusal tested is the scope's.
BODIES = {
    "/members/{pk}/events": {"kind": "recognize", "decision": DECISION},
    "/events/{pk}/annul": {"decision": DECISION, "reason": "Ghi nhầm"},
    "/members/{pk}/transfers": {"to_org": 1, "on": "2021-01-01", "decision": DECISION},
    "/transfers/{pk}/confirm": {"on": "2021-01-01"},
    "/reporting/submissions/{pk}": {"values": {}},
    "/reporting/submissions/{pk}/return": {"comment": "Bổ sung"},
}


def operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return [
        (method.upper(), path.removeprefix(PREFIX))
        for path, item in schema["paths"].items()
        for method in item
    ]


@pytest.fixture
def objects(users, tree, settings):
    """One object of commune A (or its cell) for each kind of path."""
    settings.API_RATE_LIMIT = 100_000
    cache.clear()
    member = admit(
        tree.a1, name="Đặng Thị Hạnh", sex="nu", birth=date(1988, 8, 8), phone="0912345678"
    )
    transfer = member_transfer(
        member=member, to_org=tree.a2, on=date(2020, 1, 1), decision="Giấy giới thiệu số 1",
        actor=SYSTEM,
    )  # fmt: skip
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    task = make_task(users.province_officer, plan, tree.province)
    today = timezone.localdate()
    q = (today.month - 1) // 3 + 1
    period = periods.quarter(today.year, q - 1) if q > 1 else periods.quarter(today.year - 1, 4)
    rnd = open_quarter(tree.a, rule="cells", period=period, due_in=400, lock_in=500)
    draft = draft_create(
        genre="member_stats", owner=tree.a, source={"on": "2024-12-31"}, actor=users.a_officer
    )
    return {
        "organizations": tree.a.pk,
        "members": member.pk,
        "events": MembershipEvent.objects.filter(member=member).first().pk,
        "transfers": transfer.pk,
        "documents": own.pk,
        "tasks": task.pk,  # a task of the province: B sees it too, its A rows are scoped
        "assignments": Assignment.objects.get(task=task, organization=tree.a).pk,
        "reporting/rounds": rnd.pk,
        "reporting/submissions": Submission.objects.get(round=rnd, organization=tree.a1).pk,
        "drafts": draft.pk,
    }


def _url(path: str, objects: dict[str, int]) -> str | None:
    if "{pk}" not in path:
        return None
    kind = path.split("/{pk}")[0].lstrip("/")
    return PREFIX + path.replace("{pk}", str(objects[kind]))


def test_no_operation_answers_without_a_valid_token(db):
    for method, path in operations():
        url = PREFIX + path.replace("{pk}", "1")
        for client in (ApiClient(None), ApiClient("dv_khong-dung")):
            r = client.client.generic(method, url, "{}", content_type="application/json")
            assert r.status_code == 401, (method, path, r.status_code)
            assert r["Content-Type"] == "application/problem+json"


def test_every_object_of_unit_a_is_refused_to_an_officer_of_unit_b(users, tree, objects):
    outsider = as_user(users.b_officer)
    checked = 0
    for method, path in operations():
        url = _url(path, objects)
        if url is None:
            assert path in UNSCOPED, f"{method} {path}: add it to the matrix"
            continue
        if path in ("/tasks/{pk}", "/tasks/{pk}/assignments"):
            # the province's task is B's too: B reads it, and only B's own rows of it
            rows = outsider.get(_url("/tasks/{pk}/assignments", objects)).json()["items"]
            assert {r["organization"]["id"] for r in rows} == {tree.b.pk}
            continue
        body = json.dumps(BODIES.get(path, {})) if method != "GET" else ""
        r = outsider.client.generic(
            method, url, body, content_type="application/json",
            headers={"Authorization": f"Bearer {outsider.secret}"},
        )  # fmt: skip
        assert r.status_code == 403, (method, path, r.status_code, r.content[:200])
        checked += 1
    assert checked >= 20


def test_every_read_of_unit_a_is_open_to_its_own_officer_and_viewer(users, tree, objects):
    for user in (users.a_officer, users.a_viewer):
        client = as_user(user)
        for method, path in operations():
            url = _url(path, objects)
            if method != "GET" or url is None:
                continue
            r = client.get(url)
            assert r.status_code == 200, (user.username, path, r.status_code, r.content[:200])


def test_personal_fields_reach_no_viewer_through_any_member_read(users, tree, objects):
    client = as_user(users.a_viewer)
    for url in (
        f"{PREFIX}/members",
        f"{PREFIX}/members/{objects['members']}",
        f"{PREFIX}/changes",
    ):
        body = client.get(url).content.decode()
        assert "0912345678" not in body and 'citizen_id": "' not in body, url
