"""Many rows into a table at once: COPY on PostgreSQL, executemany on SQLite, through the
driver's own connection (no per-row wrapping by Django). For loads and rebuilds of
hundreds of thousands of rows; the values are as the driver takes them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection

__all__ = ["insert_rows"]


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join(["?"] * len(columns))
        raw.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)
