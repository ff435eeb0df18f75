"""Uniqueness without disclosure: a citizen ID or card number held by a member outside the
user's scope is refused without naming anyone, inside the scope with a link to the member;
such refusals are audited and limited per hour; the Excel import looks sponsors and
duplicates up in the user's scope, as the form does."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.accounts.models import Role
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for, make_user
from dangvu.members.models import ImportBatch, Member
from dangvu.members.services import identifiers, member_update_profile

from .helpers import admit_official, citizen_id, xlsx

pytestmark = pytest.mark.django_db
SECRET_NAME = "Vũ Thị Bí Mật"


@pytest.fixture
def foreign(nation_tree):
    """A member of another province (Lào Cai), with a citizen ID and a card number."""
    m = admit_official(nation_tree.cells[3], name=SECRET_NAME, birth=date(1970, 1, 1))
    return member_update_profile(member=m, card_number="19000123", actor=SYSTEM)


@pytest.fixture
def officer(nation_tree):
    return make_user("cv.vietthanh", nation_tree.k1, Role.OFFICER)


def _admission(t, **extra):
    return {
        "full_name": "Đỗ Văn Em", "sex": "nam", "birth_date": "4/4/1970", "ethnicity": "Kinh",
        "religion": "Không", "education": "thpt", "professional_level": "khong",
        "theory_level": "khong", "organization": t.cells[0].pk, "admitted_on": "2/3/2024",
        "decision": "Quyết định số 45-QĐ/ĐU",
        "sponsor1_name": "Hoàng Văn Giang, Chi bộ thôn 2 xã Bảo Hà",
        "sponsor2_name": "Lý Văn Dũng, Chi bộ thôn 3 xã Bảo Hà", **extra,
    }  # fmt: skip


def _refusals(user) -> int:
    return AuditEntry.objects.filter(actor=user, action=identifiers.ACTION).count()


def test_a_foreign_citizen_id_is_refused_without_a_name_and_audited(nation_tree, foreign, officer):
    client = client_for(officer)
    response = client.post(
        reverse("members:member_create"), _admission(nation_tree, citizen_id=foreign.citizen_id)
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "đã có trong sổ đảng viên của một đơn vị ngoài phạm vi của bạn" in page
    assert SECRET_NAME not in page and "1970" not in page.split("Số CCCD")[-1][:200]
    assert not Member.objects.filter(full_name="Đỗ Văn Em").exists()
    assert _refusals(officer) == 1


def test_a_foreign_card_number_on_an_edit_is_refused_without_a_name(nation_tree, foreign, officer):
    own = admit_official(nation_tree.cells[0], name="Lê Văn Mình")
    response = client_for(officer).post(
        reverse("members:member_update", args=[own.pk]),
        {**_admission(nation_tree), "full_name": "Lê Văn Mình", "card_number": "19000123"},
    )
    page = response.content.decode()
    assert "Số thẻ đảng viên 19000123 đã có trong sổ đảng viên của một đơn vị ngoài" in page
    assert SECRET_NAME not in page
    assert Member.objects.get(pk=own.pk).card_number is None


def test_a_citizen_id_inside_the_scope_links_to_the_member(nation_tree, officer):
    own = admit_official(nation_tree.cells[0], name="Lê Văn Mình", birth=date(1970, 1, 1))
    response = client_for(officer).post(
        reverse("members:member_create"), _admission(nation_tree, citizen_id=own.citizen_id)
    )
    page = response.content.decode()
    assert response.status_code == 400
    link = reverse("members:member_detail", args=[own.pk])
    assert f'<a href="{link}">Lê Văn Mình</a>' in page
    assert _refusals(officer) == 0


def test_trying_numbers_is_stopped_after_the_hourly_limit(nation_tree, foreign, officer):
    client = client_for(officer)
    for _ in range(identifiers.LOOKUPS_PER_HOUR):
        client.post(
            reverse("members:member_create"), _admission(nation_tree, card_number="19000123")
        )
    fresh = citizen_id("nam", date(1970, 4, 4))
    page = client.post(
        reverse("members:member_create"), _admission(nation_tree, citizen_id=fresh)
    ).content.decode()
    assert "việc kiểm tra trùng số tạm dừng" in page
    assert not Member.objects.filter(full_name="Đỗ Văn Em").exists()


HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Ngày vào Đảng", "Chi bộ",
          "Người giới thiệu 1", "Người giới thiệu 2"]  # fmt: skip


def test_the_import_names_no_foreign_member_and_takes_no_foreign_sponsor(
    nation_tree, foreign, officer
):
    own_sponsor = admit_official(nation_tree.cells[0], name="Phạm Văn Bình", birth=date(1960, 1, 1))
    rows = [
        ["Đỗ Văn Em", "Nam", "4/4/1970", foreign.citizen_id, "2/3/2024", "K1A", "", ""],
        ["Đỗ Văn Út", "Nam", "4/4/1990", citizen_id("nam", date(1990, 4, 4)), "2/3/2024", "K1A",
         own_sponsor.card_number or own_sponsor.citizen_id, "19000123"],
    ]  # fmt: skip
    client = client_for(officer)
    response = client.post(
        reverse("members:member_import"),
        {"file": SimpleUploadedFile("ds.xlsx", xlsx(HEADER, rows))},
        follow=True,
    )
    page = response.content.decode()
    assert "chưa ghi dòng nào vào sổ" in page
    assert SECRET_NAME not in page
    assert "ngoài phạm vi của bạn" in page
    assert "Không có đảng viên số thẻ hoặc CCCD 19000123 trong phạm vi của bạn" in page
    assert _refusals(officer) == 1
    batch = ImportBatch.objects.get()
    assert client.post(reverse("members:import_write", args=[batch.pk])).status_code == 302
    assert not Member.objects.filter(full_name__startswith="Đỗ Văn").exists()
