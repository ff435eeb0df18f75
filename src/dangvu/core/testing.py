"""Test helpers shared by every area: users and the permission matrix."""

from __future__ import annotations

from typing import Any

from django.test import Client

from dangvu.accounts.models import Role, User
from dangvu.accounts.services import user_create

TEST_PASSWORD = "Mat-khau-kiem-thu-2025"


def make_user(username: str, organization: Any, role: str = Role.OFFICER) -> User:
    return user_create(
        username=username,
        password=TEST_PASSWORD,
        organization=organization,
        role=role,
        full_name=username,
        actor=None,
        validate=False,
    )


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def login_in_browser(page: Any, username: str, password: str = TEST_PASSWORD) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
