"""The chains of merges stored resolved (`Succession`): what the services record, what the
migration fills, and the visibility they decide against the self-joins they replace."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Q

from dangvu.access import SYSTEM
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgKind, Succession
from dangvu.orgs.services import org_merge, org_move
from dangvu.orgs.services.versions import record_succession

DECISION = "Quyết định số 123-QĐ/TU"


def joined(root: Organization) -> set[int]:
    """The organizations `within_or_merged_into` gave before: the subtree, and those whose
    successor, or its successor, or that one's successor, lies in it (three self-joins)."""
    low, high = paths.subtree_bounds(root.path)
    condition = Q(path__gte=low, path__lt=high)
    via = "successor__"
    for _ in range(3):
        condition |= Q(**{f"{via}path__gte": low, f"{via}path__lt": high})
        via += "successor__"
    return set(Organization.objects.filter(condition).values_list("pk", flat=True))


def stored(root: Organization) -> set[int]:
    return set(Organization.objects.within_or_merged_into(root).values_list("pk", flat=True))


def chain(org: Organization) -> list[tuple[int, int]]:
    return list(
        Succession.objects.filter(organization=org)
        .order_by("hops")
        .values_list("successor_id", "hops")
    )


@pytest.fixture
def merged(tree):
    """A1 into A2 (2020), A into B (2021), B into C across districts (2022), D1 into D2
    (2023); C moved under the province (2024), then merged with D2 into a new commune X (2025):
    A's line runs through three merges."""
    org_merge(sources=[tree.a1], into=tree.a2, on=date(2020, 1, 1), decision=DECISION, actor=SYSTEM)
    org_merge(sources=[tree.a], into=tree.b, on=date(2021, 1, 1), decision=DECISION, actor=SYSTEM)
    tree.b.refresh_from_db()
    org_merge(sources=[tree.b], into=tree.c, on=date(2022, 1, 1), decision=DECISION, actor=SYSTEM)
    tree.d1.refresh_from_db()
    org_merge(sources=[tree.d1], into=tree.d2, on=date(2023, 1, 1), decision=DECISION, actor=SYSTEM)
    tree.c.refresh_from_db()
    org_move(
        org=tree.c, new_parent=tree.province, on=date(2024, 1, 1), decision=DECISION, actor=SYSTEM
    )
    tree.c.refresh_from_db()
    tree.d2.refresh_from_db()
    tree.x = org_merge(
        sources=[tree.c, tree.d2],
        into=None,
        new=_spec(tree),
        on=date(2025, 7, 1),
        decision=DECISION,
        actor=SYSTEM,
    )
    for org in vars(tree).values():
        if isinstance(org, Organization):
            org.refresh_from_db()
    return tree


def _spec(tree):
    from dangvu.orgs.services import NewOrgSpec

    return NewOrgSpec(
        name="Đảng bộ xã Trấn Yên", kind=OrgKind.COMMUNE, code="X1", parent=tree.province
    )


def test_a_merge_records_the_whole_chain_up_to_three_hops(merged) -> None:
    t = merged
    assert chain(t.a1) == [(t.a2.pk, 1)]  # A1 merged into A2, which lived on
    assert chain(t.a) == [(t.b.pk, 1), (t.c.pk, 2), (t.x.pk, 3)]
    assert chain(t.b) == [(t.c.pk, 1), (t.x.pk, 2)]
    assert chain(t.c) == [(t.x.pk, 1)]
    assert chain(t.d1) == [(t.d2.pk, 1), (t.x.pk, 2)]
    assert chain(t.d2) == [(t.x.pk, 1)]
    assert chain(t.x) == [] and chain(t.province) == []


def test_visibility_from_the_stored_chains_equals_the_self_joins(merged) -> None:
    for root in Organization.objects.all():
        assert stored(root) == joined(root), root.name
    assert merged.a.pk in stored(merged.x)  # three merges away, after C's move


def test_the_migration_fills_the_same_rows_the_services_record(merged) -> None:
    recorded = set(Succession.objects.values_list("organization_id", "successor_id", "hops"))
    Succession.objects.all().delete()
    migration = importlib.import_module("dangvu.orgs.migrations.0004_successions")
    migration.fill_successions(apps, None)
    filled = set(Succession.objects.values_list("organization_id", "successor_id", "hops"))
    assert filled == recorded and len(recorded) == 10


def test_a_merge_that_would_close_a_cycle_is_refused(merged) -> None:
    t = merged
    with pytest.raises(ValidationError, match="đã hợp nhất vào nó"):
        record_succession(t.x, t.a)  # A already leads to X
    with pytest.raises(ValidationError, match="chính nó"):
        record_succession(t.x, t.x)
    assert chain(t.x) == []
