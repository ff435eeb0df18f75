"""The unit picker of the member pages: a unit of the user's scope chosen by typing part
of its name or code, without diacritics (issue 15)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dangvu.core.testing import client_for

from .helpers import admit_official

PAGES = ["members:member_list", "members:member_stats", "members:member_worklists"]


@pytest.fixture
def members(tree):
    return [
        admit_official(tree.a1, name="Nguyễn Văn Bình"),
        admit_official(tree.a2, name="Lê Thị Cúc", sex="nu"),
    ]


@pytest.mark.parametrize("page", PAGES)
def test_one_match_opens_that_unit(tree, users, members, page) -> None:
    response = client_for(users.a_officer).get(reverse(page), {"don_vi": "thon 2 viet thanh"})
    assert response.status_code == 200
    assert response.context["org"] == tree.a2
    assert "Đang xem: Chi bộ Thôn 2 xã Việt Thành" in response.content.decode()


def test_the_list_of_the_picked_unit_holds_its_members_only(tree, users, members) -> None:
    response = client_for(users.a_officer).get(reverse("members:member_list"), {"don_vi": "THÔN 2"})
    assert [m.full_name for m in response.context["page_obj"]] == ["Lê Thị Cúc"]


def test_several_matches_are_listed_with_their_parents(tree, users, members) -> None:
    response = client_for(users.province_officer).get(
        reverse("members:member_list"), {"don_vi": "thon 1"}
    )
    page = response.content.decode()
    assert "Có 3 đơn vị khớp “thon 1”" in page
    for cell, parent in [
        (tree.a1, "Đảng bộ xã Việt Thành"),
        (tree.b1, "Đảng bộ xã Hòa Cuông"),
        (tree.c1, "Đảng bộ xã Đông Cuông"),
    ]:
        assert f'<a href="?to_chuc={cell.pk}">{cell.name}</a>' in page
        assert f"thuộc {parent}" in page


def test_a_unit_outside_the_scope_is_not_offered(tree, users, members) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:member_list"), {"don_vi": "hoa cuong"}
    )
    page = response.content.decode()
    assert "Không có đơn vị nào trong phạm vi của bạn khớp “hoa cuong”" in page
    assert f"?to_chuc={tree.b.pk}" not in page
    assert response.context["org"] == users.a_officer.organization  # the own scope still shows
