"""The stored scopes (the Centre and province segments of a unit's path, on members and on
spans) and what reads them: past-date statistics of provinces and the nation, and the
member list of a province. Checked against counts computed independently (each member's
events replayed to the date, the unit's ancestors on that date looked up in the tree),
before and after a commune moves to another province."""

import random
from datetime import date

import pytest
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role
from dangvu.core.testing import make_user
from dangvu.core.text import fold
from dangvu.flows.restructure import org_move
from dangvu.members import selectors, services
from dangvu.members.models import EventKind, Member, MemberSpan
from dangvu.members.selectors.scope import MemberFilter
from dangvu.orgs import paths
from dangvu.orgs.selectors import ancestors_on

from .helpers import DECISION, admit
from .test_stats import expected, nonzero

MOVED = date(2025, 3, 1)
DATES = [
    date(2020, 6, 15),
    date(2024, 12, 31),
    date(2025, 2, 14),
    date(2025, 2, 28),
    date(2025, 3, 1),
    date(2025, 3, 17),
    date(2025, 9, 30),
]


@pytest.fixture
def nation(nation_tree):
    """The tree, and members with histories."""
    t = nation_tree
    rng = random.Random(11)
    members = []
    for i in range(30):
        birth = date(rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28))
        on = date(rng.randint(max(birth.year + 19, 2016), 2023), rng.randint(1, 12), 3)
        m = admit(
            rng.choice(t.cells),
            name=f"Nguyễn Văn Tám {i}",
            sex=rng.choice(["nam", "nu"]),
            birth=birth,
            on=on,
            ethnicity=rng.choice(["Kinh", "Tày"]),
            theory_level=rng.choice(["khong", "so_cap"]),
        )
        if rng.random() < 0.8:
            services.member_recognize(member=m, decision=DECISION, actor=SYSTEM)
        members.append(m)
    # transfers across provinces, before and after the move, some confirmed mid-month
    for m in members[:8]:
        m.refresh_from_db()
        if m.official_on is None or m.official_on > date(2024, 10, 1):
            continue
        target = rng.choice([c for c in t.cells if c.pk != m.organization_id])
        day = date(2024, 10, rng.randint(1, 28))
        tr = services.member_transfer(
            member=m, to_org=target, on=day, decision=DECISION, actor=SYSTEM
        )
        services.transfer_confirm(
            transfer=tr, on=date(2025, rng.choice([1, 2, 3, 9]), 17), actor=SYSTEM
        )
    for m in members[8:12]:
        m.refresh_from_db()
        services.member_exit(
            member=m, kind=EventKind.LEAVE, on=date(2025, rng.choice([2, 3]), 20),
            decision=DECISION, actor=SYSTEM,
        )  # fmt: skip
    return t


def _scope_by_ancestors(org_id: int, day: date) -> str | None:
    """The Centre and province segments of the unit's path on `day`, from its chain of
    ancestors on that day (None when the unit did not exist then)."""
    above = ancestors_on(org_id, day)
    if not above:
        return None
    chain = [a.organization_id for a in above] + [org_id]
    return "".join(paths.encode_id(pk) + "." for pk in chain[:2])


def _assert_spans_placed() -> None:
    for s in MemberSpan.objects.all():
        assert s.scope_from == _scope_by_ancestors(s.organization_id, s.valid_from), s
        if s.valid_to is None:
            assert s.scope_to is None
        else:
            last = date.fromordinal(s.valid_to.toordinal() - 1)
            assert s.scope_to == _scope_by_ancestors(s.organization_id, last), s


def _check_dates(t) -> None:
    today = timezone.localdate()
    for on in DATES:
        for province in (t.p1, t.p2):
            got = selectors.counts_on(SYSTEM, province, on, today=today)
            assert nonzero(got) == expected(province, on), (province.name, on)
        rows = selectors.counts_by_child(SYSTEM, t.central, on, today=today, dimensions=None)
        assert {c.organization_id: nonzero(n) for c, n in rows} == {
            p.pk: expected(p, on) for p in (t.p1, t.p2)
        }, on


def test_scopes_and_past_dates_follow_a_commune_moved_to_another_province(nation) -> None:
    t = nation
    services.snapshots_rebuild()
    services.mark_tree_followed()
    _assert_spans_placed()
    _check_dates(t)
    org_move(org=t.k2, new_parent=t.p2, on=MOVED, decision=DECISION, actor=SYSTEM)
    _assert_spans_placed()
    _check_dates(t)
    for m in Member.objects.select_related("organization"):
        assert m.scope == m.organization.path[:14]
    # a write after the move (a back-dated exit) keeps spans, snapshots and scopes in step
    m = Member.objects.filter(
        status="chinh_thuc", organization__in=t.cells[1:3], transfers__isnull=True
    ).first()
    services.member_exit(
        member=m, kind=EventKind.STRIKE_OFF, on=date(2025, 3, 10), decision=DECISION, actor=SYSTEM
    )
    _assert_spans_placed()
    _check_dates(t)


def test_the_list_of_a_province_follows_the_move(nation) -> None:
    t = nation
    leader = make_user("lanhdao.p2", t.p2, Role.LEADER)
    today = timezone.localdate()

    def listed() -> set[int]:
        return set(
            selectors.member_list(leader, MemberFilter(status="all"), today=today).values_list(
                "pk", flat=True
            )
        )

    def under_p2() -> set[int]:
        return {
            m.pk
            for m in Member.objects.all()
            if t.p2.pk in [a.organization_id for a in ancestors_on(m.organization_id, today)]
        }

    assert listed() == under_p2() and listed()
    org_move(org=t.k2, new_parent=t.p2, on=MOVED, decision=DECISION, actor=SYSTEM)
    assert listed() == under_p2()
    assert Member.objects.filter(organization__in=t.cells[1:3]).exists()


NAMES = [
    "Nguyễn Đức Thanh",
    "Nguyễn Thanh Đức",
    "Trần Đức Thành",
    "Lê Thị Thanh Hương",
    "Nguyễn Văn Hùng",
    "Nguyễn Văn Hưng",
    "Phạm Hùng",
    "Nguyễn Thị Hồng",
]


def _matches(query: str, name: str) -> bool:
    """The documented rule, on plain strings: the last word starts the given name and the
    others appear in the name, or the query starts the full name."""
    words, full = fold(query).split(), fold(name)
    given = full.split()[-1]
    return (given.startswith(words[-1]) and all(w in full for w in words[:-1])) or (
        full.startswith(" ".join(words))
    )


@pytest.mark.parametrize(
    ("query", "must_find"),
    [
        ("nguyen duc thanh", {"Nguyễn Đức Thanh"}),
        ("Nguyễn Đức Thanh", {"Nguyễn Đức Thanh"}),
        ("nguyen duc th", {"Nguyễn Đức Thanh"}),
        ("nguyen duc", {"Nguyễn Đức Thanh"}),
        ("duc thanh", {"Nguyễn Đức Thanh", "Trần Đức Thành"}),
        ("thanh", {"Nguyễn Đức Thanh", "Trần Đức Thành"}),
        ("nguyen van hung", {"Nguyễn Văn Hùng", "Nguyễn Văn Hưng"}),
        ("hung", {"Nguyễn Văn Hùng", "Nguyễn Văn Hưng", "Phạm Hùng"}),
        ("nguyen", {n for n in NAMES if n.startswith("Nguyễn")}),
        ("huong", {"Lê Thị Thanh Hương"}),
    ],
)
def test_name_search_in_a_province(nation_tree, query, must_find) -> None:
    t = nation_tree
    for i, name in enumerate(NAMES):
        admit(t.cells[i % 4], name=name, on=date(2020, 5, 5))
    admit(t.cells[0], name="Nguyễn Đức Thanh", on=date(2020, 5, 5))  # a namesake in P1
    today = timezone.localdate()
    found: set[str] = set()
    for province, cells in ((t.p1, t.cells[:3]), (t.p2, t.cells[3:])):
        leader = make_user(f"lanhdao.{province.code}", province, Role.LEADER)
        got = list(
            selectors.member_list(leader, MemberFilter(query=query), today=today).values_list(
                "full_name", "organization_id"
            )
        )
        want = sorted(
            name
            for name, org_id in Member.objects.active().values_list("full_name", "organization_id")
            if org_id in {c.pk for c in cells} and _matches(query, name)
        )
        assert sorted(name for name, _ in got) == want, (province.code, query)
        found |= set(want)
    assert must_find <= found


def test_the_list_counts_up_to_a_cap_and_says_more(tree, users, monkeypatch) -> None:
    from django.test import Client
    from django.urls import reverse

    from dangvu.members.views import lists

    for i in range(5):
        admit(tree.a1, name=f"Vũ Văn Số {i}")
    client = Client()
    client.force_login(users.a_officer)
    monkeypatch.setattr(lists, "COUNT_CAP", 3)
    body = client.get(reverse("members:member_list")).content.decode()
    assert "Hơn 3 đảng viên" in body
    monkeypatch.setattr(lists, "COUNT_CAP", 5)
    body = client.get(reverse("members:member_list")).content.decode()
    assert "Hơn" not in body and "5 đảng viên" in body
    assert body.count("Vũ Văn Số") == Member.objects.active().count() == 5
