"""The unit picker on every list and statistics page (issue 15): one selector
(`orgs.picker.picked_unit`) and one include (`orgs/_unit_picker.html`); a unit typed
without diacritics, limited to the user's subtree."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import reverse

from dangvu.core.testing import client_for
from dangvu.flows.register import document_register
from dangvu.reporting.tests.conftest import open_quarter
from dangvu.tracking.tests.helpers import make_task, plan_126

COMMUNE_A = "Đảng bộ xã Việt Thành"


@pytest.fixture
def world(tree, users):
    plan = plan_126(users.province_officer)
    for owner, number in ((tree.a, "15"), (tree.b, "16")):
        document_register(
            actor=users.province_officer,
            owner=owner,
            type_code="KH",
            number=number,
            issuer_code="ĐU",
            date=date(2023, 5, 2),
            title=f"kế hoạch của {owner.name}",
        )
    task = make_task(users.province_officer, plan, tree.province)
    round = open_quarter(tree.province)
    return SimpleNamespace(plan=plan, task=task, round=round)


def _pages(w: SimpleNamespace) -> dict[str, tuple[str, str]]:
    """Each page with the picker: its URL and the context name of the unit it shows."""
    return {
        "documents": (reverse("documents:document_list"), "unit"),
        "tasks": (reverse("tracking:task_list"), "unit"),
        "assignments": (reverse("tracking:assignment_list"), "org"),
        "task": (reverse("tracking:task_detail", args=[w.task.pk]), "node"),
        "directive": (reverse("tracking:document_detail", args=[w.plan.pk]), "node"),
        "reports": (reverse("tracking:task_reports", args=[w.task.pk]), "node"),
        "rounds": (reverse("reporting:round_list"), "unit"),
        "round": (reverse("reporting:round_detail", args=[w.round.pk]), "node"),
        "consolidation": (reverse("reporting:round_consolidation", args=[w.round.pk]), "node"),
        "pivot": (reverse("reporting:round_pivot", args=[w.round.pk]), "node"),
        "members": (reverse("members:member_list"), "org"),
        "member stats": (reverse("members:member_stats"), "org"),
        "members dashboard": (reverse("flows:dashboard_members"), "org"),
        "tracking dashboard": (reverse("flows:dashboard_tracking"), "org"),
        "reporting dashboard": (reverse("flows:dashboard_reporting"), "org"),
    }


PAGES = [
    "documents",
    "tasks",
    "assignments",
    "task",
    "directive",
    "reports",
    "rounds",
    "round",
    "consolidation",
    "pivot",
    "members",
    "member stats",
    "members dashboard",
    "tracking dashboard",
    "reporting dashboard",
]


# The pages of one task or round name their unit ?don-vi=<id>, the lists ?to_chuc=<id>.
NODE_PAGES = ("task", "directive", "reports", "round", "consolidation", "pivot")


@pytest.mark.parametrize("page", PAGES)
def test_a_unit_typed_without_diacritics_opens_that_unit(tree, users, world, page) -> None:
    url, name = _pages(world)[page]
    response = client_for(users.province_officer).get(url, {"don_vi": "DANG BO viet thanh"})
    assert response.status_code == 200
    assert response.context[name] == tree.a
    assert f"Đang xem: {COMMUNE_A}" in response.content.decode()
    assert 'name="don_vi"' in response.content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_a_unit_outside_the_subtree_is_not_offered(tree, users, world, page) -> None:
    url, _ = _pages(world)[page]
    response = client_for(users.a_officer).get(url, {"don_vi": "hoa cuong"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Không có đơn vị nào trong phạm vi của bạn khớp “hoa cuong”" in body
    assert f'={tree.b.pk}"' not in body


@pytest.mark.parametrize("page", PAGES)
def test_a_unit_outside_the_subtree_named_by_its_id_is_refused(tree, users, world, page) -> None:
    url, _ = _pages(world)[page]
    key = "don-vi" if page in NODE_PAGES else "to_chuc"
    response = client_for(users.a_officer).get(url, {key: tree.b.pk})
    assert response.status_code == 403
    assert "Đơn vị “Đảng bộ xã Hòa Cuông” nằm ngoài phạm vi đơn vị của bạn." in (
        response.content.decode()
    )


def test_several_matches_are_offered_keeping_the_pages_filters(tree, users, world) -> None:
    response = client_for(users.province_officer).get(
        reverse("documents:document_list"), {"don_vi": "thon 1", "loai": "KH"}
    )
    body = response.content.decode()
    assert "Có 3 đơn vị khớp “thon 1”" in body
    for cell in (tree.a1, tree.b1, tree.c1):
        assert f'<a href="?loai=KH&amp;to_chuc={cell.pk}">{cell.name}</a>' in body
    assert '<input type="hidden" name="loai" value="KH">' in body


def test_the_register_of_a_picked_unit_holds_its_documents(tree, users, world) -> None:
    response = client_for(users.province_officer).get(
        reverse("documents:document_list"), {"don_vi": "dang bo hoa cuong"}
    )
    symbols = {d.symbol for d in response.context["page_obj"]}
    assert symbols == {"16-KH/ĐU"}


def test_the_tasks_of_a_picked_unit_count_its_parts(tree, users, world) -> None:
    response = client_for(users.province_officer).get(
        reverse("tracking:task_list"), {"don_vi": "dang bo hoa cuong"}
    )
    (row,) = response.context["rows"]
    assert str(row["completion"]) == "0/1 đơn vị"  # of the three communes' parts, Hòa Cuông's


def test_the_rounds_of_a_picked_unit_are_those_it_reports_in(tree, users, world) -> None:
    other = open_quarter(tree.d2)  # Đông Cuông reports in it, Việt Thành does not
    client = client_for(users.province_officer)
    listed = client.get(reverse("reporting:round_list"), {"don_vi": "dang bo dong cuong"})
    assert set(listed.context["rounds"]) == {world.round, other}
    listed = client.get(reverse("reporting:round_list"), {"don_vi": "dang bo viet thanh"})
    assert set(listed.context["rounds"]) == {world.round}
