"""A unit's leader manages the accounts of its subtree: list, create, role, disable and
enable, unlock after failed logins, reset the password; each write audited, and a leader of
another unit refused."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.accounts import services
from dangvu.accounts.models import Role, User
from dangvu.core.models import AuditEntry
from dangvu.core.testing import TEST_PASSWORD, client_for, login_in_browser, make_user

LOGIN = "/tai-khoan/dang-nhap/"
GOOD = "Mat-khau-ban-dau-2026"


def _fail_logins(client, username: str, times: int = 5) -> None:
    for _ in range(times):
        client.post(LOGIN, {"username": username, "password": "sai-mat-khau"})


def test_a_leader_creates_an_account_in_the_subtree_and_it_is_audited(tree, users) -> None:
    client = client_for(users.province_leader)
    response = client.post(
        reverse("accounts:user_create"),
        {
            "full_name": "Trần Thị Lan",
            "username": "lan.tran",
            "organization": tree.c.pk,
            "role": Role.OFFICER,
            "password1": GOOD,
            "password2": GOOD,
        },
    )
    assert response.status_code == 302
    lan = User.objects.get(username="lan.tran")
    assert lan.organization == tree.c and lan.role == Role.OFFICER
    assert lan.get_full_name() == "Trần Thị Lan" and lan.check_password(GOOD)
    entry = AuditEntry.objects.get(action="accounts.user_create", object_id=str(lan.pk))
    assert entry.actor == users.province_leader and entry.org_path == tree.c.path


def test_a_leader_cannot_create_an_account_outside_the_subtree(tree, users) -> None:
    client = client_for(users.a_leader)
    data = {
        "full_name": "Lê Văn Bình",
        "username": "binh",
        "organization": tree.b.pk,
        "role": Role.VIEWER,
        "password1": GOOD,
        "password2": GOOD,
    }
    body = client.post(reverse("accounts:user_create"), data).content.decode()
    assert "Đơn vị này không thuộc phạm vi của bạn" in body
    assert not User.objects.filter(username="binh").exists()
    with pytest.raises(PermissionDenied):
        services.user_create(
            username="binh", password=GOOD, organization=tree.b, actor=users.a_leader
        )


def test_a_weak_initial_password_is_refused_naming_the_field(tree, users) -> None:
    client = client_for(users.province_leader)
    data = {
        "full_name": "Lê Văn Bình",
        "username": "binh",
        "organization": tree.a.pk,
        "role": Role.VIEWER,
        "password1": "12345678",
        "password2": "12345678",
    }
    response = client.post(reverse("accounts:user_create"), data)
    assert "Mật khẩu quá ngắn" in response.context["form"].errors["password1"][0]
    assert not User.objects.filter(username="binh").exists()


def test_the_list_shows_the_subtree_only_and_officers_are_refused(tree, users) -> None:
    response = client_for(users.a_leader).get(reverse("accounts:user_list"))
    shown = {u.username for u in response.context["page_obj"]}
    assert shown == {"chuyenvien.a", "lanhdao.a", "xem.a"}
    assert client_for(users.a_officer).get(reverse("accounts:user_list")).status_code == 403


def test_a_leader_of_another_unit_is_refused_on_every_page_and_write(tree, users) -> None:
    other = make_user("lanhdao.b", tree.b, Role.LEADER)
    client = client_for(other)
    target = users.a_officer
    assert client.get(reverse("accounts:user_detail", args=[target.pk])).status_code == 403
    for name in ("user_role", "user_disable", "user_enable", "user_unlock"):
        response = client.post(reverse(f"accounts:{name}", args=[target.pk]), {"role": "leader"})
        assert response.status_code == 403, name
    reset = reverse("accounts:user_password_reset", args=[target.pk])
    assert client.post(reset, {"new_password1": GOOD, "new_password2": GOOD}).status_code == 403
    target.refresh_from_db()
    assert target.role == Role.OFFICER and target.is_active and target.check_password(TEST_PASSWORD)
    assert not AuditEntry.objects.filter(actor=other).exists()


def test_role_change_disable_and_enable_are_audited(client, tree, users) -> None:
    leader = client_for(users.province_leader)
    target = users.a_officer
    leader.post(reverse("accounts:user_role", args=[target.pk]), {"role": Role.LEADER})
    target.refresh_from_db()
    assert target.role == Role.LEADER
    role = AuditEntry.objects.get(action="accounts.user_role")
    assert role.before == {"role": "officer"} and role.after == {"role": "leader"}

    officer_session = client_for(target)
    leader.post(reverse("accounts:user_disable", args=[target.pk]))
    target.refresh_from_db()
    assert not target.is_active
    assert officer_session.get(reverse("home")).status_code == 302  # logged out everywhere
    refused = client.post(LOGIN, {"username": target.username, "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session and refused.status_code == 200
    leader.post(reverse("accounts:user_enable", args=[target.pk]))
    target.refresh_from_db()
    assert target.is_active
    actions = list(
        AuditEntry.objects.filter(object_id=str(target.pk), action__startswith="accounts.user_")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-3:] == ["accounts.user_role", "accounts.user_disable", "accounts.user_enable"]


def test_an_invalid_role_changes_nothing_and_says_so(tree, users) -> None:
    with pytest.raises(ValidationError) as exc:
        services.user_role_set(user=users.a_officer, role="boss", actor=users.province_leader)
    assert "Vai trò không hợp lệ" in exc.value.message_dict["role"][0]
    users.a_officer.refresh_from_db()
    assert users.a_officer.role == Role.OFFICER


def test_a_leader_does_not_change_the_own_account(tree, users) -> None:
    with pytest.raises(PermissionDenied, match="chính mình"):
        services.user_active_set(user=users.a_leader, active=False, actor=users.a_leader)
    with pytest.raises(PermissionDenied):
        services.user_role_set(user=users.a_leader, role=Role.VIEWER, actor=users.a_leader)


def test_a_leader_unlocks_an_account_locked_by_failed_logins(client, tree, users) -> None:
    target = users.a_officer
    _fail_logins(client, target.username)
    assert services.user_is_locked_out(target)
    assert (
        client.post(LOGIN, {"username": target.username, "password": TEST_PASSWORD}).status_code
        == 429
    )
    page = client_for(users.a_leader).get(reverse("accounts:user_list")).content.decode()
    assert "Tạm khóa do đăng nhập sai" in page
    client_for(users.a_leader).post(reverse("accounts:user_unlock", args=[target.pk]))
    assert not services.user_is_locked_out(target)
    entry = AuditEntry.objects.get(action="accounts.user_unlock")
    assert entry.before["failures"] >= 5 and entry.actor == users.a_leader
    response = client.post(LOGIN, {"username": target.username, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_a_leader_resets_a_password(tree, users) -> None:
    target = users.a_viewer
    url = reverse("accounts:user_password_reset", args=[target.pk])
    client = client_for(users.a_leader)
    weak = client.post(url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "Mật khẩu quá ngắn" in weak.context["form"].errors["new_password1"][0]
    assert client.post(url, {"new_password1": GOOD, "new_password2": GOOD}).status_code == 302
    target.refresh_from_db()
    assert target.check_password(GOOD)
    entry = AuditEntry.objects.get(action="accounts.password_reset")
    assert entry.actor == users.a_leader and GOOD not in str(entry.summary)


def test_the_system_manages_any_account(tree, users) -> None:
    services.user_role_set(user=users.b_officer, role=Role.VIEWER, actor=SYSTEM)
    assert User.objects.get(pk=users.b_officer.pk).role == Role.VIEWER


@pytest.mark.browser
def test_a_leader_manages_accounts_in_the_browser(page, tree, users) -> None:
    target = users.a_officer
    from django.test import Client

    _fail_logins(Client(), target.username)
    login_in_browser(page, users.a_leader.username)
    page.get_by_role("link", name="Tài khoản", exact=True).click()
    row = page.get_by_role("row").filter(has_text=target.username)
    assert "Tạm khóa do đăng nhập sai" in row.inner_text()
    row.get_by_role("link").click()
    page.get_by_role("button", name="Mở khóa đăng nhập").click()
    assert page.get_by_text(f"Đã mở khóa đăng nhập của {target.username}.").is_visible()
    page.get_by_label("Vai trò").select_option(label="Lãnh đạo")
    page.get_by_role("button", name="Đổi vai trò").click()
    assert page.get_by_text(f"Đã đổi vai trò của {target.username}.").is_visible()
    assert User.objects.get(pk=target.pk).role == Role.LEADER

    page.goto(reverse("accounts:user_create"))
    page.get_by_label(re.compile("^Họ và tên")).fill("Trần Thị Lan")
    page.get_by_label(re.compile("^Tên đăng nhập")).fill("lan.tran")
    page.get_by_label(re.compile("^Đơn vị")).select_option(label=tree.a1.name)
    page.get_by_label(re.compile("^Mật khẩu ban đầu")).fill(GOOD)
    page.get_by_label(re.compile("^Nhập lại mật khẩu")).fill(GOOD)
    page.get_by_role("button", name="Tạo tài khoản").click()
    assert page.get_by_role("heading", name="Trần Thị Lan").is_visible()
    assert User.objects.get(username="lan.tran").organization == tree.a1
