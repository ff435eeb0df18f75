"""Members through the API: the same scope, personal fields, rules and audit as the pages."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dangvu.api.tests.helpers import as_user
from dangvu.core.models import AuditEntry
from dangvu.members.models import Member
from dangvu.members.tests.helpers import DECISION, admit, admit_official, citizen_id, xlsx


@pytest.fixture
def member(tree):
    return admit(
        tree.a1,
        name="Đặng Thị Hạnh",
        sex="nu",
        birth=date(1988, 8, 8),
        residence="Thôn 1, xã Việt Thành",
        phone="0912345678",
    )


def test_list_is_the_users_subtree_with_a_total(users, tree, member):
    admit(tree.b1, name="Lê Văn Bình")
    body = as_user(users.a_officer).get("/api/v1/members").json()
    assert body["total"] == 1 and [m["full_name"] for m in body["items"]] == ["Đặng Thị Hạnh"]
    body = as_user(users.province_officer).get("/api/v1/members").json()
    assert body["total"] == 2


def test_list_filters_as_the_page_does(users, tree, member):
    admit(tree.a2, name="Nguyễn Văn Hùng")
    client = as_user(users.a_officer)
    assert [
        m["full_name"] for m in client.get("/api/v1/members", {"q": "hung"}).json()["items"]
    ] == ["Nguyễn Văn Hùng"]
    assert client.get("/api/v1/members", {"sex": "nu"}).json()["total"] == 1
    assert client.get("/api/v1/members", {"organization": tree.a2.pk}).json()["total"] == 1


def test_a_bad_filter_is_refused_naming_the_field(users, tree, member):
    r = as_user(users.a_officer).get("/api/v1/members", {"sex": "x"})
    assert r.status_code == 400 and r.json()["field"] == "sex"
    assert r["Content-Type"] == "application/problem+json"


def test_another_units_list_and_member_are_refused(users, tree, member):
    client = as_user(users.b_officer)
    assert client.get("/api/v1/members", {"organization": tree.a.pk}).status_code == 403
    r = client.get(f"/api/v1/members/{member.pk}")
    assert r.status_code == 403 and "phạm vi" in r.json()["detail"]


def test_personal_fields_only_for_those_who_see_them_on_the_page(users, tree, member):
    officer = as_user(users.a_officer).get(f"/api/v1/members/{member.pk}").json()
    assert officer["personal"]["phone"] == "0912345678"
    viewer = as_user(users.a_viewer).get(f"/api/v1/members/{member.pk}").json()
    assert viewer["personal"] is None
    listed = as_user(users.a_viewer).get("/api/v1/members").json()["items"][0]
    assert listed["personal"] is None
    assert "0912345678" not in as_user(users.a_viewer).get("/api/v1/members").content.decode()


def test_detail_lists_the_events(users, tree, member):
    body = as_user(users.a_officer).get(f"/api/v1/members/{member.pk}").json()
    assert [e["kind"] for e in body["events"]] == ["ket_nap"]
    assert body["events"][0]["on"] == "2015-03-02"


def test_recording_an_event_goes_through_the_service_and_is_audited(users, tree, member):
    r = as_user(users.a_officer).post(
        f"/api/v1/members/{member.pk}/events", {"kind": "recognize", "decision": DECISION}
    )
    assert r.status_code == 201, r.content
    assert r.json()["status"] == "chinh_thuc"
    assert AuditEntry.objects.filter(action="api.write", actor=users.a_officer).exists()
    assert AuditEntry.objects.filter(
        action="members.cong_nhan_chinh_thuc", actor=users.a_officer, object_id=str(member.pk)
    ).exists()


def test_an_event_the_rules_refuse_is_a_problem_naming_the_field(users, tree, member):
    r = as_user(users.a_officer).post(
        f"/api/v1/members/{member.pk}/events",
        {"kind": "exit", "exit_kind": "nonsense", "on": "2020-01-01", "decision": DECISION},
    )
    assert r.status_code == 400 and r.json()["field"] == "kind"
    assert Member.objects.get(pk=member.pk).status == "du_bi"


def test_a_viewer_and_another_unit_cannot_record(users, tree, member):
    body = {"kind": "recognize", "decision": DECISION}
    assert (
        as_user(users.a_viewer).post(f"/api/v1/members/{member.pk}/events", body).status_code == 403
    )
    assert (
        as_user(users.b_officer).post(f"/api/v1/members/{member.pk}/events", body).status_code
        == 403
    )
    assert Member.objects.get(pk=member.pk).status == "du_bi"


ADMISSION = {
    "organization": None,
    "full_name": "Trần Văn Cường",
    "sex": "nam",
    "birth_date": "1995-04-01",
    "education": "thpt",
    "admitted_on": "2024-05-19",
    "decision": DECISION,
    "sponsors": [{"name": "Nguyễn Văn A, Chi bộ Thôn 1"}, {"name": "Lê Thị B, Chi bộ Thôn 1"}],
}


def test_admit_with_an_idempotency_key_adds_the_member_once(users, tree):
    client = as_user(users.a_officer)
    body = {
        **ADMISSION,
        "organization": tree.a1.pk,
        "citizen_id": citizen_id("nam", date(1995, 4, 1)),
    }
    first = client.post("/api/v1/members", body, headers={"Idempotency-Key": "nhap-1"})
    assert first.status_code == 201, first.content
    again = client.post("/api/v1/members", body, headers={"Idempotency-Key": "nhap-1"})
    assert again.status_code == 201 and again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert Member.objects.filter(full_name="Trần Văn Cường").count() == 1
    other = client.post(
        "/api/v1/members", {**body, "full_name": "Khác"}, headers={"Idempotency-Key": "nhap-1"}
    )
    assert other.status_code == 422 and other.json()["field"] == "Idempotency-Key"


def test_admit_into_another_units_cell_is_refused(users, tree):
    r = as_user(users.b_officer).post("/api/v1/members", {**ADMISSION, "organization": tree.a1.pk})
    assert r.status_code == 403
    assert not Member.objects.filter(full_name="Trần Văn Cường").exists()


def test_import_is_all_or_nothing_with_row_errors_and_adds_no_one_twice(users, tree):
    from dangvu.members.services.excel import COLUMNS

    header = [h for h, _ in COLUMNS]

    def row(name, birth, cell="Chi bộ Thôn 1 xã Việt Thành", cid=""):
        values = {
            "Số CCCD": cid,
            "Họ và tên": name,
            "Giới tính": "Nam",
            "Ngày sinh": birth,
            "Chi bộ": cell,
            "Ngày vào Đảng": "10/5/2015",
            "Quyết định kết nạp": DECISION,
            "Giáo dục phổ thông": "Trung học phổ thông",
        }
        return [values.get(h, "") for h in header]

    bad = xlsx(header, [row("Phạm Văn Một", "1/1/1980"), row("Phạm Văn Hai", "ngày sai")])
    client = as_user(users.a_officer)
    r = client.upload("/api/v1/members/import", {"file": SimpleUploadedFile("ds.xlsx", bad)})
    assert r.status_code == 400, r.content
    assert next((p["row"], p["column"]) for p in r.json()["problems"]) == (3, "Ngày sinh")
    assert not Member.objects.filter(full_name__startswith="Phạm Văn").exists()
    good = xlsx(
        header,
        [
            row("Phạm Văn Một", "1/1/1980", cid=citizen_id("nam", date(1980, 1, 1))),
            row("Phạm Văn Hai", "2/2/1981", cid=citizen_id("nam", date(1981, 2, 2))),
        ],
    )
    r = client.upload("/api/v1/members/import", {"file": SimpleUploadedFile("ds.xlsx", good)})
    assert r.status_code == 201, r.content
    assert r.json()["added"] == 2
    r = client.upload("/api/v1/members/import", {"file": SimpleUploadedFile("ds.xlsx", good)})
    assert r.json()["added"] == 0 and r.json()["existing"] == 2
    # the same retry with an Idempotency-Key gets the first reply back
    key = {"Idempotency-Key": "import-2"}
    files = {"file": SimpleUploadedFile("ds.xlsx", good)}
    first = client.upload("/api/v1/members/import?dry_run=true", files, headers=key)
    files = {"file": SimpleUploadedFile("ds.xlsx", good)}
    again = client.upload("/api/v1/members/import?dry_run=true", files, headers=key)
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Member.objects.filter(full_name__startswith="Phạm Văn").count() == 2


def test_statistics_of_a_subtree_on_a_date_and_the_flows(users, tree, member):
    admit_official(tree.a2, name="Nguyễn Văn Hùng", on=date(2015, 6, 1))
    client = as_user(users.d1_officer)
    body = client.get("/api/v1/statistics", {"organization": tree.a.pk, "on": "2016-01-01"}).json()
    assert body["total"] == 2
    assert {c["name"]: c["total"] for c in body["children"]} == {
        "Chi bộ Thôn 1 xã Việt Thành": 1,
        "Chi bộ Thôn 2 xã Việt Thành": 1,
    }
    early = client.get("/api/v1/statistics", {"organization": tree.a.pk, "on": "2015-04-01"}).json()
    assert early["total"] == 1
    flows = client.get(
        "/api/v1/statistics",
        {"organization": tree.a.pk, "on": "2016-01-01", "start": "2015-01-01", "end": "2015-12-31"},
    ).json()["flows"]
    assert {f["label"]: f["count"] for f in flows}["Kết nạp mới"] == 2


def test_statistics_of_another_unit_are_refused(users, tree, member):
    r = as_user(users.b_officer).get("/api/v1/statistics", {"organization": tree.a.pk})
    assert r.status_code == 403


def test_member_list_queries_do_not_grow_with_the_rows(users, tree, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = as_user(users.a_officer)
    client.get("/api/v1/members")  # the token's first use writes its audit row

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/api/v1/members").status_code == 200
        return len(ctx)

    few = queries()
    for i in range(5):
        admit(tree.a2, name=f"Người Thứ {i}", birth=date(1991, 1, i + 1))
    assert queries() == few <= 6
