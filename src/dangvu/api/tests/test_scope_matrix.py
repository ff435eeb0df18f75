"""The permission matrix of every API operation, read from the published schema: no
operation answers without a token, and every operation on an object of commune A refuses
an officer of commune B (an operation added without a row here fails the test). The
objects and bodies are `scope.py`'s, shared with the every-URL walk (`permissions.py`),
which checks each operation for every role at every place."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache

from dangvu.api.tests.helpers import ApiClient, as_user
from dangvu.api.tests.scope import BODIES, PREFIX, UNSCOPED, Objects, operations
from dangvu.api.tests.scope import url_name as scope_name


@pytest.fixture
def objects(users, tree, settings):
    """One object of commune A (or its cell) for each kind of path."""
    settings.API_RATE_LIMIT = 100_000
    cache.clear()
    return Objects(tree, officer=users.a_officer, superior=users.province_officer)


def test_no_operation_answers_without_a_valid_token(db):
    for op in operations():
        url = PREFIX + op.path.replace("{pk}", "1")
        for client in (ApiClient(None), ApiClient("dv_khong-dung")):
            r = client.client.generic(op.method, url, "{}", content_type="application/json")
            assert r.status_code == 401, (op.method, op.path, r.status_code)
            assert r["Content-Type"] == "application/problem+json"


def test_every_object_of_unit_a_is_refused_to_an_officer_of_unit_b(users, tree, objects):
    outsider = as_user(users.b_officer)
    checked = 0
    for op in operations():
        if op.kind is None:
            assert op.path in UNSCOPED, f"{op.method} {op.path}: add it to the matrix"
            continue
        url = objects.url(op)
        if op.path in ("/tasks/{pk}", "/tasks/{pk}/assignments"):
            # the province's task is B's too: B reads it, and only B's own rows of it
            rows = outsider.get(f"{PREFIX}/tasks/{objects.pk('tasks')}/assignments").json()
            assert {r["organization"]["id"] for r in rows["items"]} == {tree.b.pk}
            continue
        body = json.dumps(BODIES.get(op.path, {})) if op.method != "GET" else ""
        r = outsider.client.generic(
            op.method, url, body, content_type="application/json",
            headers={"Authorization": f"Bearer {outsider.secret}"},
        )  # fmt: skip
        assert r.status_code == 403, (op.method, op.path, r.status_code, r.content[:200])
        checked += 1
    assert checked >= 20


def test_every_read_of_unit_a_is_open_to_its_own_officer_and_viewer(users, tree, objects):
    for user in (users.a_officer, users.a_viewer):
        client = as_user(user)
        for op in operations():
            if op.method != "GET" or op.kind is None:
                continue
            r = client.get(objects.url(op))
            assert r.status_code == 200, (user.username, op.path, r.status_code, r.content[:200])


def test_personal_fields_reach_no_viewer_through_any_member_read(users, tree, objects):
    client = as_user(users.a_viewer)
    for url in (
        f"{PREFIX}/members",
        f"{PREFIX}/members/{objects.pk('members')}",
        f"{PREFIX}/changes",
    ):
        body = client.get(url).content.decode()
        assert "0912345678" not in body and 'citizen_id": "' not in body, url


def test_every_operation_has_a_statement_in_the_every_url_walk():
    """Each operation is a URL of its own (ninja names it after its function), stated in
    permissions.py; one left out of WHO is a URL the walk finds without a statement."""
    from dangvu.api.tests.permissions import PERMISSIONS, WHO
    from dangvu.tests.matrix import undeclared

    assert not [u for u in undeclared(PERMISSIONS) if u.startswith("api_v1:")]
    assert {scope_name(op) for op in operations()} == set(WHO)
    without = [s for s in PERMISSIONS if s.name != "api_v1:draft_issue"]
    assert "api_v1:draft_issue" in undeclared(without)
