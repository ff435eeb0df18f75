"""Past-date statistics from the snapshots (the Centre, provinces and communes) against the
reference read, the spans in force joined to the tree of that day, on a tree that moves,
splits and merges over the years (the districts dissolved into a commune on 1 July 2025
included), before and after a full rebuild, and after later restructurings and writes."""

from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.flows.restructure import org_merge, org_move, org_split
from dangvu.members import selectors, services
from dangvu.members.models import EventKind, Member, MemberSnapshot
from dangvu.members.selectors import stats
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgKind
from dangvu.orgs.selectors import children_on, version_on
from dangvu.orgs.services import NewOrgSpec

from .helpers import DECISION
from .test_stats import build_population, expected, nonzero

BREAKDOWN = set(stats.BREAKDOWN_DIMENSIONS)

DAYS = [
    date(2018, 12, 31),
    date(2019, 4, 1),
    date(2019, 4, 16),
    date(2021, 3, 14),
    date(2021, 3, 15),
    date(2021, 3, 31),
    date(2024, 6, 15),
    date(2025, 6, 30),
    date(2025, 7, 1),
    date(2025, 7, 16),
    date(2025, 9, 30),
    date(2025, 10, 1),
    date(2025, 11, 14),
    date(2025, 11, 15),
    date(2025, 11, 17),
    date(2025, 12, 31),
    date(2026, 1, 31),
    date(2026, 2, 1),
    date(2026, 2, 17),
]


def reference_by_child(org: Organization, on: date) -> dict[int, dict]:
    """The children's counts as the join of spans and versions gives them (the old read)."""
    version = version_on(org, on)
    assert version is not None
    prefix = len(version.path) + paths.SEGMENT_WIDTH + 1
    by_path = stats._direct_on([version.path], on, prefix)
    return {c.organization_id: nonzero(by_path.get(c.path, {})) for c in children_on(org, on)}


def reference_on(org: Organization, on: date) -> dict:
    version = version_on(org, on)
    assert version is not None
    return nonzero(stats._direct_on([version.path], on).get("", {}))


def check_every_day() -> int:
    """Every organization with children on every day: its breakdown by child and its own
    counts, as the selectors read them, equal the reference read. Returns the number of
    breakdowns compared."""
    today = timezone.localdate()
    compared = 0
    for on in DAYS:
        for org in Organization.objects.order_by("path"):
            if version_on(org, on) is None:
                continue
            got = selectors.counts_by_child(SYSTEM, org, on, today=today, dimensions=None)
            want = reference_by_child(org, on)
            assert {c.organization_id: nonzero(n) for c, n in got} == want, (org.name, on)
            shown = selectors.counts_by_child(SYSTEM, org, on, today=today)  # as pages read
            assert {c.organization_id: nonzero(n) for c, n in shown} == {
                pk: Counter({k: n for k, n in counts.items() if k[0] in BREAKDOWN})
                for pk, counts in want.items()
            }, (org.name, on)
            compared += bool(got)
            counts = selectors.counts_on(SYSTEM, org, on, today=today)
            assert counts is not None
            assert nonzero(counts) == reference_on(org, on), (org.name, on)
    return compared


@pytest.fixture
def restructured(tree):
    """Before the members: B moves from district D1 to D2 (2019-04-01); C splits into two
    communes in the middle of a month (2021-03-15), its cell going to the first. Then the
    population (admissions, transfers, exits, and D1 and D2 merged into commune X1 on
    2025-07-01)."""
    org_move(org=tree.b, new_parent=tree.d2, on=date(2019, 4, 1), decision=DECISION, actor=SYSTEM)
    parts = org_split(
        org=tree.c,
        on=date(2021, 3, 15),
        decision=DECISION,
        actor=SYSTEM,
        parts=[
            NewOrgSpec(name="Đảng bộ xã Đông An", kind=OrgKind.GRASSROOTS_COMMITTEE, code="C1"),
            NewOrgSpec(name="Đảng bộ xã Đông Phú", kind=OrgKind.GRASSROOTS_COMMITTEE, code="C2"),
        ],
        assignment={tree.c1.pk: 0},
    )
    build_population(tree, n=48, seed=11)
    tree.x1 = Organization.objects.get(code="X1")
    tree.c_parts = parts
    return tree


def later_restructurings(tree) -> None:
    """After the reform: A leaves X1 for the province (2025-10-01), cell B1 moves to A in
    the middle of a month (2025-11-15), cell A2 merges into A1 (2026-02-01)."""
    for org in (tree.a, tree.b1, tree.a1, tree.a2):
        org.refresh_from_db()
    province = Organization.objects.get(pk=tree.province.pk)
    org_move(org=tree.a, new_parent=province, on=date(2025, 10, 1), decision=DECISION, actor=SYSTEM)
    tree.a.refresh_from_db()
    org_move(org=tree.b1, new_parent=tree.a, on=date(2025, 11, 15), decision=DECISION, actor=SYSTEM)
    tree.a1.refresh_from_db()
    tree.a2.refresh_from_db()
    org_merge(sources=[tree.a2], into=tree.a1, on=date(2026, 2, 1), decision=DECISION, actor=SYSTEM)


def test_past_breakdowns_from_snapshots_equal_the_join_of_spans_and_tree(
    restructured, monkeypatch
) -> None:
    tree = restructured
    # no snapshots yet: every read is the reference read
    assert check_every_day() > 0
    services.snapshots_rebuild()
    communes = MemberSnapshot.objects.filter(organization=tree.x1, dimension="total")
    assert communes.exists()  # the communes and districts have their own snapshots
    assert MemberSnapshot.objects.filter(organization=tree.d1, dimension="total").exists()
    read = stats._snapshot_rows
    from_snapshots: list[int] = []

    def counted(org_ids, month, dimensions=None):
        from_snapshots.extend(org_ids)
        return read(org_ids, month, dimensions)

    monkeypatch.setattr(stats, "_snapshot_rows", counted)
    assert check_every_day() > 0
    # the districts, the commune and the province were read from their snapshots
    assert {tree.d1.pk, tree.d2.pk, tree.x1.pk, tree.province.pk} <= set(from_snapshots)
    # restructurings after the rebuild: the snapshots follow them in the same transaction
    later_restructurings(tree)
    assert check_every_day() > 0
    # back-dated writes change the snapshots of the months after them
    members = list(Member.objects.filter(status="chinh_thuc").order_by("id")[:3])
    services.member_exit(
        member=members[0],
        kind=EventKind.LEAVE,
        on=date(2025, 9, 9),
        decision=DECISION,
        actor=SYSTEM,
    )
    services.member_die(member=members[1], on=date(2026, 2, 10), decision=DECISION, actor=SYSTEM)
    assert check_every_day() > 0
    # and the independent count agrees on the province and the commune
    today = timezone.localdate()
    for on in DAYS:
        for org in (tree.province, tree.x1):
            got = selectors.counts_on(SYSTEM, org, on, today=today)
            if got is not None:
                assert nonzero(got) == expected(org, on), (org.name, on)
    # a full rebuild gives the same snapshots as the writes kept
    kept = set(
        MemberSnapshot.objects.values_list("organization_id", "month", "dimension", "value", "n")
    )
    services.snapshots_rebuild()
    rebuilt = set(
        MemberSnapshot.objects.values_list("organization_id", "month", "dimension", "value", "n")
    )
    assert {r for r in kept if r[4]} == {r for r in rebuilt if r[4]}
