"""Exemption from party activity and work (miễn công tác và sinh hoạt đảng): still a
member with the same status, counted apart."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for, make_user
from dangvu.members import selectors, services
from dangvu.members.models import (
    EXIT_KINDS,
    EventKind,
    Member,
    MemberCount,
    MembershipEvent,
    MemberSpan,
    MemberStatus,
)
from dangvu.members.services.base import member_state

from .helpers import DECISION, admit, admit_official
from .test_services import messages_of


def written() -> tuple[object, ...]:
    """Everything a refused service must leave as it was."""
    return (
        list(Member.objects.order_by("pk").values_list("pk", "status", "exempt_since")),
        MembershipEvent.objects.count(),
        sorted(MemberSpan.objects.values_list("member_id", "valid_from", "valid_to", "status")),
        sorted(MemberCount.objects.values_list("organization_id", "dimension", "value", "n")),
        AuditEntry.objects.filter(action__startswith="members.").count(),
    )


def exempt(m: Member, on: date = date(2022, 3, 1), reason: str = "Tuổi cao") -> Member:
    services.member_exempt(member=m, on=on, decision=DECISION, reason=reason, actor=SYSTEM)
    m.refresh_from_db()
    return m


def test_exemption_keeps_the_status_records_event_and_audit(tree) -> None:
    m = admit_official(tree.a1)
    event = services.member_exempt(
        member=m, on=date(2022, 3, 1), decision=DECISION, reason="Sức khỏe yếu", actor=SYSTEM
    )
    m.refresh_from_db()
    assert m.status == MemberStatus.OFFICIAL and m.is_active
    assert m.exempt_since == date(2022, 3, 1)
    assert event.kind == EventKind.EXEMPT and event.reason == "Sức khỏe yếu"
    audit = AuditEntry.objects.get(action="members.mien_sinh_hoat", object_id=str(m.pk))
    assert "Sức khỏe yếu" in audit.summary
    # the span splits on the day (same status, same unit)
    spans = list(
        MemberSpan.objects.filter(member=m)
        .order_by("valid_from")
        .values_list("valid_from", "valid_to", "status")
    )
    assert spans[-2:] == [
        (date(2016, 3, 2), date(2022, 3, 1), MemberStatus.OFFICIAL),
        (date(2022, 3, 1), None, MemberStatus.OFFICIAL),
    ]
    # still counted as a member
    assert MemberCount.objects.get(organization=tree.province, dimension="total").n == 1


def test_end_of_exemption_returns_the_member_to_activity(tree) -> None:
    m = exempt(admit(tree.a1))
    assert m.status == MemberStatus.PROBATIONARY
    event = services.member_exempt_end(
        member=m, on=date(2023, 5, 2), decision=DECISION, actor=SYSTEM
    )
    m.refresh_from_db()
    assert event.kind == EventKind.EXEMPT_END
    assert m.exempt_since is None and m.status == MemberStatus.PROBATIONARY
    assert AuditEntry.objects.filter(action="members.thoi_mien_sinh_hoat").count() == 1
    assert MemberSpan.objects.filter(member=m).count() == 3


def test_the_state_on_a_date_shows_the_exemption(tree) -> None:
    m = exempt(admit_official(tree.a1))
    services.member_exempt_end(member=m, on=date(2024, 1, 15), decision=DECISION, actor=SYSTEM)
    assert member_state(m, until=date(2022, 2, 28)).exempt_since is None
    during = member_state(m, until=date(2023, 6, 1))
    assert during.exempt_since == date(2022, 3, 1)
    assert during.status == MemberStatus.OFFICIAL
    assert member_state(m, until=date(2024, 1, 15)).exempt_since is None
    assert member_state(m).exempt_since is None


def test_an_exit_ends_the_exemption(tree) -> None:
    m = exempt(admit_official(tree.a1))
    services.member_die(member=m, on=date(2024, 2, 1), decision=DECISION, actor=SYSTEM)
    m.refresh_from_db()
    assert m.status == MemberStatus.DECEASED and m.exempt_since is None


def test_a_member_who_left_cannot_be_exempted(tree) -> None:
    m = admit_official(tree.a1)
    services.member_exit(
        member=m, kind=EventKind.LEAVE, on=date(2020, 1, 2), decision=DECISION, actor=SYSTEM
    )
    m.refresh_from_db()
    before = written()
    with pytest.raises(ValidationError) as exc:
        exempt(m)
    assert "Không thể ghi miễn công tác" in messages_of(exc)
    assert written() == before


def test_a_second_exemption_is_refused(tree) -> None:
    m = exempt(admit_official(tree.a1))
    before = written()
    with pytest.raises(ValidationError) as exc:
        exempt(m, on=date(2023, 1, 1))
    assert "đã được miễn công tác và sinh hoạt đảng từ ngày 1/3/2022" in messages_of(exc)
    assert written() == before


def test_ending_an_exemption_that_does_not_exist_is_refused(tree) -> None:
    m = admit_official(tree.a1)
    before = written()
    with pytest.raises(ValidationError) as exc:
        services.member_exempt_end(member=m, on=date(2023, 1, 1), decision=DECISION, actor=SYSTEM)
    assert "không được miễn" in messages_of(exc)
    assert written() == before


@pytest.mark.parametrize(
    ("on", "reason", "decision", "expected"),
    [
        (None, "Tuổi cao", DECISION, "tương lai"),
        (date(2016, 1, 1), "Tuổi cao", DECISION, "trước sự kiện đã ghi gần nhất"),
        (date(2022, 3, 1), "  ", DECISION, "lý do"),
        (date(2022, 3, 1), "Tuổi cao", " ", "văn bản quyết định"),
    ],
)
def test_exemption_with_bad_input_is_refused_and_nothing_changes(
    tree, on, reason, decision, expected
) -> None:
    m = admit_official(tree.a1)  # official from 2/3/2016
    on = on or timezone.localdate() + timedelta(days=1)
    before = written()
    with pytest.raises(ValidationError) as exc:
        services.member_exempt(member=m, on=on, decision=decision, reason=reason, actor=SYSTEM)
    assert expected in messages_of(exc)
    assert written() == before


@pytest.mark.parametrize("days_back", [None, 30])
def test_end_dated_in_the_future_or_before_the_exemption_is_refused(tree, days_back) -> None:
    m = exempt(admit_official(tree.a1))
    on = (
        timezone.localdate() + timedelta(days=1)
        if days_back is None
        else date(2022, 3, 1) - timedelta(days=days_back)
    )
    before = written()
    with pytest.raises(ValidationError):
        services.member_exempt_end(member=m, on=on, decision=DECISION, actor=SYSTEM)
    assert written() == before


def test_an_officer_of_another_commune_cannot_exempt(tree, users) -> None:
    m = admit_official(tree.a1)
    before = written()
    with pytest.raises(PermissionDenied):
        services.member_exempt(
            member=m,
            on=date(2022, 3, 1),
            decision=DECISION,
            reason="Tuổi cao",
            actor=users.b_officer,
        )
    assert written() == before
    services.member_exempt(
        member=m, on=date(2022, 3, 1), decision=DECISION, reason="Tuổi cao", actor=users.a_officer
    )


def test_a_correction_annuls_the_exemption_and_its_end(tree) -> None:
    m = exempt(admit_official(tree.a1))
    end = services.member_exempt_end(member=m, on=date(2023, 1, 1), decision=DECISION, actor=SYSTEM)
    start = m.events.get(kind=EventKind.EXEMPT)
    with pytest.raises(ValidationError):  # the end first
        services.event_annul(event=start, decision=DECISION, reason="Ghi nhầm", actor=SYSTEM)
    services.event_annul(event=end, decision=DECISION, reason="Ghi nhầm ngày", actor=SYSTEM)
    m.refresh_from_db()
    assert m.exempt_since == date(2022, 3, 1)
    services.event_annul(event=start, decision=DECISION, reason="Ghi nhầm người", actor=SYSTEM)
    m.refresh_from_db()
    assert m.exempt_since is None and m.status == MemberStatus.OFFICIAL
    assert MembershipEvent.objects.filter(pk__in=[start.pk, end.pk]).count() == 2
    # the spans are whole again
    assert list(
        MemberSpan.objects.filter(member=m)
        .order_by("valid_from")
        .values_list("valid_to", flat=True)
    ) == [
        date(2016, 3, 2),
        None,
    ]


# --- the pages -----------------------------------------------------------------------------


def test_exemption_and_its_end_through_the_pages(tree, users) -> None:
    m = admit_official(tree.a1, name="Hoàng Văn Tư")
    other = admit_official(tree.a1, name="Lê Văn Năm")
    client = client_for(users.a_officer)
    detail = reverse("members:member_detail", args=[m.pk])
    assert "Miễn công tác và sinh hoạt đảng" in client.get(detail).content.decode()
    url = reverse("members:member_exempt", args=[m.pk])
    # "other" without the text is refused on the form
    response = client.post(url, {"on": "2022-03-01", "decision": DECISION, "reason": "khac"})
    assert response.status_code == 400
    assert "Hãy ghi rõ lý do khác." in response.content.decode()
    response = client.post(
        url,
        {
            "on": "2022-03-01",
            "decision": DECISION,
            "reason": "khac",
            "reason_other": "Đi chữa bệnh dài ngày",
        },
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.exempt_since == date(2022, 3, 1)
    body = client.get(detail).content.decode()
    assert "Miễn sinh hoạt" in body and "Đi chữa bệnh dài ngày" in body
    assert "Thôi miễn, trở lại sinh hoạt" in body
    # the list filter
    base = reverse("members:member_list") + f"?to_chuc={tree.a.pk}"
    body = client.get(base + "&exempt=1").content.decode()
    assert "Hoàng Văn Tư" in body and "Lê Văn Năm" not in body
    body = client.get(base + "&exempt=0").content.decode()
    assert "Hoàng Văn Tư" not in body and "Lê Văn Năm" in body
    # the end; a second end is refused with the reason on the form
    end_url = reverse("members:member_exempt_end", args=[m.pk])
    response = client.post(end_url, {"on": "2023-04-01", "decision": DECISION})
    assert response.status_code == 302
    response = client.post(end_url, {"on": "2023-05-01", "decision": DECISION})
    assert response.status_code == 400
    assert "không được miễn" in response.content.decode()
    m.refresh_from_db()
    assert m.exempt_since is None
    assert other.events.filter(kind=EventKind.EXEMPT).count() == 0


def test_an_officer_of_another_unit_is_refused_the_exemption_pages(tree, users) -> None:
    m = admit_official(tree.a1, name="Hoàng Văn Tư")
    before = written()
    for name in ("members:member_exempt", "members:member_exempt_end"):
        response = client_for(users.b_officer).post(
            reverse(name, args=[m.pk]),
            {"on": "2022-03-01", "decision": DECISION, "reason": "Tuổi cao"},
        )
        assert response.status_code == 403
        assert "Hoàng Văn Tư" not in response.content.decode()
    response = client_for(users.a_viewer).post(
        reverse("members:member_exempt", args=[m.pk]),
        {"on": "2022-03-01", "decision": DECISION, "reason": "Tuổi cao"},
    )
    assert response.status_code == 403
    assert written() == before


# --- the statistics: the exempt are counted apart --------------------------------------------


def _exempt_on(m: Member, on: date) -> bool:
    """From the events alone: the last exemption, its end or an exit on or before `on`."""
    marks = [
        e.kind
        for e in m.events.filter(annulled_by__isnull=True, on__lte=on).order_by("on", "id")
        if e.kind in (EventKind.EXEMPT, EventKind.EXEMPT_END, *EXIT_KINDS, EventKind.DEATH)
    ]
    return bool(marks) and marks[-1] == EventKind.EXEMPT


def _independent(members: list[Member], cells_of: dict[int, set[int]], org, on: date):
    """(active, exempt) in `org`'s subtree on `on`: the members below do not move."""
    active = [m for m in members if m.organization_id in cells_of[org.pk] and m.admitted_on <= on]
    return len(active), sum(_exempt_on(m, on) for m in active)


def test_statistics_count_the_exempt_apart_on_any_date(nation_tree) -> None:
    t = nation_tree
    today = timezone.localdate()
    members = [
        admit_official(cell, name=f"Trần Văn Sáu {i}", on=date(2016, 3, 2 + i))
        for i, cell in enumerate(t.cells * 2)
    ]
    # cell K1A: exempt 10/3/2024 – 15/2/2025; cell K3A (the other province): from 20/6/2025
    exempt(members[0], on=date(2024, 3, 10), reason="Tuổi cao")
    services.member_exempt_end(
        member=members[0], on=date(2025, 2, 15), decision=DECISION, actor=SYSTEM
    )
    exempt(members[3], on=date(2025, 6, 20), reason="Sức khỏe yếu")
    exempt(members[5], on=date(2024, 3, 10), reason="Sức khỏe yếu")  # K2B, still exempt
    members = list(Member.objects.order_by("pk"))
    cells_of = {
        t.central.pk: {c.pk for c in t.cells},
        t.p1.pk: {c.pk for c in t.cells[:3]},
        t.p2.pk: {t.cells[3].pk},
        t.k1.pk: {t.cells[0].pk},
        t.k2.pk: {t.cells[1].pk, t.cells[2].pk},
    }
    days = [date(2024, 1, 1), date(2024, 6, 15), date(2025, 3, 1), date(2025, 7, 10), today]

    def check() -> None:
        for on in days:
            for org in (t.central, t.p1, t.p2, t.k1, t.k2):
                got = selectors.counts_on(SYSTEM, org, on, today=today)
                total, exempt_n = _independent(members, cells_of, org, on)
                assert got[("total", "")] == total, (org.name, on)
                assert got.get(("exempt", "1"), 0) == exempt_n, (org.name, on)
                assert got.get(("exempt", "0"), 0) == total - exempt_n, (org.name, on)
            by_province = {
                c.organization_id: n.get(("exempt", "1"), 0)
                for c, n in selectors.counts_by_child(
                    SYSTEM, t.central, on, today=today, dimensions=None
                )
            }
            assert by_province == {
                p.pk: _independent(members, cells_of, p, on)[1] for p in (t.p1, t.p2)
            }, on

    assert _independent(members, cells_of, t.k1, date(2024, 6, 15)) == (2, 1)  # the test sees it
    check()  # from the spans and the counters
    services.snapshots_rebuild()
    check()  # from the monthly snapshots
    # a later write moves the counters and the snapshots; so does a correction
    end = services.member_exempt_end(
        member=members[5], on=date(2025, 7, 1), decision=DECISION, actor=SYSTEM
    )
    check()
    services.event_annul(event=end, decision=DECISION, reason="Ghi nhầm", actor=SYSTEM)
    check()
    counters = {
        (c.organization_id, c.value): c.n
        for c in MemberCount.objects.filter(dimension="exempt")
        if c.n
    }
    services.counters_rebuild()
    assert counters == {
        (c.organization_id, c.value): c.n
        for c in MemberCount.objects.filter(dimension="exempt")
        if c.n
    }
    check()


def test_the_statistics_page_shows_the_exempt(nation_tree) -> None:
    t = nation_tree
    m = admit_official(t.cells[0], name="Trần Văn Bảy")
    admit_official(t.cells[1], name="Trần Văn Tám")
    exempt(m, on=date(2024, 3, 10))
    client = client_for(make_user("chuyenvien.k1", t.k1, Role.OFFICER))
    url = reverse("members:member_stats")
    body = client.get(url).content.decode()
    assert "trong đó miễn công tác và sinh hoạt: <strong>1</strong>" in body
    body = client.get(url + "?ngay=1/1/2024").content.decode()
    assert "trong đó miễn công tác và sinh hoạt: <strong>0</strong>" in body
    province = client_for(make_user("chuyenvien.p1", t.p1, Role.OFFICER))
    body = province.get(url + f"?to_chuc={t.p1.pk}&ngay=15/6/2024").content.decode()
    assert "trong đó miễn công tác và sinh hoạt: <strong>1</strong>" in body
    # an officer of another commune does not see it
    response = client_for(make_user("chuyenvien.k3", t.k3, Role.OFFICER)).get(
        url + f"?to_chuc={t.k1.pk}"
    )
    assert response.status_code == 403
