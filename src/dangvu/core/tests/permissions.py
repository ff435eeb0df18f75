"""Who may open the home page and the audit log (checked by tests/test_every_url.py)."""

from django.urls import reverse

from dangvu.tests.matrix import EVERY_USER, LEADERS, Allow, Who

PERMISSIONS = [
    Allow("home", EVERY_USER, why="each unit's own summary"),
    Allow("core:help_index", EVERY_USER, why="the same help for everyone"),
    Allow(
        "core:help",
        EVERY_USER,
        url=lambda world: reverse("core:help", args=["theo-doi"]),
        why="the same help for everyone",
    ),
    Allow(
        "core:audit_list",
        Who(own=LEADERS, descendant=LEADERS, sibling=LEADERS, ancestor=LEADERS),
        why="leaders read the entries of their own subtree",
    ),
]
