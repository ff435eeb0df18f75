"""Reads kept until the next write, in Django's cache (on Redis when DANGVU_REDIS_URL is
set, one shared cache for all workers; each process's local memory otherwise).

The key of a kept read names the last row of the audit log. Every write goes through a
service that writes its audit row in its own transaction (docs/architecture.md), so once
a write commits, every worker's next read has another key and is computed afresh, on
either backend, with nothing to delete; a write that rolls back leaves no row and changes
nothing. The row's time is in the key beside its id, so an id used again (SQLite after a
rollback, a restored database) does not find an older read. A change that writes no
audit row (a bulk load, a restore) should be followed by `cache.clear()`; kept reads
expire after `timeout` seconds in any case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.cache import cache

from .models import AuditEntry

T = TypeVar("T")

__all__ = ["last_write", "until_next_write"]


def last_write() -> str | None:
    """The mark of the last committed write (the audit log's last row), None before any."""
    row = AuditEntry.objects.order_by("-id").values_list("id", "at").first()
    return None if row is None else f"{row[0]}.{row[1].timestamp():.6f}"


def until_next_write(
    name: str, parts: Iterable[object], compute: Callable[[], T], *, timeout: int = 600
) -> T:
    """`compute()`, kept under `name` and `parts` (whatever the result depends on besides
    the data: the user, the unit, the day) until the next write."""
    mark = last_write()
    if mark is None:
        return compute()
    key = ":".join([name, *(str(p) for p in parts), mark])
    found = cache.get(key)
    if found is not None:
        return found[0]  # type: ignore[no-any-return]
    value = compute()
    cache.set(key, (value,), timeout)
    return value
