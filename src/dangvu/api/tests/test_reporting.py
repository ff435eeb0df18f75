"""Reporting through the API: a unit fills and sends its report, the superior approves or
returns it; completeness and consolidation; other units refused."""

import pytest
from django.utils import timezone

from dangvu.api.tests.helpers import as_user
from dangvu.reporting import periods
from dangvu.reporting.models import SubmissionState
from dangvu.reporting.tests.conftest import entry, filled, open_quarter


@pytest.fixture
def round_(tree):
    """The last quarter before today, still open for entry (the API sends as of today)."""
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    year, last = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
    period = periods.quarter(year, last)
    open_for = (today - period.end).days
    return open_quarter(tree.province, period=period, due_in=open_for + 10, lock_in=open_for + 20)


def test_rounds_are_listed_for_units_that_report_in_them(users, tree, round_):
    body = as_user(users.a_officer).get("/api/v1/reporting/rounds").json()
    assert [r["id"] for r in body["items"]] == [round_.pk]


def test_a_unit_sends_its_report_and_the_superior_approves(users, tree, round_):
    sub = entry(round_, tree.a)
    client = as_user(users.a_officer)
    r = client.post(
        f"/api/v1/reporting/submissions/{sub.pk}",
        {"values": filled(sub), "narratives": {"ket_qua": "Tốt"}, "submit": True},
    )
    assert r.status_code == 200, r.content
    assert r.json()["state"] == SubmissionState.SUBMITTED
    done = as_user(users.province_leader).post(f"/api/v1/reporting/submissions/{sub.pk}/approve")
    assert done.status_code == 200, done.content
    assert done.json()["state"] == SubmissionState.APPROVED
    tally = (
        as_user(users.province_officer)
        .get(f"/api/v1/reporting/rounds/{round_.pk}/completeness")
        .json()["tally"]
    )
    assert tally["reported"] == 1 and tally["expected"] == 3
    cons = (
        as_user(users.province_officer)
        .get(f"/api/v1/reporting/rounds/{round_.pk}/consolidation")
        .json()
    )
    assert cons["units_approved"] == 1 and cons["rows"]


def test_bad_cells_are_refused_by_cell_and_nothing_saved(users, tree, round_):
    sub = entry(round_, tree.a)
    values = filled(sub)
    cell = next(iter(values))
    values[cell] = "không phải số"
    r = as_user(users.a_officer).post(
        f"/api/v1/reporting/submissions/{sub.pk}", {"values": values, "submit": True}
    )
    assert r.status_code == 400 and r.json()["errors"]
    sub.refresh_from_db()
    assert sub.state != SubmissionState.SUBMITTED


def test_another_unit_cannot_read_fill_or_approve(users, tree, round_):
    sub = entry(round_, tree.a)
    client = as_user(users.b_officer)
    assert client.get(f"/api/v1/reporting/submissions/{sub.pk}").status_code == 403
    r = client.post(f"/api/v1/reporting/submissions/{sub.pk}", {"values": filled(sub)})
    assert r.status_code == 403
    as_user(users.a_officer).post(
        f"/api/v1/reporting/submissions/{sub.pk}", {"values": filled(sub), "submit": True}
    )
    own = as_user(users.a_leader).post(f"/api/v1/reporting/submissions/{sub.pk}/approve")
    assert own.status_code == 403
    back = as_user(users.province_leader).post(
        f"/api/v1/reporting/submissions/{sub.pk}/return", {"comment": ""}
    )
    assert back.status_code == 400 and back.json()["field"] == "comment"
