"""Corrections of the register through the API: an entry's details, a reference, the
relations; through the documents services, so their ownership rules and audit rows hold."""

from dangvu.api.tests.helpers import as_user
from dangvu.core.models import AuditEntry
from dangvu.documents.models import DocumentRelation
from dangvu.tracking.tests.helpers import plan_126, unit_plan


def test_an_entry_is_corrected_field_by_field(users, tree):
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    client = as_user(users.a_officer)
    r = client.patch(f"/api/v1/documents/{own.pk}", {"title": "thực hiện Kế hoạch 126 (sửa)"})
    assert r.status_code == 200, r.content
    own.refresh_from_db()
    assert own.title == "thực hiện Kế hoạch 126 (sửa)" and own.number == "15"
    bad = client.patch(f"/api/v1/documents/{own.pk}", {"status": "khong-co"})
    assert bad.status_code == 400 and bad.json()["field"] == "status"
    assert AuditEntry.objects.filter(action="documents.document_update").count() == 1


def test_another_unit_or_a_viewer_cannot_correct_an_entry(users, tree):
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    for user in (users.b_officer, users.a_viewer):
        r = as_user(user).patch(f"/api/v1/documents/{own.pk}", {"title": "Khác"})
        assert r.status_code == 403, user
        r = as_user(user).post(
            f"/api/v1/documents/{own.pk}/relations", {"kind": "implements", "target": plan.pk}
        )
        assert r.status_code == 403, user
    own.refresh_from_db()
    assert own.title != "Khác"


def test_a_relation_is_added_refused_twice_and_removed(users, tree):
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    DocumentRelation.objects.filter(source=own).delete()  # what was read from the text
    client = as_user(users.a_officer)
    url = f"/api/v1/documents/{own.pk}/relations"
    r = client.post(url, {"kind": "implements", "target": plan.pk, "note": "theo dõi"})
    assert r.status_code == 201, r.content
    again = client.post(url, {"kind": "implements", "target": plan.pk})
    assert again.status_code == 400 and again.json()["field"] == "target"
    rid = r.json()["id"]
    assert (
        as_user(users.b_officer)
        .client.delete(
            f"/api/v1/relations/{rid}",
            headers={"Authorization": f"Bearer {as_user(users.b_officer).secret}"},
        )
        .status_code
        == 403
    )
    gone = client.client.delete(
        f"/api/v1/relations/{rid}", headers={"Authorization": f"Bearer {client.secret}"}
    )
    assert gone.status_code == 204
    assert not DocumentRelation.objects.filter(pk=rid).exists()
    assert AuditEntry.objects.filter(action="documents.relation_remove").exists()


def test_a_reference_is_corrected_and_linked_again(users, tree):
    plan = plan_126(users.province_officer)
    own = unit_plan(users.a_officer, "15", plan.date)
    ref = own.references.first()
    r = as_user(users.a_officer).post(
        f"/api/v1/references/{ref.pk}/correct",
        {"kind": ref.kind, "type_code": "KH", "number": "126", "issuer_code": "TU",
         "date": "2023-04-04"},
    )  # fmt: skip
    assert r.status_code == 200, r.content
    assert r.json()["target_id"] == plan.pk
    r = as_user(users.b_officer).post(
        f"/api/v1/references/{ref.pk}/correct",
        {"kind": ref.kind, "type_code": "KH", "number": "127", "issuer_code": "TU"},
    )
    assert r.status_code == 403
