"""Restructuring through the API: the flows the organization pages call, their refusals,
their audit rows; another unit and a viewer refused."""

from datetime import date

from dangvu.api.tests.helpers import as_user
from dangvu.core.models import AuditEntry
from dangvu.members.models import Member
from dangvu.members.tests.helpers import admit
from dangvu.orgs.models import Organization

DECISION = "Quyết định số 12-QĐ/ĐU, ngày 01/6/2025"


def test_a_cell_is_established_renamed_and_dissolved(users, tree):
    client = as_user(users.a_officer)
    r = client.post(
        f"/api/v1/organizations/{tree.a.pk}/establish",
        {
            "name": "Chi bộ Thôn 3 xã Việt Thành",
            "kind": tree.a1.kind,
            "code": "A3",
            "founded_on": "2025-06-01",
            "decision": DECISION,
        },
    )
    assert r.status_code == 201, r.content
    cell = Organization.objects.get(pk=r.json()["organizations"][0]["id"])
    assert cell.parent_id == tree.a.pk
    r = client.post(
        f"/api/v1/organizations/{cell.pk}/rename",
        {"on": "2025-07-01", "decision": DECISION, "name": "Chi bộ Thôn Ba"},
    )
    assert r.status_code == 201, r.content
    cell.refresh_from_db()
    assert cell.name == "Chi bộ Thôn Ba"
    r = client.post(
        f"/api/v1/organizations/{cell.pk}/dissolve", {"on": "2025-08-01", "decision": DECISION}
    )
    assert r.status_code == 201, r.content
    cell.refresh_from_db()
    assert cell.dissolved_on == date(2025, 8, 1)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"orgs.org_create", "orgs.org_rename", "orgs.org_dissolve", "api.write"} <= actions


def test_a_cell_with_members_is_not_dissolved_and_a_merge_takes_them(users, tree):
    member = admit(tree.a2, name="Nguyễn Văn Hùng")
    client = as_user(users.a_officer)
    r = client.post(
        f"/api/v1/organizations/{tree.a2.pk}/dissolve", {"on": "2025-08-01", "decision": DECISION}
    )
    assert r.status_code == 400, r.content
    assert "đảng viên" in r.json()["detail"]
    tree.a2.refresh_from_db()
    assert tree.a2.dissolved_on is None
    r = client.post(
        f"/api/v1/organizations/{tree.a2.pk}/merge",
        {"into": tree.a1.pk, "on": "2025-08-01", "decision": DECISION},
    )
    assert r.status_code == 201, r.content
    assert r.json()["organizations"][0]["id"] == tree.a1.pk
    member = Member.objects.get(pk=member.pk)
    assert member.organization_id == tree.a1.pk


def test_a_district_officer_moves_a_cell_to_another_commune(users, tree):
    r = as_user(users.d1_officer).post(
        f"/api/v1/organizations/{tree.a1.pk}/move",
        {"new_parent": tree.b.pk, "on": "2025-08-01", "decision": DECISION},
    )
    assert r.status_code == 201, r.content
    tree.a1.refresh_from_db()
    assert tree.a1.parent_id == tree.b.pk


def test_another_unit_or_a_viewer_cannot_restructure(users, tree):
    body = {"on": "2025-08-01", "decision": DECISION}
    before = AuditEntry.objects.filter(action__startswith="orgs.").count()  # the tree's
    for user in (users.b_officer, users.a_viewer):
        client = as_user(user)
        for path, extra in (
            ("dissolve", {}),
            ("rename", {"name": "Tên khác"}),
            ("merge", {"into": tree.a1.pk}),
            ("split", {"kind": tree.a2.kind, "parts": [{"name": "X", "code": "X"}] * 2}),
        ):
            r = client.post(f"/api/v1/organizations/{tree.a2.pk}/{path}", {**body, **extra})
            assert r.status_code == 403, (user.username, path, r.content)
    # the commune's own officer cannot change the commune itself: only a committee above
    r = as_user(users.a_officer).post(
        f"/api/v1/organizations/{tree.a.pk}/rename", {**body, "name": "Xã khác"}
    )
    assert r.status_code == 403
    assert AuditEntry.objects.filter(action__startswith="orgs.").count() == before
