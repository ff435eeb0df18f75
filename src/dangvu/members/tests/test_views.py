"""Pages, exports and imports: the permission matrix, the scope of lists, query counts."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.members import services
from dangvu.members.models import Member
from dangvu.members.services.excel import read_rows

from .helpers import DECISION, admit, admit_official, citizen_id, xlsx

MEMBER_PAGES = [
    "members:member_detail",
    "members:member_update",
    "members:member_transfer",
    "members:member_recognize",
    "members:member_exit",
    "members:member_rate",
    "members:member_badge",
    "members:member_discipline",
    "members:member_exempt",
    "members:member_exempt_end",
]
WRITE_PAGES = MEMBER_PAGES[1:]
LIST_PAGES = [
    "members:member_list",
    "members:member_stats",
    "members:member_worklists",
    "members:member_export",
]


@pytest.fixture
def member(tree):
    return admit(
        tree.a1,
        name="Đặng Thị Hạnh",
        sex="nu",
        birth=date(1988, 8, 8),
        residence="Thôn 1, xã Việt Thành",
        phone="0912345678",
    )


# --- the permission matrix ---------------------------------------------------------------


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_anonymous_is_sent_to_login(member, name) -> None:
    response = client_for(None).get(reverse(name, args=[member.pk]))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("name", [*LIST_PAGES, "members:member_import", "members:member_create"])
def test_anonymous_is_sent_to_login_from_lists(tree, name) -> None:
    response = client_for(None).get(reverse(name))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_another_commune_is_refused_not_shown(member, users, name) -> None:
    response = client_for(users.b_officer).get(reverse(name, args=[member.pk]))
    assert response.status_code == 403
    assert "Đặng Thị Hạnh" not in response.content.decode()


@pytest.mark.parametrize("name", LIST_PAGES)
def test_lists_of_another_commune_are_refused(member, tree, users, name) -> None:
    response = client_for(users.b_officer).get(reverse(name) + f"?to_chuc={tree.a.pk}")
    assert response.status_code == 403
    assert "Đặng Thị Hạnh" not in response.content.decode()


def test_own_unit_and_superiors_read_the_member_page(member, users) -> None:
    for user in (users.a_viewer, users.a_officer, users.d1_officer, users.province_leader):
        response = client_for(user).get(reverse("members:member_detail", args=[member.pk]))
        assert response.status_code == 200
        assert "Kết nạp (dự bị)" in response.content.decode()


@pytest.mark.parametrize("name", WRITE_PAGES)
def test_a_viewer_cannot_open_write_forms(member, users, name) -> None:
    response = client_for(users.a_viewer).get(reverse(name, args=[member.pk]))
    assert response.status_code == 403


def test_personal_data_only_for_officers_and_leaders_of_the_scope(member, users) -> None:
    url = reverse("members:member_detail", args=[member.pk])
    assert "0912345678" in client_for(users.a_officer).get(url).content.decode()
    assert "0912345678" in client_for(users.province_leader).get(url).content.decode()
    assert "0912345678" not in client_for(users.a_viewer).get(url).content.decode()


# --- lists and search ------------------------------------------------------------------------


def test_the_list_shows_only_the_scope_and_searches_without_diacritics(tree, users) -> None:
    admit(tree.a1, name="Nguyễn Văn Hưng", card_number="01234567")
    admit(tree.b1, name="Trần Văn Hưng", birth=date(1991, 1, 1))
    client = client_for(users.a_officer)
    body = client.get(reverse("members:member_list") + "?q=hung").content.decode()
    assert "Nguyễn Văn Hưng" in body and "Trần Văn Hưng" not in body
    body = (
        client_for(users.province_officer)
        .get(reverse("members:member_list") + "?q=van+hung")
        .content.decode()
    )
    assert "Nguyễn Văn Hưng" in body and "Trần Văn Hưng" in body
    body = client.get(reverse("members:member_list") + "?q=0123").content.decode()
    assert "Nguyễn Văn Hưng" in body


def test_list_filters(tree, users) -> None:
    admit(tree.a1, name="Lò Văn Páo", ethnicity="Mông", positions="Trưởng thôn")
    admit(tree.a1, name="Lê Thị Mai", sex="nu", birth=date(1992, 2, 2))
    client = client_for(users.a_officer)
    base = reverse("members:member_list")
    body = client.get(base + "?ethnicity=Mông").content.decode()
    assert "Lò Văn Páo" in body and "Lê Thị Mai" not in body
    body = client.get(base + "?sex=nu").content.decode()
    assert "Lê Thị Mai" in body and "Lò Văn Páo" not in body
    body = client.get(base + "?position=truong+thon").content.decode()
    assert "Lò Văn Páo" in body and "Lê Thị Mai" not in body


def test_the_member_list_has_a_fixed_number_of_queries(tree, users, django_assert_num_queries):
    for i in range(30):
        admit(tree.a1, name=f"Vũ Văn Số {i}", birth=date(1980, 1, 1 + i % 28))
    client = client_for(users.a_officer)
    client.get(reverse("members:member_list"))  # warm the session
    # the list reads the members' stored scopes, kept by the writes: no catching up here
    with django_assert_num_queries(8):  # 7th: letters awaiting the unit; 8th: the print header
        response = client.get(reverse("members:member_list"))
    assert response.status_code == 200


def test_the_stats_page_has_a_fixed_number_of_queries(tree, users, django_assert_num_queries):
    for i in range(10):
        admit_official(
            tree.a1 if i % 2 else tree.b1, name=f"Vũ Văn Số {i}", birth=date(1980, 1, 1 + i)
        )
    client = client_for(users.province_leader)
    url = reverse("members:member_stats") + f"?to_chuc={tree.province.pk}&ngay=2024-06-30"
    client.get(url)
    # no catching up with the tree (the writes did); one query asks whether the districts
    # have a snapshot of the month (none here: they count the spans in force)
    with django_assert_num_queries(16):
        response = client.get(url)
    body = response.content.decode()
    assert "<strong>10</strong> đảng viên" in body
    assert "Đảng bộ huyện Trấn Yên" in body


def test_the_stats_page_reads_dates_as_ngay_thang_nam_and_names_a_bad_one(tree, users):
    admit_official(tree.a1, name="Vũ Văn Ngày", birth=date(1980, 1, 1))
    client = client_for(users.province_leader)
    url = reverse("members:member_stats")
    body = client.get(
        url, {"to_chuc": tree.province.pk, "ngay": "30/6/2024", "start": "1/1/2024"}
    ).content.decode()
    assert "Tại ngày 30/6/2024" in body
    assert 'value="30/6/2024"' in body
    assert "Biến động từ 1/1/2024 đến 30/6/2024" in body
    body = client.get(
        url, {"to_chuc": tree.province.pk, "ngay": "30/6/2024", "start": "31/2/2024"}
    ).content.decode()
    assert "Từ ngày:" in body and "ngày/tháng/năm" in body
    assert "Biến động từ 1/1/2024 đến 30/6/2024" in body


# --- export ---------------------------------------------------------------------------------


def _sheet(response):
    book = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    return rows[[r[0] for r in rows].index("STT") :]  # the header, under the title block


def test_export_is_scoped_audited_and_hides_personal_fields_from_viewers(member, tree, users):
    admit(tree.b1, name="Trần Văn Khác", birth=date(1991, 1, 1))
    rows = _sheet(client_for(users.a_officer).get(reverse("members:member_export")))
    assert [r[1] for r in rows[1:]] == ["Đặng Thị Hạnh"]
    assert "Số CCCD" in rows[0] and "0912345678" in rows[1]
    rows = _sheet(client_for(users.a_viewer).get(reverse("members:member_export")))
    assert "Số CCCD" not in rows[0] and "0912345678" not in rows[1]
    entries = AuditEntry.objects.filter(action="members.members_export")
    assert entries.count() == 2
    assert entries.first().after["rows"] == 1


def test_export_reads_as_an_office_hands_it_on(member, tree, users) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:member_export"), {"to_chuc": tree.a.pk, "sex": "nu", "q": "hanh"}
    )
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "DANH SÁCH ĐẢNG VIÊN" and sheet["A1"].font.b
    assert sheet["A2"].value == "Đơn vị: Đảng bộ xã Việt Thành"
    assert sheet["A3"].value.startswith("Xuất ngày ")
    assert sheet["A4"].value == "Lọc: tìm “hanh”; Giới tính Nữ"
    header = [c.value for c in sheet[6]]
    assert header[:3] == ["STT", "Họ và tên", "Giới tính"] and sheet["B6"].font.b
    assert sheet.freeze_panes == "A7"
    assert sheet.auto_filter.ref == f"A6:{sheet.cell(6, len(header)).column_letter}7"
    birth = sheet.cell(7, header.index("Ngày sinh") + 1)
    assert birth.value.date() == member.birth_date and birth.number_format == "d/m/yyyy"
    assert sheet.column_dimensions["B"].width >= 20


def test_an_export_imports_again(member, tree, users) -> None:
    """The title block above the header is passed over by the import."""
    exported = client_for(users.a_officer).get(reverse("members:member_export")).content
    rows, problems = read_rows(exported)
    assert problems == []
    assert [r["full_name"] for _, r in rows] == ["Đặng Thị Hạnh"]
    assert rows[0][0] == 6  # the row number as Excel shows it (title, 2 notes, blank, header)


def test_export_of_another_unit_is_refused(member, tree, users) -> None:
    response = client_for(users.b_officer).get(
        reverse("members:member_export") + f"?to_chuc={tree.a.pk}"
    )
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="members.members_export").exists()


# --- import ---------------------------------------------------------------------------------

HEADER = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Dân tộc",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Chi bộ",
]


def workbook(rows) -> bytes:
    return xlsx(HEADER, rows)


def good_rows():
    return [
        [
            "Hoàng Văn Nhập",
            "Nam",
            "12/3/1980",
            citizen_id("nam", date(1980, 3, 12)),
            "Tày",
            "5/6/2005",
            "5/6/2006",
            "A1",
        ],
        [
            "Hà Thị Nhập",
            "Nữ",
            date(1985, 4, 4),
            citizen_id("nu", date(1985, 4, 4)),
            "Kinh",
            "1/9/2010",
            "",
            "Chi bộ Thôn 2 xã Việt Thành",
        ],
    ]


def test_import_with_errors_lists_each_problem_and_writes_nothing(tree, users) -> None:
    rows = [
        *good_rows(),
        ["Lý Văn Sai", "Nam", "1/1/2010", "0150100", "Kinh", "1/1/2020", "", "A1"],
        ["Lý Văn Trẻ", "Nam", "1/1/2005", "", "Kinh", "1/1/2020", "", "Z9"],
        ["Lý Thị Sớm", "Nữ", "1/1/1990", "", "Kinh", "1/1/2020", "1/6/2020", "A1"],
    ]
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(users.a_officer)

    upload = SimpleUploadedFile("ds.xlsx", workbook(rows))
    response = client.post(reverse("members:member_import"), {"file": upload}, follow=True)
    body = response.content.decode()
    assert "chưa ghi dòng nào vào sổ" in body
    for fragment in (
        "Số CCCD",
        "đúng 12 chữ số",
        "chưa đủ 18 tuổi",
        "Không có chi bộ “Z9”",
        "trước khi hết 12 tháng dự bị",
    ):
        assert fragment in body, fragment
    assert "<td>4</td>" in body and "<td>5</td>" in body and "<td>6</td>" in body
    assert Member.objects.count() == 0
    with pytest.raises(Exception):  # noqa: B017 - the service refuses the same file too
        services.members_import(data=workbook(rows), within=tree.a, actor=users.a_officer)
    assert Member.objects.count() == 0


def test_import_preview_then_write_and_reimport_adds_no_one(tree, users) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dangvu.members.models import ImportBatch

    client = client_for(users.a_officer)
    data = workbook(good_rows())
    response = client.post(
        reverse("members:member_import"), {"file": SimpleUploadedFile("ds.xlsx", data)}, follow=True
    )
    page = response.content.decode()
    assert "<strong>2</strong> đảng viên sẽ được ghi" in page
    # admitted in 2010 with no official date: overdue for years, to confirm
    assert "Vào Đảng 1/9/2010 mà chưa có ngày chính thức" in page
    assert Member.objects.count() == 0
    batch = ImportBatch.objects.get()
    url = reverse("members:import_write", args=[batch.pk])
    assert client.post(url).url.endswith("?loi=1")  # not confirmed: nothing written
    assert Member.objects.count() == 0
    response = client.post(url, {"xac_nhan": "1"})
    assert response.status_code == 302
    assert Member.objects.count() == 2
    first = Member.objects.get(full_name="Hoàng Văn Nhập")
    assert (first.status, first.official_on, first.ethnicity) == (
        "chinh_thuc",
        date(2006, 6, 5),
        "Tày",
    )
    assert services.members_import(data=data, within=tree.a, actor=users.a_officer) == 0
    assert Member.objects.count() == 2
    assert AuditEntry.objects.filter(action="members.members_import").count() == 2


# --- recording through the pages -------------------------------------------------------------


def test_recording_a_transfer_and_confirming_it_through_the_pages(member, tree, users) -> None:
    client = client_for(users.d1_officer)
    services.member_recognize(member=member, decision=DECISION, actor=SYSTEM)
    response = client.post(
        reverse("members:member_transfer", args=[member.pk]),
        {
            "kind": "chinh_thuc",
            "to_org": tree.b1.pk,
            "on": "2024-05-02",
            "decision": "Giấy giới thiệu số 3",
        },
    )
    assert response.status_code == 302
    transfer = member.transfers.get()
    response = client_for(users.a_officer).get(
        reverse("members:transfer_confirm", args=[transfer.pk])
    )
    assert response.status_code == 403
    response = client_for(users.b_officer).post(
        reverse("members:transfer_confirm", args=[transfer.pk]), {"on": "2024-05-06"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.organization == tree.b1


def test_a_refused_write_shows_the_vietnamese_reason_on_the_form(member, users) -> None:
    response = client_for(users.a_officer).post(
        reverse("members:member_recognize", args=[member.pk]),
        {"on": "2015-06-01", "decision": DECISION},
    )
    assert response.status_code == 400
    assert "Chưa đủ 12 tháng dự bị" in response.content.decode()


def _writes_of(client, url: str) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    verbs = ("INSERT", "UPDATE", "DELETE", "REPLACE")
    return [
        q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith(verbs)
    ]


def test_the_list_and_statistics_pages_write_nothing(tree, users) -> None:
    """Reads never write, even when the tree changed behind the statistics' back (the orgs
    service alone, not the flow that keeps them): the writes keep the statistics, and
    `members-rebuild` repairs them."""
    from dangvu.orgs.services import org_move

    admit_official(tree.a1, name="Vũ Văn Đọc", birth=date(1980, 1, 1))
    services.snapshots_rebuild()
    client = client_for(users.province_leader)
    client.get(reverse("members:member_list"))  # the session settles on the first page
    org_move(org=tree.a1, new_parent=tree.d2, on=date(2025, 7, 1), decision=DECISION, actor=SYSTEM)
    stats = reverse("members:member_stats") + f"?to_chuc={tree.province.pk}"
    for url in (
        reverse("members:member_list"),
        reverse("members:member_list") + "?q=doc",
        stats,
        stats + "&ngay=30/6/2024",
    ):
        assert _writes_of(client, url) == [], url


def test_an_import_with_a_title_block_and_a_missing_column_names_the_column() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐẢNG VIÊN MỚI"])
    sheet.append([])
    sheet.append(["Họ và tên", "Giới tính", "Ngày vào Đảng", "Chi bộ"])  # no Ngày sinh
    sheet.append(["Trần Văn Mới", "Nam", "2/9/2024", "A1"])
    out = io.BytesIO()
    book.save(out)
    rows, problems = read_rows(out.getvalue())
    assert rows == []
    assert [p.message for p in problems] == [
        "Thiếu cột “Ngày sinh”: một dòng trong 10 dòng đầu phải có tiêu đề các cột "
        "(Họ và tên, Ngày sinh, ...)."
    ]
