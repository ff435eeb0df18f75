"""Roles: confirming, returning and exempting a unit's part are decisions of a leader of a
committee above it (`access.can_approve`); an officer there prepares, and is refused."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.tracking.models import Assignment, AssignmentState, Submission
from dangvu.tracking.services import (
    assignment_confirm,
    assignment_exempt,
    assignment_return,
    assignment_submit,
)

from .helpers import make_task, plan_126

ACTIONS = {
    "confirm": (lambda a, u: assignment_confirm(assignment=a, actor=u), "xác nhận hoàn thành"),
    "return": (
        lambda a, u: assignment_return(assignment=a, actor=u, comment="Bổ sung số buổi."),
        "trả lại báo cáo",
    ),
    "exempt": (
        lambda a, u: assignment_exempt(assignment=a, actor=u, reason="other", note="Kiện toàn"),
        "miễn thực hiện",
    ),
}


@pytest.fixture
def submitted(tree, users) -> Assignment:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province)
    mine = Assignment.objects.get(task=task, organization=tree.a)
    assignment_submit(assignment=mine, actor=users.a_officer, completed_on=date(2023, 5, 1))
    mine.refresh_from_db()
    return mine


def _state(a: Assignment) -> tuple:
    a.refresh_from_db()
    return (
        a.state,
        a.completed_on,
        list(Submission.objects.filter(assignment=a).values_list("decision", "reviewed_by")),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", ["d1_officer", "province_officer", "a_leader"])
def test_an_officer_above_or_the_units_own_leader_is_refused(submitted, users, action, who):
    call, what = ACTIONS[action]
    before = _state(submitted)
    with pytest.raises(PermissionDenied) as refused:
        call(submitted, getattr(users, who))
    message = str(refused.value)
    assert f"không có quyền {what}" in message and "chỉ lãnh đạo cấp ủy cấp trên" in message
    assert "Đảng bộ xã Việt Thành" in message
    assert _state(submitted) == before


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", ["d1_leader", "province_leader"])
def test_a_leader_of_a_committee_above_decides(submitted, users, action, who):
    call, _ = ACTIONS[action]
    call(submitted, getattr(users, who))
    submitted.refresh_from_db()
    expected = {"confirm": "done", "return": "returned", "exempt": "exempt"}[action]
    assert submitted.state == expected
    entry = AuditEntry.objects.filter(action=f"tracking.assignment_{action}").get()
    assert entry.actor == getattr(users, who)


def test_the_page_shows_the_decisions_to_leaders_only(submitted, users) -> None:
    url = reverse("tracking:assignment_detail", args=[submitted.pk])
    officer = client_for(users.d1_officer).get(url).content.decode()
    leader = client_for(users.d1_leader).get(url).content.decode()
    for button in ("Xác nhận hoàn thành", "Trả lại", "Miễn thực hiện"):
        assert f">{button}<" in leader
        assert f">{button}<" not in officer
    confirm = reverse("tracking:assignment_confirm", args=[submitted.pk])
    refused = client_for(users.d1_officer).post(confirm, {"comment": ""})
    assert refused.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == AssignmentState.SUBMITTED
