"""Following up a task from its page: the “Nhắc việc” button on the units still missing,
every unit's reports on one page, ended units and shared names told apart."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for, make_user
from dangvu.orgs.selectors import labels_apart
from dangvu.tracking.models import Assignment, Reminder
from dangvu.tracking.services import assignment_remind, assignment_submit

from .helpers import make_task, merge_into_namesake, plan_126

TODAY = date(2023, 7, 10)


@pytest.fixture
def task(tree, users):
    return make_task(users.province_officer, plan_126(users.province_officer), tree.province)


def part(task, org) -> Assignment:
    return Assignment.objects.exclude(state="exempt").get(task=task, organization=org)


# --- nhắc việc ---------------------------------------------------------------------------


def test_a_superior_reminds_a_missing_unit_once_a_day_recorded_and_audited(tree, users, task):
    a = part(task, tree.a)
    reminder = assignment_remind(assignment=a, actor=users.d1_officer, on=TODAY, note="Gấp")
    assert reminder.organization == tree.a and reminder.assignment_ids == [a.pk]
    assert reminder.overdue == 1 and "quá hạn 11 ngày" in reminder.text and "Gấp" in reminder.text
    entry = AuditEntry.objects.get(action="tracking.assignment_remind")
    assert entry.organization_id_ref == tree.a.pk and "Việt Thành" in entry.summary
    with pytest.raises(ValidationError, match="mỗi ngày nhắc một lần"):
        assignment_remind(assignment=a, actor=users.province_officer, on=TODAY)
    # the unit sees it on its list of work
    text = client_for(users.a_officer).get(reverse("tracking:assignment_list")).content.decode()
    assert "Lần nhắc việc gần đây" in text and "Gấp" in text


def test_reminding_is_for_writers_of_a_committee_above(tree, users, task):
    a = part(task, tree.a)
    viewer = make_user("xem.tinh", tree.province, "viewer")
    for who in (users.a_officer, users.b_officer, viewer):  # itself, a sibling, a viewer
        with pytest.raises(PermissionDenied, match="cấp ủy cấp trên"):
            assignment_remind(assignment=a, actor=who, on=TODAY)
    assert not Reminder.objects.exists()
    # through the page: the other unit's officer is refused, nothing recorded
    url = reverse("tracking:assignment_remind", args=[a.pk])
    assert client_for(users.b_officer).post(url).status_code == 403
    assert not Reminder.objects.exists()


def test_a_reported_or_done_part_is_not_reminded(tree, users, task):
    a = part(task, tree.a)
    assignment_submit(
        assignment=a, actor=users.a_officer, completed_on=date(2023, 6, 1), final=True
    )
    with pytest.raises(ValidationError, match="chờ cấp trên xác nhận"):
        assignment_remind(assignment=a, actor=users.d1_officer, on=TODAY)


def test_the_button_reminds_and_a_long_note_is_named(tree, users, task):
    a = part(task, tree.a)
    client = client_for(users.province_officer)
    page = reverse("tracking:task_detail", args=[task.pk])
    text = client.get(page).content.decode()
    assert reverse("tracking:assignment_remind", args=[a.pk]) in text
    url = reverse("tracking:assignment_remind", args=[a.pk])
    long = client.post(url, {"note": "x" * 301})
    assert long.status_code == 400
    assert "Lời nhắn thêm dài quá 300 ký tự: hãy viết ngắn lại." in long.content.decode()
    assert not Reminder.objects.exists()
    done = client.post(url, {"tiep": page + "?don-vi=" + str(tree.d1.pk)})
    assert done.status_code == 302 and done["Location"].endswith(f"?don-vi={tree.d1.pk}")
    assert Reminder.objects.get().organization == tree.a
    assert "Đã nhắc" in client.get(page).content.decode()
    # an address elsewhere is not followed
    b = part(task, tree.b)
    away = client.post(
        reverse("tracking:assignment_remind", args=[b.pk]), {"tiep": "https://example.com/"}
    )
    assert away["Location"] == page


def test_a_viewer_sees_no_button(tree, users, task):
    viewer = make_user("xem.tinh", tree.province, "viewer")
    text = client_for(viewer).get(reverse("tracking:task_detail", args=[task.pk])).content
    assert "nhac-viec" not in text.decode()


# --- the reports page ---------------------------------------------------------------------


def test_every_units_reports_on_one_page_scoped_to_the_reader(tree, users, task):
    assignment_submit(
        assignment=part(task, tree.a),
        actor=users.a_officer,
        text="Xã Việt Thành đã tổ chức 3 buổi.",
        completed_on=date(2023, 5, 2),
        sessions=3,
    )
    assignment_submit(
        assignment=part(task, tree.c),
        actor=make_user("chuyenvien.c", tree.c),
        text="Xã Đông Cuông đã tổ chức.",
        completed_on=date(2023, 5, 3),
    )
    url = reverse("tracking:task_reports", args=[task.pk])
    text = client_for(users.province_officer).get(url).content.decode()
    assert "Xã Việt Thành đã tổ chức 3 buổi." in text and "Xã Đông Cuông đã tổ chức." in text
    assert text.index("Việt Thành đã") < text.index("Đông Cuông đã")  # tree order
    # D1's officer reads D1's units only
    text = client_for(users.d1_officer).get(url).content.decode()
    assert "Xã Việt Thành đã tổ chức 3 buổi." in text and "Đông Cuông đã" not in text
    # a unit of another branch asking for D1's subtree is refused
    other = make_user("chuyenvien.d2", tree.d2)
    assert client_for(other).get(url + f"?don-vi={tree.d1.pk}").status_code == 403


# --- names told apart -------------------------------------------------------------------


def test_an_ended_unit_and_its_namesake_successor_are_told_apart(tree, users, task):
    new = merge_into_namesake([tree.b, tree.c], tree.province)
    tree.c.refresh_from_db()
    old, fresh = labels_apart([tree.c, new])
    assert old.label == "Đảng bộ xã Đông Cuông (Đảng bộ huyện Văn Yên, đến 30/6/2025)"
    assert fresh.label == "Đảng bộ xã Đông Cuông (Đảng bộ tỉnh Yên Bái)"
    moved = part(task, new)
    text = (
        client_for(users.province_officer)
        .get(reverse("tracking:assignment_detail", args=[moved.pk]))
        .content.decode()
    )
    assert "Đảng bộ xã Đông Cuông (đến 30/6/2025)" in text  # where it came from
    officer = make_user("chuyenvien.moi", new)
    text = client_for(officer).get(reverse("tracking:assignment_list")).content.decode()
    assert "chuyển từ Đảng bộ xã" in text and "(đến 30/6/2025), ngày 1/7/2025" in text


def test_overdue_days_are_written_with_the_thousands_point(tree, users, task, monkeypatch):
    from dangvu.tracking import views

    monkeypatch.setattr(views, "_today", lambda: date(2027, 4, 16))
    text = (
        client_for(users.province_officer)
        .get(reverse("tracking:task_detail", args=[task.pk]))
        .content.decode()
    )
    assert "quá hạn 1.387 ngày" in text
