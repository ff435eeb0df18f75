"""Who may open each tracking page (checked by tests/test_every_url.py). The province
tasks every grassroots organization with its plan 126-KH/TU: commune A has a part of it,
as has its sibling B; A's officers report A's part, the leaders of the committees above A
confirm, return and exempt it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.urls import reverse

from dangvu.accounts.models import Role
from dangvu.core.testing import make_user
from dangvu.tests.matrix import (
    ALL,
    CHANGES_BELOW,
    EVERY_USER,
    LEADERS,
    OWN_WRITERS,
    SEES_UNIT,
    WRITERS_EVERYWHERE,
    Allow,
    Who,
    World,
)
from dangvu.tracking.models import Assignment, Task
from dangvu.tracking.services import assignment_submit

from .helpers import make_task, plan_126

# A's cells are not tasked: the task and its directive are for A, B (and C) and above
SEES_TASK = Who(own=ALL, sibling=ALL, ancestor=ALL)
APPROVES_BELOW = Who(ancestor=LEADERS)  # leaders of a committee above the unit


def _task(world: World) -> Task:
    officer = make_user("chuyenvien.tinh.matran", world.tree.province, Role.OFFICER)
    return make_task(officer, plan_126(officer), world.tree.province)


def _assignment(world: World, *, submitted: bool = False) -> Assignment:
    assignment = _task(world).assignments.get(organization=world.unit)
    if submitted:
        assignment_submit(
            assignment=assignment, actor=world.officer, completed_on=date(2023, 5, 1), sessions=2
        )
    return assignment


def _assignment_page(name: str, *, submitted: bool = False) -> Callable[[World], str]:
    def build(world: World) -> str:
        return reverse(name, args=[_assignment(world, submitted=submitted).pk])

    return build


PERMISSIONS = [
    Allow("tracking:task_list", EVERY_USER, why="each user's tasks are its own scope"),
    Allow("tracking:task_calendar", EVERY_USER, why="each user's deadlines"),
    Allow("tracking:assignment_list", EVERY_USER, why="the user's own unit's parts"),
    Allow(
        "tracking:task_create",
        WRITERS_EVERYWHERE,
        why="the form; the source and the units chosen are checked by the service",
    ),
    Allow(
        "tracking:unit_search",
        WRITERS_EVERYWHERE,
        url=lambda world: reverse("tracking:unit_search") + "?q=chi",
        why="finds units in the user's own subtree only",
    ),
    Allow(
        "tracking:task_detail",
        SEES_TASK,
        url=lambda world: reverse("tracking:task_detail", args=[_task(world).pk]),
    ),
    Allow(
        "tracking:task_reports",
        SEES_TASK,
        url=lambda world: reverse("tracking:task_reports", args=[_task(world).pk]),
        why="the reports of the units in the reader's own subtree",
    ),
    Allow(
        "tracking:document_detail",
        SEES_TASK,
        url=lambda world: reverse("tracking:document_detail", args=[_task(world).source_id]),
    ),
    Allow(
        "tracking:assignment_list_of",
        SEES_UNIT,
        url=lambda world: reverse("tracking:assignment_list_of", args=[world.unit.pk]),
    ),
    Allow(
        "tracking:assignment_detail",
        SEES_UNIT,
        url=_assignment_page("tracking:assignment_detail"),
    ),
    Allow(
        "tracking:assignment_submit",
        OWN_WRITERS,
        url=_assignment_page("tracking:assignment_submit"),
        why="a unit reports its own part",
    ),
    Allow(
        "tracking:assignment_confirm",
        APPROVES_BELOW,
        url=_assignment_page("tracking:assignment_confirm", submitted=True),
        method="post",
        allowed=302,
        why="the leaders of the committees above the unit confirm (officers prepare)",
    ),
    Allow(
        "tracking:assignment_return",
        APPROVES_BELOW,
        url=_assignment_page("tracking:assignment_return", submitted=True),
    ),
    Allow(
        "tracking:assignment_remind",
        CHANGES_BELOW,
        url=_assignment_page("tracking:assignment_remind"),
        why="officers, leaders of a committee above the unit follow it up",
    ),
    Allow(
        "tracking:assignment_exempt",
        APPROVES_BELOW,
        url=_assignment_page("tracking:assignment_exempt"),
    ),
]
