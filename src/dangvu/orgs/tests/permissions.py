"""Who may open each page of the organization tree (checked by tests/test_every_url.py)."""

from dangvu.tests.matrix import (
    CHANGES_BELOW,
    CHANGES_UNIT,
    EVERY_USER,
    SEES_UNIT,
    Allow,
    unit_url,
)

PERMISSIONS = [
    Allow("orgs:organization_tree", EVERY_USER, why="each user's tree starts at its unit"),
    Allow("orgs:organization_detail", SEES_UNIT, url=unit_url("orgs:organization_detail")),
    Allow("orgs:organization_children", SEES_UNIT, url=unit_url("orgs:organization_children")),
    # founding a unit under A is A's own committee's work (and its superiors')
    Allow("orgs:organization_create", CHANGES_UNIT, url=unit_url("orgs:organization_create")),
    # a committee does not restructure itself: only those above it
    *[
        Allow(
            f"orgs:organization_{action}",
            CHANGES_BELOW,
            url=unit_url(f"orgs:organization_{action}"),
        )
        for action in ("rename", "move", "merge", "split", "dissolve")
    ],
]
