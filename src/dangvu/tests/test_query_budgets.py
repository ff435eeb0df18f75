"""Query budgets: no page's query count grows with the data (issue 16).

Every GET page of the permission statements (`<app>/tests/permissions.py`) is opened by a
user it lets in, on a world holding one unit below the statement's unit, one member, one
document and one task; then the same world grows to twenty of each and every page is
opened again. The two counts must be equal: a page that asks once per row of what it shows
(an N+1) fails, naming the page and both counts.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from dangvu.accounts.models import Role, User
from dangvu.documents.models import Document
from dangvu.flows.register import document_register
from dangvu.members.models import Member
from dangvu.members.tests.helpers import DECISION, admit_official
from dangvu.orgs.models import Organization, OrgKind
from dangvu.orgs.services import org_create
from dangvu.tests.matrix import (
    EVERY_USER,
    PLACES,
    ROLES,
    Allow,
    World,
    build_request,
    build_world,
    declared,
)
from dangvu.tracking.tests.helpers import make_task

# The kind of a unit made below each world's unit, and of the one its members join.
CHILD_KIND = {
    OrgKind.GRASSROOTS_COMMITTEE: OrgKind.CELL,
    OrgKind.CELL: OrgKind.GROUP,
    OrgKind.DISTRICT: OrgKind.GRASSROOTS_COMMITTEE,
}

# Pages whose count may differ, each with the reason.
EXEMPT: dict[str, str] = {
    "reporting:round_sheets": "one workbook with a prefilled sheet for each missing unit (at "
    "most 100): each sheet counts that unit's own subtree (issue 10: a prefill of many units "
    "at once is still to be written)",
}

# The pinned count of each page (its reader, the world with twenty of each thing): a page
# may ask less, never more. A new page adds its line; a page that needs more says why in
# its commit.
BUDGETS: dict[str, int] = {
    "accounts:login": 3,
    "accounts:password_change": 3,
    "accounts:user_create": 5,
    "accounts:user_detail": 5,
    "accounts:user_list": 6,
    "accounts:user_password_reset": 4,
    "api:api_docs": 2,
    "api:token_list": 4,
    "core:audit_list": 6,
    "core:help": 3,
    "core:help_index": 3,
    "documents:document_detail": 20,  # +1: the received copies of the document
    "documents:document_edit": 6,
    "documents:document_file": 6,
    "documents:document_list": 8,
    "documents:document_upload": 6,
    "documents:finding_correct": 7,
    "documents:reference_correct": 7,
    "documents:relation_add": 8,
    "drafting:draft_create": 3,
    "drafting:draft_detail": 5,
    "drafting:draft_docx": 6,
    "drafting:draft_list": 4,
    "drafting:draft_pdf": 6,
    "drafting:number_list": 4,
    "drafting:template_download": 4,
    "drafting:template_list": 4,
    "flows:dashboard_members": 29,  # 12: the members on each month's first day without a snapshot
    "flows:dashboard_members_export": 30,
    "flows:dashboard_reporting": 5,
    "flows:dashboard_reporting_export": 6,
    "flows:dashboard_tracking": 7,
    "flows:dashboard_tracking_export": 8,
    "home": 38,  # +23: its dashboard (twelve months of members, the year's work and round)
    "members:event_annul": 5,
    "members:import_batch": 4,
    "members:import_marked": 3,
    "members:import_template": 5,
    "members:member_badge": 4,
    "members:member_create": 4,
    "members:member_detail": 10,
    "members:member_discipline": 4,
    "members:member_exempt": 4,
    "members:member_exempt_end": 4,
    "members:member_exit": 4,
    "members:member_export": 6,
    "members:member_import": 4,
    "members:member_list": 8,
    "members:member_rate": 4,
    "members:member_recognize": 4,
    "members:member_restore": 4,
    "members:member_counts": 7,
    "members:member_stats": 13,
    "members:member_stats_export": 14,
    "members:member_transfer": 7,
    "members:member_update": 4,
    "members:member_worklists": 25,
    "members:member_worklists_export": 24,
    "members:transfer_cancel": 5,
    "members:transfer_confirm": 6,
    "members:transfer_return": 5,
    "orgs:organization_children": 5,
    "orgs:organization_create": 4,
    "orgs:organization_detail": 14,
    "orgs:organization_dissolve": 4,
    "orgs:organization_merge": 9,
    "orgs:organization_move": 6,
    "orgs:organization_rename": 4,
    "orgs:organization_split": 5,
    "orgs:organization_tree": 4,
    "reporting:round_consolidation": 17,
    "reporting:round_detail": 10,
    "reporting:round_list": 6,
    "reporting:round_pivot": 13,
    "reporting:submission_detail": 19,
    "reporting:submission_xlsx": 19,
    "tracking:assignment_detail": 8,
    "tracking:assignment_exempt": 5,
    "tracking:assignment_list": 6,
    "tracking:assignment_remind": 5,
    "tracking:assignment_list_of": 6,
    "tracking:assignment_return": 5,
    "tracking:assignment_submit": 5,
    "tracking:document_detail": 26,
    "tracking:task_calendar": 4,
    "tracking:task_create": 9,
    "tracking:task_detail": 10,
    "tracking:task_list": 7,
    "tracking:task_reports": 9,
    "tracking:unit_search": 6,
}

# Django's admin (staff only), and the API, whose endpoints answer tokens, not sessions.
NOT_PAGES = {"admin", "api_v1"}

BY_MODULE = {
    module: [s for s in statements if s.method == "get" and s.name.split(":")[0] not in NOT_PAGES]
    for module, statements in declared().items()
}
BY_MODULE = {module: statements for module, statements in BY_MODULE.items() if statements}


def _reader(statement: Allow, world: World) -> User | None:
    """A user the page lets in, preferring the committee above (it sees the most)."""
    preferred = [(Role.LEADER, "ancestor"), (Role.LEADER, "own")]
    cells = preferred + [(role, place) for place in PLACES for role in ROLES]
    for role, place in cells:
        if statement.who.allows(role, place):
            return world.user(role, place)
    return None


class Grower:
    """Adds units below the world's unit, each with a member, plus documents and tasks of
    the unit, through the real services."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.count = 0
        self.plan = None

    def grow_to(self, n: int) -> None:
        while self.count < n:
            self.count += 1
            self._one(self.count)

    def _one(self, i: int) -> None:
        unit = self.world.unit
        kind = CHILD_KIND[unit.kind]
        child = org_create(
            name=f"Đơn vị thêm số {i} của {unit.code}",
            kind=kind,
            code=f"{unit.code}T{i}",
            parent=unit,
            founded_on=date(2020, 1, 1),
            decision=DECISION,
            actor=self._above(),
        )
        # where the new unit's member is kept: a party group's in its cell, a grassroots
        # committee's in a cell made under it, a cell's in the cell itself
        home: Organization = unit if kind == OrgKind.GROUP else child
        if kind == OrgKind.GRASSROOTS_COMMITTEE:
            home = org_create(
                name=f"Chi bộ thêm số {i}",
                kind=OrgKind.CELL,
                code=f"{child.code}C",
                parent=child,
                founded_on=date(2020, 1, 1),
                decision=DECISION,
                actor=self._above(),
            )
        admit_official(home, name=f"Nguyễn Văn Thêm {i}", on=date(2019, 3, 1 + i % 20))
        document_register(
            actor=self.world.officer,
            owner=unit,
            type_code="BC",
            number=str(100 + i),
            issuer_code=unit.issuer_code or "ĐU",
            date=date(2023, 5, 1 + i % 25),
            title=f"báo cáo thêm số {i}",
            text="Thực hiện Kế hoạch số 126-KH/TU của Tỉnh ủy ...",
        )
        make_task(
            self._above(),
            self._plan(),
            unit,
            rule="direct",
            title=f"Việc thêm số {i}",
            due=date(2023, 7, 1 + i % 25),
        )

    def _above(self) -> User:
        return self.world.user(Role.OFFICER, "ancestor")

    def _plan(self) -> Document:
        if self.plan is None:
            ancestor = self.world.places["ancestor"]
            self.plan = document_register(
                actor=self._above(),
                owner=ancestor,
                type_code="KH",
                number="777",
                issuer_code=ancestor.issuer_code or "HU",
                date=date(2023, 4, 4),
                title="kế hoạch của cấp trên để đo số truy vấn",
                text="Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị ...",
            ).document
        return self.plan


def _count(statement: Allow, world: World) -> tuple[int, int, str]:
    """(status, queries) of the page opened by its reader, the second of two requests."""
    user = _reader(statement, world)
    assert user is not None
    with transaction.atomic():
        url, data = build_request(statement, world)
        client = Client()
        client.force_login(user)
        client.get(url, data)  # the session, and anything cached per process, warmed
        with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as queries:
            status = client.get(url, data).status_code
        transaction.set_rollback(True)
    return status, len(queries), url


def grown(statements: list[Allow]) -> list[str]:
    """The pages of `statements` whose query count differs between a world with one of
    each thing and the same world with twenty, in words; [] when none."""
    worlds: dict[str, tuple[World, Grower]] = {}
    for statement in statements:
        if statement.unit not in worlds:
            tree = next(iter(worlds.values()))[0].tree if worlds else None
            world = build_world(statement.unit, tree)
            worlds[statement.unit] = (world, Grower(world))
    readable = [s for s in statements if _reader(s, worlds[s.unit][0]) is not None]

    def measure() -> dict[str, tuple[int, int, str]]:
        return {s.name: _count(s, worlds[s.unit][0]) for s in readable}

    for _, grower in worlds.values():
        grower.grow_to(1)
    small = measure()
    members_before = Member.objects.count()
    for _, grower in worlds.values():
        grower.grow_to(20)
    large = measure()
    assert Member.objects.count() == members_before + 19 * len(worlds)

    refused = [f"{n}: {small[n][0]}, {large[n][0]}" for n in small if small[n][0] >= 400]
    assert not refused, f"pages that refused a user they let in: {refused}"
    over = [
        f"{name} ({large[name][2]}): {large[name][1]} queries, budget {BUDGETS.get(name)}"
        for name in large
        if large[name][1] > BUDGETS.get(name, 0)
    ]
    assert not over, "pages over their query budget (BUDGETS):\n" + "\n".join(over)
    return [
        f"{name} ({large[name][2]}): {small[name][1]} queries with one of each, "
        f"{large[name][1]} with twenty"
        for name in small
        if large[name][1] != small[name][1]
    ]


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
@pytest.mark.parametrize("module", BY_MODULE)
def test_no_page_asks_once_per_row(module: str) -> None:
    statements = [s for s in BY_MODULE[module] if s.name not in EXEMPT]
    wrong = grown(statements)
    assert not wrong, "pages whose query count grows with the data:\n" + "\n".join(wrong)


@pytest.mark.django_db
def test_a_page_asking_once_per_member_fails_its_budget(settings: Any, monkeypatch: Any) -> None:
    settings.ROOT_URLCONF = "dangvu.tests.budget_urls"
    monkeypatch.setitem(BUDGETS, "per_member", 100)
    wrong = grown([Allow("per_member", EVERY_USER)])
    assert len(wrong) == 1
    assert wrong[0].startswith("per_member (/mot-truy-van-moi-dang-vien/): ")


def test_every_page_has_a_budget_and_every_budget_a_page() -> None:
    pages = {s.name for statements in BY_MODULE.values() for s in statements}
    unbudgeted = sorted(pages - set(BUDGETS) - set(EXEMPT))
    assert not unbudgeted, (
        f"pages without a query budget: {unbudgeted}; run this module, read the count the "
        "failure of test_no_page_asks_once_per_row gives, and add the page's line to BUDGETS"
    )
    assert sorted(set(BUDGETS) - pages) == [], "budgets of pages that no longer exist"
