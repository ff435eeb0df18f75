"""Factories for member tests: everything goes through the real services."""

from __future__ import annotations

import io
import itertools
from datetime import date
from types import SimpleNamespace
from typing import Any

from openpyxl import Workbook

from dangvu.access import SYSTEM, Actor
from dangvu.members import rules
from dangvu.members.models import Member
from dangvu.members.services import member_admit, member_recognize
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import org_create

DECISION = "Quyết định số 12-QĐ/ĐU"
_serial = itertools.count(1)


def citizen_id(sex: str, birth: date) -> str:
    return rules.citizen_id_prefix(15, sex == "nu", birth.year) + f"{next(_serial):06d}"


def admit(
    org: Any,
    *,
    name: str = "Nguyễn Văn An",
    sex: str = "nam",
    birth: date = date(1990, 5, 10),
    on: date = date(2015, 3, 2),
    ceremony: date | None = None,
    actor: Actor = SYSTEM,
    with_id: bool = True,
    **profile: Any,
) -> Member:
    return member_admit(
        organization=org,
        admitted_on=on,
        decision=DECISION,
        actor=actor,
        ceremony_on=ceremony,
        full_name=name,
        sex=sex,
        birth_date=birth,
        citizen_id=citizen_id(sex, birth) if with_id else None,
        **profile,
    )


def admit_official(org: Any, **kwargs: Any) -> Member:
    member = admit(org, **kwargs)
    return member_recognize(member=member, decision=DECISION, actor=SYSTEM)


def org(parent: Any, name: str, kind: str, code: str, committee: str = "") -> Any:
    return org_create(
        name=name,
        kind=kind,
        code=code,
        parent=parent,
        founded_on=date(2015, 1, 1),
        decision=DECISION,
        actor=SYSTEM,
        committee_name=committee,
    )


def second_province() -> SimpleNamespace:
    """Another province for transfers out: Lào Cai → xã Bảo Hà → two village cells, and
    xã Cốc San → one cell."""
    t = SimpleNamespace()
    t.province = org(None, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "LC", "Tỉnh ủy Lào Cai")
    t.commune = org(t.province, "Đảng bộ xã Bảo Hà", OrgKind.COMMUNE, "BH", "Đảng ủy xã Bảo Hà")
    t.cell1 = org(t.commune, "Chi bộ thôn Bảo Vinh", OrgKind.CELL, "BH1")
    t.cell2 = org(t.commune, "Chi bộ thôn Bảo Tân", OrgKind.CELL, "BH2")
    t.other = org(t.province, "Đảng bộ xã Cốc San", OrgKind.COMMUNE, "CS")
    t.other_cell = org(t.other, "Chi bộ thôn Cốc San 1", OrgKind.CELL, "CS1")
    return t


def xlsx(header: list[str], rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
