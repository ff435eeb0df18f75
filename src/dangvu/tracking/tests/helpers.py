"""Test helpers: the directive, a unit's plan citing it, and tasks, all through the real
services."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangvu.access import Actor
from dangvu.documents.models import Document
from dangvu.flows.register import document_register
from dangvu.tracking.models import Task, TaskKind
from dangvu.tracking.services import task_create

ISSUED = date(2023, 4, 4)
DUE = date(2023, 6, 29)


def plan_126(actor: Actor) -> Document:
    """Kế hoạch 126-KH/TU of the Tỉnh ủy (the tree's province signs TU)."""
    return document_register(
        actor=actor,
        type_code="KH",
        number="126",
        issuer_code="TU",
        date=ISSUED,
        title="triển khai đợt sinh hoạt chính trị, tư tưởng",
        text="Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị ...",
    ).document


def unit_plan(actor: Actor, number: str, on: date, *, owner: Any = None) -> Document:
    """A unit's own plan citing 126-KH/TU (its issuer code ĐU, resolved up its chain)."""
    return document_register(
        actor=actor,
        owner=owner,
        type_code="KH",
        number=number,
        issuer_code="ĐU",
        date=on,
        title="thực hiện Kế hoạch 126-KH/TU",
        text="Thực hiện Kế hoạch số 126-KH/TU, ngày 04/4/2023 của Tỉnh ủy về triển khai ...",
    ).document


def make_task(
    actor: Actor,
    source: Document,
    root: Any,
    *,
    rule: str = "grassroots",
    kind: str = TaskKind.HOLD_ACTIVITY,
    due: date | list[date] = DUE,
    issued: date = ISSUED,
    **kwargs: Any,
) -> Task:
    tasks = task_create(
        source=source,
        title=kwargs.pop("title", "Tổ chức sinh hoạt chính trị, tư tưởng"),
        kind=kind,
        issued_on=issued,
        due_dates=due if isinstance(due, list) else [due],
        unit_rule=rule,
        rule_root=root,
        actor=actor,
        **kwargs,
    )
    return tasks[0]


def merge_into_namesake(sources: list[Any], parent: Any, *, flow: bool = True) -> Any:
    """The 1 July 2025 reform in small: `sources` merge into a new commune under the
    province named as the old Đông Cuông (through the restructure flow, or the orgs
    service alone, as the demo builds its tree)."""
    from dangvu.access import SYSTEM
    from dangvu.flows import restructure
    from dangvu.orgs import services as orgs
    from dangvu.orgs.models import OrgKind

    merge = restructure.org_merge if flow else orgs.org_merge
    spec = orgs.NewOrgSpec(
        name="Đảng bộ xã Đông Cuông",
        kind=OrgKind.COMMUNE,
        code="X1",
        parent=parent,
        committee_name="Đảng ủy xã Đông Cuông",
        issuer_code="ĐU",
    )
    return merge(sources=sources, on=date(2025, 7, 1), decision="QĐ 1575", actor=SYSTEM, new=spec)
