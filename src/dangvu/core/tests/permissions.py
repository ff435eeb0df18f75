"""Who may open the home page and the audit log (checked by tests/test_every_url.py)."""

from dangvu.tests.matrix import EVERY_USER, LEADERS, Allow, Who

PERMISSIONS = [
    Allow("home", EVERY_USER, why="each unit's own summary"),
    Allow(
        "core:audit_list",
        Who(own=LEADERS, descendant=LEADERS, sibling=LEADERS, ancestor=LEADERS),
        why="leaders read the entries of their own subtree",
    ),
]
