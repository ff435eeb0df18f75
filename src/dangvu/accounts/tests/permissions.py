"""The login, logout and account pages (checked by tests/test_every_url.py)."""

from dangvu.accounts.models import Role, User
from dangvu.tests.matrix import EVERY_USER, LEADERS, Allow, Who, World, url_of

# A leader manages the accounts of the own unit and of the units below it.
LEADERS_ANYWHERE = Who(own=LEADERS, descendant=LEADERS, sibling=LEADERS, ancestor=LEADERS)
MANAGES_UNIT = Who(own=LEADERS, ancestor=LEADERS)


def _account(world: World) -> User:
    """An account to manage: the viewer of the world's unit."""
    return world.user(Role.VIEWER, "own")


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
    Allow("accounts:password_change", EVERY_USER, why="each user changes the own password"),
    Allow(
        "accounts:user_list",
        LEADERS_ANYWHERE,
        why="each leader lists the accounts of the own subtree",
    ),
    Allow(
        "accounts:user_create",
        LEADERS_ANYWHERE,
        why="each leader creates accounts in the own subtree",
    ),
    Allow("accounts:user_detail", MANAGES_UNIT, url=url_of("accounts:user_detail", _account)),
    Allow(
        "accounts:user_password_reset",
        MANAGES_UNIT,
        url=url_of("accounts:user_password_reset", _account),
    ),
    *[
        Allow(
            f"accounts:user_{action}",
            MANAGES_UNIT,
            url=url_of(f"accounts:user_{action}", _account),
            method="post",
            allowed=302,
        )
        for action in ("role", "disable", "enable", "unlock")
    ],
]
