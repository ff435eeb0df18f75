from datetime import date

from dangvu.access import SYSTEM
from dangvu.api.tests.helpers import as_user
from dangvu.orgs.services import org_rename


def test_tree_roots_are_the_users_own_unit(users, tree):
    r = as_user(users.a_officer).get("/api/v1/organizations")
    assert r.status_code == 200, r.content
    assert [v["organization_id"] for v in r.json()["roots"]] == [tree.a.pk]


def test_search_ignores_diacritics_and_stays_in_scope(users, tree):
    r = as_user(users.d1_officer).get("/api/v1/organizations", {"q": "hoa cuong"})
    names = [v["name"] for v in r.json()["results"]]
    assert names == ["Đảng bộ xã Hòa Cuông", "Chi bộ Thôn 1 xã Hòa Cuông"]
    assert r.json()["results"][0]["ancestors"] == ["Đảng bộ tỉnh Yên Bái", "Đảng bộ huyện Trấn Yên"]
    # xã Đông Cuông is in D2: outside the officer's district
    r = as_user(users.d1_officer).get("/api/v1/organizations", {"q": "dong cuong"})
    assert r.json()["results"] == []


def test_an_organization_of_another_unit_is_refused_with_a_problem(users, tree):
    r = as_user(users.a_officer).get(f"/api/v1/organizations/{tree.b.pk}")
    assert r.status_code == 403
    assert r["Content-Type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == 403
    assert "phạm vi" in body["detail"]


def test_detail_gives_the_version_of_the_date_and_the_history(users, tree):
    org_rename(
        org=tree.a,
        name="Đảng bộ xã Việt Thành mới",
        on=date(2020, 1, 1),
        decision="Quyết định số 5-QĐ/HU",
        actor=SYSTEM,
    )
    client = as_user(users.a_officer)
    old = client.get(f"/api/v1/organizations/{tree.a.pk}", {"on": "2019-06-30"}).json()
    assert old["version"]["name"] == "Đảng bộ xã Việt Thành"
    new = client.get(f"/api/v1/organizations/{tree.a.pk}", {"on": "2021-01-01"}).json()
    assert new["version"]["name"] == "Đảng bộ xã Việt Thành mới"
    assert len(new["versions"]) == 2
    assert [c["kind"] for c in new["restructurings"]] == ["rename", "establish"]


def test_subtree_is_paginated_with_a_total(users, tree):
    r = as_user(users.province_officer).get(
        f"/api/v1/organizations/{tree.province.pk}/subtree", {"page_size": 4}
    )
    body = r.json()
    assert body["total"] == 10 and body["pages"] == 3 and len(body["items"]) == 4
    past = as_user(users.province_officer).get(
        f"/api/v1/organizations/{tree.province.pk}/subtree", {"page_size": 4, "page": 9}
    )
    assert past.status_code == 400 and past.json()["field"] == "page"


def test_a_bad_date_names_the_field_in_vietnamese(users, tree):
    r = as_user(users.a_officer).get(f"/api/v1/organizations/{tree.a.pk}", {"on": "30/6/2023"})
    assert r.status_code == 400
    assert r.json()["field"] == "on"
    assert "ISO 8601" in r.json()["detail"]
