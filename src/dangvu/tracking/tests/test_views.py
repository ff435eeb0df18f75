"""Pages: the permission matrix, completion as committees write it, pinned query counts."""

import re
from datetime import date

import pytest
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.conftest import add_org
from dangvu.core.testing import client_for, make_user
from dangvu.orgs.models import OrgKind, OrgVersion
from dangvu.orgs.services import org_create
from dangvu.tracking.models import Assignment, AssignmentState, Task, TaskKind
from dangvu.tracking.services import assignment_confirm, assignment_submit

from .helpers import DUE, make_task, plan_126


@pytest.fixture
def data(tree, users):
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, asks_sessions=True)
    only_d2 = make_task(users.province_officer, source, tree.d2, title="Việc riêng của D2")
    users.c_officer = make_user("chuyenvien.c", tree.c)
    a = Assignment.objects.get(task=task, organization=tree.a)
    return source, task, only_d2, a


def pages(source, task, only_d2, a):
    return {
        "task_detail": reverse("tracking:task_detail", args=[task.pk]),
        "task_detail_other": reverse("tracking:task_detail", args=[only_d2.pk]),
        "document_detail": reverse("tracking:document_detail", args=[source.pk]),
        "assignment_detail": reverse("tracking:assignment_detail", args=[a.pk]),
        "assignment_submit": reverse("tracking:assignment_submit", args=[a.pk]),
        "assignment_return": reverse("tracking:assignment_return", args=[a.pk]),
        "assignment_exempt": reverse("tracking:assignment_exempt", args=[a.pk]),
        "assignment_list_of": reverse("tracking:assignment_list_of", args=[a.organization_id]),
        "assignment_list": reverse("tracking:assignment_list"),
        "task_list": reverse("tracking:task_list"),
        "task_calendar": reverse("tracking:task_calendar") + "?thang=6/2023",
        "task_create": reverse("tracking:task_create"),
    }


def test_anonymous_is_sent_to_login_everywhere(data) -> None:
    for name, url in pages(*data).items():
        response = client_for(None).get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/tai-khoan/dang-nhap/"), name


# (page, user, expected): other unit 403, own unit, superior
MATRIX = [
    ("task_detail", "a_viewer", 200),
    ("task_detail", "province_leader", 200),
    ("task_detail_other", "a_officer", 403),
    ("task_detail_other", "c_officer", 200),
    ("document_detail", "a_viewer", 200),
    ("document_detail", "d1_officer", 200),
    ("assignment_detail", "b_officer", 403),
    ("assignment_detail", "c_officer", 403),
    ("assignment_detail", "a_viewer", 200),
    ("assignment_detail", "d1_officer", 200),
    ("assignment_submit", "b_officer", 403),
    ("assignment_submit", "a_viewer", 403),
    ("assignment_submit", "d1_officer", 403),
    ("assignment_submit", "a_officer", 200),
    ("assignment_return", "a_officer", 403),
    ("assignment_return", "b_officer", 403),
    ("assignment_return", "d1_officer", 403),
    ("assignment_return", "d1_leader", 200),
    ("assignment_exempt", "a_leader", 403),
    ("assignment_exempt", "province_leader", 200),
    ("assignment_list_of", "b_officer", 403),
    ("assignment_list_of", "a_viewer", 200),
    ("assignment_list_of", "d1_officer", 200),
    ("assignment_list", "a_viewer", 200),
    ("task_list", "b_officer", 200),
    ("task_calendar", "a_officer", 200),
    ("task_create", "a_viewer", 403),
    ("task_create", "province_officer", 200),
]


@pytest.mark.parametrize(("page", "who", "status"), MATRIX)
def test_permission_matrix(data, users, page, who, status) -> None:
    response = client_for(getattr(users, who)).get(pages(*data)[page])
    assert response.status_code == status
    if status == 403:
        body = response.content.decode()
        assert "Không có quyền truy cập" in body
        assert "Tổ chức sinh hoạt chính trị" not in body and "Việc riêng của D2" not in body


def test_a_unit_sees_its_own_part_of_a_provincial_task_and_not_the_others(data, users) -> None:
    _source, task, _only_d2, _a = data
    body = client_for(users.b_officer).get(reverse("tracking:task_detail", args=[task.pk]))
    text = body.content.decode()
    assert "Đảng bộ xã Hòa Cuông" in text and "Đảng bộ xã Việt Thành" not in text
    listed = client_for(users.a_officer).get(reverse("tracking:task_list")).content.decode()
    assert task.title in listed and "Việc riêng của D2" not in listed


def test_completion_figure_and_missing_list_match_an_independent_count(tree, users, data) -> None:
    _source, task, _only_d2, a = data
    b = Assignment.objects.get(task=task, organization=tree.b)
    assignment_submit(
        assignment=a, actor=users.a_officer, completed_on=date(2023, 5, 2), sessions=3
    )
    assignment_submit(
        assignment=b, actor=users.b_officer, completed_on=date(2023, 7, 2), sessions=5
    )
    assignment_confirm(assignment=a, actor=users.d1_leader)
    assignment_confirm(assignment=b, actor=users.d1_leader)
    # independently: grassroots organizations of the province on the issue date, from
    # the versions, minus the two that reported above
    root = OrgVersion.objects.get(organization=tree.province)
    grassroots = {
        v.name
        for v in OrgVersion.objects.all()
        if v.path.startswith(root.path)
        and v.kind in (OrgKind.GRASSROOTS_COMMITTEE, OrgKind.GRASSROOTS_CELL)
    }
    missing = grassroots - {"Đảng bộ xã Việt Thành", "Đảng bộ xã Hòa Cuông"}
    done = len(grassroots) - len(missing)
    text = (
        client_for(users.province_leader)
        .get(reverse("tracking:task_detail", args=[task.pk]))
        .content.decode()
    )
    assert (done, len(grassroots)) == (2, 3)
    assert f"{done}/{len(grassroots)} đơn vị" in text
    missing_table = text.split('id="missing"')[1].split("</table>")[0]
    for name in missing:
        assert name in missing_table
    assert "Việt Thành" not in missing_table and "Hòa Cuông" not in missing_table
    assert "8 buổi" in text
    drill = text.split('id="drilldown"')[1].split("</table>")[0]
    assert "Đảng bộ huyện Trấn Yên" in drill and "2/2 đơn vị" in drill
    assert "Đảng bộ huyện Văn Yên" in drill and "0/1 đơn vị" in drill
    # on time 1, late 1
    summary = text.split('class="card"')[1]
    assert "Đúng hạn: <strong>1</strong>" in summary and "Muộn: <strong>1</strong>" in summary
    # drilled down to D1: only its communes
    d1 = client_for(users.province_leader).get(
        reverse("tracking:task_detail", args=[task.pk]) + f"?don-vi={tree.d1.pk}"
    )
    assert "2/2 đơn vị" in d1.content.decode() and "Đông Cuông" not in d1.content.decode()


def test_directive_page_shows_where_each_unit_stands_along_the_chain(tree, users, data) -> None:
    source, _task, _only_d2, a = data
    report = make_task(
        users.province_officer,
        source,
        tree.province,
        kind=TaskKind.REPORT,
        title="Báo cáo kết quả",
        due=[date(2023, 6, 29), date(2023, 12, 10)],
    )
    assignment_submit(
        assignment=a, actor=users.a_officer, completed_on=date(2023, 5, 2), sessions=3
    )
    assignment_confirm(assignment=a, actor=users.d1_leader)
    r = Assignment.objects.get(task=report, organization=tree.a)
    assignment_submit(assignment=r, actor=users.a_officer, text="Đã tổ chức 3 buổi.")
    text = (
        client_for(users.province_leader)
        .get(reverse("tracking:document_detail", args=[source.pk]))
        .content.decode()
    )
    assert "05-CT/TW" in text.split('id="chain-up"')[1]  # what 126-KH/TU implements
    stages = text.split('id="stages"')[1].split("</ul>")[0]
    assert "Đã tổ chức học tập, sinh hoạt: <strong>1</strong>" in stages
    units = text.split('id="units"')[1].split("</table>")[0]
    assert units.count("<tr>") == 3 + 1  # header + A, B, C (only_d2 adds no unit)
    assert "Đã báo cáo, chờ xác nhận" in units


def _grow(tree, n: int) -> None:
    for i in range(n):
        org_create(
            name=f"Chi bộ cơ sở {i}",
            kind=OrgKind.GRASSROOTS_CELL,
            code=f"G{i}",
            parent=tree.d2,
            founded_on=date(2016, 1, 1),
            decision="QĐ",
            actor=SYSTEM,
        )


@pytest.mark.parametrize("extra", [0, 12])
def test_task_page_makes_the_same_queries_however_many_units(
    tree, users, django_assert_num_queries, extra
) -> None:
    _grow(tree, extra)
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, asks_sessions=True)
    assert task.assignments.count() == 3 + extra
    client = client_for(users.province_leader)
    url = reverse("tracking:task_detail", args=[task.pk])
    client.get(url)
    with django_assert_num_queries(11):  # the 11th: the missing units' last reminders
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("extra", [0, 12])
def test_directive_page_makes_the_same_queries_however_many_units(
    tree, users, django_assert_num_queries, extra
) -> None:
    _grow(tree, extra)
    source = plan_126(users.province_officer)
    make_task(users.province_officer, source, tree.province, asks_sessions=True)
    make_task(users.province_officer, source, tree.province, kind=TaskKind.REPORT, title="Báo cáo")
    client = client_for(users.province_leader)
    url = reverse("tracking:document_detail", args=[source.pk])
    client.get(url)
    with django_assert_num_queries(22):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("tasks", [1, 6])
def test_due_list_makes_the_same_queries_however_many_tasks(
    tree, users, django_assert_num_queries, tasks
) -> None:
    source = plan_126(users.province_officer)
    for n in range(tasks):
        make_task(users.province_officer, source, tree.province, title=f"Việc {n}")
    client = client_for(users.a_officer)
    url = reverse("tracking:assignment_list")
    client.get(url)
    with django_assert_num_queries(6):
        text = client.get(url).content.decode()
    assert text.count("Việc ") >= tasks


def test_due_list_orders_soonest_first_and_marks_overdue(tree, users) -> None:
    source = plan_126(users.province_officer)
    make_task(users.province_officer, source, tree.province, title="Việc xa", due=date(2099, 1, 1))
    make_task(users.province_officer, source, tree.province, title="Việc cũ", due=DUE)
    text = client_for(users.a_officer).get(reverse("tracking:assignment_list")).content.decode()
    table = text.split('id="due"')[1]
    assert table.index("Việc cũ") < table.index("Việc xa")
    assert "quá hạn" in table and 'class="overdue"' in table
    assert "1 việc quá hạn" in text


def test_create_submit_confirm_and_return_through_the_pages(tree, users) -> None:
    source = plan_126(users.province_officer)
    officer = client_for(users.province_officer)
    response = officer.post(
        reverse("tracking:task_create"),
        {
            "source": source.pk,
            "title": "Tổ chức học tập",
            "kind": "hold_activity",
            "issued_on": "4/4/2023",
            "due_on": "29/6/2023",
            "due_on_2": "10/12/2023",
            "rule_root": tree.province.pk,
            "unit_rule": "grassroots",
            "asks_sessions": "on",
        },
    )
    assert response.status_code == 302
    assignment = Assignment.objects.filter(organization=tree.a).order_by("task__round").first()
    bad = client_for(users.a_officer).post(
        reverse("tracking:assignment_submit", args=[assignment.pk]),
        {"text": "xong", "completed_on": "2/5/2023"},
    )
    assert "Hãy nhập số buổi" in bad.content.decode()
    ok = client_for(users.a_officer).post(
        reverse("tracking:assignment_submit", args=[assignment.pk]),
        {"text": "xong", "completed_on": "2/5/2023", "sessions": "4"},
    )
    assert ok.status_code == 302
    returned = client_for(users.d1_leader).post(
        reverse("tracking:assignment_return", args=[assignment.pk]), {"comment": ""}
    )
    assert "Hãy ghi ý kiến" in returned.content.decode()
    client_for(users.d1_leader).post(
        reverse("tracking:assignment_confirm", args=[assignment.pk]), {"comment": "Tốt"}
    )
    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.DONE and assignment.sessions == 4


def test_bad_dates_in_the_task_form_name_the_field(tree, users) -> None:
    source = plan_126(users.province_officer)
    response = client_for(users.province_officer).post(
        reverse("tracking:task_create"),
        {
            "source": source.pk,
            "title": "Học tập",
            "kind": "hold_activity",
            "issued_on": "4/4/2023",
            "due_on": "1/4/2023",
            "rule_root": tree.province.pk,
            "unit_rule": "grassroots",
        },
    )
    assert response.status_code == 200
    assert "Hạn lần 1 phải từ ngày giao việc trở đi." in response.content.decode()
    bad = client_for(users.province_officer).post(
        reverse("tracking:task_create"),
        {
            "source": source.pk,
            "title": "Học tập",
            "kind": "hold_activity",
            "issued_on": "31/2/2023",
            "due_on": "29/6/2023",
            "rule_root": tree.province.pk,
            "unit_rule": "grassroots",
        },
    )
    assert "Ngày không hợp lệ" in bad.content.decode()


# --- the unit picker of the task form ------------------------------------------------------


def _listed_task(source, root, units):
    return {
        "source": source.pk,
        "title": "Kiểm tra chi bộ",
        "kind": "other",
        "issued_on": "4/4/2023",
        "due_on": "29/6/2023",
        "rule_root": root.pk,
        "unit_rule": "listed",
        "listed": [u.pk for u in units],
    }


def test_the_task_form_lists_the_officers_units_as_checkboxes(tree, users) -> None:
    page = client_for(users.d1_officer).get(reverse("tracking:task_create")).content.decode()
    picker = page.split("data-unit-picker")[1].split("</ul>")[0]
    for unit in (tree.a, tree.b, tree.a1, tree.b1):
        assert f'type="checkbox" name="listed" value="{unit.pk}"' in picker
        assert unit.name in picker
    for outside in (tree.d1, tree.c, tree.c1, tree.province):  # own unit and other branches
        assert f'value="{outside.pk}"' not in picker
    assert "/static/tracking/unit-picker.js" in page
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', page)  # no CDN


def test_picked_units_get_the_task(tree, users) -> None:
    source = plan_126(users.province_officer)
    response = client_for(users.province_officer).post(
        reverse("tracking:task_create"), _listed_task(source, tree.d1, [tree.b, tree.a1])
    )
    assert response.status_code == 302
    task = Task.objects.get(title="Kiểm tra chi bộ")
    assert set(task.assignments.values_list("organization_id", flat=True)) == {
        tree.b.pk,
        tree.a1.pk,
    }


def test_an_officer_cannot_pick_a_unit_outside_their_subtree(tree, users) -> None:
    source = plan_126(users.province_officer)
    response = client_for(users.d1_officer).post(
        reverse("tracking:task_create"), _listed_task(source, tree.d1, [tree.a, tree.c])
    )
    assert response.status_code == 200
    assert f"Đơn vị mã số {tree.c.pk} không thuộc phạm vi của bạn" in response.content.decode()
    assert not Task.objects.filter(title="Kiểm tra chi bộ").exists()
    # within the subtree but not below the chosen scope: the service refuses it
    response = client_for(users.province_officer).post(
        reverse("tracking:task_create"), _listed_task(source, tree.d1, [tree.c])
    )
    assert "không trực thuộc" in response.content.decode()
    assert not Task.objects.filter(title="Kiểm tra chi bộ").exists()


def test_the_unit_search_finds_units_of_the_subtree_only(tree, users) -> None:
    url = reverse("tracking:unit_search")
    found = client_for(users.d1_officer).get(url, {"q": "thon 1"}).json()["units"]
    assert {u["pk"] for u in found} == {tree.a1.pk, tree.b1.pk}  # not C1 (Văn Yên)
    assert found[0]["context"] in {tree.a.name, tree.b.name}
    assert client_for(users.d1_officer).get(url, {"q": "tran yen"}).json()["units"] == []
    assert client_for(users.a_viewer).get(url, {"q": "thon"}).status_code == 403


def test_completion_of_a_root_counts_only_its_tree(tree, users) -> None:
    """The one root needs no subtree filter; with a second root it keeps one."""
    from dangvu.flows.restructure import org_merge
    from dangvu.tracking.selectors import progress_of

    task = make_task(users.province_officer, plan_126(users.province_officer), tree.province)
    today = date(2023, 5, 2)
    assert str(progress_of(task, tree.province, today).summary.completion) == "0/3 đơn vị"
    other = add_org(
        None, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "LC", decision="Quyết định số 1-QĐ/TW"
    )
    there = add_org(
        other,
        "Đảng bộ xã Bảo Hà",
        OrgKind.GRASSROOTS_COMMITTEE,
        "BH",
        decision="Quyết định số 2-QĐ/TU",
    )
    org_merge(sources=[tree.c], into=there, on=date(2023, 5, 1), decision="QĐ 9", actor=SYSTEM)
    assert Assignment.objects.get(task=task, organization=there).transferred_from == tree.c
    province = type(tree.province).objects.get(pk=tree.province.pk)
    progress = progress_of(task, province, today)
    assert str(progress.summary.completion) == "0/2 đơn vị"
    assert sum(r.total for r in progress.rows) == 2
    assert str(progress_of(task, other, today).summary.completion) == "0/1 đơn vị"
