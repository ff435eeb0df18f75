from datetime import date

import pytest
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.orgs import selectors
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.services import NewOrgSpec, org_merge

REFORM = date(2025, 7, 1)
PAGES = [
    "orgs:organization_detail",
    "orgs:organization_children",
]
WRITE_PAGES = [
    "orgs:organization_rename",
    "orgs:organization_move",
    "orgs:organization_merge",
    "orgs:organization_split",
    "orgs:organization_dissolve",
]


def url(name: str, org: Organization, **query: str) -> str:
    base = reverse(name, args=[org.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- the permission matrix ---------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES + WRITE_PAGES + ["orgs:organization_create"])
def test_anonymous_is_sent_to_login(tree, name) -> None:
    response = client_for(None).get(url(name, tree.a1))
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/dang-nhap/")


@pytest.mark.parametrize("name", PAGES + WRITE_PAGES + ["orgs:organization_create"])
def test_an_officer_of_another_commune_is_refused_not_shown(tree, users, name) -> None:
    response = client_for(users.b_officer).get(url(name, tree.a1))
    assert response.status_code == 403
    body = response.content.decode()
    assert "Không có quyền truy cập" in body
    assert "Chi bộ Thôn 1 xã Việt Thành" not in body


@pytest.mark.parametrize("name", PAGES)
def test_own_unit_and_superior_can_read(tree, users, name) -> None:
    for user in (users.a_viewer, users.a_officer, users.d1_officer, users.province_leader):
        assert client_for(user).get(url(name, tree.a1)).status_code == 200


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_a_viewer_of_the_unit_cannot_open_write_forms(tree, users, name) -> None:
    assert client_for(users.a_viewer).get(url(name, tree.a1)).status_code == 403


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_an_officer_may_not_restructure_its_own_unit_only_below(tree, users, name) -> None:
    assert client_for(users.a_officer).get(url(name, tree.a)).status_code == 403
    assert client_for(users.a_officer).get(url(name, tree.a1)).status_code == 200


def test_writes_by_another_unit_are_refused_and_change_nothing(tree, users) -> None:
    before = (OrgVersion.objects.count(), AuditEntry.objects.count())
    response = client_for(users.b_officer).post(
        url("orgs:organization_rename", tree.a1),
        {
            "name": "Tên lạ",
            "code": "A1",
            "kind": "cell",
            "effective_on": "1/7/2025",
            "decision": "Quyết định số 9-QĐ/HU",
        },
    )
    assert response.status_code == 403
    assert (OrgVersion.objects.count(), AuditEntry.objects.count()) == before


# --- the tree page -------------------------------------------------------------------------


def test_tree_as_of_a_date_shows_that_dates_shape(tree, users) -> None:
    org_merge(
        sources=[tree.a, tree.b],
        on=REFORM,
        decision="QĐ 1",
        actor=SYSTEM,
        new=NewOrgSpec(name="Đảng bộ xã Trấn Yên", kind="commune", code="X1", parent=tree.province),
    )
    client = client_for(users.province_leader)
    old = client.get(url("orgs:organization_children", tree.d1, ngay="2023-06-30")).content.decode()
    new = client.get(url("orgs:organization_children", tree.d1, ngay="2025-08-01")).content.decode()
    assert "Đảng bộ xã Việt Thành" in old and "Đảng bộ xã Hòa Cuông" in old
    assert "Đảng bộ xã Việt Thành" not in new
    top = client.get(
        reverse("orgs:organization_children", args=[tree.province.pk]), {"ngay": "01/08/2025"}
    ).content.decode()
    assert "Đảng bộ xã Trấn Yên" in top


def test_tree_search_ignores_diacritics_and_stays_in_scope(tree, users) -> None:
    leader = client_for(users.province_leader)
    body = leader.get(reverse("orgs:organization_tree"), {"q": "xa viet thanh"}).content.decode()
    assert "Đảng bộ xã Việt Thành" in body
    other = client_for(users.b_officer)
    body = other.get(reverse("orgs:organization_tree"), {"q": "viet thanh"}).content.decode()
    assert "Không tìm thấy tổ chức nào" in body


def test_committee_name_is_searchable(tree, users) -> None:
    from dangvu.orgs.services import org_rename

    org_rename(
        org=tree.d1,
        on=date(2020, 1, 1),
        committee_name="Huyện ủy Trấn Yên",
        decision="QĐ 2",
        actor=SYSTEM,
    )
    found = selectors.organization_search(
        users.province_leader, "huyen uy tran yen", date(2023, 1, 1)
    )
    assert [v.name for v in found] == ["Đảng bộ huyện Trấn Yên"]


def test_an_unreadable_date_falls_back_to_today_with_a_message(tree, users) -> None:
    body = (
        client_for(users.a_officer)
        .get(reverse("orgs:organization_tree"), {"ngay": "31/02/2023"})
        .content.decode()
    )
    assert "Ngày “31/02/2023” không hợp lệ" in body


def test_tree_children_do_not_grow_a_query_per_row(tree, users, django_assert_max_num_queries):
    client = client_for(users.province_leader)
    client.get(reverse("orgs:organization_tree"))  # warm the session
    with django_assert_max_num_queries(8):
        client.get(url("orgs:organization_children", tree.a))
    from dangvu.orgs.services import org_create

    for n in range(10):
        org_create(
            name=f"Chi bộ {n}",
            kind="cell",
            code=f"N{n}",
            parent=tree.a,
            founded_on=date(2016, 1, 1),
            decision="QĐ",
            actor=SYSTEM,
        )
    with django_assert_max_num_queries(8):
        response = client.get(url("orgs:organization_children", tree.a))
    assert response.content.decode().count("<li") == 12


def test_a_commune_formed_in_2025_sees_its_predecessors_in_the_2023_tree(tree) -> None:
    from dangvu.accounts.models import Role
    from dangvu.core.testing import make_user

    new = org_merge(
        sources=[tree.a, tree.b],
        on=REFORM,
        decision="QĐ 1",
        actor=SYSTEM,
        new=NewOrgSpec(name="Đảng bộ xã Trấn Yên", kind="commune", code="X1", parent=tree.province),
    )
    officer = make_user("xa.tranyen", new, Role.OFFICER)
    roots = selectors.scope_roots_on(officer, date(2023, 6, 30))
    assert sorted(r.name for r in roots) == ["Đảng bộ xã Hòa Cuông", "Đảng bộ xã Việt Thành"]
    assert client_for(officer).get(url("orgs:organization_detail", tree.a)).status_code == 200
    assert client_for(officer).get(url("orgs:organization_detail", tree.c)).status_code == 403


# --- forms: bad input gets a Vietnamese message and changes nothing -----------------------


def post_counts():
    return Organization.objects.count(), OrgVersion.objects.count(), AuditEntry.objects.count()


def test_move_form_refuses_a_cycle_with_a_message(tree, users) -> None:
    before = post_counts()
    response = client_for(users.province_officer).post(
        url("orgs:organization_move", tree.d1),
        {"new_parent": tree.a.pk, "effective_on": "1/7/2025", "decision": "QĐ 5-QĐ/TU"},
    )
    assert response.status_code == 400
    # a district's own commune is not even offered as a parent
    assert "Tổ chức cấp trên đã chọn không hợp lệ" in response.content.decode()
    assert post_counts() == before


def test_create_form_refuses_an_empty_name_and_a_duplicate_code(tree, users) -> None:
    before = post_counts()
    client = client_for(users.a_officer)
    response = client.post(
        url("orgs:organization_create", tree.a),
        {
            "name": "",
            "kind": "cell",
            "code": "A1",
            "founded_on": "1/7/2025",
            "decision": "QĐ 7-QĐ/ĐU",
        },
    )
    assert response.status_code == 400
    assert (
        "Trường này là bắt buộc" in response.content.decode() or "name" in response.content.decode()
    )
    response = client.post(
        url("orgs:organization_create", tree.a),
        {
            "name": "Chi bộ Thôn 9",
            "kind": "cell",
            "code": "A1",
            "founded_on": "1/7/2025",
            "decision": "QĐ 7-QĐ/ĐU",
        },
    )
    assert response.status_code == 400
    assert "Mã đơn vị “A1” đã dùng cho “Chi bộ Thôn 1 xã Việt Thành”" in response.content.decode()
    assert post_counts() == before


def test_merge_form_refuses_a_date_before_a_source_existed(tree, users) -> None:
    before = post_counts()
    response = client_for(users.d1_officer).post(
        url("orgs:organization_merge", tree.a),
        {
            "others": [tree.b.pk],
            "new_name": "Đảng bộ xã Mới",
            "new_code": "M",
            "new_kind": "grassroots_committee",
            "effective_on": "1/1/2010",
            "decision": "QĐ 8",
        },
    )
    assert response.status_code == 400
    assert "trước ngày thành lập" in response.content.decode()
    assert post_counts() == before


def test_a_valid_rename_redirects_and_is_in_the_audit_log(tree, users) -> None:
    response = client_for(users.a_officer).post(
        url("orgs:organization_rename", tree.a1),
        {
            "name": "Chi bộ Thôn Hòa Bình",
            "code": "A1",
            "kind": "cell",
            "effective_on": "1/7/2025",
            "decision": "Quyết định số 15-QĐ/ĐU",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="orgs.org_rename")
    assert entry.actor == users.a_officer and entry.after["name"] == "Chi bộ Thôn Hòa Bình"


def test_split_form_assigns_each_child(tree, users) -> None:
    response = client_for(users.d1_officer).post(
        url("orgs:organization_split", tree.a),
        {
            "parts": "Đảng bộ xã Việt Thành Bắc | VB\nĐảng bộ xã Việt Thành Nam | VN",
            "kind": "grassroots_committee",
            f"child_{tree.a1.pk}": "1",
            f"child_{tree.a2.pk}": "2",
            "effective_on": "1/7/2025",
            "decision": "QĐ 9",
        },
    )
    assert response.status_code == 302, response.content.decode()
    north = Organization.objects.get(code="VB")
    assert [v.name for v in selectors.children_on(north, date(2025, 8, 1))] == [
        "Chi bộ Thôn 1 xã Việt Thành"
    ]


def test_split_form_refuses_a_malformed_line(tree, users) -> None:
    response = client_for(users.d1_officer).post(
        url("orgs:organization_split", tree.a),
        {
            "parts": "Chỉ có tên",
            "kind": "grassroots_committee",
            f"child_{tree.a1.pk}": "1",
            f"child_{tree.a2.pk}": "1",
            "effective_on": "1/7/2025",
            "decision": "QĐ 9",
        },
    )
    assert response.status_code == 400
    assert "Dòng 1 chưa đúng dạng" in response.content.decode()


# --- the audit log page ------------------------------------------------------------------------


def test_leaders_read_the_audit_log_of_their_subtree_only(tree, users) -> None:
    from dangvu.orgs.services import org_rename

    org_rename(org=tree.a1, on=REFORM, name="Chi bộ A mới", decision="QĐ", actor=users.a_officer)
    org_rename(org=tree.b1, on=REFORM, name="Chi bộ B mới", decision="QĐ", actor=users.b_officer)
    body = client_for(users.a_leader).get(reverse("core:audit_list")).content.decode()
    assert "Chi bộ A mới" in body and "Chi bộ B mới" not in body
    body = client_for(users.province_leader).get(reverse("core:audit_list")).content.decode()
    assert "Chi bộ A mới" in body and "Chi bộ B mới" in body
    assert client_for(users.a_officer).get(reverse("core:audit_list")).status_code == 403


def test_history_lists_the_merge_that_carried_a_cell_along(tree, users) -> None:
    org_merge(
        sources=[tree.a, tree.b],
        on=REFORM,
        decision="Quyết định số 1575-QĐ/TU",
        actor=SYSTEM,
        new=NewOrgSpec(name="Đảng bộ xã Trấn Yên", kind="commune", code="X1", parent=tree.province),
    )
    body = client_for(users.province_leader).get(url("orgs:organization_detail", tree.a1))
    assert "Quyết định số 1575-QĐ/TU" in body.content.decode()


def test_breadcrumbs_link_only_inside_the_users_scope(tree, users) -> None:
    body = (
        client_for(users.a_officer).get(url("orgs:organization_detail", tree.a1)).content.decode()
    )
    assert f'href="/to-chuc/{tree.a.pk}/' in body
    assert f'href="/to-chuc/{tree.d1.pk}/' not in body and "Đảng bộ huyện Trấn Yên" in body


def test_search_results_do_not_grow_a_query_per_row(tree, users, django_assert_max_num_queries):
    from dangvu.orgs.services import org_create

    client = client_for(users.province_leader)
    client.get(reverse("orgs:organization_tree"))
    for n in range(12):
        org_create(
            name=f"Chi bộ Tìm Kiếm {n}",
            kind="cell",
            code=f"S{n}",
            parent=tree.a,
            founded_on=date(2016, 1, 1),
            decision="QĐ",
            actor=SYSTEM,
        )
    with django_assert_max_num_queries(9):
        body = client.get(reverse("orgs:organization_tree"), {"q": "tim kiem"}).content.decode()
    assert body.count("Chi bộ Tìm Kiếm") == 12
    assert body.count("Đảng bộ huyện Trấn Yên › Đảng bộ xã Việt Thành") == 12
