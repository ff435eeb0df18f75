from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.tracking.models import Assignment, Reminder, ReminderRun
from dangvu.tracking.services import assignment_confirm, assignment_submit

from .helpers import make_task, plan_126


def run(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_remind_lists_due_and_overdue_per_unit_and_records_it(tree, users) -> None:
    source = plan_126(users.province_officer)
    make_task(users.province_officer, source, tree.province, title="Học tập", due=date(2023, 6, 20))
    make_task(users.province_officer, source, tree.province, title="Báo cáo", due=date(2023, 7, 3))
    make_task(users.province_officer, source, tree.province, title="Việc xa", due=date(2023, 9, 1))
    done = make_task(
        users.province_officer, source, tree.d1, title="Đã xong", due=date(2023, 6, 25)
    )
    a = Assignment.objects.get(task=done, organization=tree.a)
    assignment_submit(assignment=a, actor=users.a_officer, completed_on=date(2023, 5, 1))
    assignment_confirm(assignment=a, actor=users.d1_leader)

    out = run("--on", "29/6/2023", "--days", "7")
    assert "Đã nhắc 3 đơn vị" in out
    line_a = next(line for line in out.splitlines() if line.startswith("Đảng bộ xã Việt Thành"))
    assert "1 việc quá hạn" in line_a and "“Học tập”" in line_a
    assert "1 việc đến hạn trong 7 ngày" in line_a and "còn 4 ngày" in line_a
    assert "Việc xa" not in out
    reminder = Reminder.objects.get(organization=tree.a)
    assert (reminder.overdue, reminder.due_soon) == (1, 1)
    b_line = next(line for line in out.splitlines() if line.startswith("Đảng bộ xã Hòa Cuông"))
    assert "2 việc quá hạn" in b_line  # B's "Đã xong" is still open: overdue
    assert Reminder.objects.get(organization=tree.b).overdue == 2
    assert ReminderRun.objects.get().units == 3
    assert AuditEntry.objects.filter(action="tracking.reminders_send").count() == 1
    # the same list on the unit's page
    text = client_for(users.a_officer).get(reverse("tracking:assignment_list")).content.decode()
    assert "Lần nhắc việc gần đây" in text and "1 việc quá hạn" in text


def test_remind_refuses_bad_input_and_records_nothing(tree) -> None:
    with pytest.raises(CommandError, match="không hợp lệ"):
        run("--on", "31/2/2023")
    with pytest.raises(CommandError, match="từ 0 đến 365"):
        run("--days", "-1")
    assert not ReminderRun.objects.exists()
