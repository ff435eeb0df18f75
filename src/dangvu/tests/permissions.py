"""URLs of the project itself (checked by tests/test_every_url.py)."""

from django.urls import reverse

from dangvu.tests.matrix import NOBODY, Allow

PERMISSIONS = [
    Allow(
        "admin:*",
        NOBODY,
        url=lambda world: reverse("admin:index"),
        refused=302,
        why="Django's admin: staff only, behind its own login (no role of a unit is staff)",
    ),
]

# Pages that landed while the matrix was being written, their statements still owed by
# their app's tests/permissions.py. The walk lets these through by name only; every
# other URL without a statement fails it. Remove a line when its statement is written.
NOT_YET_STATED: dict[str, str] = {}
