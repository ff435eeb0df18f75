"""A member's record printed (lý lịch đảng viên): one clean A4 page under the Party
header, nothing of the screen's navigation; the list prints under the same header."""

import io
import re
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dangvu.accounts.models import Role
from dangvu.core.testing import login_in_browser, make_user

from .helpers import admit_official

pytestmark = [pytest.mark.browser]


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    # the two font subsets split words into runs: compare without the spaces
    return len(reader.pages), re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def _has(text: str, words: str) -> bool:
    return re.sub(r"\s+", "", words) in text


def test_a_member_record_prints_as_one_page_under_the_party_header(page, tree) -> None:
    member = admit_official(tree.a1, name="Trần Thị Hoa", sex="nu", birth=date(1985, 3, 8))
    make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    login_in_browser(page, "chuyenvien.tinh")
    page.goto(reverse("members:member_detail", args=[member.pk]))
    header = page.locator(".party-header")
    assert not header.is_visible()  # on the screen: the page as it is
    pages, text = _text(page.pdf(format="A4"))
    assert pages == 1
    for printed in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "LÝ LỊCH ĐẢNG VIÊN",
        "ĐẢNG BỘ XÃ VIỆT THÀNH",  # the unit above the member's cell, over the cell
        "CHI BỘ THÔN 1 XÃ VIỆT THÀNH",
        "Trần Thị Hoa",
        "8/3/1985",
    ):
        assert _has(text, printed), printed
    for screen_only in (
        "Cây tổ chức",
        "Đảng viên›",
        "Theo dõi thực hiện",
        "Đăng xuất",
        "Hướng dẫn",
        "Mã API",
        "Ghi hồ sơ",
        "Sửa hồ sơ",
    ):
        assert not _has(text, screen_only), screen_only
    page.emulate_media(media="print")
    assert header.is_visible() and not page.locator("header.top").is_visible()


def test_the_member_list_prints_under_the_header_without_its_filters(page, tree) -> None:
    admit_official(tree.a1, name="Trần Thị Hoa", sex="nu", birth=date(1985, 3, 8))
    make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    login_in_browser(page, "chuyenvien.tinh")
    page.goto(reverse("members:member_list"))
    _, text = _text(page.pdf(format="A4"))
    assert _has(text, "DANH SÁCH ĐẢNG VIÊN") and _has(text, "Trần Thị Hoa")
    assert not _has(text, "Xuất Excel") and not _has(text, "Lọc")
