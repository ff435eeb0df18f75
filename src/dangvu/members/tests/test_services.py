from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.conftest import add_org
from dangvu.core.models import AuditEntry
from dangvu.flows.restructure import org_dissolve, org_merge
from dangvu.members import services
from dangvu.members.models import (
    EventKind,
    Member,
    MemberCount,
    MembershipEvent,
    MemberSpan,
    MemberStatus,
    Transfer,
)
from dangvu.members.services.base import member_state
from dangvu.orgs.models import OrgKind
from dangvu.orgs.services import NewOrgSpec, org_create

from .helpers import DECISION, admit, admit_official, citizen_id


def messages_of(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


def snapshot_counts() -> tuple[int, ...]:
    return (
        Member.objects.count(),
        MembershipEvent.objects.count(),
        MemberSpan.objects.count(),
        Transfer.objects.count(),
        AuditEntry.objects.filter(action__startswith="members.").count(),
    )


# --- admission ----------------------------------------------------------------------------


def test_admission_makes_a_probationary_member_with_event_span_counter_and_audit(tree) -> None:
    m = admit(tree.a1, ceremony=date(2015, 3, 20))
    assert m.status == MemberStatus.PROBATIONARY
    assert m.organization == tree.a1
    assert m.probation_ends_on == date(2016, 3, 20)  # 12 months from the ceremony
    assert [e.kind for e in m.events.order_by("on", "id")] == [EventKind.ADMIT, EventKind.CEREMONY]
    assert list(MemberSpan.objects.filter(member=m).values_list("valid_from", "valid_to")) == [
        (date(2015, 3, 2), None)
    ]
    counted = {
        (c.organization_id, c.dimension, c.value): c.n
        for c in MemberCount.objects.filter(dimension="total")
    }
    # the counters are kept for the province and the district (levels 1 and 2), not below
    assert counted == {(tree.province.pk, "total", ""): 1, (tree.d1.pk, "total", ""): 1}
    assert (
        AuditEntry.objects.filter(action="members.member_admit", object_id=str(m.pk)).count() == 1
    )


@pytest.mark.parametrize(
    ("kwargs", "field", "fragment"),
    [
        ({"birth": date(2016, 1, 1)}, "birth_date", "tương lai"),
        ({"birth": date(2000, 1, 1), "on": date(2015, 3, 2)}, "admitted_on", "chưa đủ 18 tuổi"),
        ({"birth": date(1950, 1, 1), "on": date(2015, 3, 2)}, "admitted_on", "quá 60 tuổi"),
        ({"on": date(2099, 1, 1)}, "admitted_on", "tương lai"),
    ],
)
def test_admission_with_impossible_dates_is_refused_in_vietnamese(
    tree, kwargs, field, fragment
) -> None:
    if kwargs.get("birth") == date(2016, 1, 1):
        # a birth date after the admission date (and in the future of the admission)
        kwargs = {"birth": date(2015, 6, 1), "on": date(2015, 3, 2), "with_id": False}
        field, fragment = "admitted_on", "trước ngày sinh"
    before = snapshot_counts()
    with pytest.raises(ValidationError) as exc:
        admit(tree.a1, **kwargs)
    assert field in exc.value.message_dict
    assert fragment in " ".join(exc.value.message_dict[field])
    assert snapshot_counts() == before


def test_citizen_id_of_the_wrong_length_or_not_matching_the_person_is_refused(tree) -> None:
    for bad, fragment in [
        ("0150900123", "đúng 12 chữ số"),
        ("015191000123", "giới tính"),  # 4th digit 1 = female, the person is male
        ("015085000123", "năm sinh"),  # 1985, the person was born in 1990
    ]:
        with pytest.raises(ValidationError) as exc:
            services.member_admit(
                organization=tree.a1,
                admitted_on=date(2015, 3, 2),
                decision=DECISION,
                actor=SYSTEM,
                full_name="Nguyễn Văn Bình",
                sex="nam",
                birth_date=date(1990, 5, 10),
                citizen_id=bad,
            )
        assert fragment in " ".join(exc.value.message_dict["citizen_id"])
    assert Member.objects.count() == 0


def test_a_second_admission_of_the_same_citizen_id_is_refused_and_nothing_written(tree) -> None:
    first = admit(tree.a1)
    before = snapshot_counts()
    with pytest.raises(ValidationError) as exc:
        services.member_admit(
            organization=tree.b1,
            admitted_on=date(2016, 1, 4),
            decision=DECISION,
            actor=SYSTEM,
            full_name="Nguyễn Văn An",
            sex="nam",
            birth_date=date(1990, 5, 10),
            citizen_id=first.citizen_id,
        )
    assert "đã có trong sổ" in " ".join(exc.value.message_dict["citizen_id"])
    assert snapshot_counts() == before


def test_admission_into_a_commune_committee_instead_of_a_cell_is_refused(tree) -> None:
    with pytest.raises(ValidationError) as exc:
        admit(tree.a)
    assert "không phải chi bộ" in messages_of(exc)


def test_an_officer_cannot_admit_into_another_commune(tree, users) -> None:
    with pytest.raises(PermissionDenied):
        admit(tree.b1, actor=users.a_officer)
    with pytest.raises(PermissionDenied):
        admit(tree.a1, actor=users.a_viewer)
    assert admit(tree.a1, actor=users.a_officer).organization == tree.a1


# --- probation and recognition ---------------------------------------------------------------


def test_recognition_before_twelve_months_is_refused(tree) -> None:
    m = admit(tree.a1, ceremony=date(2015, 3, 20))
    with pytest.raises(ValidationError) as exc:
        services.member_recognize(member=m, on=date(2016, 3, 19), decision=DECISION, actor=SYSTEM)
    assert "Chưa đủ 12 tháng" in messages_of(exc)
    m.refresh_from_db()
    assert m.status == MemberStatus.PROBATIONARY


def test_recognition_dates_official_status_from_the_end_of_probation_however_late(tree) -> None:
    m = admit(tree.a1, ceremony=date(2015, 3, 20))
    services.member_recognize(member=m, decision="Quyết định số 40-QĐ/ĐU", actor=SYSTEM)
    m.refresh_from_db()
    assert m.status == MemberStatus.OFFICIAL
    assert m.official_on == date(2016, 3, 20)
    spans = list(MemberSpan.objects.filter(member=m).order_by("valid_from"))
    assert [(s.status, s.valid_from, s.valid_to) for s in spans] == [
        (MemberStatus.PROBATIONARY, date(2015, 3, 2), date(2016, 3, 20)),
        (MemberStatus.OFFICIAL, date(2016, 3, 20), None),
    ]


def test_failed_probation_strikes_the_member_off(tree) -> None:
    m = admit(tree.a1)
    services.member_fail_probation(member=m, on=date(2016, 4, 1), decision=DECISION, actor=SYSTEM)
    m.refresh_from_db()
    assert m.status == MemberStatus.EXITED
    assert not MemberCount.objects.filter(dimension="total", n__gt=0).exists()


# --- the state on a date ---------------------------------------------------------------------


def test_state_on_any_date_follows_from_the_events(tree) -> None:
    m = admit_official(tree.a1)
    services.member_exit(
        member=m, kind=EventKind.STRIKE_OFF, on=date(2020, 1, 10), decision=DECISION, actor=SYSTEM
    )
    services.member_restore(member=m, on=date(2021, 2, 1), decision=DECISION, actor=SYSTEM)
    assert member_state(m, until=date(2015, 1, 1)).status == ""
    assert member_state(m, until=date(2015, 6, 1)).status == MemberStatus.PROBATIONARY
    assert member_state(m, until=date(2019, 6, 1)).status == MemberStatus.OFFICIAL
    assert member_state(m, until=date(2020, 6, 1)).status == MemberStatus.EXITED
    assert member_state(m, until=date(2021, 6, 1)).status == MemberStatus.OFFICIAL
    m.refresh_from_db()
    # restoration: membership unbroken, party age from the admission
    assert m.party_age_from == m.admitted_on


# --- transfers ------------------------------------------------------------------------------


def test_official_transfer_moves_the_member_only_when_the_receiving_unit_confirms(
    tree, users
) -> None:
    m = admit_official(tree.a1)
    t = services.member_transfer(
        member=m,
        to_org=tree.b1,
        on=date(2020, 5, 4),
        decision="Giấy giới thiệu số 7",
        actor=users.a_officer,
    )
    m.refresh_from_db()
    assert m.organization == tree.a1 and t.state == Transfer.State.PENDING
    with pytest.raises(PermissionDenied):
        services.transfer_confirm(transfer=t, on=date(2020, 5, 10), actor=users.a_officer)
    services.transfer_confirm(transfer=t, on=date(2020, 5, 10), actor=users.b_officer)
    m.refresh_from_db()
    assert m.organization == tree.b1
    assert member_state(m, until=date(2020, 5, 9)).org_id == tree.a1.pk
    assert member_state(m, until=date(2020, 5, 10)).org_id == tree.b1.pk
    kinds = list(m.events.order_by("on", "id").values_list("kind", flat=True))
    assert kinds[-2:] == [EventKind.TRANSFER_OUT, EventKind.TRANSFER_IN]


def test_transfer_to_a_unit_outside_the_registry_is_refused(tree) -> None:
    m = admit_official(tree.a1)
    gone = org_create(
        name="Chi bộ Thôn 9",
        kind=OrgKind.CELL,
        code="A9",
        parent=tree.a,
        founded_on=date(2016, 1, 1),
        decision=DECISION,
        actor=SYSTEM,
    )
    org_dissolve(org=gone, on=date(2018, 1, 1), decision=DECISION, actor=SYSTEM)
    before = snapshot_counts()
    for target, fragment in [(gone, "không hoạt động"), (tree.c, "không phải chi bộ")]:
        with pytest.raises(ValidationError) as exc:
            services.member_transfer(
                member=m, to_org=target, on=date(2020, 5, 4), decision=DECISION, actor=SYSTEM
            )
        assert "có trong sổ" in messages_of(exc) and fragment in messages_of(exc)
    assert snapshot_counts() == before


def test_transfer_across_provinces_is_confirmed_by_the_other_province(tree, users) -> None:
    from dangvu.core.testing import make_user

    other = add_org(None, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "LC", decision=DECISION)
    cell = add_org(
        other, "Chi bộ Cơ quan Sở Y tế Lào Cai", OrgKind.GRASSROOTS_CELL, "LC1", decision=DECISION
    )
    lc_officer = make_user("chuyenvien.lc", other)
    m = admit_official(tree.a1)
    t = services.member_transfer(
        member=m, to_org=cell, on=date(2021, 1, 4), decision=DECISION, actor=users.a_officer
    )
    services.transfer_confirm(transfer=t, on=date(2021, 1, 20), actor=lc_officer)
    m.refresh_from_db()
    assert m.organization == cell
    totals = dict(MemberCount.objects.filter(dimension="total").values_list("organization_id", "n"))
    assert totals[other.pk] == 1 and totals[tree.province.pk] == 0


def test_a_second_pending_transfer_is_refused_until_the_first_is_cancelled(tree) -> None:
    m = admit_official(tree.a1)
    t = services.member_transfer(
        member=m, to_org=tree.b1, on=date(2020, 5, 4), decision=DECISION, actor=SYSTEM
    )
    with pytest.raises(ValidationError):
        services.member_transfer(
            member=m, to_org=tree.c1, on=date(2020, 5, 5), decision=DECISION, actor=SYSTEM
        )
    services.transfer_cancel(transfer=t, on=date(2020, 5, 6), decision=DECISION, actor=SYSTEM)
    t2 = services.member_transfer(
        member=m, to_org=tree.c1, on=date(2020, 5, 7), decision=DECISION, actor=SYSTEM
    )
    assert t2.state == Transfer.State.PENDING


def test_temporary_transfer_keeps_the_record_at_home_until_return(tree) -> None:
    m = admit_official(tree.a1)
    t = services.member_transfer(
        member=m,
        to_org=tree.c1,
        on=date(2022, 2, 1),
        decision=DECISION,
        actor=SYSTEM,
        kind=Transfer.Kind.TEMPORARY,
        until=date(2022, 8, 1),
    )
    services.transfer_confirm(transfer=t, on=date(2022, 2, 3), actor=SYSTEM)
    m.refresh_from_db()
    assert m.organization == tree.a1 and m.host_organization == tree.c1
    services.transfer_return(transfer=t, on=date(2022, 8, 2), decision=DECISION, actor=SYSTEM)
    m.refresh_from_db()
    assert m.host_organization is None


# --- exits, death, readmission --------------------------------------------------------------


@pytest.mark.parametrize("kind", [EventKind.LEAVE, EventKind.STRIKE_OFF, EventKind.EXPEL])
def test_each_exit_kind_ends_membership(tree, kind) -> None:
    m = admit_official(tree.a1)
    services.member_exit(member=m, kind=kind, on=date(2019, 9, 9), decision=DECISION, actor=SYSTEM)
    m.refresh_from_db()
    assert (m.status, m.exit_kind, m.exited_on) == (MemberStatus.EXITED, kind, date(2019, 9, 9))
    assert MemberSpan.objects.filter(member=m).latest("valid_from").valid_to == date(2019, 9, 9)


def test_death_is_recorded_and_an_exit_cannot_precede_the_last_event(tree) -> None:
    m = admit_official(tree.a1)
    with pytest.raises(ValidationError) as exc:
        services.member_die(member=m, on=date(2015, 6, 1), decision=DECISION, actor=SYSTEM)
    assert "trước sự kiện đã ghi gần nhất" in messages_of(exc)
    services.member_die(member=m, on=date(2024, 6, 1), decision=DECISION, actor=SYSTEM)
    m.refresh_from_db()
    assert m.status == MemberStatus.DECEASED


def test_readmission_is_allowed_once_and_the_gap_does_not_count_as_party_age(tree) -> None:
    m = admit_official(tree.a1, on=date(2010, 1, 4), birth=date(1985, 1, 1))  # before 2015
    services.member_exit(
        member=m, kind=EventKind.LEAVE, on=date(2012, 1, 4), decision=DECISION, actor=SYSTEM
    )
    services.member_readmit(
        member=m, organization=tree.a2, on=date(2015, 1, 5), decision=DECISION, actor=SYSTEM
    )
    m.refresh_from_db()
    assert m.status == MemberStatus.PROBATIONARY and m.organization == tree.a2
    assert m.party_age_from == date(2013, 1, 4)  # 36 months of gap
    services.member_exit(
        member=m, kind=EventKind.LEAVE, on=date(2016, 1, 4), decision=DECISION, actor=SYSTEM
    )
    with pytest.raises(ValidationError) as exc:
        services.member_readmit(
            member=m, organization=tree.a2, on=date(2017, 1, 5), decision=DECISION, actor=SYSTEM
        )
    assert "một lần" in messages_of(exc)


# --- badges, ratings, discipline -------------------------------------------------------------


def test_badge_is_refused_before_the_party_age_and_awarded_after(tree) -> None:
    m = admit_official(tree.a1, on=date(1995, 3, 1), birth=date(1970, 1, 1))
    with pytest.raises(ValidationError) as exc:
        services.badge_award(
            member=m, years=30, on=date(2024, 9, 2), decision=DECISION, actor=SYSTEM
        )
    assert "chưa đủ 30 năm" in messages_of(exc)
    services.badge_award(member=m, years=30, on=date(2025, 5, 19), decision=DECISION, actor=SYSTEM)
    m.refresh_from_db()
    assert m.badge_years == 30
    with pytest.raises(ValidationError):
        services.badge_award(
            member=m, years=30, on=date(2025, 9, 2), decision=DECISION, actor=SYSTEM
        )


def test_one_rating_a_year_and_the_excellent_quota(tree) -> None:
    members = [
        admit_official(tree.a1, name=f"Nguyễn Văn Tư {i}", birth=date(1980, 1, 1 + i))
        for i in range(6)
    ]
    for m in members[:5]:
        services.member_rate(member=m, year=2024, level="tot", decision=DECISION, actor=SYSTEM)
    with pytest.raises(ValidationError) as exc:
        services.member_rate(
            member=members[0], year=2024, level="tot", decision=DECISION, actor=SYSTEM
        )
    assert "đã được xếp loại năm 2024" in messages_of(exc)
    services.member_rate(
        member=members[5], year=2024, level="xuat_sac", decision=DECISION, actor=SYSTEM
    )  # 20 % of 5 = 1
    extra = admit_official(tree.a1, name="Trần Văn Năm", birth=date(1981, 2, 2))
    with pytest.raises(ValidationError) as exc:
        services.member_rate(
            member=extra, year=2024, level="xuat_sac", decision=DECISION, actor=SYSTEM
        )
    assert "Vượt tỷ lệ" in messages_of(exc)


def test_discipline_short_of_expulsion_keeps_the_member(tree) -> None:
    m = admit_official(tree.a1)
    services.member_discipline(
        member=m, form="canh_cao", on=date(2023, 3, 3), decision=DECISION, actor=SYSTEM
    )
    m.refresh_from_db()
    assert m.is_active
    assert m.events.filter(kind=EventKind.DISCIPLINE, discipline_form="canh_cao").exists()


# --- corrections ------------------------------------------------------------------------------


def test_a_correction_annuls_an_exit_and_keeps_both_in_the_history(tree) -> None:
    m = admit_official(tree.a1)
    exit_event = services.member_exit(
        member=m, kind=EventKind.STRIKE_OFF, on=date(2023, 1, 2), decision=DECISION, actor=SYSTEM
    ).events.get(kind=EventKind.STRIKE_OFF)
    services.event_annul(
        event=exit_event, decision="Quyết định số 3-QĐ/ĐU", reason="Ghi nhầm người", actor=SYSTEM
    )
    m.refresh_from_db()
    assert m.status == MemberStatus.OFFICIAL
    assert MembershipEvent.objects.filter(pk=exit_event.pk).exists()
    assert m.events.filter(kind=EventKind.CORRECTION, annuls=exit_event).exists()
    with pytest.raises(ValidationError):
        services.event_annul(event=exit_event, decision=DECISION, reason="lần hai", actor=SYSTEM)


def test_profile_change_moves_the_counters_and_is_audited(tree) -> None:
    m = admit(tree.a1, theory_level="so_cap")
    services.member_update_profile(member=m, actor=SYSTEM, theory_level="trung_cap")
    theory = dict(
        MemberCount.objects.filter(
            organization=tree.province, dimension="theory", n__gt=0
        ).values_list("value", "n")
    )
    assert theory == {"trung_cap": 1}
    entry = AuditEntry.objects.get(action="members.member_update_profile")
    assert entry.before == {"theory_level": "so_cap"}


# --- the tree changes ---------------------------------------------------------------------


def test_a_merge_of_cells_moves_their_members_as_events(tree) -> None:
    m = admit_official(tree.a1)
    org_merge(
        sources=[tree.a1],
        into=tree.a2,
        on=date(2025, 7, 1),
        decision="Quyết định số 9-QĐ/ĐU",
        actor=SYSTEM,
    )
    m.refresh_from_db()
    assert m.organization == tree.a2
    follow = m.events.get(kind=EventKind.ORG_FOLLOW)
    assert (follow.other_org, follow.on, follow.decision) == (
        tree.a1,
        date(2025, 7, 1),
        "Quyết định số 9-QĐ/ĐU",
    )
    assert member_state(m, until=date(2025, 6, 30)).org_id == tree.a1.pk


def test_dissolving_a_cell_with_members_is_refused(tree) -> None:
    admit_official(tree.a1)
    with pytest.raises(ValidationError) as exc:
        org_dissolve(org=tree.a1, on=date(2025, 7, 1), decision=DECISION, actor=SYSTEM)
    assert "còn 1 đảng viên" in messages_of(exc) and "chuyển sinh hoạt trước" in messages_of(exc)


def test_a_merge_of_communes_is_followed_by_the_counters(tree) -> None:
    admit_official(tree.a1)
    admit_official(tree.b1, name="Lê Thị Hoa", sex="nu", birth=date(1992, 2, 2))
    new = org_merge(
        sources=[tree.d1, tree.d2],
        on=date(2025, 7, 1),
        decision=DECISION,
        actor=SYSTEM,
        new=NewOrgSpec(
            name="Đảng bộ xã Trấn Yên", kind=OrgKind.COMMUNE, code="X1", parent=tree.province
        ),
    )
    totals = dict(MemberCount.objects.filter(dimension="total").values_list("organization_id", "n"))
    assert totals.get(new.pk) == 2
    assert totals.get(tree.d1.pk, 0) == 0
    assert totals[tree.province.pk] == 2


def test_future_dated_events_are_refused(tree) -> None:
    m = admit_official(tree.a1)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.member_die(member=m, on=tomorrow, decision=DECISION, actor=SYSTEM)
    assert "tương lai" in messages_of(exc)


def test_citizen_id_helper_builds_valid_ids() -> None:
    from dangvu.members import rules

    value = citizen_id("nu", date(2001, 1, 1))
    assert rules.citizen_id_problem(value, female=True, birth_year=2001) == ""
