"""The worklists exported as nomination lists: a sheet each under a title block, real
dates, personal columns only where the user may see them, audited, refused outside."""

from __future__ import annotations

import io
from datetime import date, datetime

from django.urls import reverse
from openpyxl import load_workbook

from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for

from .helpers import admit, admit_official


def _export(user, org, on="1/4/2025"):
    return client_for(user).get(
        reverse("members:member_worklists_export"), {"to_chuc": org.pk, "ngay": on}
    )


def test_the_worklists_export_as_nomination_lists(tree, users) -> None:
    admit(tree.a1, name="Lê Văn Đến", on=date(2024, 3, 1), ceremony=date(2024, 3, 20))
    admit_official(tree.a1, name="Hoàng Văn Ba Mươi", birth=date(1970, 1, 1),
                   on=date(1995, 5, 10), home_town="Xã Việt Thành")  # fmt: skip
    admit_official(tree.a2, name="Phạm Văn Chưa", birth=date(1985, 1, 1), on=date(2018, 1, 8))
    response = _export(users.a_officer, tree.a)
    assert response.status_code == 200
    assert "viec-can-lam-20250401.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Công nhận chính thức", "Huy hiệu Đảng", "Chưa xếp loại 2024"]
    due = book["Công nhận chính thức"]
    assert due["A1"].value.startswith("DANH SÁCH ĐẢNG VIÊN DỰ BỊ ĐẾN HẠN XÉT") and due["A1"].font.b
    assert due["A2"].value == "Đơn vị: Đảng bộ xã Việt Thành"
    assert due["A3"].value.startswith("Tính đến ngày 1/4/2025")
    header = [c.value for c in due[6]]
    assert header[:4] == ["STT", "Họ và tên", "Ngày sinh", "Chi bộ"]
    row = [c.value for c in due[7]]
    assert row[1] == "Lê Văn Đến"
    official = due.cell(7, header.index("Chính thức từ ngày") + 1)
    assert official.value == datetime(2025, 3, 20) and official.number_format == "d/m/yyyy"
    assert due.freeze_panes == "A7"
    badges = book["Huy hiệu Đảng"]
    assert badges["A1"].value == "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG ĐỢT 19/5/2025"
    header = [c.value for c in badges[6]]
    row = dict(zip(header, [c.value for c in badges[7]], strict=True))
    assert row["Họ và tên"] == "Hoàng Văn Ba Mươi" and row["Quê quán"] == "Xã Việt Thành"
    assert (row["Tuổi đảng (năm)"], row["Huy hiệu đề nghị"]) == (30, "Huy hiệu 30 năm tuổi đảng")
    unrated = [c.value for c in book["Chưa xếp loại 2024"]["B"]][6:]
    assert "Phạm Văn Chưa" in unrated and "Hoàng Văn Ba Mươi" in unrated
    entry = AuditEntry.objects.get(action="members.worklists_export")
    assert entry.after["recognition"] == 1 and entry.after["badges"] == 1
    assert entry.org_path == tree.a.path


def test_a_viewer_gets_no_home_town_and_another_unit_is_refused(tree, users) -> None:
    admit_official(tree.a1, name="Hoàng Văn Ba Mươi", birth=date(1970, 1, 1),
                   on=date(1995, 5, 10), home_town="Xã Việt Thành")  # fmt: skip
    book = load_workbook(io.BytesIO(_export(users.a_viewer, tree.a).content))
    sheet = book["Huy hiệu Đảng"]
    header = [c.value for c in sheet[6]]
    assert sheet.cell(7, header.index("Quê quán") + 1).value is None
    assert _export(users.b_officer, tree.a).status_code == 403
    assert AuditEntry.objects.filter(action="members.worklists_export").count() == 1
