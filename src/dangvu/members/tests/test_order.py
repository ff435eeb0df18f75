"""A unit's roll lists members by given name, then family and middle names, in
Vietnamese alphabetical order, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from dangvu.accounts.models import Role
from dangvu.core.testing import make_user
from dangvu.members.selectors import member_list
from dangvu.members.selectors.scope import MemberFilter
from dangvu.members.services import member_update_profile

from .helpers import admit

# Given names first (An < Anh < Ánh < Bình < Dũng < Đức < Ơn < Ư), then family + middle.
ROLL = [
    "Lê Thị An",
    "Trần Văn An",
    "Nguyễn Thị Anh",
    "Phạm Thị Ánh",
    "Hoàng Văn Bình",
    "Nguyễn Văn Dũng",
    "Đặng Văn Đức",
    "Nguyễn Đức Đức",
    "Lò Văn Ơn",
    "H'Mai Niê Ư",
]


@pytest.mark.django_db
def test_the_roll_is_in_vietnamese_order(tree) -> None:
    for name in reversed(ROLL):
        admit(tree.a1, name=name, sex="nu" if " Thị " in name else "nam")
    leader = make_user("lanhdao.a", tree.a, Role.LEADER)
    listed = member_list(leader, MemberFilter(status="all"), today=date(2026, 1, 1))
    assert [m.full_name for m in listed] == ROLL


@pytest.mark.django_db
def test_a_corrected_name_takes_its_new_place(tree, users) -> None:
    first = admit(tree.a1, name="Nguyễn Văn Bình")
    admit(tree.a1, name="Nguyễn Văn Cường")
    member_update_profile(member=first, actor=users.a_officer, full_name="Nguyễn Văn Dũng")
    listed = member_list(users.a_officer, MemberFilter(status="all"), today=date(2026, 1, 1))
    assert [m.full_name for m in listed] == ["Nguyễn Văn Cường", "Nguyễn Văn Dũng"]
