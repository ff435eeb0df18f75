"""Transfers out of the province: the letter goes to another province's committee (found by
name), the receiving side places the member in a cell when it confirms, and a pending letter
opens the member's page to the receiving unit and nothing more."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for, make_user
from dangvu.members import selectors, services
from dangvu.members.models import EventKind, Member, MemberCount, MembershipEvent, Transfer
from dangvu.members.selectors.transfers import destinations_outside
from dangvu.orgs.models import OrgKind

from .helpers import DECISION, admit_official, org, second_province

LETTER = "Giấy giới thiệu số 41-GGT/BTCTU"


@pytest.fixture
def lc(tree):
    """A second province (Lào Cai) with officers at two levels, and a third province."""
    t = second_province()
    t.officer = make_user("chuyenvien.laocai", t.province)
    t.commune_officer = make_user("chuyenvien.baoha", t.commune)
    third = org(None, "Đảng bộ tỉnh Hà Giang", OrgKind.PROVINCE, "HG")
    t.stranger = make_user("chuyenvien.hagiang", third)
    return t


@pytest.fixture
def member(tree):
    return admit_official(tree.a1, name="Hoàng Văn Thắng", birth=date(1986, 6, 6))


def _send(member, to_org, actor, on=date(2024, 3, 4)):
    return services.member_transfer(
        member=member, to_org=to_org, on=on, decision=LETTER, actor=actor
    )


def _state(member):
    member.refresh_from_db()
    return (
        member.organization_id,
        MembershipEvent.objects.filter(member=member).count(),
        list(Transfer.objects.filter(member=member).values_list("state", flat=True)),
        AuditEntry.objects.filter(action__startswith="members.").count(),
    )


# --- services ---------------------------------------------------------------------------------


def test_a_letter_to_another_provinces_committee_is_placed_in_a_cell_on_confirmation(
    tree, users, lc, member
) -> None:
    transfer = _send(member, lc.province, users.province_officer)
    assert transfer.state == Transfer.State.PENDING and transfer.to_org == lc.province
    out = AuditEntry.objects.get(action="members.chuyen_di")
    assert "Đảng bộ tỉnh Lào Cai" in out.summary and out.after["to_org"] == lc.province.pk

    services.transfer_confirm(
        transfer=transfer, on=date(2024, 3, 20), actor=lc.officer, cell=lc.cell2
    )

    member.refresh_from_db()
    assert member.organization == lc.cell2
    event = member.events.get(kind=EventKind.TRANSFER_IN)
    assert event.organization == lc.cell2 and event.other_org == tree.a1
    entry = AuditEntry.objects.get(action="members.chuyen_den")
    assert entry.after["cell"] == lc.cell2.pk and "Chi bộ thôn Bảo Tân" in entry.summary
    totals = dict(MemberCount.objects.filter(dimension="total").values_list("organization_id", "n"))
    assert totals[lc.province.pk] == 1 and totals[tree.province.pk] == 0


def test_confirming_a_letter_to_a_committee_without_a_cell_is_refused_and_changes_nothing(
    tree, users, lc, member
) -> None:
    transfer = _send(member, lc.commune, users.a_officer)
    before = _state(member)
    with pytest.raises(ValidationError) as exc:
        services.transfer_confirm(transfer=transfer, on=date(2024, 3, 20), actor=lc.officer)
    assert "cell" in exc.value.message_dict
    assert "hãy chọn chi bộ thuộc “Đảng bộ xã Bảo Hà”" in exc.value.message_dict["cell"][0]
    with pytest.raises(ValidationError) as exc:
        services.transfer_confirm(
            transfer=transfer, on=date(2024, 3, 20), actor=lc.officer, cell=lc.other_cell
        )
    assert "không thuộc “Đảng bộ xã Bảo Hà”" in exc.value.message_dict["cell"][0]
    assert _state(member) == before


def test_a_commune_of_the_receiving_province_cannot_confirm_a_letter_to_the_province(
    users, lc, member
) -> None:
    transfer = _send(member, lc.province, users.a_officer)
    with pytest.raises(PermissionDenied):
        services.transfer_confirm(
            transfer=transfer, on=date(2024, 3, 20), actor=lc.commune_officer, cell=lc.cell1
        )
    with pytest.raises(PermissionDenied):
        services.transfer_confirm(
            transfer=transfer, on=date(2024, 3, 20), actor=lc.stranger, cell=lc.cell1
        )


def test_inside_the_province_the_letter_still_names_a_cell(tree, users, member) -> None:
    before = _state(member)
    with pytest.raises(ValidationError) as exc:
        _send(member, tree.b, users.a_officer)
    message = exc.value.message_dict["to_org"][0]
    assert "Nơi đến trong tỉnh phải là một chi bộ" in message and "Hòa Cuông" in message
    assert _state(member) == before


def test_a_letter_to_a_party_group_of_another_province_is_refused(users, lc, member) -> None:
    group = org(lc.cell1, "Tổ đảng số 1", OrgKind.GROUP, "T1")
    with pytest.raises(ValidationError) as exc:
        _send(member, group, users.a_officer)
    assert "tổ đảng" in exc.value.message_dict["to_org"][0]


def test_a_pending_letter_opens_the_member_to_the_receiving_unit_and_nothing_more(
    tree, users, lc, member
) -> None:
    assert not selectors.members_visible_to(lc.officer).filter(pk=member.pk).exists()
    transfer = _send(member, lc.province, users.a_officer)
    assert selectors.get_member(lc.officer, member.pk) == member
    assert not selectors.can_see_personal(lc.officer, member)
    assert not selectors.can_record_for(lc.officer, member.organization)
    for outsider in (lc.commune_officer, lc.stranger, users.b_officer):
        with pytest.raises(PermissionDenied):
            selectors.get_member(outsider, member.pk)
    # the letter withdrawn, the access goes with it
    services.transfer_cancel(
        transfer=transfer, on=date(2024, 3, 5), decision=DECISION, actor=users.a_officer
    )
    with pytest.raises(PermissionDenied):
        selectors.get_member(lc.officer, member.pk)


def test_destinations_outside_are_searched_without_diacritics_and_exclude_the_province(
    tree, lc
) -> None:
    found = destinations_outside(tree.a1, "tinh uy lao cai")
    assert [o for o, _ in found] == [lc.province]
    labels = {o.pk: label for o, label in destinations_outside(tree.a1, "bao ha")}
    assert labels[lc.commune.pk] == "Đảng bộ xã Bảo Hà — Đảng bộ tỉnh Lào Cai"
    assert destinations_outside(tree.a1, "viet thanh") == []  # the sender's own province
    assert destinations_outside(tree.a1, "ba") == []  # too short to search the nation
    assert next(o for o, _ in destinations_outside(lc.cell1, "viet thanh")) == tree.a


# --- pages ------------------------------------------------------------------------------------


def _transfer_url(member):
    return reverse("members:member_transfer", args=[member.pk])


def test_the_transfer_page_finds_another_provinces_committee_and_records_the_letter(
    tree, users, lc, member
) -> None:
    client = client_for(users.a_officer)
    form = {"kind": "chinh_thuc", "on": "4/3/2024", "decision": LETTER, "outside_q": "lao cai"}
    response = client.post(_transfer_url(member), {**form, "tim": "outside_q"})
    page = response.content.decode()
    assert response.status_code == 200 and "Đảng bộ tỉnh Lào Cai" in page
    assert not Transfer.objects.exists()  # a search writes nothing

    response = client.post(_transfer_url(member), {**form, "outside_org": lc.province.pk})
    assert response.status_code == 302
    assert Transfer.objects.get().to_org == lc.province


def test_the_transfer_page_asks_for_one_destination(tree, users, lc, member) -> None:
    client = client_for(users.a_officer)
    form = {"kind": "chinh_thuc", "on": "4/3/2024", "decision": LETTER}
    response = client.post(_transfer_url(member), form)
    assert response.status_code == 400
    assert "Hãy chọn nơi đến: một chi bộ trong tỉnh" in response.content.decode()
    response = client.post(
        _transfer_url(member),
        {**form, "to_org": tree.b1.pk, "outside_q": "lao cai", "outside_org": lc.province.pk},
    )
    assert response.status_code == 400
    assert "hãy chỉ giữ một nơi đến" in response.content.decode()
    assert not Transfer.objects.exists()


def test_the_receiving_province_sees_the_letter_opens_the_member_and_places_him(
    tree, users, lc, member
) -> None:
    Member.objects.filter(pk=member.pk).update(phone="0988777666")
    transfer = _send(member, lc.province, users.a_officer)
    receiver = client_for(lc.officer)

    listing = receiver.get(reverse("members:member_list")).content.decode()
    assert "Chờ tiếp nhận (1)" in listing and "Hoàng Văn Thắng" in listing

    detail = receiver.get(reverse("members:member_detail", args=[member.pk]))
    assert detail.status_code == 200
    assert "Hoàng Văn Thắng" in detail.content.decode()
    assert "0988777666" not in detail.content.decode()  # personal data stays with the sender
    assert reverse("members:transfer_confirm", args=[transfer.pk]) in detail.content.decode()
    for name in ("members:member_update", "members:member_transfer", "members:member_exit"):
        assert receiver.get(reverse(name, args=[member.pk])).status_code == 403
    for outsider in (lc.commune_officer, lc.stranger, users.b_officer):
        response = client_for(outsider).get(reverse("members:member_detail", args=[member.pk]))
        assert response.status_code == 403
        assert (
            client_for(outsider)
            .get(reverse("members:transfer_confirm", args=[transfer.pk]))
            .status_code
            == 403
        )

    url = reverse("members:transfer_confirm", args=[transfer.pk])
    page = receiver.get(url).content.decode()
    assert "Chi bộ tiếp nhận" in page and "Chi bộ thôn Bảo Tân" in page
    response = receiver.post(url, {"on": "20/3/2024"})
    assert response.status_code == 400
    assert "hãy chọn chi bộ thuộc “Đảng bộ tỉnh Lào Cai”" in response.content.decode()
    response = receiver.post(url, {"on": "20/3/2024", "cell": lc.cell1.pk})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.organization == lc.cell1
    detail = receiver.get(reverse("members:member_detail", args=[member.pk])).content.decode()
    assert "sinh hoạt tại Chi bộ thôn Bảo Vinh" in detail
    # the sender no longer holds the member
    sender = client_for(users.a_officer)
    assert sender.get(reverse("members:member_detail", args=[member.pk])).status_code == 403
