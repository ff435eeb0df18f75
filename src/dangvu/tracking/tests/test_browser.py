"""Tracking in a real browser: assign from a plan, report from a unit, confirm above."""

import io
from datetime import date

import pytest

from dangvu.accounts.models import Role
from dangvu.conftest import add_org, build_tree
from dangvu.core.testing import login_in_browser, make_user
from dangvu.tracking.models import Assignment, Task
from dangvu.tracking.services import assignment_confirm, assignment_submit

from .helpers import make_task, merge_into_namesake, plan_126

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logout(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()


def test_assign_submit_confirm_and_see_the_count_grow(page) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    officer = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    make_user("chuyenvien.a", tree.a, Role.OFFICER)
    b_officer = make_user("chuyenvien.b", tree.b, Role.OFFICER)
    make_user("lanhdao.huyen", tree.d1, Role.LEADER)
    source = plan_126(officer)

    # the province assigns "hold study sessions" to every grassroots organization
    login_in_browser(page, "chuyenvien.tinh")
    page.get_by_role(
        "link", name="Theo dõi thực hiện", exact=True
    ).click()  # not the home dashboard's
    page.get_by_role("link", name="Giao việc").click()
    page.get_by_label("Văn bản giao việc").select_option(str(source.pk))
    page.get_by_label("Nội dung công việc").fill("Tổ chức sinh hoạt chính trị, tư tưởng")
    page.get_by_label("Loại việc").select_option("hold_activity")
    page.get_by_label("Ngày giao").fill("4/4/2023")
    page.get_by_label("Hạn hoàn thành (lần 1)").fill("29/6/2023")
    page.get_by_label("Trong phạm vi").select_option(str(tree.province.pk))
    page.locator("#id_unit_rule").select_option("grassroots")
    page.get_by_label("Yêu cầu báo cáo số buổi").check()
    page.get_by_role("button", name="Giao việc").click()
    expect(
        page.get_by_text("Đã giao việc “Tổ chức sinh hoạt chính trị, tư tưởng” cho 3 đơn vị.")
    ).to_be_visible()
    expect(page.locator("#completion")).to_have_text("0/3 đơn vị")
    task = Task.objects.get()

    # one unit already reported and was confirmed: 1/3
    b = Assignment.objects.get(task=task, organization=tree.b)
    assignment_submit(assignment=b, actor=b_officer, completed_on=date(2023, 5, 2), sessions=2)
    assignment_confirm(assignment=b, actor=leader)
    page.reload()
    expect(page.locator("#completion")).to_have_text("1/3 đơn vị")
    logout(page)

    # commune A reports from its own list
    login_in_browser(page, "chuyenvien.a")
    page.goto("/theo-doi/viec-cua-don-vi/")
    page.get_by_role("link", name="Tổ chức sinh hoạt chính trị, tư tưởng").click()
    page.get_by_role("link", name="Báo cáo kết quả").click()
    page.get_by_label("Nội dung báo cáo, tình hình thực hiện").fill("Đã tổ chức 3 buổi.")
    page.get_by_label("Ngày hoàn thành").fill("20/5/2023")
    page.get_by_label("Số buổi đã tổ chức").fill("3")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator("#status")).to_contain_text("Đã báo cáo, chờ cấp trên xác nhận")
    logout(page)

    # the district confirms from its list of reports waiting
    login_in_browser(page, "lanhdao.huyen")
    page.goto("/theo-doi/viec-cua-don-vi/")
    page.locator("#review").get_by_role("link", name="Đảng bộ xã Việt Thành").click()
    page.get_by_role("button", name="Xác nhận hoàn thành").click()
    expect(page.locator("#status")).to_contain_text("Hoàn thành đúng hạn")
    logout(page)

    login_in_browser(page, "chuyenvien.tinh")
    page.goto(f"/theo-doi/viec/{task.pk}/")
    expect(page.locator("#completion")).to_have_text("2/3 đơn vị")
    expect(page.get_by_text("5 buổi")).to_be_visible()
    expect(page.locator("#missing")).to_contain_text("Đảng bộ xã Đông Cuông")


def test_pick_units_by_searching_their_names(page) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    source = plan_126(make_user("chuyenvien.tinh", tree.province, Role.OFFICER))
    login_in_browser(page, "chuyenvien.tinh")
    page.goto("/theo-doi/giao-viec/")
    picker = page.locator("[data-unit-picker]")
    expect(picker).to_be_hidden()  # only for the rule "theo danh sách"
    page.get_by_label("Văn bản giao việc").select_option(str(source.pk))
    page.get_by_label("Nội dung công việc").fill("Kiểm tra chi bộ")
    page.get_by_label("Loại việc").select_option("other")
    page.get_by_label("Ngày giao").fill("4/4/2023")
    page.get_by_label("Hạn hoàn thành (lần 1)").fill("29/6/2023")
    page.get_by_label("Trong phạm vi").select_option(str(tree.province.pk))
    page.locator("#id_unit_rule").select_option("listed")
    expect(picker).to_be_visible()
    search = page.get_by_label("Tìm đơn vị")
    # a listed unit, filtered without diacritics
    search.fill("hoa cuong")
    expect(picker.get_by_label("Đảng bộ xã Hòa Cuông (B)")).to_be_visible()
    expect(picker.get_by_label("Đảng bộ xã Việt Thành (A)")).to_be_hidden()
    picker.get_by_label("Đảng bộ xã Hòa Cuông (B)").check()
    # a cell three levels down is not listed: the server finds it
    search.fill("thon 2 viet thanh")
    found = picker.get_by_label("Chi bộ Thôn 2 xã Việt Thành (A2) — Đảng bộ xã Việt Thành")
    expect(found).to_be_visible()
    found.check()
    expect(picker.locator(".unit-status")).to_contain_text("Đã chọn 2 đơn vị")
    search.press("Enter")  # does not submit the form
    expect(page.get_by_role("button", name="Giao việc")).to_be_visible()
    page.get_by_role("button", name="Giao việc").click()
    expect(page.get_by_text("Đã giao việc “Kiểm tra chi bộ” cho 2 đơn vị.")).to_be_visible()
    task = Task.objects.get(title="Kiểm tra chi bộ")
    assert set(task.assignments.values_list("organization_id", flat=True)) == {
        tree.b.pk,
        tree.a2.pk,
    }


def test_a_task_page_after_the_reform_reminds_and_reads_every_report(page) -> None:
    """The clean-up of issue 15 seen on the page: a commune merged by the orgs services
    alone is followed by the repair command (its part passes to the new commune of the
    same name, told apart from it), overdue days are written 1.234, the “Nhắc việc”
    button reminds a missing unit, and one page reads every unit's report."""
    from django.core.management import call_command
    from django.utils import timezone
    from playwright.sync_api import expect

    from dangvu.orgs.models import OrgKind
    from dangvu.tracking import rules

    tree = build_tree()
    c2 = add_org(tree.d2, "Đảng bộ xã Quang Minh", OrgKind.GRASSROOTS_COMMITTEE, "C2", "ĐU")
    officer = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    b_officer = make_user("chuyenvien.b", tree.b, Role.OFFICER)
    task = Task.objects.get(pk=make_task(officer, plan_126(officer), tree.province).pk)
    b = Assignment.objects.get(task=task, organization=tree.b)
    assignment_submit(
        assignment=b,
        actor=b_officer,
        text="Xã Hòa Cuông đã tổ chức 2 buổi học tập.",
        completed_on=date(2023, 5, 2),
    )
    new = merge_into_namesake([tree.c, c2], tree.province, flow=False)
    call_command("tracking-follow-tree", stdout=io.StringIO())

    login_in_browser(page, "chuyenvien.tinh")
    page.goto(f"/theo-doi/viec/{task.pk}/")
    overdue = rules.describe_due(task.due_on, timezone.localdate())
    assert "." in overdue  # more than 999 days: 1.234
    expect(page.get_by_text(f"({overdue})")).to_be_visible()
    drill = page.locator("#drilldown")
    expect(drill).to_contain_text("Đảng bộ huyện Văn Yên")
    missing = page.locator("#missing")
    expect(missing).to_contain_text("Đảng bộ xã Đông Cuông")  # the new commune holds it
    expect(missing).not_to_contain_text("đến 30/6/2025")  # nothing left on the old one
    assert Assignment.objects.filter(task=task, organization=new).exists()

    page.get_by_role("button", name="Nhắc việc Đảng bộ xã Việt Thành").click()
    expect(page.get_by_text("Đã nhắc “Đảng bộ xã Việt Thành”")).to_be_visible()
    expect(missing.locator("tr", has_text="Việt Thành")).to_contain_text("Đã nhắc")
    expect(page.get_by_role("button", name="Nhắc việc Đảng bộ xã Việt Thành")).to_have_count(0)

    page.get_by_role("link", name="Đọc báo cáo của các đơn vị").click()
    expect(page.get_by_role("heading", name="Báo cáo của các đơn vị")).to_be_visible()
    expect(page.get_by_text("Xã Hòa Cuông đã tổ chức 2 buổi học tập.")).to_be_visible()
    page.screenshot(path="/tmp/track-browser-reports.png", full_page=True)


def test_a_directives_progress_prints_under_the_party_header(page) -> None:
    import re

    from pypdf import PdfReader

    tree = build_tree()
    officer = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    task = make_task(officer, plan_126(officer), tree.province)
    login_in_browser(page, "chuyenvien.tinh")
    page.goto(f"/theo-doi/van-ban/{task.source_id}/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pdf.pages))
    for printed in ("ĐẢNGCỘNGSẢNVIỆTNAM", "TIẾNĐỘTHỰCHIỆN", "Kếhoạchsố126-KH/TU"):
        assert printed in text, printed
    for screen_only in ("Câytổchức", "Đăngxuất", "MãAPI"):
        assert screen_only not in text, screen_only
