"""The API's permission matrix, shared by its own tests (`test_scope_matrix.py`) and by
the project's every-URL walk (`permissions.py`): the operations read from the published
schema, one object of commune A for each kind of path, and a well-formed body for each
write on an object, so that the refusal a test sees is the scope's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.documents.models import DocumentRelation
from dangvu.documents.services import relation_add
from dangvu.drafting.services import draft_create
from dangvu.members.models import MembershipEvent
from dangvu.members.services import member_transfer
from dangvu.members.tests.helpers import DECISION, admit
from dangvu.reporting import periods
from dangvu.reporting.models import Submission
from dangvu.reporting.tests.conftest import open_quarter
from dangvu.tracking.models import Assignment
from dangvu.tracking.tests.helpers import make_task, plan_126, unit_plan

PREFIX = "/api/v1"

# Operations without an object in the path: scoped by the caller's own unit, or by an
# `organization` parameter tested in each resource's tests.
UNSCOPED = {
    "/organizations", "/members", "/members/import", "/statistics", "/documents", "/tasks",
    "/reviews", "/changes", "/reporting/rounds", "/drafts",
}  # fmt: skip

ORG_CHANGE = {"on": "2025-06-01", "decision": DECISION}

BODIES: dict[str, dict[str, Any]] = {
    "/members/{pk}/events": {"kind": "recognize", "decision": DECISION},
    "/events/{pk}/annul": {"decision": DECISION, "reason": "Ghi nhầm"},
    "/members/{pk}/transfers": {"to_org": 1, "on": "2021-01-01", "decision": DECISION},
    "/transfers/{pk}/confirm": {"on": "2021-01-01"},
    "/reporting/submissions/{pk}": {"values": {}},
    "/reporting/submissions/{pk}/return": {"comment": "Bổ sung"},
    "/reporting/submissions/{pk}/reopen": {"comment": "Sai số liệu"},
    "/reporting/submissions/{pk}/excuse": {"reason": "Đang sáp nhập"},
    "/organizations/{pk}/establish": {
        "name": "Chi bộ mới", "kind": "cell", "code": "M1", "founded_on": "2025-06-01",
        "decision": DECISION,
    },
    "/organizations/{pk}/rename": {**ORG_CHANGE, "name": "Tên mới"},
    "/organizations/{pk}/move": {**ORG_CHANGE, "new_parent": 1},
    "/organizations/{pk}/merge": {**ORG_CHANGE, "into": 1},
    "/organizations/{pk}/split": {
        **ORG_CHANGE, "kind": "cell",
        "parts": [{"name": "Phần 1", "code": "P1"}, {"name": "Phần 2", "code": "P2"}],
    },
    "/organizations/{pk}/dissolve": ORG_CHANGE,
    "/documents/{pk}/relations": {"kind": "implements", "target": 1},
    "/references/{pk}/correct": {"kind": "party", "number": "1", "issuer_code": "TU"},
    "/drafts/{pk}/edit": {"index": 0, "text": "Lời văn"},
    "/drafts/{pk}/issue": {"signer": "Nguyễn Văn An"},
}  # fmt: skip


@dataclass(frozen=True)
class Operation:
    method: str  # "GET", "POST", ...
    path: str  # without the prefix: "/members/{pk}"
    name: str  # the URL name: "member_detail"

    @property
    def kind(self) -> str | None:
        """The kind of object in the path ("members"), None for a path without one."""
        return self.path.split("/{pk}")[0].lstrip("/") if "{pk}" in self.path else None


def operations() -> list[Operation]:
    """Every operation of the published schema."""
    from dangvu.api.api import api

    schema = api.get_openapi_schema()
    return [
        Operation(method.upper(), path.removeprefix(PREFIX), operation["operationId"])
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]


def url_name(operation: Operation) -> str:
    """The operation's URL name (ninja names it after the function; the schema's id is
    the module and the function)."""
    return operation.name.rsplit("_routers_", 1)[-1].split("_", 1)[1]


class Objects:
    """One object of commune A (`tree.a`, or its cell A1) of each kind, built on first
    use through the real services: `superior` acts for the province, `officer` for A."""

    def __init__(self, tree: SimpleNamespace, *, officer: Any, superior: Any = SYSTEM) -> None:
        self.tree = tree
        self.officer = officer
        self.superior = superior
        self._built: dict[str, Any] = {}

    def _once(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._built:
            self._built[key] = make()
        return self._built[key]

    def member(self) -> Any:
        return self._once(
            "member",
            lambda: admit(
                self.tree.a1, name="Đặng Thị Hạnh", sex="nu", birth=date(1988, 8, 8),
                phone="0912345678",
            ),
        )  # fmt: skip

    def transfer(self) -> Any:
        return self._once(
            "transfer",
            lambda: member_transfer(
                member=self.member(), to_org=self.tree.a2, on=date(2020, 1, 1),
                decision="Giấy giới thiệu số 1", actor=SYSTEM,
            ),
        )  # fmt: skip

    def plan(self) -> Any:
        return self._once("plan", lambda: plan_126(self.superior))

    def own_plan(self) -> Any:
        return self._once("own", lambda: unit_plan(self.officer, "15", self.plan().date))

    def task(self) -> Any:  # a task of the province: B sees it too, its A rows are scoped
        return self._once("task", lambda: make_task(self.superior, self.plan(), self.tree.province))

    def round(self) -> Any:
        def make() -> Any:
            today = timezone.localdate()
            q = (today.month - 1) // 3 + 1
            last = periods.quarter(today.year, q - 1) if q > 1 else None
            period = last or periods.quarter(today.year - 1, 4)
            return open_quarter(self.tree.a, rule="cells", period=period, due_in=400, lock_in=500)

        return self._once("round", make)

    def relation(self) -> Any:
        def make() -> Any:
            found = DocumentRelation.objects.filter(source=self.own_plan()).first()
            return found or relation_add(
                source=self.own_plan(), target=self.plan(), kind="implements", actor=self.officer
            )

        return self._once("relation", make)

    def draft(self) -> Any:
        return self._once(
            "draft",
            lambda: draft_create(
                genre="member_stats", owner=self.tree.a, source={"on": "2024-12-31"},
                actor=self.officer,
            ),
        )  # fmt: skip

    def pk(self, kind: str) -> int:
        """The id of the object of `kind` (the first part of a path: "members")."""
        make: dict[str, Callable[[], Any]] = {
            "organizations": lambda: self.tree.a,
            "members": self.member,
            "events": lambda: MembershipEvent.objects.filter(member=self.member()).first(),
            "transfers": self.transfer,
            "documents": self.own_plan,
            "references": lambda: self.own_plan().references.first(),
            "relations": self.relation,
            "tasks": self.task,
            "assignments": lambda: Assignment.objects.get(
                task=self.task(), organization=self.tree.a
            ),
            "reporting/rounds": self.round,
            "reporting/submissions": lambda: Submission.objects.get(
                round=self.round(), organization=self.tree.a1
            ),
            "drafts": self.draft,
        }
        return int(make[kind]().pk)

    def url(self, operation: Operation) -> str:
        if operation.kind is None:
            return PREFIX + operation.path
        return PREFIX + operation.path.replace("{pk}", str(self.pk(operation.kind)))
