"""Statistics and worklists against counts computed independently: each member's events
replayed to the date, the unit's ancestors on that date looked up in the tree."""

import random
from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.flows.restructure import org_merge
from dangvu.members import selectors, services
from dangvu.members import timeline as tl
from dangvu.members.models import EventKind, Member, MembershipEvent, Transfer
from dangvu.members.services.base import to_timeline
from dangvu.orgs.models import OrgKind
from dangvu.orgs.selectors import ancestors_on
from dangvu.orgs.services import NewOrgSpec

from .helpers import DECISION, admit

REFORM = date(2025, 7, 1)
DATES = [
    date(2016, 1, 1),
    date(2019, 6, 30),
    date(2023, 12, 31),
    date(2025, 6, 30),
    date(2025, 7, 1),
    date(2025, 7, 15),
    date(2025, 12, 31),
]


def build_population(tree, n: int = 36, seed: int = 7):
    rng = random.Random(seed)
    cells = [tree.a1, tree.a2, tree.b1, tree.c1]
    members = []
    for i in range(n):
        sex = rng.choice(["nam", "nu"])
        birth = date(rng.randint(1962, 1998), rng.randint(1, 12), rng.randint(1, 28))
        on = date(rng.randint(max(birth.year + 19, 2012), 2023), rng.randint(1, 12), 5)
        m = admit(
            rng.choice(cells),
            name=f"Nguyễn Văn Tám {i}",
            sex=sex,
            birth=birth,
            on=on,
            ethnicity=rng.choice(["Kinh", "Tày", "Dao"]),
            religion=rng.choice(["Không", "Phật giáo"]),
            education=rng.choice(["thcs", "thpt"]),
            theory_level=rng.choice(["khong", "so_cap", "trung_cap"]),
        )
        if rng.random() < 0.85:
            services.member_recognize(member=m, decision=DECISION, actor=SYSTEM)
        members.append(m)
    for m in members[: n // 3]:
        m.refresh_from_db()
        target = rng.choice([c for c in cells if c.pk != m.organization_id])
        day = date(2024, rng.randint(1, 12), rng.randint(1, 28))
        if m.official_on and m.official_on > day:
            continue
        t = services.member_transfer(
            member=m, to_org=target, on=day, decision=DECISION, actor=SYSTEM
        )
        services.transfer_confirm(
            transfer=t, on=date(2025, rng.choice([1, 3, 7, 8]), 10), actor=SYSTEM
        )
    for m in members[n // 3 : n // 2]:
        m.refresh_from_db()
        kind = rng.choice([EventKind.LEAVE, EventKind.STRIKE_OFF, EventKind.DEATH])
        day = date(2025, rng.choice([2, 7, 8]), 20)
        if kind == EventKind.DEATH:
            services.member_die(member=m, on=day, decision=DECISION, actor=SYSTEM)
        else:
            services.member_exit(member=m, kind=kind, on=day, decision=DECISION, actor=SYSTEM)
    org_merge(
        sources=[tree.d1, tree.d2],
        on=REFORM,
        decision=DECISION,
        actor=SYSTEM,
        new=NewOrgSpec(
            name="Đảng bộ xã Trấn Yên", kind=OrgKind.COMMUNE, code="X1", parent=tree.province
        ),
    )
    return members


def expected(org, on) -> Counter:
    out = Counter()
    for m in Member.objects.all():
        events = list(MembershipEvent.objects.filter(member=m))
        state = tl.replay(to_timeline(events), until=on)
        span = tl.status_on(state.spans, on)
        if span is None:
            continue
        chain = [a.organization_id for a in ancestors_on(span.org_id, on)] + [span.org_id]
        if org.pk not in chain:
            continue
        for key in [
            ("total", ""),
            ("status", span.status),
            ("sex", m.sex),
            ("birth_year", str(m.birth_date.year)),
            ("ethnicity", m.ethnicity),
            ("religion", m.religion),
            ("education", m.education),
            ("theory", m.theory_level),
            ("exempt", "1" if state.exempt_since is not None else "0"),
        ]:
            out[key] += 1
    return out


def nonzero(counts) -> Counter:
    return Counter({k: v for k, v in counts.items() if v})


@pytest.fixture
def population(tree):
    return build_population(tree)


def test_statistics_on_past_dates_match_an_independent_count(tree, population) -> None:
    today = timezone.localdate()
    for on in DATES:
        for org in (tree.province, tree.d1, tree.a):
            got = selectors.counts_on(SYSTEM, org, on, today=today)
            if got is None:
                assert on >= REFORM and org != tree.province
                continue
            assert nonzero(got) == expected(org, on), (org.name, on)


def test_snapshots_give_the_same_numbers_and_follow_later_writes(tree, population) -> None:
    today = timezone.localdate()
    services.snapshots_rebuild()
    for on in DATES:
        assert nonzero(selectors.counts_on(SYSTEM, tree.province, on, today=today)) == expected(
            tree.province, on
        ), on
    # a write after the rebuild: a back-dated exit changes the months after it
    m = Member.objects.filter(status="chinh_thuc").order_by("id").first()
    services.member_exit(
        member=m, kind=EventKind.LEAVE, on=date(2025, 9, 9), decision=DECISION, actor=SYSTEM
    )
    for on in (date(2025, 9, 8), date(2025, 9, 9), date(2025, 12, 31)):
        assert nonzero(selectors.counts_on(SYSTEM, tree.province, on, today=today)) == expected(
            tree.province, on
        ), on


def test_statistics_today_match_an_independent_count(tree, population) -> None:
    today = timezone.localdate()
    new_commune = tree.province.current_children.get(code="X1")
    tree.a1.refresh_from_db()  # its path changed with the merge
    for org in (tree.province, new_commune, tree.a1):
        assert nonzero(selectors.counts_today(SYSTEM, org)) == expected(org, today), org.name
    # and the counters rebuilt from scratch agree with the ones the services kept
    before = nonzero(selectors.counts_today(SYSTEM, tree.province))
    services.counters_rebuild()
    assert nonzero(selectors.counts_today(SYSTEM, tree.province)) == before


def test_statistics_by_child_add_up_to_the_parent(tree, population) -> None:
    today = timezone.localdate()
    for on in (date(2024, 12, 31), today):
        rows = selectors.counts_by_child(SYSTEM, tree.province, on, today=today, dimensions=None)
        total = sum(c.get(("total", ""), 0) for _, c in rows)
        assert total == expected(tree.province, on)[("total", "")]
        for child, counts in rows:
            assert nonzero(counts) == expected(child.organization, on), (child.name, on)


def test_flows_of_a_period_match_the_events(tree, population) -> None:
    flows = dict(selectors.flows(SYSTEM, tree.province, date(2025, 1, 1), date(2025, 12, 31)))
    events = MembershipEvent.objects.filter(on__year=2025, annulled_by__isnull=True)
    assert flows["Từ trần"] == events.filter(kind=EventKind.DEATH).count()
    assert flows["Xóa tên"] == events.filter(kind=EventKind.STRIKE_OFF).count()
    assert flows["Chuyển đến"] == flows["Chuyển đi"] == 0  # all inside the province
    d1 = dict(selectors.flows(SYSTEM, tree.d1, date(2024, 1, 1), date(2025, 6, 30)))
    moved_in = moved_out = 0
    d1_cells = {tree.a1.pk, tree.a2.pk, tree.b1.pk}
    for t in Transfer.objects.filter(
        state=Transfer.State.CONFIRMED, confirmed_on__lte=date(2025, 6, 30)
    ):
        moved_in += t.to_org_id in d1_cells and t.from_org_id not in d1_cells
        moved_out += t.from_org_id in d1_cells and t.to_org_id not in d1_cells
    assert (d1["Chuyển đến"], d1["Chuyển đi"]) == (moved_in, moved_out)
    admitted = Member.objects.filter(admitted_on__year__in=[2020, 2021]).count()
    assert (
        dict(selectors.flows(SYSTEM, tree.province, date(2020, 1, 1), date(2021, 12, 31)))[
            "Kết nạp mới"
        ]
        == admitted
    )


def test_age_bands_count_by_year_of_birth(tree) -> None:
    admit(tree.a1, birth=date(1995, 12, 31), on=date(2020, 1, 6))
    admit(tree.a1, name="Lê Văn Hai", birth=date(1994, 1, 1), on=date(2020, 1, 6))
    counts = selectors.counts_on(SYSTEM, tree.province, date(2025, 1, 2), today=date(2026, 1, 1))
    bands = dict(selectors.tables(counts, date(2025, 1, 2))[2].rows)
    assert bands["≤ 30"] == 1 and bands["31–40"] == 1
