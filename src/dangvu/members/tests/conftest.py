"""Fixtures shared by the member tests."""

from datetime import date

import pytest

from dangvu.access import SYSTEM
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import org_create

from .helpers import DECISION

FOUNDED = date(2015, 1, 1)


def _org(parent, name, kind, code):
    return org_create(
        name=name, kind=kind, code=code, parent=parent, founded_on=FOUNDED, decision=DECISION,
        actor=SYSTEM,
    )  # fmt: skip


@pytest.fixture
def nation_tree(db):
    """The Centre → two provinces → communes → cells."""
    t = type("Nation", (), {})()
    t.central = org_create(
        name="Đảng Cộng sản Việt Nam", kind=OrgKind.CENTRAL, code="TW", parent=None,
        founded_on=date(1930, 2, 3), decision=DECISION, actor=SYSTEM,
    )  # fmt: skip
    t.p1 = _org(t.central, "Đảng bộ tỉnh Yên Bái", OrgKind.PROVINCE, "P1")
    t.p2 = _org(t.central, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "P2")
    t.k1 = _org(t.p1, "Đảng bộ xã Việt Thành", OrgKind.COMMUNE, "K1")
    t.k2 = _org(t.p1, "Đảng bộ xã Hòa Cuông", OrgKind.COMMUNE, "K2")
    t.k3 = _org(t.p2, "Đảng bộ xã Bảo Hà", OrgKind.COMMUNE, "K3")
    t.cells = [
        _org(t.k1, "Chi bộ thôn 1 xã Việt Thành", OrgKind.CELL, "K1A"),
        _org(t.k2, "Chi bộ thôn 1 xã Hòa Cuông", OrgKind.CELL, "K2A"),
        _org(t.k2, "Chi bộ thôn 2 xã Hòa Cuông", OrgKind.CELL, "K2B"),
        _org(t.k3, "Chi bộ thôn 1 xã Bảo Hà", OrgKind.CELL, "K3A"),
    ]
    return t
