"""Unlocking an account that django-axes locked after failed logins: a leader of the
account's unit or of a unit above does it, audited; an officer, a viewer, or a leader of a
sibling unit is refused, and the account stays locked."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from dangvu.accounts import services
from dangvu.accounts.models import Role
from dangvu.core.models import AuditEntry
from dangvu.core.testing import TEST_PASSWORD, client_for, make_user

LOGIN = "/tai-khoan/dang-nhap/"


def _lock(client, username: str) -> None:
    for _ in range(5):
        client.post(LOGIN, {"username": username, "password": "sai-mat-khau"})


@pytest.fixture
def locked(client, users):
    target = users.a_viewer
    _lock(client, target.username)
    assert services.user_is_locked_out(target)
    return target


@pytest.mark.parametrize("who", ["a_leader", "province_leader"])
def test_a_leader_of_the_unit_or_above_unlocks_and_it_is_audited(client, users, locked, who):
    leader = getattr(users, who)
    response = client_for(leader).post(reverse("accounts:user_unlock", args=[locked.pk]))
    assert response.status_code == 302
    assert not services.user_is_locked_out(locked)
    entry = AuditEntry.objects.get(action="accounts.user_unlock", object_id=str(locked.pk))
    assert entry.actor == leader and entry.before["failures"] >= 5 and entry.after["failures"] == 0
    assert locked.username in entry.summary and entry.org_path == locked.organization.path
    ok = client.post(LOGIN, {"username": locked.username, "password": TEST_PASSWORD})
    assert ok.status_code == 302


def test_officers_viewers_and_a_sibling_leader_are_refused(tree, users, locked) -> None:
    refused = [
        users.a_officer,  # an officer of the unit itself
        users.province_officer,  # an officer above
        make_user("lanhdao.b", tree.b, Role.LEADER),  # a leader of the sibling commune
        make_user("xem.tinh", tree.province, Role.VIEWER),
    ]
    url = reverse("accounts:user_unlock", args=[locked.pk])
    for user in refused:
        assert client_for(user).post(url).status_code == 403, user.username
        with pytest.raises(PermissionDenied) as exc:
            services.user_unlock(user=locked, actor=user)
        assert "không có quyền mở khóa tài khoản" in str(exc.value), user.username
        assert "chỉ lãnh đạo" in str(exc.value)
    assert services.user_is_locked_out(locked)
    assert not AuditEntry.objects.filter(action="accounts.user_unlock").exists()
