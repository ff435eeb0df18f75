from datetime import date

import pytest
from django.urls import reverse

from dangvu.core.testing import client_for
from dangvu.tracking.tests.helpers import make_task, plan_126


def test_the_home_page_needs_a_login(client, tree) -> None:
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/")


def test_login_lands_on_the_home_page(client, tree, users) -> None:
    from dangvu.core.testing import TEST_PASSWORD

    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": users.a_officer.username, "password": TEST_PASSWORD}
    )
    assert response["Location"] == reverse("home")


@pytest.fixture
def overdue_task(tree, users):
    plan = plan_126(users.province_officer)
    return make_task(
        users.province_officer,
        plan,
        tree.d1,
        rule="grassroots",
        title="Tổ chức sinh hoạt chuyên đề",
        due=date(2023, 6, 29),
    )


def test_a_unit_sees_its_overdue_work_on_its_home_page(users, overdue_task) -> None:
    body = client_for(users.a_officer).get(reverse("home")).content.decode()
    assert "Đảng bộ xã Việt Thành" in body
    assert "Tổ chức sinh hoạt chuyên đề" in body
    assert "1 quá hạn" in body


def test_a_unit_outside_the_task_sees_none_of_it(users, overdue_task) -> None:
    from dangvu.accounts.models import Role
    from dangvu.core.testing import make_user

    c_officer = make_user(
        "chuyenvien.c",
        users.province_officer.organization.current_children.get(code="D2").current_children.get(
            code="C"
        ),
        Role.OFFICER,
    )
    body = client_for(c_officer).get(reverse("home")).content.decode()
    assert "Tổ chức sinh hoạt chuyên đề" not in body
    assert "Không có việc nào đang chờ đơn vị." in body


def test_the_home_page_does_not_grow_a_query_per_task(
    users, tree, overdue_task, django_assert_max_num_queries
) -> None:
    client = client_for(users.a_officer)
    client.get(reverse("home"))
    # the dashboard's figures: twelve months of members, the year's work, the open round
    with django_assert_max_num_queries(45):
        first = client.get(reverse("home"))
    plan = overdue_task.source
    for n in range(5):
        make_task(
            users.province_officer, plan, tree.d1, title=f"Việc thêm {n}", due=date(2023, 7, 1 + n)
        )
    with django_assert_max_num_queries(45):
        more = client.get(reverse("home"))
    assert more.content.decode().count("Việc thêm") == 5
    assert first.status_code == more.status_code == 200
