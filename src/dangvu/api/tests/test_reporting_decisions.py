"""Excusing a unit and reopening an approved report through the API: the superior only,
as on the report's page; another unit and a viewer refused; audited."""

from dangvu.api.tests.helpers import as_user
from dangvu.api.tests.test_reporting import round_  # noqa: F401 (fixture)
from dangvu.core.models import AuditEntry
from dangvu.reporting.models import SubmissionState
from dangvu.reporting.tests.conftest import entry, filled


def _approved(users, sub):
    as_user(users.a_officer).post(
        f"/api/v1/reporting/submissions/{sub.pk}",
        {"values": filled(sub), "narratives": {"ket_qua": "Tốt"}, "submit": True},
    )
    r = as_user(users.province_leader).post(f"/api/v1/reporting/submissions/{sub.pk}/approve")
    assert r.status_code == 200, r.json()
    assert r.json()["state"] == SubmissionState.APPROVED


def test_the_superior_reopens_an_approved_report_with_a_reason(users, tree, round_):  # noqa: F811
    sub = entry(round_, tree.a)
    _approved(users, sub)
    url = f"/api/v1/reporting/submissions/{sub.pk}/reopen"
    r = as_user(users.province_leader).post(url, {"comment": ""})
    assert r.status_code == 400 and r.json()["field"] == "comment"
    for user in (users.b_officer, users.a_viewer, users.a_leader):
        assert as_user(user).post(url, {"comment": "Sai số"}).status_code == 403, user
    r = as_user(users.province_leader).post(url, {"comment": "Sai số liệu dòng 3"})
    assert r.status_code == 200, r.content
    assert r.json()["state"] == SubmissionState.RETURNED
    assert AuditEntry.objects.filter(action="reporting.submission_reopen").exists()


def test_the_superior_excuses_a_unit_and_others_cannot(users, tree, round_):  # noqa: F811
    sub = entry(round_, tree.b)
    url = f"/api/v1/reporting/submissions/{sub.pk}/excuse"
    for user in (users.a_officer, users.b_officer):
        assert as_user(user).post(url, {"reason": "Sáp nhập"}).status_code == 403, user
    r = as_user(users.province_leader).post(url, {"reason": " "})
    assert r.status_code == 400 and r.json()["field"] == "reason"
    r = as_user(users.province_leader).post(url, {"reason": "Đơn vị đang sáp nhập"})
    assert r.status_code == 200, r.content
    assert r.json()["state"] == SubmissionState.EXCUSED
    assert AuditEntry.objects.filter(action="reporting.submission_excuse").exists()
