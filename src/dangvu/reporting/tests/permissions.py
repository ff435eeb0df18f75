"""Who may open each reporting page (checked by tests/test_every_url.py). The province
opens a quarterly round for its grassroots organizations (communes A, B, C): A enters its
own report, the committees above it (D1, the province) read it and may enter it on its
behalf, only their leaders decide on it; a sibling sees nothing of it. The round's pages
are looked at from one committee of it (`?don-vi=`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.reporting import periods
from dangvu.reporting.models import ReportForm, Round, Submission
from dangvu.reporting.services import excel, round_open
from dangvu.tests.matrix import (
    CHANGES_UNIT,
    EVERY_USER,
    LEADERS,
    SEES_UNIT,
    WRITERS_EVERYWHERE,
    Allow,
    Who,
    World,
)

from .conftest import send

PERIOD = periods.quarter(2023, 1)
# the round is the province's; the sibling commune B reports in it too, so it sees the
# round (the list, its own part), never A's part
APPROVED_ABOVE = Who(ancestor=LEADERS)


def _round(world: World) -> Round:
    return round_open(
        form=ReportForm.objects.get(code="TCXD-QUY", version=1),
        period=PERIOD,
        unit_rule="grassroots",
        rule_root=world.tree.province,
        opens_on=PERIOD.end,
        due_on=PERIOD.end + timedelta(days=3650),
        locks_on=PERIOD.end + timedelta(days=3650),
        actor=SYSTEM,
    )


def _round_page(name: str) -> Callable[[World], str]:
    """A page of the round as the world's unit sees its part of it."""

    def build(world: World) -> str:
        return reverse(name, args=[_round(world).pk]) + f"?don-vi={world.unit.pk}"

    return build


def _entry(world: World, *, sent: bool = False) -> Submission:
    sub = Submission.objects.get(round=_round(world), organization=world.unit)
    return send(sub, world.officer) if sent else sub


def _entry_page(name: str, *, sent: bool = False) -> Callable[[World], str]:
    def build(world: World) -> str:
        return reverse(name, args=[_entry(world, sent=sent).pk])

    return build


def _opening(world: World) -> dict[str, Any]:
    """A quarterly round for the grassroots organizations under the user's own unit."""
    return {
        "form": ReportForm.objects.get(code="TCXD-QUY", version=1).pk,
        "period_kind": "quarter",
        "year": 2023,
        "number": 1,
        "unit_rule": "grassroots",
        "opens_on": "31/03/2023",
        "due_on": "15/04/2023",
        "locks_on": "30/04/2023",
    }


class _Upload:
    """A's own sheet, downloaded and sent back: made when the URL is built, read again by
    every cell's request (the test client does not rewind a file)."""

    name = "bao-cao.xlsx"

    def __init__(self) -> None:
        self.data = b""

    def read(self) -> bytes:
        return self.data

    def url(self, world: World) -> str:
        sub = _entry(world)
        self.data = excel.workbook([sub], {sub.pk: {}})
        return reverse("reporting:round_upload", args=[sub.round_id])

    def files(self, world: World) -> dict[str, Any]:
        return {"files": self}


_upload = _Upload()

PERMISSIONS = [
    Allow("reporting:round_list", EVERY_USER, why="each user's rounds: its own and those below"),
    Allow(
        "reporting:round_create",
        WRITERS_EVERYWHERE,
        method="post",
        data=_opening,
        unit="d1",
        allowed=frozenset({302, 400}),
        why="a committee's officers and leaders open rounds for their own subtree (the units "
        "are resolved under the user's unit; a unit with none below is told so, 400)",
    ),
    Allow("reporting:round_detail", SEES_UNIT, url=_round_page("reporting:round_detail")),
    Allow(
        "reporting:round_consolidation",
        SEES_UNIT,
        url=_round_page("reporting:round_consolidation"),
        unit="d1",
    ),
    Allow("reporting:round_pivot", SEES_UNIT, url=_round_page("reporting:round_pivot"), unit="d1"),
    Allow(
        "reporting:round_remind",
        CHANGES_UNIT,
        url=_round_page("reporting:round_remind"),
        unit="d1",
        method="post",
        allowed=302,
        why="the committee's officers (or those above) remind its missing units",
    ),
    Allow(
        "reporting:round_sheets",
        CHANGES_UNIT,
        url=_round_page("reporting:round_sheets"),
        unit="d1",
        why="blank sheets of the missing units, for those who may enter them on their behalf",
    ),
    Allow(
        "reporting:round_upload",
        CHANGES_UNIT,
        url=_upload.url,
        data=_upload.files,
        method="post",
        why="a sheet is saved by the unit's officers or those above it; a user who may enter "
        "none of the sheets sent is refused",
    ),
    Allow(
        "reporting:submission_detail",
        SEES_UNIT,
        url=_entry_page("reporting:submission_detail"),
        why="the unit and the committees above it read the report; entering is stated by "
        "the service (own or above, officers and leaders) and tested in test_cycle",
    ),
    Allow("reporting:submission_xlsx", SEES_UNIT, url=_entry_page("reporting:submission_xlsx")),
    Allow(
        "reporting:submission_decide",
        APPROVED_ABOVE,
        url=_entry_page("reporting:submission_decide", sent=True),
        method="post",
        data=lambda world: {"action": "approve"},
        allowed=302,
        why="only a leader of a committee above the unit approves its report",
    ),
]
