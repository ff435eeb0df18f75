"""Factories for member tests: everything goes through the real services."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from dangvu.members import rules
from dangvu.members.models import Member
from dangvu.members.services import member_admit, member_recognize

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
    actor: Any = None,
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
    return member_recognize(member=member, decision=DECISION, actor=None)
