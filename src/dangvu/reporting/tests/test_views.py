"""The reporting pages: every URL's permissions (anonymous, a sibling, another province,
the unit, its superior), the entry page's cycle, Excel in and out, pinned query counts."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dangvu.accounts.models import Role
from dangvu.core.testing import client_for, make_user
from dangvu.orgs.models import OrgKind
from dangvu.reporting.models import Submission, SubmissionState, Value
from dangvu.reporting.services import excel

from .conftest import entry, open_quarter, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(tree, users):
    from dangvu.conftest import add_org

    r = open_quarter(tree.province, due_in=3650, lock_in=3650)
    other = add_org(None, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "LC", "TU")
    users.stranger = make_user("chuyenvien.laocai", other, Role.OFFICER)
    users.b_leader = make_user("lanhdao.b", tree.b, Role.LEADER)
    return r


def _urls(r, a_sub):
    q = f"?don-vi={a_sub.organization_id}"
    return {
        "round_list": ("get", reverse("reporting:round_list")),
        "round_detail": ("get", reverse("reporting:round_detail", args=[r.pk]) + q),
        "round_consolidation": ("get", reverse("reporting:round_consolidation", args=[r.pk]) + q),
        "round_pivot": ("get", reverse("reporting:round_pivot", args=[r.pk]) + q),
        "round_sheets": ("get", reverse("reporting:round_sheets", args=[r.pk]) + q),
        "round_remind": ("post", reverse("reporting:round_remind", args=[r.pk]) + q),
        "round_upload": ("post", reverse("reporting:round_upload", args=[r.pk])),
        "round_create": ("post", reverse("reporting:round_create")),
        "submission_detail": ("get", reverse("reporting:submission_detail", args=[a_sub.pk])),
        "submission_xlsx": ("get", reverse("reporting:submission_xlsx", args=[a_sub.pk])),
        "submission_decide": ("post", reverse("reporting:submission_decide", args=[a_sub.pk])),
    }


def test_anonymous_visitors_are_sent_to_the_login_page(setup, tree):
    for name, (method, url) in _urls(setup, entry(setup, tree.a)).items():
        response = getattr(client_for(None), method)(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"], name


def test_another_province_sees_nothing_of_the_round(setup, tree, users):
    client = client_for(users.stranger)
    for name, (method, url) in _urls(setup, entry(setup, tree.a)).items():
        if name in ("round_list", "round_create", "round_upload"):
            continue
        assert getattr(client, method)(url).status_code == 403, name
    assert setup.title not in client.get(reverse("reporting:round_list")).content.decode()
    response = client.post(reverse("reporting:round_upload", args=[setup.pk]))
    assert response.status_code == 403


def test_a_sibling_commune_sees_nothing_of_another_communes_report(setup, tree, users):
    client = client_for(users.b_officer)
    a = entry(setup, tree.a)
    for name in (
        "round_detail",
        "round_consolidation",
        "round_pivot",
        "round_sheets",
        "round_remind",
        "submission_detail",
        "submission_xlsx",
        "submission_decide",
    ):
        method, url = _urls(setup, a)[name]
        assert getattr(client, method)(url).status_code == 403, name
    # its own report it may open
    own = entry(setup, tree.b)
    assert client.get(reverse("reporting:submission_detail", args=[own.pk])).status_code == 200


def test_the_unit_and_its_superior_reach_the_unit_pages(setup, tree, users):
    a = entry(setup, tree.a)
    for user in (users.a_officer, users.province_leader):
        client = client_for(user)
        for name in (
            "round_list",
            "round_detail",
            "round_consolidation",
            "round_pivot",
            "submission_detail",
            "submission_xlsx",
        ):
            method, url = _urls(setup, a)[name]
            assert getattr(client, method)(url).status_code == 200, (user, name)


def test_only_a_committee_opens_a_round_and_only_for_its_subtree(setup, tree, users):
    url = reverse("reporting:round_create")
    data = {
        "form": setup.form.pk,
        "period_kind": "quarter",
        "year": 2023,
        "number": 2,
        "unit_rule": "direct",
        "opens_on": "1/7/2023",
        "due_on": "15/7/2023",
        "locks_on": "31/7/2023",
    }
    assert client_for(users.a_viewer).post(url, data).status_code == 403
    response = client_for(users.province_officer).post(url, data)
    assert response.status_code == 302
    new = Submission.objects.filter(round__period_key="2023-Q2")
    assert {s.organization_id for s in new if s.kind == "entry"} == {tree.d1.pk, tree.d2.pk}
    bad = client_for(users.province_officer).post(url, {**data, "due_on": "1/6/2023"})
    assert bad.status_code == 400
    assert "Hạn báo cáo phải từ ngày mở trở đi." in bad.content.decode()


def _form_post(sub, **cells):
    from .conftest import filled

    data = {f"o_{k}": v for k, v in filled(sub).items()}
    data.update({f"o_{k}": v for k, v in cells.items()})
    data["nv_ket_qua"] = "Hoàn thành các chỉ tiêu quý."
    return data


def test_the_entry_page_refuses_a_bad_sheet_whole_then_submits(setup, tree, users):
    a = entry(setup, tree.a)
    client = client_for(users.a_officer)
    url = reverse("reporting:submission_detail", args=[a.pk])
    response = client.post(url, {**_form_post(a, KN04="5", XL05="2"), "action": "submit"})
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "tổ chức được xếp loại ≤ số tổ chức cơ sở đảng" in page and 'value="5"' in page
    )  # the typed values are kept
    assert not Value.objects.filter(submission=a).exists()
    response = client.post(url, {**_form_post(a, KN04="5"), "action": "submit"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.state == SubmissionState.SUBMITTED
    # the superior returns it; the unit's home page shows the comment
    decide = reverse("reporting:submission_decide", args=[a.pk])
    leader = client_for(users.province_leader)
    leader.post(decide, {"action": "return", "comment": "Đề nghị ghi rõ số quần chúng ưu tú"})
    home = client.get("/").content.decode()
    assert "Đề nghị ghi rõ số quần chúng ưu tú" in home


def test_excel_round_trip_and_a_sheet_with_bad_cells(setup, tree, users):
    a, b = entry(setup, tree.a), entry(setup, tree.b)
    province = client_for(users.province_officer)
    data = province.get(
        reverse("reporting:round_sheets", args=[setup.pk]) + f"?don-vi={tree.province.pk}"
    ).content
    book = load_workbook(io.BytesIO(data))
    assert [ws.title for ws in book.worksheets] == ["A", "B", "C"]
    sheet_a, sheet_b = book["A"], book["B"]
    assert sheet_a.protection.sheet  # the structure is protected
    rows = {ws.title: {r[0].value: r[0].row for r in ws.iter_rows(min_row=8)} for ws in book}
    for ws in (sheet_a, sheet_b):  # the officer fills the blank cells
        for row in ws.iter_rows(min_row=8, max_col=8):
            if str(row[0].value).startswith("#"):
                continue  # the narratives
            for c in row[3:]:
                if c.protection.locked is False and c.value is None:
                    c.value = "Có" if row[0].value == "SH03" else 0
    sheet_a.cell(row=rows["A"]["KN04"], column=4, value=4)
    sheet_a.cell(row=rows["A"]["#ket_qua"], column=4, value="Kết quả của xã Việt Thành")
    assert sheet_a.cell(row=rows["A"]["KN04"], column=4).protection.locked is False
    assert sheet_a.cell(row=rows["A"]["KN04"], column=2).protection.locked is True
    sheet_b.cell(row=rows["B"]["KN04"], column=4, value="mười")
    sheet_b.cell(row=rows["B"]["KN01"], column=5, value=7)  # nữ > tổng số
    out = io.BytesIO()
    book.save(out)
    results = excel.upload(
        files=[("quy1.xlsx", out.getvalue())],
        round=setup,
        actor=users.province_officer,
        submit=True,
    )
    by_unit = {r.unit: r for r in results}
    assert by_unit["Đảng bộ xã Việt Thành"].saved
    bad = by_unit["Đảng bộ xã Hòa Cuông"]
    assert not bad.saved
    kn04 = f"D{rows['B']['KN04']}"
    kn01 = f"E{rows['B']['KN01']}"
    assert any(e.startswith(f"Ô {kn04}:") and "không phải là số" in e for e in bad.errors)
    assert any(e.startswith(f"Ô {kn01}:") for e in bad.errors)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.state == SubmissionState.SUBMITTED and a.narratives["ket_qua"].startswith("Kết quả")
    assert Value.objects.get(submission=a, indicator__code="KN04", part="").number == 4
    assert (
        b.state == SubmissionState.NOT_STARTED and not Value.objects.filter(submission=b).exists()
    )
    # the unit downloads its own form back, as submitted
    again = load_workbook(
        io.BytesIO(
            client_for(users.a_officer)
            .get(reverse("reporting:submission_xlsx", args=[a.pk]))
            .content
        )
    )
    assert again["A"].cell(row=rows["A"]["KN04"], column=4).value == 4


def test_an_upload_for_a_sibling_is_refused_by_sheet(setup, tree, users):
    data = excel.workbook([entry(setup, tree.a)], {})
    results = excel.upload(
        files=[("a.xlsx", data)], round=setup, actor=users.b_officer, submit=False
    )
    assert [r.saved for r in results] == [False]
    assert "Chỉ chuyên viên, lãnh đạo của “Đảng bộ xã Việt Thành”" in results[0].errors[0]


@pytest.mark.parametrize(
    ("page", "queries"),
    [
        ("submission_detail", 7),
        ("round_detail", 10),
        ("round_consolidation", 17),
        ("round_pivot", 13),
    ],
)
def test_pages_keep_their_query_counts(
    setup, tree, users, page, queries, django_assert_num_queries
):
    for org in (tree.a, tree.b):
        send(entry(setup, org))
    client = client_for(users.province_leader)
    a = entry(setup, tree.a)
    url = {
        "submission_detail": reverse("reporting:submission_detail", args=[a.pk]),
        "round_detail": reverse("reporting:round_detail", args=[setup.pk]),
        "round_consolidation": reverse("reporting:round_consolidation", args=[setup.pk]),
        "round_pivot": reverse("reporting:round_pivot", args=[setup.pk]),
    }[page]
    client.get(url)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
