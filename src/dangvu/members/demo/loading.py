"""How the bulk demo loads: rows written in large batches (`core.bulk`), the secondary
indexes (and on PostgreSQL the foreign keys) of the bulk tables dropped during the load
and made again after it, SQLite's fast settings meanwhile, and the timing lines."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.db import connection, transaction

from dangvu.core.bulk import insert_rows

from ..models import Member, MembershipEvent, MemberSpan, Transfer


class Writer:
    """Rows into a table in large batches (core.bulk: COPY on PostgreSQL, executemany on
    SQLite)."""

    def __init__(self, model: Any, columns: list[str]) -> None:
        self.table = model._meta.db_table
        self.columns = columns
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0
        self.add = self.rows.append

    def flush(self) -> None:
        insert_rows(self.table, self.columns, self.rows)
        self.count += len(self.rows)
        self.rows.clear()


BULK_MODELS = (Member, MembershipEvent, MemberSpan, Transfer)


def secondary_indexes() -> list[tuple[str, str, str]]:
    """(table, index, its CREATE statement) of every index of the bulk tables that no
    primary key or unique constraint owns: the model's, the foreign keys'."""
    out = []
    with connection.cursor() as cursor:
        for model in BULK_MODELS:
            table = model._meta.db_table
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND "
                    "indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = "
                    "%s::regclass)",
                    [table, table],
                )
            else:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                    "AND sql IS NOT NULL",
                    [table],
                )
            out += [(table, name, sql) for name, sql in cursor.fetchall()]
    return out


def foreign_keys() -> list[tuple[str, str, str]]:
    """(table, constraint, definition) of the bulk tables' foreign keys on PostgreSQL,
    where each row inserted would queue its check until the commit."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        out = []
        for model in BULK_MODELS:
            table = model._meta.db_table
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f'",
                [table],
            )
            out += [(table, name, definition) for name, definition in cursor.fetchall()]
    return out


@contextmanager
def loading(log: Callable[[str], None]) -> Iterator[None]:
    """Inside one transaction: no secondary index nor (PostgreSQL) foreign key on the bulk
    tables while the rows go in; each made again once, over the loaded rows, at the end."""
    indexes, keys = secondary_indexes(), foreign_keys()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            cursor.execute("SET LOCAL synchronous_commit = off")
            # Checks still queued (rows of this transaction, say the tree) run now: a table
            # with queued checks may not be altered, and a foreign key alters both ends.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, _ in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for _, name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        yield
        t, cpu = time.perf_counter(), time.process_time()
        for _, _, sql in indexes:
            cursor.execute(sql)
        for table, name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's foreign keys' own mode
        log(f"  chỉ mục: {took(t, cpu)}")


@contextmanager
def sqlite_fast() -> Iterator[None]:
    """SQLite during the load: the rollback journal in memory (not a WAL file as large as the
    data, copied once more at the checkpoint), no fsync, a 512 MB page cache, no foreign
    key checks (the generator makes consistent rows). The connection's settings after."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    pragmas = ("journal_mode", "synchronous", "cache_size", "foreign_keys")
    with connection.cursor() as cursor:
        before = {}
        for name in pragmas:
            cursor.execute(f"PRAGMA {name}")
            before[name] = cursor.fetchone()[0]
        for statement in (
            "journal_mode = MEMORY",
            "synchronous = OFF",
            "cache_size = -524288",
            "foreign_keys = OFF",
        ):
            cursor.execute(f"PRAGMA {statement}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name in pragmas:
                cursor.execute(f"PRAGMA {name} = {before[name]}")


class Dates(dict[date, Any]):
    """A date as the driver takes it, once per distinct date: SQLite's adapter is a Python
    call per value (ISO text), a dict lookup is not; psycopg takes the date itself."""

    def __init__(self) -> None:
        super().__init__()
        self.text = connection.vendor == "sqlite"

    def __missing__(self, day: date) -> Any:
        out = self[day] = day.isoformat() if self.text else day
        return out


def took(wall: float, cpu: float) -> str:
    return (
        f"{time.perf_counter() - wall:.0f} giây (CPU của tiến trình này "
        f"{time.process_time() - cpu:.0f} giây)"
    )


def next_id(model: Any) -> int:
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def reset_sequences() -> None:
    from django.core.management.color import no_style

    sql = connection.ops.sequence_reset_sql(no_style(), [Member, MembershipEvent, Transfer])
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)
