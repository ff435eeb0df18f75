"""Model fields shared by every area."""

from typing import Any

from django.db import models


class PathField(models.CharField):
    """A materialized tree path (see orgs/paths.py), compared byte by byte.

    Subtree queries are ranges `path >= P AND path < P || '~'`, which hold only under a
    bytewise collation. SQLite compares bytes by default; PostgreSQL uses the database's
    collation, and a Vietnamese or English ICU/glibc collation ignores punctuation, which
    would silently drop rows from every subtree. So the column is pinned to "C" there.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 255)
        super().__init__(*args, **kwargs)

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


class SortKeyField(models.CharField):
    """A Vietnamese sort key (`dangvu.core.collation.vi_sort_key`): plain ASCII, ordered
    byte by byte, so ORDER BY gives Vietnamese alphabetical order on SQLite and, with the
    column pinned to "C" like PathField, on PostgreSQL."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 600)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def db_parameters(self, connection: Any) -> dict[str, Any]:
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params
