"""Who sees which register entries: a unit sees its own and its subtree's, the issued
documents of the committees above it, and placeholders its documents cite; not a
sibling's documents, and never a superior's draft."""

from __future__ import annotations

from datetime import date

from dangvu.access import SYSTEM
from dangvu.core.testing import make_user
from dangvu.documents.models import DocumentStatus, Visibility
from dangvu.documents.selectors import documents_visible_to
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import NewOrgSpec, org_merge

from .helpers import ingest_text, register
from .texts import PLAN_15, PROGRAM_42


def visible(user) -> set[str]:
    return {
        f"{d.symbol}@{d.owner.code}" for d in documents_visible_to(user).select_related("owner")
    }


def test_scope_matrix(tree, users) -> None:
    ingest_text(PROGRAM_42, users.province_officer)  # issued, province; cites 21-NQ/TW
    register(users.province_officer, "60-KH/TU", date(2023, 2, 1), status=DocumentStatus.DRAFT)
    register(users.d1_officer, "05-KH/HU", date(2023, 1, 5))  # issued, district D1
    ingest_text(PLAN_15, users.a_officer)  # issued, commune A
    register(users.a_officer, "16-KH/ĐU", date(2023, 2, 1), status=DocumentStatus.DRAFT)
    register(users.b_officer, "12-KH/ĐU", date(2023, 2, 1))  # issued, commune B
    register(users.b_officer, "13-KH/ĐU", date(2023, 2, 2), status=DocumentStatus.DRAFT)

    a = visible(users.a_officer)
    assert {"42-CTr/TU@P", "05-KH/HU@D1", "15-KH/ĐU@A", "16-KH/ĐU@A"} <= a
    assert "21-NQ/TW@P" in a  # placeholder cited by the program A sees (and by A's plan)
    assert "60-KH/TU@P" not in a  # a superior's draft
    assert "12-KH/ĐU@B" not in a and "13-KH/ĐU@B" not in a  # a sibling's documents

    d1 = visible(users.d1_officer)
    assert {"15-KH/ĐU@A", "16-KH/ĐU@A", "12-KH/ĐU@B", "13-KH/ĐU@B", "05-KH/HU@D1"} <= d1
    assert "60-KH/TU@P" not in d1

    province = visible(users.province_leader)
    assert {"60-KH/TU@P", "13-KH/ĐU@B", "16-KH/ĐU@A", "21-NQ/TW@P"} <= province

    cell = make_user("chuyenvien.a1", tree.a1)
    assert {"42-CTr/TU@P", "15-KH/ĐU@A"} <= visible(cell)
    assert "16-KH/ĐU@A" not in visible(cell)  # its committee's draft


def test_placeholder_is_seen_through_the_documents_that_cite_it(tree, users) -> None:
    register(
        users.b_officer,
        "12-KH/ĐU",
        date(2023, 2, 1),
        status=DocumentStatus.DRAFT,
        text="Thực hiện Nghị định số 33/2023/NĐ-CP của Chính phủ ...",
    )
    # owned by commune B (no issuing organization in the tree): A does not see it
    assert "33/2023/NĐ-CP@B" in visible(users.b_officer)
    assert "33/2023/NĐ-CP@B" not in visible(users.a_officer)


def test_public_documents_are_seen_by_every_unit_but_not_public_drafts(tree, users) -> None:
    register(users.b_officer, "12-TB/ĐU", date(2023, 2, 1), visibility=Visibility.PUBLIC)
    register(
        users.b_officer,
        "13-TB/ĐU",
        date(2023, 2, 1),
        visibility=Visibility.PUBLIC,
        status=DocumentStatus.DRAFT,
    )
    assert "12-TB/ĐU@B" in visible(users.a_officer)
    assert "13-TB/ĐU@B" not in visible(users.a_officer)


def test_anonymous_sees_nothing(tree, users) -> None:
    from django.contrib.auth.models import AnonymousUser

    ingest_text(PLAN_15, users.a_officer)
    assert not documents_visible_to(AnonymousUser()).exists()


def test_commune_formed_by_merger_sees_the_documents_of_its_predecessors(tree, users) -> None:
    ingest_text(PLAN_15, users.a_officer)
    register(users.d1_officer, "05-KH/HU", date(2023, 1, 5))
    new = org_merge(
        sources=[tree.a, tree.b],
        on=date(2025, 7, 1),
        decision="Quyết định số 1575-QĐ/TU",
        actor=SYSTEM,
        new=NewOrgSpec(
            name="Đảng bộ xã Trấn Yên",
            kind=OrgKind.COMMUNE,
            code="X1",
            issuer_code="ĐU",
            parent=tree.province,
        ),
    )
    officer = make_user("chuyenvien.x1", new)
    seen = visible(officer)
    assert "15-KH/ĐU@A" in seen  # the plan of a commune merged into it
    assert "05-KH/HU@D1" in seen  # the district its communes belonged to
