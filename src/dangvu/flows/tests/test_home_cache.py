"""The home page's member worklists are kept in Django's cache until the next write: a
second read asks the database only for the last audit row, and any write through a
service makes the next read fresh; on the local-memory cache and on Redis."""

import uuid
from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.flows.home import home_summary
from dangvu.members import services
from dangvu.members.models import EventKind, Transfer
from dangvu.members.tests.helpers import DECISION, admit

REDIS = "redis://127.0.0.1:6379/15"


def redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS, socket_connect_timeout=0.5).ping())
    except Exception:
        return False


@pytest.fixture(params=["locmem", "redis"])
def backend(request, settings):
    if request.param == "redis":
        if not redis_up():
            pytest.skip("Redis does not answer at 127.0.0.1:6379")
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS,
                "KEY_PREFIX": f"dangvu-test-{uuid.uuid4().hex}",  # this test's keys only
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"dangvu-test-{uuid.uuid4().hex}",
            }
        }
    return request.param


def due_names(user, today) -> list[str]:
    return [r.member.full_name for r in home_summary(user, today).recognition_due]


def test_a_write_makes_the_next_home_read_fresh(backend, tree, users) -> None:
    today = timezone.localdate()
    year_ago = today - timedelta(days=370)
    first = admit(tree.a1, name="Lê Văn Đến", on=year_ago, ceremony=year_ago)
    assert due_names(users.province_leader, today) == ["Lê Văn Đến"]
    # kept: the second read asks only for the last audit row
    with CaptureQueriesContext(connection) as read:
        assert due_names(users.province_leader, today) == ["Lê Văn Đến"]
    assert sum("members_member" in q["sql"] for q in read.captured_queries) == 0
    assert any("core_auditentry" in q["sql"] for q in read.captured_queries)
    # a new probationary member due (an admission), then a recognition: each write shows
    second = admit(tree.b1, name="Lê Văn Hai", on=year_ago, ceremony=year_ago)
    assert sorted(due_names(users.province_leader, today)) == ["Lê Văn Hai", "Lê Văn Đến"]
    services.member_recognize(member=first, decision=DECISION, actor=SYSTEM)
    assert due_names(users.province_leader, today) == ["Lê Văn Hai"]
    # each user and each day has its own kept read
    assert due_names(users.a_officer, today) == []
    assert due_names(users.province_leader, today - timedelta(days=200)) == []
    second.refresh_from_db()
    services.member_exit(
        member=second, kind=EventKind.LEAVE, on=today, decision=DECISION, actor=SYSTEM
    )
    assert due_names(users.province_leader, today) == []
    assert (
        type(caches["default"]).__name__
        == {"redis": "RedisCache", "locmem": "LocMemCache"}[backend]
    )


def test_a_temporary_transfer_past_its_term_is_counted_on_the_next_read(
    backend, tree, users
) -> None:
    today = timezone.localdate()
    member = admit(tree.a1, name="Lê Văn Tạm", on=date(2020, 3, 2))
    services.member_recognize(member=member, decision=DECISION, actor=SYSTEM)
    assert home_summary(users.province_leader, today).temporary_overdue == 0
    member.refresh_from_db()
    transfer = services.member_transfer(
        member=member,
        to_org=tree.b1,
        on=today - timedelta(days=90),
        decision=DECISION,
        actor=SYSTEM,
        kind=Transfer.Kind.TEMPORARY,
        until=today - timedelta(days=10),
    )
    services.transfer_confirm(transfer=transfer, on=today - timedelta(days=89), actor=SYSTEM)
    assert home_summary(users.province_leader, today).temporary_overdue == 1
