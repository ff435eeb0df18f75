"""The help pages: one per area, linked from every page of the area, and true to the
pages they describe (each button or link they name is on one of the area's pages)."""

from pathlib import Path

import pytest
from django.template.loader import get_template
from django.urls import reverse

from dangvu.core.help import HELP_AREAS
from dangvu.core.testing import client_for, make_user

PACKAGE = Path(__file__).resolve().parents[2]  # src/dangvu
SHARED = PACKAGE / "orgs" / "templates" / "orgs" / "_unit_picker.html"

# The labels each help page tells the officer to click, and the app whose templates
# must show them: a page renamed without its help fails here.
NAMED = {
    "dang-vien": (
        "members",
        [
            "Kết nạp",
            "Xuất Excel",
            "Lọc",
            "Chọn",
            "Tiếp nhận",
            "Ghi trở về",
            "Tải tệp mẫu (.xlsx)",
            "Tải lên và kiểm tra",
            "Tải tệp đã đánh dấu lỗi",
            "Tôi đã kiểm tra",
            "đảng viên vào sổ",
            "Xuất Excel (danh sách đề nghị)",
            "Đính chính",
            "Ghi hồ sơ",
        ],
    ),
    "to-chuc": ("orgs", ["Tại ngày", "Xem", "Ghi thay đổi", "Lịch sử thay đổi"]),
    "van-ban": (
        "documents",
        [
            "Tải văn bản lên",
            "Tải lên và ghi vào sổ",
            "Lọc",
            "Sửa thông tin văn bản",
            "Ghi quan hệ với văn bản khác",
        ],
    ),
    "theo-doi": (
        "tracking",
        [
            "Giao việc",
            "Nhắc việc",
            "Đọc báo cáo của các đơn vị",
            "In các báo cáo",
            "Việc của đơn vị tôi",
            "Báo cáo kết quả",
            "Gửi báo cáo",
            "Xác nhận hoàn thành",
            "Lịch hạn",
        ],
    ),
    "bao-cao": (
        "reporting",
        [
            "Mở đợt báo cáo",
            "Lưu nháp",
            "Gửi báo cáo",
            "Nhắc",
            "Duyệt",
            "Trả lại",
            "Mở lại",
            "Miễn báo cáo",
            "Cho nhập đến ngày",
        ],
    ),
    "soan-thao": (
        "drafting",
        [
            "Soạn dự thảo",
            "Lưu đoạn",
            "Soạn lại theo số liệu mới",
            "Ban hành, lấy số",
            "Tải mẫu về",
            "Tải mẫu lên",
        ],
    ),
    "tai-khoan": (
        "accounts",
        ["Tạo tài khoản", "Đổi vai trò", "Khóa tài khoản", "Mở lại tài khoản", "Mở khóa đăng nhập"],
    ),
}


def test_every_area_has_a_help_page_naming_what_its_pages_show() -> None:
    assert {a.slug for a in HELP_AREAS} == set(NAMED)
    for slug, (app, labels) in NAMED.items():
        help_text = Path(get_template(f"core/help/{slug}.html").origin.name).read_text()
        pages = "".join(p.read_text() for p in (PACKAGE / app / "templates").rglob("*.html"))
        pages += SHARED.read_text()  # the unit picker every list page includes
        for label in labels:
            assert label in help_text, (slug, label)
            assert label in pages, f"{slug}: “{label}” is on none of the {app} pages"


@pytest.mark.django_db
def test_each_page_links_to_its_areas_help(tree) -> None:
    client = client_for(make_user("chuyenvien.tinh", tree.province))
    for url, slug in (
        (reverse("members:member_list"), "dang-vien"),
        (reverse("orgs:organization_tree"), "to-chuc"),
        (reverse("documents:document_list"), "van-ban"),
        (reverse("tracking:task_list"), "theo-doi"),
        (reverse("reporting:round_list"), "bao-cao"),
        (reverse("drafting:draft_list"), "soan-thao"),
        (reverse("accounts:password_change"), "tai-khoan"),
        (reverse("flows:dashboard_tracking"), "theo-doi"),
        (reverse("home"), ""),
    ):
        text = client.get(url).content.decode()
        target = reverse("core:help", args=[slug]) if slug else reverse("core:help_index")
        assert f'href="{target}" id="help-link"' in text, url
    for area in HELP_AREAS:
        page = client.get(reverse("core:help", args=[area.slug]))
        assert page.status_code == 200 and "Lỗi thường gặp và cách sửa" in page.content.decode()
    index = client.get(reverse("core:help_index")).content.decode()
    assert all(reverse("core:help", args=[a.slug]) in index for a in HELP_AREAS)
    assert client.get(reverse("core:help", args=["khong-co"])).status_code == 404


@pytest.mark.browser
def test_the_help_link_opens_the_areas_help(page, tree) -> None:
    from playwright.sync_api import expect

    from dangvu.core.testing import login_in_browser

    make_user("chuyenvien.tinh", tree.province)
    login_in_browser(page, "chuyenvien.tinh")
    page.goto(reverse("tracking:task_list"))
    page.get_by_role("link", name="Hướng dẫn").click()
    expect(page.get_by_role("heading", name="Hướng dẫn: Theo dõi thực hiện")).to_be_visible()
    expect(page.get_by_role("heading", name="Lỗi thường gặp và cách sửa")).to_be_visible()
    page.get_by_role("link", name="Đảng viên").last.click()
    expect(page.get_by_role("heading", name="Hướng dẫn: Đảng viên")).to_be_visible()
