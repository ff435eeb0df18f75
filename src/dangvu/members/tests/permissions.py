"""Who may open each member page (checked by tests/test_every_url.py). The member sits
in cell A1: its own unit's users, and those of the committees above, see it; officers
and leaders there record for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role
from dangvu.members.models import ImportBatch, Member, Transfer
from dangvu.members.services import excel, member_transfer
from dangvu.tests.matrix import (
    CHANGES_UNIT,
    EVERY_USER,
    SEES_UNIT,
    WRITERS_EVERYWHERE,
    Allow,
    Who,
    World,
    url_of,
)

from .helpers import DECISION, admit_official, xlsx

CELL = "a1"  # the member's cell; places: A1's group (descendant), A2, commune A


def _member(world: World) -> Member:
    return admit_official(world.unit, name="Nguyễn Văn Ma Trận")


def _of_unit(name: str) -> Callable[[World], str]:
    def build(world: World) -> str:
        return f"{reverse(name)}?to_chuc={world.unit.pk}"

    return build


def _transfer(world: World, *, into_unit: bool) -> Transfer:
    """A transfer letter from C1 (outside every place) to the unit, or the other way."""
    other = world.tree.c1
    member = admit_official(other if into_unit else world.unit, name="Trần Văn Chuyển")
    return member_transfer(
        member=member,
        to_org=world.unit if into_unit else other,
        on=date(2025, 3, 1),
        decision=DECISION,
        actor=SYSTEM,
    )


def _incoming(world: World) -> Transfer:
    return _transfer(world, into_unit=True)


def _outgoing(world: World) -> Transfer:
    return _transfer(world, into_unit=False)


def _event_annul(world: World) -> str:
    member = _member(world)
    event = member.events.order_by("-id").first()
    assert event is not None
    return reverse("members:event_annul", args=[event.pk])


def _batch(world: World) -> ImportBatch:
    """An import checked by the unit's officer: a batch is its uploader's alone."""
    rows = [["Trần Văn Nhập", "Nam", "1/1/1990", "1/1/2020", "1/1/2021", world.unit.code]]
    return excel.import_check(
        data=xlsx(
            ["Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức", "Chi bộ"],
            rows,
        ),
        within=world.unit,
        actor=world.officer,
        filename="ds.xlsx",
    )


UPLOADER = Who(own=frozenset({Role.OFFICER}))

RECORDING = (
    "member_update",
    "member_transfer",
    "member_recognize",
    "member_exit",
    "member_exempt",
    "member_exempt_end",
    "member_restore",
    "member_rate",
    "member_badge",
    "member_discipline",
)

PERMISSIONS = [
    Allow("members:member_list", EVERY_USER, why="each user's list is its own subtree"),
    Allow("members:member_export", EVERY_USER, why="exports the user's own list"),
    Allow("members:member_stats", SEES_UNIT, unit=CELL, url=_of_unit("members:member_stats")),
    Allow(
        "members:member_stats_export",
        SEES_UNIT,
        unit=CELL,
        url=_of_unit("members:member_stats_export"),
    ),
    Allow(
        "members:member_counts",
        SEES_UNIT,
        unit=CELL,
        url=_of_unit("members:member_counts"),
        why="the counts of the units under one the user sees (the organization tree's figures)",
    ),
    Allow(
        "members:member_worklists",
        SEES_UNIT,
        unit=CELL,
        url=_of_unit("members:member_worklists"),
    ),
    Allow(
        "members:member_worklists_export",
        SEES_UNIT,
        unit=CELL,
        url=_of_unit("members:member_worklists_export"),
        why="the page's lists; the home town only where the user may see personal data",
    ),
    Allow(
        "members:member_import",
        CHANGES_UNIT,
        unit=CELL,
        url=_of_unit("members:member_import"),
        why="the page for officers and leaders who see the unit; the import checks the rest",
    ),
    Allow(
        "members:import_template",
        CHANGES_UNIT,
        unit=CELL,
        url=_of_unit("members:import_template"),
        why="the template lists the unit's cells, for those who import into it",
    ),
    *[
        Allow(
            f"members:{name}",
            UPLOADER,
            unit=CELL,
            url=url_of(f"members:{name}", _batch),
            method=method,
            allowed=302 if method == "post" else 200,
            refused=404,
            why="an import holds the uploaded file (personal data): its uploader's alone",
        )
        for name, method in (
            ("import_batch", "get"),
            ("import_write", "post"),
            ("import_marked", "get"),
        )
    ],
    Allow(
        "members:member_create",
        WRITERS_EVERYWHERE,
        why="the admission form; the unit chosen in it is checked by the service",
    ),
    Allow(
        "members:member_detail", SEES_UNIT, unit=CELL, url=url_of("members:member_detail", _member)
    ),
    *[
        Allow(f"members:{name}", CHANGES_UNIT, unit=CELL, url=url_of(f"members:{name}", _member))
        for name in RECORDING
    ],
    Allow(
        "members:transfer_confirm",
        CHANGES_UNIT,
        unit=CELL,
        url=url_of("members:transfer_confirm", _incoming),
        why="the receiving unit confirms",
    ),
    Allow(
        "members:transfer_cancel",
        CHANGES_UNIT,
        unit=CELL,
        url=url_of("members:transfer_cancel", _outgoing),
        why="the sending unit cancels its letter",
    ),
    Allow(
        "members:transfer_return",
        SEES_UNIT,
        unit=CELL,
        url=url_of("members:transfer_return", _outgoing),
        why="the form shows to whoever sees the member; the service refuses a viewer's submit",
    ),
    Allow("members:event_annul", CHANGES_UNIT, unit=CELL, url=_event_annul),
]
