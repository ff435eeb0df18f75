"""The register ordered by issuer, in Vietnamese alphabetical order, the same on SQLite and
PostgreSQL (the stored key `Document.issuer_order`, `core.collation`; issue 15)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.collation import vi_sort_key
from dangvu.core.testing import client_for
from dangvu.documents import selectors
from dangvu.documents.models import Document, DocumentKind
from dangvu.flows.register import document_register
from dangvu.flows.restructure import org_rename

pytestmark = pytest.mark.django_db

# As the dictionary orders them: Ă, Â after A; Đ after D; Ê after E; Ô, Ơ after O; Ư after
# U; tones after the letter (a à ả ã á ạ); a word ends before a longer one.
ISSUERS_IN_ORDER = [
    "Ủy ban nhân dân xã An",
    "Ủy ban nhân dân xã An Bình",
    "Ủy ban nhân dân xã Ăn Ninh",
    "Ủy ban nhân dân xã Âu Lâu",
    "Ủy ban nhân dân xã Dương Quỳ",
    "Ủy ban nhân dân xã Đông Cuông",
    "Ủy ban nhân dân xã Ê Ban",
    "Ủy ban nhân dân xã Hòa",
    "Ủy ban nhân dân xã Hóa",
    "Ủy ban nhân dân xã Ô Cấp",
    "Ủy ban nhân dân xã Ơn Lộc",
    "Ủy ban nhân dân xã Uyên",
    "Ủy ban nhân dân xã Ưng",
    "Ủy ban nhân dân xã Yên Bình",
]


def _register(user, issuer_name: str, number: int) -> Document:
    return document_register(
        actor=user,
        kind=DocumentKind.STATE,
        type_code="QĐ",
        number=str(number),
        year=2023,
        issuer_code="UBND",
        issuer_name=issuer_name,
        date=date(2023, 3, number),
        title=f"quyết định số {number}",
    ).document


@pytest.fixture
def documents(users):
    return [
        _register(users.a_officer, name, i + 1)
        for i, name in reversed(list(enumerate(ISSUERS_IN_ORDER)))
    ]


def test_the_register_by_issuer_is_in_vietnamese_order(users, documents) -> None:
    found = selectors.document_list(users.a_officer, selectors.DocumentFilters(order="co_quan"))
    labels = [d.issuer_label for d in found if d.issuer_name]
    assert labels == ISSUERS_IN_ORDER


def test_the_register_page_is_ordered_by_issuer_when_asked(users, documents) -> None:
    client = client_for(users.a_officer)
    by_issuer = client.get(reverse("documents:document_list"), {"sap_xep": "co_quan"})
    labels = [d.issuer_label for d in by_issuer.context["page_obj"] if d.issuer_name]
    assert labels == ISSUERS_IN_ORDER
    by_date = client.get(reverse("documents:document_list"))
    numbers = [d.number for d in by_date.context["page_obj"] if d.issuer_name]
    assert numbers == [str(n) for n in range(len(ISSUERS_IN_ORDER), 0, -1)]  # newest first
    body = by_issuer.content.decode()
    assert "<th>Cơ quan ban hành</th>" in body and "<td>Ủy ban nhân dân xã Ăn Ninh</td>" in body


def test_an_issuer_named_by_its_organization_sorts_by_its_committee(users, tree) -> None:
    plan = document_register(
        actor=users.a_officer, type_code="KH", number="15", issuer_code="ĐU", date=date(2023, 5, 2)
    ).document
    assert plan.issuer == tree.a
    assert plan.issuer_order == vi_sort_key(tree.a.committee_name or tree.a.name)


def test_a_renamed_issuer_takes_its_new_place(users, tree) -> None:
    plan = document_register(
        actor=users.a_officer, type_code="KH", number="15", issuer_code="ĐU", date=date(2023, 5, 2)
    ).document
    org_rename(
        org=tree.a,
        name="Đảng bộ xã Ấp Đông",
        committee_name="Đảng ủy xã Ấp Đông",
        on=date(2024, 1, 1),
        decision="Quyết định số 2-QĐ/TU",
        actor=SYSTEM,
    )
    plan.refresh_from_db()
    assert plan.issuer_label == "Đảng ủy xã Ấp Đông"
    assert plan.issuer_order == vi_sort_key("Đảng ủy xã Ấp Đông")
