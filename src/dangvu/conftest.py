"""Shared fixtures: a small organization tree built through the real services, users of
each role, and a browser (Playwright driving Debian's chromium)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

from dangvu.access import SYSTEM
from dangvu.core.testing import make_user
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import org_create

FOUNDED = date(2015, 1, 1)


@pytest.fixture(autouse=True)
def _fast_password_hashing(request: pytest.FixtureRequest, settings: Any) -> None:
    """Argon2 costs ~0.1 s a hash; tests that are not about hashing use a fast one."""
    if "real_hashing" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def add_org(
    parent: Any,
    name: str,
    kind: str,
    code: str,
    issuer: str = "",
    decision: str = "Quyết định số 1-QĐ/TU",
) -> Any:
    """An organization founded on FOUNDED by the services, as tests build their trees."""
    return org_create(
        name=name,
        kind=kind,
        code=code,
        parent=parent,
        founded_on=FOUNDED,
        decision=decision,
        actor=SYSTEM,
        issuer_code=issuer,
    )


def build_tree() -> SimpleNamespace:
    """Province P → districts D1, D2 → communes A, B (in D1), C (in D2) → cells."""
    add = add_org
    t = SimpleNamespace()
    t.province = add(None, "Đảng bộ tỉnh Yên Bái", OrgKind.PROVINCE, "P", "TU")
    t.province.committee_name = "Tỉnh ủy Yên Bái"
    t.d1 = add(t.province, "Đảng bộ huyện Trấn Yên", OrgKind.DISTRICT, "D1", "HU")
    t.d2 = add(t.province, "Đảng bộ huyện Văn Yên", OrgKind.DISTRICT, "D2", "HU")
    t.a = add(t.d1, "Đảng bộ xã Việt Thành", OrgKind.GRASSROOTS_COMMITTEE, "A", "ĐU")
    t.b = add(t.d1, "Đảng bộ xã Hòa Cuông", OrgKind.GRASSROOTS_COMMITTEE, "B", "ĐU")
    t.c = add(t.d2, "Đảng bộ xã Đông Cuông", OrgKind.GRASSROOTS_COMMITTEE, "C", "ĐU")
    t.a1 = add(t.a, "Chi bộ Thôn 1 xã Việt Thành", OrgKind.CELL, "A1", "CB")
    t.a2 = add(t.a, "Chi bộ Thôn 2 xã Việt Thành", OrgKind.CELL, "A2", "CB")
    t.b1 = add(t.b, "Chi bộ Thôn 1 xã Hòa Cuông", OrgKind.CELL, "B1", "CB")
    t.c1 = add(t.c, "Chi bộ Thôn 1 xã Đông Cuông", OrgKind.CELL, "C1", "CB")
    return t


@pytest.fixture
def tree(db: Any) -> SimpleNamespace:
    return build_tree()


@pytest.fixture
def users(tree: SimpleNamespace) -> SimpleNamespace:
    from dangvu.accounts.models import Role

    return SimpleNamespace(
        province_leader=make_user("lanhdao.tinh", tree.province, Role.LEADER),
        province_officer=make_user("chuyenvien.tinh", tree.province, Role.OFFICER),
        d1_officer=make_user("chuyenvien.d1", tree.d1, Role.OFFICER),
        a_officer=make_user("chuyenvien.a", tree.a, Role.OFFICER),
        a_leader=make_user("lanhdao.a", tree.a, Role.LEADER),
        a_viewer=make_user("xem.a", tree.a, Role.VIEWER),
        b_officer=make_user("chuyenvien.b", tree.b, Role.OFFICER),
    )


# --- the browser ------------------------------------------------------------------------


def chromium_path() -> str:
    path = os.environ.get("DANGVU_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "Không tìm thấy Debian chromium: chạy `make browser` (scripts/ensure-chromium)."
        )
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # alongside it are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup: None, django_db_blocker: Any) -> str:
    """The rows dangvu's data migrations load (member rules, document types, issuer codes),
    taken once after the test database is migrated. (Django's own tables are left out: the
    flush's post_migrate signal recreates content types and permissions itself.)"""
    from django.apps import apps
    from django.core import serializers

    with django_db_blocker.unblock():
        rows = [
            row
            for config in apps.get_app_configs()
            if config.name.startswith("dangvu.")
            for model in config.get_models()
            for row in model._base_manager.order_by("pk")
        ]
        return serializers.serialize("json", rows)


@pytest.fixture
def migrated_rows(transactional_db: Any, migrated_data: str) -> None:
    """A transactional test's database with the data migrations' rows put back (the flush
    after an earlier transactional test took them away)."""
    from django.core import serializers
    from django.db import transaction

    with transaction.atomic():
        for row in serializers.deserialize("json", migrated_data):
            row.save()


@pytest.fixture
def page(browser: Any, live_server: Any, migrated_data: str) -> Iterator[Any]:
    """A tab on the live server. Browser tests are transactional, and the flush after one
    takes the data migrations' rows away from the next, so they are restored first.
    (pytest-django's serialized_rollback loses its copy when a plain db test runs first.)"""
    from django.core import serializers
    from django.db import transaction

    with transaction.atomic():
        for row in serializers.deserialize("json", migrated_data):
            row.save()
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
