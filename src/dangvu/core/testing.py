"""Test helpers shared by every area: users and the permission matrix."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.test import Client

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role, User
from dangvu.accounts.services import user_create

T = TypeVar("T")

TEST_PASSWORD = "Mat-khau-kiem-thu-2025"


def make_user(username: str, organization: Any, role: str = Role.OFFICER) -> User:
    return user_create(
        username=username,
        password=TEST_PASSWORD,
        organization=organization,
        role=role,
        full_name=username,
        actor=SYSTEM,
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


# --- concurrency ------------------------------------------------------------------------


@contextmanager
def threads_share_database() -> Iterator[None]:
    """Let threads, each with its own connection, work on the test database as a site's
    workers do. PostgreSQL needs nothing. SQLite's test database lives in memory (shared
    cache: whole-table locks, no WAL), unlike the file a site runs on, so it is copied to a
    file (online backup API) that new threads' connections open with the site's OPTIONS.
    Data written in the threads is read back in threads too (`in_thread`)."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    folder = Path(tempfile.mkdtemp(prefix="dangvu-concurrency-"))
    path = folder / "db.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    original = connections.settings[DEFAULT_DB_ALIAS]
    connections.settings[DEFAULT_DB_ALIAS] = {**original, "NAME": str(path)}
    try:
        yield
    finally:
        connections.settings[DEFAULT_DB_ALIAS] = original
        shutil.rmtree(folder, ignore_errors=True)


def in_thread(fn: Callable[[], T]) -> T:
    """Run `fn` in a new thread (its own connection) and return its result."""
    return run_concurrently([fn])[0].unwrap()


@dataclass
class Outcome(Generic[T]):
    value: T | None = None
    error: BaseException | None = None
    seconds: float = 0.0

    def unwrap(self) -> T:
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]


def run_concurrently(calls: Sequence[Callable[[], T]]) -> list[Outcome[T]]:
    """Start every call at once (a barrier), each in its own thread and connection; return
    what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[Outcome[T]] = [Outcome() for _ in calls]

    def work(i: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        try:
            outcomes[i].value = calls[i]()
        except BaseException as exc:
            outcomes[i].error = exc
        finally:
            outcomes[i].seconds = time.perf_counter() - start
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes
