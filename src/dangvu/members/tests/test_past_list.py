"""The member list on a past day lists who was in the unit then, over the tree as it was;
a unit that has ended says so and links to its last day (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.testing import client_for
from dangvu.flows.restructure import org_merge

from .helpers import DECISION, admit, admit_official

MERGED = date(2025, 7, 1)
BEFORE = date(2025, 6, 30)


@pytest.fixture
def merged(tree):
    """A1 has two members, A2 one; A2 merges into A1 on 1/7/2025; one more member joins A1
    after the merge."""
    a1 = [
        admit_official(tree.a1, name="Nguyễn Văn Bình", on=date(2015, 3, 2)),
        admit_official(tree.a1, name="Lê Thị Cúc", sex="nu", on=date(2016, 5, 4)),
    ]
    a2 = [admit_official(tree.a2, name="Trần Văn Dũng", on=date(2017, 8, 9))]
    org_merge(sources=[tree.a2], into=tree.a1, on=MERGED, decision=DECISION, actor=SYSTEM)
    later = admit(tree.a1, name="Phạm Văn An", on=date(2025, 9, 2))
    tree.a2.refresh_from_db()
    return a1, a2, later


def _names(response) -> list[str]:
    rows = response.context["page_obj"].object_list
    return [m.full_name for m in rows]


def test_the_list_of_a_past_day_is_who_was_there(tree, users, merged) -> None:
    a1, a2, later = merged
    client = client_for(users.a_officer)
    url = reverse("members:member_list")

    then = client.get(url, {"to_chuc": tree.a1.pk, "ngay": "30/6/2025"})
    assert then.status_code == 200
    assert _names(then) == ["Nguyễn Văn Bình", "Lê Thị Cúc"]
    assert "tại ngày 30/6/2025" in then.content.decode()

    now = client.get(url, {"to_chuc": tree.a1.pk})
    assert sorted(_names(now)) == sorted(m.full_name for m in [*a1, *a2, later])

    a2_then = client.get(url, {"to_chuc": tree.a2.pk, "ngay": BEFORE.isoformat()})
    assert _names(a2_then) == ["Trần Văn Dũng"]
    page = a2_then.content.decode()
    assert "Chi bộ Thôn 2 xã Việt Thành" in page  # the unit of that day, in its column
    assert "Chính thức" in page


def test_a_commune_on_a_past_day_counts_its_cells_of_that_day(tree, users, merged) -> None:
    a1, a2, _ = merged
    response = client_for(users.a_officer).get(
        reverse("members:member_list"), {"to_chuc": tree.a.pk, "ngay": "1/1/2020"}
    )
    assert sorted(_names(response)) == sorted(m.full_name for m in [*a1, *a2])


def test_an_ended_unit_says_where_its_members_went(tree, users, merged) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:member_list"), {"to_chuc": tree.a2.pk}
    )
    page = response.content.decode()
    assert _names(response) == []
    assert "đã chấm dứt từ ngày 1/7/2025" in page
    assert "hợp nhất vào" in page and "Chi bộ Thôn 1 xã Việt Thành" in page
    assert f"to_chuc={tree.a2.pk}&amp;ngay=2025-06-30" in page


def test_another_commune_cannot_read_the_past_list(tree, users, merged) -> None:
    response = client_for(users.b_officer).get(
        reverse("members:member_list"), {"to_chuc": tree.a1.pk, "ngay": "30/6/2025"}
    )
    assert response.status_code == 403


def test_a_bad_date_is_named_and_the_list_stays_todays(tree, users, merged) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:member_list"), {"to_chuc": tree.a1.pk, "ngay": "31/2/2025"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tại ngày: Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm" in page
    assert len(_names(response)) == 4
    assert response.context["past"] is None


def test_the_organization_page_links_to_its_members_of_the_day(tree, users, merged) -> None:
    response = client_for(users.a_officer).get(
        reverse("orgs:organization_detail", args=[tree.a2.pk]), {"ngay": "2025-06-30"}
    )
    page = response.content.decode()
    assert f"?to_chuc={tree.a2.pk}&amp;ngay=2025-06-30" in page
    assert "Danh sách đảng viên ngày 30/6/2025" in page
