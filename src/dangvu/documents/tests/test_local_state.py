"""State documents of local bodies (UBND, HĐND): every province and commune has them, so
the same number, type and issuer code in two provinces are two documents. A reference
names the one of the citing unit's province, or of the body its text names; central
state documents (NĐ-CP, QĐ-TTg, laws) stay one entry for the whole country."""

from __future__ import annotations

import importlib
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.access import Actor
from dangvu.accounts.models import Role
from dangvu.conftest import add_org
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for, make_user
from dangvu.documents.models import Document, DocumentKind, DocumentStatus, Reference
from dangvu.documents.services import RegisterResult, document_register, document_update
from dangvu.orgs.models import OrgKind

from .helpers import counts, register


def _add(parent: Any, name: str, kind: str, code: str, issuer: str) -> Any:
    return add_org(parent, name, kind, code, issuer, decision="Quyết định số 1-QĐ/TW")


@pytest.fixture
def other(tree: SimpleNamespace) -> SimpleNamespace:
    """A second province, Lào Cai, with one commune and an officer in each."""
    province = _add(None, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "LC", "TU")
    commune = _add(province, "Đảng bộ xã Bảo Thắng", OrgKind.COMMUNE, "LC1", "ĐU")
    return SimpleNamespace(
        province=province,
        commune=commune,
        province_officer=make_user("chuyenvien.laocai", province, Role.OFFICER),
        commune_officer=make_user("chuyenvien.baothang", commune, Role.OFFICER),
    )


def _cite(actor: Actor, symbol: str, on: date, text: str, **kwargs: Any) -> Reference:
    doc = register(actor, symbol, on, title="triển khai nhiệm vụ", text=text, **kwargs)
    (ref,) = doc.references.select_related("target")
    return ref


def _decision(
    actor: Actor, number: str = "123", on: date = date(2024, 3, 5), **kwargs: Any
) -> RegisterResult:
    """A UBND decision registered by its details."""
    return document_register(
        actor=actor,
        kind=DocumentKind.STATE,
        type_code="QĐ",
        number=number,
        issuer_code="UBND",
        date=on,
        **kwargs,
    )


DECISION_123 = "Thực hiện Quyết định số 123/QĐ-UBND về phát triển kinh tế - xã hội."


def test_same_ubnd_decision_number_in_two_provinces_is_two_documents(tree, users, other):
    yen_bai = _cite(users.a_officer, "20-KH/ĐU", date(2024, 4, 1), DECISION_123)
    lao_cai = _cite(other.commune_officer, "21-KH/ĐU", date(2024, 4, 2), DECISION_123)
    assert yen_bai.target != lao_cai.target
    assert yen_bai.target.symbol == lao_cai.target.symbol == "123/QĐ-UBND"
    assert yen_bai.target.area == tree.province and lao_cai.target.area == other.province
    assert yen_bai.target.status == lao_cai.target.status == DocumentStatus.PLACEHOLDER
    # a second commune of Yên Bái citing it names the same entry as the first
    again = _cite(users.b_officer, "22-KH/ĐU", date(2024, 4, 3), DECISION_123)
    assert again.target == yen_bai.target


def test_hdnd_resolution_and_ubnd_plan_are_scoped_too(tree, users, other):
    text = "Căn cứ Nghị quyết số 5/2024/NQ-HĐND và Kế hoạch 45/KH-UBND."
    yb = register(users.a_officer, "23-KH/ĐU", date(2024, 5, 1), title="x", text=text)
    lc = register(other.commune_officer, "24-KH/ĐU", date(2024, 5, 1), title="x", text=text)
    yb_targets = {r.target.symbol: r.target for r in yb.references.all()}
    lc_targets = {r.target.symbol: r.target for r in lc.references.all()}
    assert set(yb_targets) == set(lc_targets) == {"5/2024/NQ-HĐND", "45/KH-UBND"}
    for symbol in yb_targets:
        assert yb_targets[symbol] != lc_targets[symbol]


def test_central_state_documents_stay_national(tree, users, other):
    text = "Căn cứ Nghị định số 13/2023/NĐ-CP và Quyết định số 12/QĐ-TTg."
    yb = register(users.a_officer, "25-KH/ĐU", date(2024, 5, 1), title="x", text=text)
    lc = register(other.commune_officer, "26-KH/ĐU", date(2024, 5, 1), title="x", text=text)
    assert {r.target_id for r in yb.references.all()} == {r.target_id for r in lc.references.all()}
    assert all(r.target.area is None for r in yb.references.all())


def test_named_body_of_another_province_is_that_provinces_document(tree, users, other):
    named = _cite(
        users.a_officer,
        "27-KH/ĐU",
        date(2024, 4, 1),
        "Thực hiện Quyết định số 123/QĐ-UBND ngày 05/3/2024 của UBND tỉnh Lào Cai.",
    )
    own = _cite(
        other.commune_officer,
        "28-KH/ĐU",
        date(2024, 4, 2),
        "Thực hiện Quyết định số 123/QĐ-UBND ngày 05/3/2024 của Ủy ban nhân dân tỉnh.",
    )
    assert named.target == own.target and own.target.area == other.province
    local = _cite(
        users.b_officer,
        "29-KH/ĐU",
        date(2024, 4, 3),
        "Thực hiện Quyết định số 123/QĐ-UBND ngày 05/3/2024 của UBND tỉnh Yên Bái.",
    )
    assert local.target != named.target and local.target.area == tree.province


def test_named_province_outside_the_tree_is_kept_apart_by_its_name(tree, users):
    far = _cite(
        users.a_officer,
        "30-KH/ĐU",
        date(2024, 4, 1),
        "Thực hiện Quyết định số 7/QĐ-UBND của UBND tỉnh Điện Biên.",
    )
    home = _cite(users.b_officer, "31-KH/ĐU", date(2024, 4, 2), "Theo Quyết định số 7/QĐ-UBND.")
    assert far.target != home.target
    assert far.target.area is None and far.target.area_name == "tinh dien bien"
    again = _cite(
        users.a_officer,
        "32-KH/ĐU",
        date(2024, 4, 3),
        "Theo Quyết định số 07/QĐ-UBND của Ủy ban nhân dân tỉnh Điện Biên.",
    )
    assert again.target == far.target


def test_named_commune_body_is_that_communes_document(tree, users):
    ref = _cite(
        users.province_officer,
        "33-KH/TU",
        date(2024, 4, 1),
        "Quyết định số 41/2019/QĐ-UBND của Ủy ban nhân dân xã Việt Thành.",
    )
    assert ref.target.area == tree.a
    provincial = _cite(
        users.province_officer, "34-KH/TU", date(2024, 4, 2), "Quyết định số 41/2019/QĐ-UBND."
    )
    assert provincial.target != ref.target and provincial.target.area == tree.province


def test_registered_decision_completes_its_own_provinces_placeholder(tree, users, other):
    yb = _cite(users.a_officer, "35-KH/ĐU", date(2024, 4, 1), DECISION_123)
    lc = _cite(other.commune_officer, "36-KH/ĐU", date(2024, 4, 2), DECISION_123)
    result = _decision(
        other.province_officer,
        issuer_name="Ủy ban nhân dân tỉnh Lào Cai",
        title="về phát triển kinh tế - xã hội",
    )
    assert result.completed_placeholder
    assert result.document.pk == lc.target_id
    assert result.document.status == DocumentStatus.ISSUED
    assert result.document.area == other.province
    yb.refresh_from_db()
    lc.refresh_from_db()
    assert lc.target == result.document
    assert yb.target.status == DocumentStatus.PLACEHOLDER and yb.target != result.document
    assert AuditEntry.objects.filter(
        action="documents.document_register", object_id=result.document.pk
    ).exists()


def test_second_entry_for_a_provinces_decision_is_refused(tree, users, other):
    _decision(users.province_officer)
    _decision(other.province_officer)  # Lào Cai's: another document, accepted
    before, audits = counts(), AuditEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        _decision(users.province_officer)
    assert "đã có trong sổ văn bản" in refused.value.message_dict["number"][0]
    assert counts() == before and AuditEntry.objects.count() == audits


def test_changing_a_party_document_to_a_ubnd_one_scopes_it(tree, users, other):
    doc = register(users.province_officer, "9-QĐ/TU", date(2024, 1, 2), title="x")
    document_update(
        document=doc, actor=users.province_officer, kind=DocumentKind.STATE, issuer_code="UBND"
    )
    doc.refresh_from_db()
    assert doc.issuer is None and doc.area == tree.province
    assert doc.match_key.split("|")[1] == f"@{tree.province.pk}"


# --- existing data ---------------------------------------------------------------------


def _unscope(doc: Document) -> None:
    """Give `doc` the key it had before local bodies were scoped."""
    parts = doc.match_key.split("|")
    parts[1] = "-"
    doc.match_key = "|".join(parts)
    doc.identity_key = f"{doc.match_key}|{doc.date.isoformat() if doc.date else '?'}"
    doc.area = None
    doc.save(update_fields=["match_key", "identity_key", "area"])


def test_data_migration_splits_a_placeholder_two_provinces_shared(tree, users, other):
    yb = _cite(users.a_officer, "37-KH/ĐU", date(2024, 4, 1), DECISION_123)
    lc = _cite(other.commune_officer, "38-KH/ĐU", date(2024, 4, 2), DECISION_123)
    # the merge as it was stored: both references on one placeholder, the other dropped
    gone = lc.target
    Reference.objects.filter(pk=lc.pk).update(target=yb.target)
    gone.delete()
    _unscope(yb.target)
    registered = _decision(users.province_officer, "9", date(2024, 1, 9)).document
    _unscope(registered)

    migration = importlib.import_module("dangvu.documents.migrations.0004_local_state_keys")
    migration.forwards(apps, None)

    yb.refresh_from_db()
    lc.refresh_from_db()
    assert yb.target != lc.target
    assert yb.target.area == tree.province and lc.target.area == other.province
    assert lc.target.status == DocumentStatus.PLACEHOLDER and lc.target.owner == other.commune
    registered.refresh_from_db()
    assert registered.area == tree.province
    assert registered.match_key.split("|")[1] == f"@{tree.province.pk}"
    assert AuditEntry.objects.filter(action="documents.document_rekey").count() == 3
    # and the keys are those the services compute: Lào Cai's decision completes its own
    assert _decision(other.province_officer).document.pk == lc.target_id


def test_detail_page_shows_the_area_of_a_ubnd_decision(tree, users) -> None:
    ref = _cite(users.a_officer, "39-KH/ĐU", date(2024, 4, 1), DECISION_123)
    url = reverse("documents:document_detail", args=[ref.target_id])
    body = client_for(users.a_officer).get(url).content.decode()
    assert "Địa bàn" in body and "Đảng bộ tỉnh Yên Bái" in body
