from datetime import date

from dangvu.access import SYSTEM
from dangvu.members import selectors, services
from dangvu.members.models import EventKind, Transfer

from .helpers import DECISION, admit, admit_official


def test_recognition_worklist_on_a_chosen_date(tree, users) -> None:
    due = admit(tree.a1, name="Lê Văn Đến", on=date(2024, 3, 1), ceremony=date(2024, 3, 20))
    admit(tree.a1, name="Lê Văn Sau", on=date(2024, 9, 2), birth=date(1991, 1, 1))
    other = admit(tree.b1, name="Lê Văn Khác", on=date(2024, 3, 1), birth=date(1992, 1, 1))
    rows = selectors.recognition_due(users.a_officer, None, date(2025, 3, 5))
    assert [(r.member, r.official_from, r.overdue) for r in rows] == [
        (due, date(2025, 3, 20), False)
    ]
    rows = selectors.recognition_due(users.province_officer, None, date(2025, 6, 2))
    assert {(r.member, r.overdue) for r in rows} == {(due, True), (other, True)}
    services.member_recognize(member=due, decision=DECISION, actor=SYSTEM)
    # on a date before the recognition was recorded the member was still probationary
    assert due in [
        r.member for r in selectors.recognition_due(users.a_officer, None, date(2025, 3, 5))
    ]
    assert due not in [
        r.member for r in selectors.recognition_due(users.a_officer, None, date(2025, 6, 2))
    ]


def test_badge_worklist_at_the_next_award_day(tree, users) -> None:
    thirty = admit_official(
        tree.a1, name="Hoàng Văn Ba Mươi", birth=date(1970, 1, 1), on=date(1995, 5, 10)
    )
    later = admit_official(
        tree.a1, name="Hoàng Văn Chưa", birth=date(1970, 2, 1), on=date(1995, 6, 1)
    )
    forty = admit_official(
        tree.a1, name="Hoàng Văn Bốn Mươi", birth=date(1960, 1, 1), on=date(1985, 1, 10)
    )
    groups = selectors.badges_due(users.a_officer, None, date(2025, 4, 1))
    assert [(g.years, g.award_day, g.members) for g in groups] == [
        (30, date(2025, 5, 19), [thirty]),
        (40, date(2025, 5, 19), [forty]),
    ]
    groups = selectors.badges_due(users.a_officer, None, date(2025, 8, 1))
    assert {m for g in groups if g.years == 30 for m in g.members} == {thirty, later}
    services.badge_award(
        member=thirty, years=30, on=date(2025, 5, 19), decision=DECISION, actor=SYSTEM
    )
    groups = selectors.badges_due(users.a_officer, None, date(2025, 8, 1))
    assert [m for g in groups if g.years == 30 for m in g.members] == [later]


def test_members_without_a_rating_for_last_year(tree, users) -> None:
    rated = admit_official(tree.a1, name="Phạm Văn Có", on=date(2018, 1, 8))
    unrated = admit_official(
        tree.a1, name="Phạm Văn Chưa", birth=date(1985, 1, 1), on=date(2018, 1, 8)
    )
    gone = admit_official(tree.a1, name="Phạm Văn Đi", birth=date(1986, 1, 1), on=date(2018, 1, 8))
    services.member_exit(
        member=gone, kind=EventKind.LEAVE, on=date(2024, 6, 1), decision=DECISION, actor=SYSTEM
    )
    services.member_rate(member=rated, year=2024, level="tot", decision=DECISION, actor=SYSTEM)
    assert list(selectors.unrated(users.a_officer, None, 2024)) == [unrated]
    assert list(selectors.unrated(users.b_officer, None, 2024)) == []


def test_temporary_transfers_past_their_end_date(tree, users) -> None:
    m = admit_official(tree.a1)
    t = services.member_transfer(
        member=m,
        to_org=tree.c1,
        on=date(2024, 6, 3),
        decision=DECISION,
        actor=SYSTEM,
        kind=Transfer.Kind.TEMPORARY,
        until=date(2025, 1, 1),
    )
    services.transfer_confirm(transfer=t, on=date(2024, 6, 5), actor=SYSTEM)
    assert list(selectors.temporary_overdue(users.a_officer, None, date(2024, 12, 31))) == []
    assert list(selectors.temporary_overdue(users.a_officer, None, date(2025, 2, 1))) == [t]
    # for its own unit (the home page's way), and not for another unit's officer
    assert list(selectors.temporary_overdue(users.a_officer, tree.a, date(2025, 2, 1))) == [t]
    assert list(selectors.temporary_overdue(users.b_officer, tree.a, date(2025, 2, 1))) == []
    services.transfer_return(transfer=t, on=date(2025, 1, 2), decision=DECISION, actor=SYSTEM)
    assert list(selectors.temporary_overdue(users.a_officer, None, date(2025, 2, 1))) == []


def test_a_request_reads_each_rule_once(tree, users, client) -> None:
    """The home page's worklist asked the Rule table once per probationary member."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(12):
        admit(tree.a1, name=f"Lê Văn Dự {i}", on=date(2024, 3, 1), birth=date(1990, 1, i + 1))
    client.force_login(users.a_officer)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    rule_reads = [q["sql"] for q in ctx.captured_queries if '"members_rule"' in q["sql"]]
    names = {sql.split("WHERE")[1] for sql in rule_reads}
    assert len(rule_reads) == len(names), rule_reads


def test_outside_a_request_an_edited_rule_is_read_at_once(tree) -> None:
    from dangvu.members.models import Rule, RuleName
    from dangvu.members.selectors.rules import rule_value, rules_read_once

    on = date(2030, 1, 1)
    before = rule_value(RuleName.PROBATION_MONTHS, on)
    Rule.objects.create(name=RuleName.PROBATION_MONTHS, valid_from=date(2029, 1, 1), value=18)
    assert rule_value(RuleName.PROBATION_MONTHS, on) == 18
    assert rule_value(RuleName.PROBATION_MONTHS, date(2028, 12, 31)) == before
    with rules_read_once():
        assert rule_value(RuleName.PROBATION_MONTHS, on) == 18
        Rule.objects.filter(valid_from=date(2029, 1, 1)).update(value=24)
        assert rule_value(RuleName.PROBATION_MONTHS, on) == 18  # read once in the block
    assert rule_value(RuleName.PROBATION_MONTHS, on) == 24


def test_recognition_worklist_of_a_unit_today_and_its_first_rows(tree, users) -> None:
    """The home page asks for the first rows of its own unit's list, today: the same rows,
    in the same order, as the whole list; another unit's officer gets none of them."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    overdue = admit(tree.a1, name="Lê Văn Quá", on=today - timedelta(days=500))
    due = admit(tree.a1, name="Lê Văn Đến", on=today - timedelta(days=350), birth=date(1993, 1, 1))
    admit(tree.a1, name="Lê Văn Chưa", on=today - timedelta(days=100), birth=date(1994, 1, 1))
    admit(tree.b1, name="Lê Văn Khác", on=today - timedelta(days=500), birth=date(1995, 1, 1))
    whole = selectors.recognition_due(users.a_officer, tree.a, today)
    assert [(r.member, r.overdue) for r in whole] == [(overdue, True), (due, False)]
    first = selectors.recognition_due(users.a_officer, tree.a, today, first=1)
    assert [r.member for r in first] == [overdue]
    assert selectors.recognition_due(users.b_officer, tree.a, today) == []
    assert whole == selectors.recognition_due(users.a_officer, None, today)
