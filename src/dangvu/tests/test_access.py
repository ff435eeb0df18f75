"""The access policy as a table: each role × where the organization lies."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from dangvu import access
from dangvu.access import SYSTEM
from dangvu.accounts.models import Role, User
from dangvu.core.audit import audit_record
from dangvu.core.models import AuditEntry
from dangvu.core.testing import make_user
from dangvu.orgs.models import Organization
from dangvu.orgs.services import org_merge

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune_users(tree):
    return {role: make_user(f"{role}.a", tree.a, role) for role in Role.values}


# where the organization lies, seen from commune A
PLACES = {"own": "a", "descendant": "a1", "sibling": "b", "ancestor": "d1"}

# place -> (view, change, change strictly below, approve) for each role of commune A
EXPECTED = {
    Role.VIEWER: {
        "own": (True, False, False, False),
        "descendant": (True, False, False, False),
        "sibling": (False, False, False, False),
        "ancestor": (False, False, False, False),
    },
    Role.OFFICER: {
        "own": (True, True, False, False),
        "descendant": (True, True, True, False),
        "sibling": (False, False, False, False),
        "ancestor": (False, False, False, False),
    },
    Role.LEADER: {
        "own": (True, True, False, False),
        "descendant": (True, True, True, True),
        "sibling": (False, False, False, False),
        "ancestor": (False, False, False, False),
    },
}


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("place", PLACES)
def test_each_role_sees_changes_and_approves_only_its_subtree(
    tree, commune_users, role, place
) -> None:
    user = commune_users[role]
    org = getattr(tree, PLACES[place])
    got = (
        access.can_view(user, org),
        access.can_change(user, org),
        access.can_change(user, org, strictly_below=True),
        access.can_approve(user, org),
    )
    assert got == EXPECTED[role][place]
    assert access.can_see_personal(user, org) == EXPECTED[role][place][1]
    assert access.can_submit(user, org) == (place == "own" and role != Role.VIEWER)
    assert (org in access.visible_organizations(user)) == EXPECTED[role][place][0]


def test_the_require_functions_refuse_in_vietnamese(tree, users) -> None:
    with pytest.raises(PermissionDenied, match="ngoài phạm vi đơn vị của bạn"):
        access.require_view(users.a_officer, tree.b)
    with pytest.raises(PermissionDenied, match="không có quyền thay đổi “Đảng bộ xã Hòa Cuông”"):
        access.require_change(users.a_officer, tree.b)
    with pytest.raises(PermissionDenied, match="chỉ lãnh đạo cấp ủy cấp trên"):
        access.require_approve(users.a_officer, tree.a1)
    with pytest.raises(PermissionDenied, match="Chỉ chuyên viên, lãnh đạo của chính"):
        access.require_submit(users.a_viewer, tree.a)
    access.require_view(users.a_viewer, tree.a1)
    access.require_change(users.a_officer, tree.a1)
    access.require_approve(users.a_leader, tree.a1)
    access.require_submit(users.a_officer, tree.a)


def test_the_system_and_a_superuser_may_do_everything(tree) -> None:
    admin = User.objects.create(username="quantri", is_superuser=True)
    for actor in (SYSTEM, admin):
        for org in (tree.province, tree.a, tree.c1):
            assert access.can_view(actor, org)
            assert access.can_change(actor, org, strictly_below=True)
            assert access.can_approve(actor, org)
        assert access.visible_organizations(actor).count() == Organization.objects.count()
    assert access.user_of(SYSTEM) is None
    assert access.user_of(admin) == admin


def test_an_anonymous_visitor_may_do_nothing(tree) -> None:
    anonymous = AnonymousUser()
    assert not access.can_view(anonymous, tree.a)
    assert not access.can_change(anonymous, tree.a)
    assert not access.can_approve(anonymous, tree.a)
    assert not access.visible_organizations(anonymous).exists()


def test_a_missing_actor_is_refused_not_taken_for_the_system(tree) -> None:
    with pytest.raises(PermissionDenied, match="phải truyền SYSTEM"):
        access.can_change(None, tree.a)
    with pytest.raises(PermissionDenied):
        access.visible_organizations(None)
    with pytest.raises(TypeError):
        audit_record(actor=None, action="x", obj=tree.a)


def test_the_system_is_one_object_logged_as_the_system(tree) -> None:
    assert access.SystemActor() is SYSTEM
    audit_record(actor=SYSTEM, action="test.system", obj=tree.a, organization=tree.a)
    entry = AuditEntry.objects.get(action="test.system")
    assert entry.actor is None
    assert entry.actor_name == "hệ thống"


def test_a_successor_sees_the_organizations_merged_into_it_but_changes_only_by_merged(
    tree, users
) -> None:
    reform = date(2025, 7, 1)
    org_merge(sources=[tree.b], into=tree.a, on=reform, decision="QĐ 1-QĐ/TU", actor=SYSTEM)
    tree.b.refresh_from_db()
    assert access.can_view(users.a_officer, tree.b)
    assert not access.can_change(users.a_officer, tree.b)
    assert access.can_change(users.a_officer, tree.b, merged=True)
    assert not access.can_view(users.b_officer, tree.province)
