"""Data for drafting tests, built through the real services of tracking and documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangvu.core.testing import make_user
from dangvu.tracking.models import Assignment
from dangvu.tracking.services import assignment_confirm, assignment_submit
from dangvu.tracking.tests.helpers import make_task, plan_126

DUE = date(2023, 6, 29)
ON = date(2023, 7, 10)


def directive_task(users: Any, tree: Any, *, second_round: date | None = date(2023, 12, 10)):
    """Kế hoạch 126-KH/TU asks every cell to hold sessions (due 29/6/2023, a second round
    by 10/12/2023); commune A's cells A1 and A2 exist, A1 has done it with 3 sessions."""
    source = plan_126(users.province_officer)
    dues = [DUE, second_round] if second_round else [DUE]
    task = make_task(
        users.province_officer,
        source,
        tree.province,
        rule="cells",
        due=dues,
        asks_sessions=True,
        title="Tổ chức sinh hoạt chính trị, tư tưởng",
    )
    done(task, tree.a1, users, sessions=3, on=date(2023, 6, 20))
    return task


def done(task: Any, org: Any, users: Any, *, sessions: int, on: date) -> None:
    cell_officer = make_user(f"chibo.{org.pk}.{sessions}", org)
    assignment = Assignment.objects.get(task=task, organization=org)
    assignment_submit(
        assignment=assignment,
        actor=cell_officer,
        text="Chi bộ đã tổ chức sinh hoạt.",
        completed_on=on,
        sessions=sessions,
    )
    assignment_confirm(assignment=assignment, actor=users.a_leader)
