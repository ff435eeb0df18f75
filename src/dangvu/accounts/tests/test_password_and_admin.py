"""Users change their own password; the admin speaks Vietnamese throughout."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from dangvu.accounts.models import Role, User
from dangvu.core.models import AuditEntry
from dangvu.core.testing import TEST_PASSWORD, client_for, login_in_browser, make_user

NEW_PASSWORD = "Mat-khau-moi-cua-toi-2026"
LOCALE = Path(__file__).resolve().parents[2] / "core" / "locale" / "vi" / "LC_MESSAGES"


def _change(client, old: str, new: str, again: str | None = None):
    return client.post(
        reverse("accounts:password_change"),
        {"old_password": old, "new_password1": new, "new_password2": again or new},
    )


def test_a_user_changes_their_password_and_stays_logged_in(tree) -> None:
    user = make_user("chuyenvien", tree.a, Role.OFFICER)
    client = client_for(user)
    response = _change(client, TEST_PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("home")).status_code == 200
    entry = AuditEntry.objects.get(action="accounts.password_change")
    assert entry.actor == user and entry.org_path == tree.a.path
    assert NEW_PASSWORD not in str(entry.after) and entry.after is None


def test_a_wrong_current_password_changes_nothing_and_says_so(tree) -> None:
    user = make_user("chuyenvien", tree.a, Role.OFFICER)
    body = _change(client_for(user), "khong-dung", NEW_PASSWORD).content.decode()
    assert "Mật khẩu hiện tại không đúng" in body
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)
    assert not AuditEntry.objects.filter(action="accounts.password_change").exists()


def test_a_weak_new_password_is_refused_in_vietnamese(tree) -> None:
    user = make_user("chuyenvien", tree.a, Role.OFFICER)
    body = _change(client_for(user), TEST_PASSWORD, "12345678").content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in body
    assert "Mật khẩu này hoàn toàn là số." in body
    assert "too short" not in body
    user.refresh_from_db()
    assert user.check_password(TEST_PASSWORD)


def test_the_password_page_needs_a_login(client, db) -> None:
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_admin_pages_are_in_vietnamese(client, tree) -> None:
    admin_user = User.objects.create(username="quantri", is_superuser=True, is_staff=True)
    make_user("chuyenvien", tree.a, Role.OFFICER)
    client.force_login(admin_user)
    index = client.get("/quan-tri/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert "Trang quản trị dangvu" in index
    assert "Khóa đăng nhập" in index and "Lượt đăng nhập sai" in index
    assert "Nhật ký đăng nhập" in index and "Phân quyền" in index
    for english in ("Django", "Axes", "Access attempts", "Access logs", "Authentication and"):
        assert english not in index, english
    AccessAttempt.objects.create(
        username="chuyenvien",
        ip_address="10.0.0.5",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/tai-khoan/dang-nhap/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    attempts = client.get("/quan-tri/axes/accessattempt/").content.decode()
    assert "Tên đăng nhập" in attempts and "Địa chỉ IP" in attempts
    assert "Attempt Time" not in attempts and "IP Address" not in attempts


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
def test_the_compiled_catalogue_matches_its_source(tmp_path) -> None:
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(compiled), str(LOCALE / "django.po")], check=True
    )
    assert compiled.read_bytes() == (LOCALE / "django.mo").read_bytes(), "run `make messages`"


@pytest.mark.browser
def test_changing_the_password_in_the_browser(page, tree) -> None:
    make_user("chuyenvien", tree.a, Role.OFFICER)
    login_in_browser(page, "chuyenvien")
    page.get_by_role("link", name="chuyenvien").click()
    assert page.get_by_role("heading", name="Đổi mật khẩu").is_visible()
    page.get_by_label("Mật khẩu hiện tại").fill(TEST_PASSWORD)
    page.get_by_label(re.compile("^Mật khẩu mới")).fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu mới").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    assert page.get_by_text("Đã đổi mật khẩu.").is_visible()
    assert User.objects.get(username="chuyenvien").check_password(NEW_PASSWORD)
