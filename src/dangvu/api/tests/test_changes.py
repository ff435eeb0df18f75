"""The changes feed: from the audit log, scoped to the caller's subtree, resumable."""

from datetime import date

from dangvu.api.tests.helpers import as_user
from dangvu.members.tests.helpers import admit


def test_feed_gives_the_changes_of_the_subtree_only_and_resumes(users, tree):
    client = as_user(users.a_officer)
    start = client.get("/api/v1/changes").json()["next_since"]
    mine = admit(tree.a1, name="Người Của A")
    admit(tree.b1, name="Người Của B")
    body = client.get("/api/v1/changes", {"since": start}).json()
    objects = {(c["object_type"], c["object_id"]) for c in body["changes"]}
    assert ("members.member", str(mine.pk)) in objects
    assert all("Người Của B" not in c["object"] for c in body["changes"])
    assert next(c for c in body["changes"] if c["object_id"] == str(mine.pk))["resource"] == (
        f"/api/v1/members/{mine.pk}"
    )
    assert not any(c["action"].startswith("api.") for c in body["changes"])
    after = client.get("/api/v1/changes", {"since": body["next_since"]}).json()
    assert after["changes"] == [] and after["next_since"] == body["next_since"]


def test_feed_pages_with_limit_and_more(users, tree):
    for i in range(3):
        admit(tree.a1, name=f"Đảng Viên {i}", birth=date(1990, 1, i + 1))
    client = as_user(users.a_officer)
    first = client.get("/api/v1/changes", {"limit": 2}).json()
    assert len(first["changes"]) == 2 and first["more"] is True
    rest = client.get("/api/v1/changes", {"since": first["next_since"], "limit": 100}).json()
    ids = [c["id"] for c in first["changes"] + rest["changes"]]
    assert ids == sorted(set(ids))


def test_since_a_moment_and_a_bad_since(users, tree):
    client = as_user(users.a_officer)
    admit(tree.a1)
    body = client.get("/api/v1/changes", {"since": "2000-01-01T00:00:00+07:00"}).json()
    assert body["changes"]
    bad = client.get("/api/v1/changes", {"since": "hôm qua"})
    assert bad.status_code == 400 and bad.json()["field"] == "since"
    naive = client.get("/api/v1/changes", {"since": "2000-01-01T00:00:00"})
    assert naive.status_code == 400 and "múi giờ" in naive.json()["detail"]
