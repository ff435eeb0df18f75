"""The login and logout pages (checked by tests/test_every_url.py)."""

from dangvu.tests.matrix import EVERY_USER, Allow

PERMISSIONS = [
    Allow("accounts:login", EVERY_USER, anonymous=200, why="the way in"),
    Allow(
        "accounts:logout",
        EVERY_USER,
        method="post",
        allowed=302,
        anonymous=302,
        why="logging out sends anyone to the login page",
    ),
]
