"""Sponsors of an admission: two official members on the day of the decision, neither the
applicant, two different people; shown on the member's page; accepted by the Excel import."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.members import services
from dangvu.members.models import Member, MembershipEvent, Sponsor

from .helpers import admit, admit_official, citizen_id, xlsx

ADMITTED = date(2024, 3, 2)


@pytest.fixture
def sponsors(tree):
    """Two official members of cell A1 (official since 2016) and one still on probation."""
    first = admit_official(
        tree.a1, name="Phạm Văn Bình", birth=date(1975, 1, 1), on=date(2015, 1, 5)
    )
    second = admit_official(
        tree.a1, name="Trần Thị Cúc", sex="nu", birth=date(1978, 2, 2), on=date(2015, 2, 5)
    )
    probationary = admit(tree.a1, name="Lý Văn Dũng", birth=date(1995, 3, 3), on=date(2023, 9, 1))
    return first, second, probationary


def _admit(tree, sponsors, **kwargs):
    return admit(
        tree.a1,
        name=kwargs.pop("name", "Đỗ Văn Em"),
        birth=date(2000, 4, 4),
        on=ADMITTED,
        sponsors=sponsors,
        **kwargs,
    )


def _written():
    return (
        Member.objects.count(),
        MembershipEvent.objects.count(),
        Sponsor.objects.count(),
        AuditEntry.objects.filter(action__startswith="members.").count(),
    )


def test_admission_records_two_sponsors_on_the_event_and_in_the_audit(tree, sponsors) -> None:
    first, second, _ = sponsors
    member = _admit(tree, [first, "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà, tỉnh Lào Cai"])
    rows = list(member.sponsors.order_by("position"))
    assert [(r.position, r.sponsor, r.name) for r in rows] == [
        (1, first, "Phạm Văn Bình"),
        (2, None, "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà, tỉnh Lào Cai"),
    ]
    assert all(r.event.kind == "ket_nap" for r in rows)
    assert list(first.sponsored.values_list("member", flat=True)) == [member.pk]
    entry = AuditEntry.objects.get(action="members.member_admit", object_id=str(member.pk))
    assert entry.after["sponsors"][0] == {
        "position": 1,
        "member": first.pk,
        "name": "Phạm Văn Bình",
    }
    assert entry.after["sponsors"][1]["member"] is None
    assert second.sponsored.count() == 0


@pytest.mark.parametrize(
    ("pick", "field", "fragment"),
    [
        (lambda s: [s[0]], "sponsors", "phải có hai người giới thiệu, đã ghi 1"),
        (lambda s: [s[0], s[2]], "sponsor2", "khi đó là đảng viên dự bị"),
        (lambda s: [s[0], s[0]], "sponsor2", "Hai người giới thiệu là cùng một người"),
        (lambda s: [s[0], "  phạm  van binh "], "sponsor2", "cùng một người (phạm van binh)"),
        (lambda s: ["", s[1]], "sponsor1", "Hãy ghi họ tên, đơn vị người giới thiệu thứ nhất"),
        (lambda s: [s[0], "Đỗ Văn Em"], "sponsor2", "trùng họ tên với người vào Đảng"),
    ],
)
def test_a_wrong_pair_of_sponsors_is_refused_naming_which_and_writes_nothing(
    tree, sponsors, pick, field, fragment
) -> None:
    before = _written()
    with pytest.raises(ValidationError) as exc:
        _admit(tree, pick(sponsors))
    assert fragment in " ".join(exc.value.message_dict[field])
    assert _written() == before


def test_a_sponsor_must_be_official_on_the_admission_date_not_today(tree, sponsors) -> None:
    first, _, probationary = sponsors
    before = _written()
    with pytest.raises(ValidationError) as exc:
        admit(
            tree.a1,
            name="Đỗ Văn Em",
            birth=date(1990, 4, 4),
            on=date(2015, 6, 1),  # the sponsor was admitted in January 2015: on probation
            sponsors=[first, "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà"],
        )
    message = exc.value.message_dict["sponsor1"][0]
    assert "Phạm Văn Bình" in message and "1/6/2015" in message and "chính thức từ" in message
    with pytest.raises(ValidationError) as exc:
        admit(
            tree.a1,
            name="Đỗ Văn Em",
            birth=date(1990, 4, 4),
            on=date(2014, 6, 1),
            sponsors=[first, probationary],
        )
    assert "chưa vào Đảng" in exc.value.message_dict["sponsor1"][0]
    assert _written() == before


def test_the_applicant_cannot_sponsor_himself(tree, sponsors) -> None:
    first, second, _ = sponsors
    services.member_update_profile(member=first, card_number="15012345", actor=SYSTEM)
    before = _written()
    with pytest.raises(ValidationError) as exc:
        _admit(tree, [second, first], card_number="15012345")
    # the registry knows the card already: the applicant is refused as a second record of
    # the sponsor, before the sponsors are looked at
    assert "card_number" in exc.value.message_dict
    assert _written() == before


# --- the admission page and the member's page -------------------------------------------------


def _admission(tree, **extra):
    return {
        "full_name": "Đỗ Văn Em",
        "sex": "nam",
        "birth_date": "4/4/2000",
        "ethnicity": "Kinh",
        "religion": "Không",
        "education": "thpt",
        "professional_level": "khong",
        "theory_level": "khong",
        "organization": tree.a1.pk,
        "admitted_on": "2/3/2024",
        "decision": "Quyết định số 45-QĐ/ĐU",
        **extra,
    }


def test_the_admission_page_finds_sponsors_by_name_and_records_them(tree, users, sponsors) -> None:
    first, _, probationary = sponsors
    client = client_for(users.a_officer)
    url = reverse("members:member_create")
    response = client.post(url, _admission(tree, sponsor1_q="pham van binh", tim="sponsor1_q"))
    page = response.content.decode()
    assert response.status_code == 200 and "Tìm thấy 1 đảng viên chính thức" in page
    assert "Phạm Văn Bình (sinh năm 1975, Chi bộ Thôn 1 xã Việt Thành)" in page
    assert not Member.objects.filter(full_name="Đỗ Văn Em").exists()  # a search writes nothing
    # probationary members are not offered
    page = client.post(url, _admission(tree, sponsor2_q="ly van dung", tim="sponsor2_q"))
    assert "Không có đảng viên chính thức nào" in page.content.decode()

    response = client.post(
        url,
        _admission(
            tree,
            sponsor1_q="pham van binh",
            sponsor1=first.pk,
            sponsor2_name="Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà, tỉnh Lào Cai",
        ),
    )
    assert response.status_code == 302
    member = Member.objects.get(full_name="Đỗ Văn Em")
    assert member.sponsors.get(position=1).name == "Phạm Văn Bình"

    detail = client.get(reverse("members:member_detail", args=[member.pk])).content.decode()
    assert "Người giới thiệu" in detail
    assert reverse("members:member_detail", args=[first.pk]) in detail
    assert "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà, tỉnh Lào Cai</span>" not in detail
    assert "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà, tỉnh Lào Cai <span" in detail
    assert "Người giới thiệu: Phạm Văn Bình; Hoàng Văn Giang" in detail  # on the timeline
    assert probationary.sponsored.count() == 0


def test_the_admission_page_asks_for_both_sponsors_and_refuses_a_wrong_one(
    tree, users, sponsors
) -> None:
    first, _, probationary = sponsors
    client = client_for(users.a_officer)
    url = reverse("members:member_create")
    response = client.post(url, _admission(tree, sponsor1=first.pk))
    assert response.status_code == 400
    assert "Hãy tìm và chọn người giới thiệu thứ hai trong sổ" in response.content.decode()
    # a probationary member posted by hand: the service names the problem on the field
    response = client.post(url, _admission(tree, sponsor1=first.pk, sponsor2=probationary.pk))
    assert response.status_code == 400
    assert "khi đó là đảng viên dự bị" in response.content.decode()
    assert not Member.objects.filter(full_name="Đỗ Văn Em").exists()


def test_a_member_of_another_unit_cannot_be_picked_as_sponsor(tree, users, sponsors) -> None:
    first, _, _ = sponsors
    client = client_for(users.b_officer)
    page = client.post(
        reverse("members:member_create"),
        _admission(tree, organization=tree.b1.pk, sponsor1_q="pham van binh", tim="sponsor1_q"),
    ).content.decode()
    assert "Phạm Văn Bình (sinh" not in page
    response = client.post(
        reverse("members:member_create"),
        _admission(tree, organization=tree.b1.pk, sponsor1=first.pk, sponsor2_name="Lê Văn Hùng"),
    )
    assert response.status_code == 400 and not Sponsor.objects.exists()


# --- the Excel import -------------------------------------------------------------------------

HEADER = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Số thẻ đảng viên",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Chi bộ",
    "Người giới thiệu 1",
    "Người giới thiệu 2",
]


def _workbook(rows) -> bytes:
    return xlsx(HEADER, rows)


def test_import_reads_sponsors_from_the_registry_the_same_file_or_by_name_and_twice_adds_none(
    tree, sponsors
) -> None:
    first, _, _ = sponsors
    services.member_update_profile(member=first, card_number="15000001", actor=SYSTEM)
    rows = [
        # the applicant comes first in the file; his sponsor, further down, is admitted first
        ["Vi Văn Khánh", "Nam", "1/1/1995", citizen_id("nam", date(1995, 1, 1)), "15000003",
         "1/6/2022", "", "A1", "15000001", "15000002"],
        ["Vi Thị Lâm", "Nữ", "2/2/1970", "", "15000002", "1/6/2000", "1/6/2001", "A1",
         "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà", "Nông Văn Mạnh, Chi bộ xã Cốc San"],
        ["Vi Văn Nam", "Nam", "3/3/1990", citizen_id("nam", date(1990, 3, 3)), "", "1/6/2015",
         "", "A1", "", ""],
    ]  # fmt: skip
    added = services.members_import(data=_workbook(rows), within=tree.a, actor=SYSTEM)
    assert added == 3
    khanh = Member.objects.get(full_name="Vi Văn Khánh")
    lam = Member.objects.get(full_name="Vi Thị Lâm")
    assert [(s.sponsor, s.name) for s in khanh.sponsors.order_by("position")] == [
        (first, "Phạm Văn Bình"),
        (lam, "Vi Thị Lâm"),
    ]
    assert [s.sponsor for s in lam.sponsors.all()] == [None, None]
    assert not Member.objects.get(full_name="Vi Văn Nam").sponsors.exists()

    before = _written()
    assert services.members_import(data=_workbook(rows), within=tree.a, actor=SYSTEM) == 0
    assert _written()[:3] == before[:3]  # only the import's own audit row is added


def test_import_names_wrong_sponsor_cells_by_row_and_column_and_writes_nothing(
    tree, sponsors
) -> None:
    _, second, probationary = sponsors
    services.member_update_profile(member=second, card_number="15000009", actor=SYSTEM)
    services.member_update_profile(member=probationary, card_number="15000008", actor=SYSTEM)
    rows = [
        ["Vi Văn Khánh", "Nam", "1/1/1995", "", "15000003", "1/6/2022", "", "A1",
         "15000003", "15000009"],
        ["Vi Văn Lộc", "Nam", "1/1/1996", "", "", "1/6/2022", "", "A1", "99999999",
         "Lê Văn Hùng"],
        ["Vi Văn Minh", "Nam", "1/1/1997", "", "", "1/6/2022", "", "A1", "15000008",
         "15000009"],
        ["Vi Văn Nga", "Nam", "1/1/1998", "", "", "1/6/2022", "", "A1", "15000009",
         "15 000 009"],
        ["Vi Văn Oanh", "Nam", "1/1/1999", "", "", "1/6/2022", "", "A1", "Lê Văn Hùng", ""],
    ]  # fmt: skip
    before = _written()
    with pytest.raises(ValidationError) as exc:
        services.members_import(data=_workbook(rows), within=tree.a, actor=SYSTEM)
    text = "\n".join(exc.value.messages)
    assert "Dòng 2, cột “Người giới thiệu 1”: Số 15000003 là của chính người vào Đảng" in text
    assert "Dòng 3, cột “Người giới thiệu 1”: Không có đảng viên số thẻ hoặc CCCD 99999999" in text
    assert "Dòng 6, cột “Người giới thiệu 2”: Thiếu người giới thiệu" in text
    assert "Dòng 4, cột “Người giới thiệu 1”: Lý Văn Dũng chưa là đảng viên chính thức" in text
    assert "Dòng 5, cột “Người giới thiệu 2”: Hai người giới thiệu là cùng một người" in text
    assert _written() == before
