import pytest
from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role, User
from dangvu.accounts.services import user_create
from dangvu.core.models import AuditEntry
from dangvu.core.testing import TEST_PASSWORD, make_user

LOGIN = "/tai-khoan/dang-nhap/"


@pytest.mark.real_hashing
def test_passwords_are_stored_with_argon2(tree) -> None:
    user = user_create(
        username="lan",
        password="Mot-mat-khau-dai-2025",
        organization=tree.a,
        role=Role.OFFICER,
        actor=SYSTEM,
    )
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("Mot-mat-khau-dai-2025")


def test_weak_passwords_are_refused_in_vietnamese(tree) -> None:
    with pytest.raises(Exception) as exc:
        user_create(username="yeu", password="12345678", organization=tree.a, actor=SYSTEM)
    assert "password" in exc.value.message_dict
    assert not User.objects.filter(username="yeu").exists()


def test_creating_a_user_is_audited(tree) -> None:
    make_user("chuyenvien", tree.a, Role.OFFICER)
    entry = AuditEntry.objects.get(action="accounts.user_create")
    assert entry.after["username"] == "chuyenvien" and entry.org_path == tree.a.path


def test_login_page_is_in_vietnamese_and_logs_in(client, tree) -> None:
    make_user("chuyenvien", tree.a, Role.OFFICER)
    page = client.get(LOGIN).content.decode()
    assert "Tên đăng nhập" in page and "Mật khẩu" in page and 'lang="vi"' in page
    response = client.post(LOGIN, {"username": "chuyenvien", "password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_a_wrong_password_gets_a_vietnamese_message(client, tree) -> None:
    make_user("chuyenvien", tree.a, Role.OFFICER)
    body = client.post(LOGIN, {"username": "chuyenvien", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in body


def test_five_failed_logins_lock_the_account_even_with_the_right_password(client, tree) -> None:
    make_user("chuyenvien", tree.a, Role.OFFICER)
    for _ in range(5):
        client.post(LOGIN, {"username": "chuyenvien", "password": "sai-mat-khau"})
    response = client.post(LOGIN, {"username": "chuyenvien", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lockout_of_one_user_leaves_others_free(client, tree) -> None:
    make_user("chuyenvien", tree.a, Role.OFFICER)
    make_user("khac", tree.a, Role.OFFICER)
    for _ in range(5):
        client.post(LOGIN, {"username": "chuyenvien", "password": "sai"})
    response = client.post(LOGIN, {"username": "khac", "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_logout_is_a_post_and_ends_the_session(client, tree) -> None:
    user = make_user("chuyenvien", tree.a, Role.OFFICER)
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("orgs:organization_tree")).status_code == 302


def test_a_user_without_an_organization_is_refused_by_the_database(db) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="mo-coi")


def test_admin_changes_to_a_user_are_audited_and_the_tree_is_read_only(client, tree) -> None:
    admin_user = User.objects.create(username="quantri", is_superuser=True, is_staff=True)
    officer = make_user("chuyenvien", tree.a, Role.OFFICER)
    client.force_login(admin_user)
    response = client.get(f"/quan-tri/accounts/user/{officer.pk}/change/")
    data = {k: v for k, v in response.context["adminform"].form.initial.items() if v is not None}
    data.update(
        {
            "role": Role.LEADER,
            "organization": tree.a.pk,
            "date_joined_0": "01/01/2025",
            "date_joined_1": "08:00:00",
            "last_login_0": "",
            "last_login_1": "",
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    response = client.post(f"/quan-tri/accounts/user/{officer.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="accounts.user_change")
    assert entry.before["role"] == Role.OFFICER and entry.after["role"] == Role.LEADER
    assert client.get(f"/quan-tri/orgs/organization/{tree.a.pk}/change/").status_code == 200
    assert (
        client.post(f"/quan-tri/orgs/organization/{tree.a.pk}/change/", {"name": "X"}).status_code
        == 403
    )


def test_a_lockout_holds_for_the_address_that_failed_not_for_others(tree) -> None:
    from django.test import Client

    make_user("nan.nhan", tree.a, Role.OFFICER)
    attacker, office = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(6):
        attacker.post(LOGIN, {"username": "nan.nhan", "password": "sai-mat-khau-123"})
    locked = attacker.post(LOGIN, {"username": "nan.nhan", "password": TEST_PASSWORD})
    assert "tạm khóa" in locked.content.decode()
    assert (
        office.post(LOGIN, {"username": "nan.nhan", "password": TEST_PASSWORD}).status_code == 302
    )


def test_failures_across_user_names_from_one_address_pause_its_logins(tree, settings) -> None:
    from django.test import Client

    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    make_user("dung.that", tree.a, Role.OFFICER)
    sprayer = Client(REMOTE_ADDR="203.0.113.10")
    for i in range(8):
        sprayer.post(LOGIN, {"username": f"ten.{i}", "password": "Mat-khau-pho-bien-1"})
    page = sprayer.post(LOGIN, {"username": "dung.that", "password": TEST_PASSWORD})
    assert page.status_code == 200
    assert "quá nhiều lần đăng nhập sai từ địa chỉ mạng này" in page.content.decode()
    assert (
        Client(REMOTE_ADDR="198.51.100.8")
        .post(LOGIN, {"username": "dung.that", "password": TEST_PASSWORD})
        .status_code
        == 302
    )
