"""Who may open the dashboards (checked by tests/test_every_url.py): a unit's own users
and its superiors', as its statistics."""

from collections.abc import Callable

from django.urls import reverse

from dangvu.tests.matrix import SEES_UNIT, Allow, World


def _of_unit(name: str) -> Callable[[World], str]:
    def build(world: World) -> str:
        return f"{reverse(name)}?to_chuc={world.unit.pk}"

    return build


PERMISSIONS = [
    Allow(name, SEES_UNIT, url=_of_unit(name), why="the figures of the unit's subtree")
    for area in ("members", "tracking", "reporting")
    for name in (f"flows:dashboard_{area}", f"flows:dashboard_{area}_export")
]
