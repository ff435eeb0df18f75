"""The member counts of the organization tree (members:member_counts), today and on a
past day, against counts made in the test; scoped like the statistics (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.testing import client_for
from dangvu.members.models import EventKind
from dangvu.members.services import member_exit

from .helpers import DECISION, admit, admit_official

URL = "members:member_counts"


@pytest.fixture
def registry(tree):
    """Three members in A1, two in A2 (one of them left the Party on 1/3/2024), one in B1."""
    a1 = [admit_official(tree.a1, name=f"Nguyễn Văn Một {i}") for i in range(3)]
    a2 = [admit_official(tree.a2, name=f"Lê Văn Hai {i}") for i in range(2)]
    admit(tree.b1, name="Trần Văn Ba")
    member_exit(
        member=a2[0],
        kind=EventKind.STRIKE_OFF,
        on=date(2024, 3, 1),
        decision=DECISION,
        actor=SYSTEM,
    )
    return a1, a2


def _counts(client, **params):
    response = client.get(reverse(URL), params)
    assert response.status_code == 200, response.content
    return response.json()["counts"]


def test_the_units_under_a_commune_today_and_before(tree, users, registry) -> None:
    client = client_for(users.a_officer)
    today = _counts(client, to_chuc=tree.a.pk)
    assert today == {str(tree.a1.pk): 3, str(tree.a2.pk): 1}
    before = _counts(client, to_chuc=tree.a.pk, ngay="2024-02-29")
    assert before == {str(tree.a1.pk): 3, str(tree.a2.pk): 2}


def test_the_users_top_units(tree, users, registry) -> None:
    assert _counts(client_for(users.a_officer), goc=1) == {str(tree.a.pk): 4}
    assert _counts(client_for(users.province_officer), goc=1) == {str(tree.province.pk): 5}


def test_the_districts_under_the_province(tree, users, registry) -> None:
    counts = _counts(client_for(users.province_officer), to_chuc=tree.province.pk)
    assert counts == {str(tree.d1.pk): 5, str(tree.d2.pk): 0}


def test_a_sibling_commune_is_refused(tree, users, registry) -> None:
    response = client_for(users.b_officer).get(reverse(URL), {"to_chuc": tree.a.pk})
    assert response.status_code == 403


def test_bad_input_is_answered_in_vietnamese(tree, users, registry) -> None:
    client = client_for(users.a_officer)
    no_unit = client.get(reverse(URL))
    assert no_unit.status_code == 400
    assert "Thiếu đơn vị" in no_unit.json()["error"]
    bad_day = client.get(reverse(URL), {"to_chuc": tree.a.pk, "ngay": "31/2/2024"})
    assert bad_day.status_code == 400
    assert "không hợp lệ" in bad_day.json()["error"]


def test_the_tree_pages_name_their_counts(tree, users, registry) -> None:
    client = client_for(users.a_officer)
    page = client.get(reverse("orgs:organization_detail", args=[tree.a.pk])).content.decode()
    assert f"so-luong/?to_chuc={tree.a.pk}&amp;ngay=" in page
    assert f'data-count-of="{tree.a1.pk}"' in page
    children = client.get(reverse("orgs:organization_children", args=[tree.a.pk]))
    assert f"so-luong/?to_chuc={tree.a.pk}&amp;ngay=" in children.content.decode()
