"""The Excel import in a real browser: a 10,000-row file uploaded with its progress, checked
whole, one warning confirmed, written in chunks with the count shown, then the result."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user
from dangvu.members.models import Member

from .helpers import citizen_id, xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = 10_000
HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Giáo dục phổ thông",
          "Ngày vào Đảng", "Ngày chính thức", "Chi bộ"]  # fmt: skip
SHOTS = os.environ.get("DANGVU_IMPORT_SHOTS", "")  # a folder: screenshots of each step


def _file() -> bytes:
    rows = []
    for i in range(ROWS):
        sex = "Nữ" if i % 2 else "Nam"
        birth = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        admitted = date(min(birth.year + 20 + i % 10, 2022), 1 + i % 12, 5)
        rows.append([f"Nguyễn Văn Thứ {i}", sex, birth, citizen_id(sex.lower().replace("ữ", "u"),
                     birth), "12/12", admitted, admitted.replace(year=admitted.year + 1),
                     "A1" if i % 2 else "A2"])  # fmt: skip
    rows[7][6] = ""  # admitted years ago, never recognized: a warning to confirm
    return xlsx(HEADER, rows)


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"))


def test_a_10000_row_import_shows_its_progress_then_its_result(page, tmp_path) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    make_user("chuyenvien.xa", tree.a, Role.OFFICER)
    wrong = tmp_path / "sai.xlsx"
    wrong.write_bytes(xlsx(HEADER, [
        ["Lý Văn Sai", "Nam", "31/2/1980", "", "12/12", "5/6/2005", "5/6/2006", "A1"],
        ["Lý Văn Đúng", "Nam", "1/1/1981", "", "12/12", "5/6/2005", "", "Z9"],
    ]))  # fmt: skip
    path = tmp_path / "danh-sach.xlsx"
    path.write_bytes(_file())
    page.set_viewport_size({"width": 1366, "height": 768})
    login_in_browser(page, "chuyenvien.xa")
    page.goto(f"/dang-vien/nhap-excel/?to_chuc={tree.a.pk}")
    expect(page.get_by_role("link", name="Tải tệp mẫu (.xlsx)")).to_be_visible()
    _shot(page, "import-upload")
    # a file with errors: nothing written, the errors listed, the marked copy offered
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(wrong))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.get_by_text("Tệp có 2 lỗi; chưa ghi dòng nào vào sổ.")).to_be_visible()
    expect(page.get_by_role("link", name="Tải tệp đã đánh dấu lỗi")).to_be_visible()
    _shot(page, "import-errors")
    assert Member.objects.count() == 0
    page.get_by_role("link", name="Tải lên tệp khác").click()
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    started = time.monotonic()
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("[data-upload-progress]")).to_be_visible()
    # about 5 s on an idle two-core machine; the timeouts leave room for a loaded one
    expect(page.get_by_text("10.000 đảng viên sẽ được ghi", exact=False)).to_be_visible(
        timeout=120_000
    )
    checked = time.monotonic()
    expect(page.get_by_text("1 dòng cần xem lại")).to_be_visible()
    expect(page.locator("table.warnings")).to_contain_text("mà chưa có ngày chính thức")
    _shot(page, "import-checked")
    page.get_by_label("Tôi đã kiểm tra các dòng cần xem lại").check()
    page.get_by_role("button", name="Ghi 10.000 đảng viên vào sổ").click()
    label = page.locator("[data-write-label]")
    expect(label).to_contain_text("/10.000 dòng", timeout=30_000)
    expect(label).not_to_contain_text("Đã xử lý 0/", timeout=30_000)
    seen = label.inner_text()
    _shot(page, "import-writing")
    expect(page.get_by_text("Đã ghi xong")).to_be_visible(timeout=240_000)
    written = time.monotonic()
    _shot(page, "import-done")
    assert seen.startswith("Đã xử lý ") and seen != "Đã xử lý 10.000/10.000 dòng"
    assert Member.objects.count() == ROWS
    print(f"\n10,000 rows: upload and check {checked - started:.1f} s, "
          f"write {written - checked:.1f} s; load {os.getloadavg()[0]:.1f}")  # fmt: skip
