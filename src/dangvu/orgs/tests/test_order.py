"""Organizations are listed in Vietnamese alphabetical order, the same on SQLite and
PostgreSQL (the sort key column, `core.collation`)."""

from __future__ import annotations

from datetime import date

import pytest

from dangvu.access import SYSTEM
from dangvu.orgs.models import OrgKind, OrgVersion
from dangvu.orgs.selectors import children_on, organization_search
from dangvu.orgs.services import org_create, org_rename

# As the dictionary orders them: Đ after D, Ô after O, Ơ after Ô, Ư after U, tones after
# the letter, a word ending before a longer one.
NAMES_IN_ORDER = [
    "Thôn Ân Phú",
    "Thôn Ấp Đông",
    "Thôn Bình",
    "Thôn Dương Hòa",
    "Thôn Đồng Tâm",
    "Thôn Khe Sâu",
    "Thôn Ô Cấp",
    "Thôn Ơn Lộc",
    "Thôn Ủy Ban",  # the word "Ủy" ends before "Uyên" goes on
    "Thôn Uyên",
    "Thôn Ưng",
    "Thôn Yên Bình",
]


@pytest.mark.django_db
def test_a_units_children_are_in_vietnamese_order(tree) -> None:
    for i, name in enumerate(reversed(NAMES_IN_ORDER)):
        org_create(
            name=f"Chi bộ {name}",
            kind=OrgKind.CELL,
            code=f"T{i}",
            parent=tree.b,
            founded_on=date(2020, 1, 1),
            decision="Quyết định số 1-QĐ/ĐU",
            actor=SYSTEM,
        )
    names = [v.name for v in children_on(tree.b, date(2024, 1, 1))]
    want = ["Chi bộ Thôn 1 xã Hòa Cuông"] + [f"Chi bộ {n}" for n in NAMES_IN_ORDER]
    assert names == want


@pytest.mark.django_db
def test_a_renamed_unit_takes_its_new_place(tree) -> None:
    org_rename(
        org=tree.a2,
        name="Chi bộ Ấp Đông xã Việt Thành",
        on=date(2024, 1, 1),
        decision="Quyết định số 2-QĐ/ĐU",
        actor=SYSTEM,
    )
    before = [v.name for v in children_on(tree.a, date(2023, 6, 1))]
    after = [v.name for v in children_on(tree.a, date(2024, 6, 1))]
    assert before == ["Chi bộ Thôn 1 xã Việt Thành", "Chi bộ Thôn 2 xã Việt Thành"]
    assert after == ["Chi bộ Ấp Đông xã Việt Thành", "Chi bộ Thôn 1 xã Việt Thành"]
    tree.a2.refresh_from_db()
    assert tree.a2.sort_key == OrgVersion.objects.get(organization=tree.a2, valid_to=None).sort_key


@pytest.mark.django_db
def test_search_results_of_one_level_are_in_vietnamese_order(tree) -> None:
    found = [v.name for v in organization_search(SYSTEM, "xa", date(2024, 1, 1))]
    communes = [n for n in found if n.startswith("Đảng bộ xã")]
    assert communes == ["Đảng bộ xã Đông Cuông", "Đảng bộ xã Hòa Cuông", "Đảng bộ xã Việt Thành"]
