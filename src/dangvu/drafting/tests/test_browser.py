"""Drafting in a real browser: draft the report from the data, change a sentence, issue
it, download the .docx and the PDF, and find it in the register with its number."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user
from dangvu.drafting.pdf import soffice_path
from dangvu.tracking.models import Assignment
from dangvu.tracking.services import assignment_confirm, assignment_submit
from dangvu.tracking.tests.helpers import make_task, plan_126

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_from_a_task_edit_issue_download_and_find_it_in_the_register(page, tmp_path):
    from playwright.sync_api import expect

    tree = build_tree()
    province = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    make_user("chuyenvien.a", tree.a, Role.OFFICER)
    cell = make_user("chibo.a1", tree.a1, Role.OFFICER)
    task = make_task(
        province,
        plan_126(province),
        tree.province,
        rule="cells",
        asks_sessions=True,
        due=[date(2023, 6, 29), date(2023, 12, 10)],
    )
    a1 = Assignment.objects.get(task=task, organization=tree.a1)
    assignment_submit(assignment=a1, actor=cell, completed_on=date(2023, 6, 2), sessions=4)
    assignment_confirm(assignment=a1, actor=leader)

    login_in_browser(page, "chuyenvien.a")
    page.goto(f"/theo-doi/viec/{task.pk}/")
    page.get_by_role("link", name="Soạn báo cáo kết quả thực hiện").click()
    page.get_by_label("Số liệu đến ngày").fill("10/7/2023")
    page.get_by_role("button", name="Soạn dự thảo").click()
    slow = 30_000  # rendering and registering a document on a busy machine
    expect(page.get_by_text("Đã soạn dự thảo từ số liệu")).to_be_visible(timeout=slow)
    done = page.locator(f'mark.bound[data-source="task:{task.pk}:done"]')
    expect(done).to_have_text("1/2 chi, đảng bộ")
    expect(page.locator(f'mark.bound[data-source="task:{task.pk}:sessions"]')).to_have_text(
        "4 buổi"
    )

    # change the sentence that carries the figures: they stay bound
    paragraph = page.locator("p.block", has=done)
    index = paragraph.get_attribute("id").removeprefix("doan-")
    page.get_by_text(f"Sửa đoạn {int(index) + 1}", exact=True).click()
    box = page.locator(f"#doan-text-{index}")
    box.fill(box.input_value().replace("Đến ngày 10/7/2023", "Tính đến hết ngày 10/7/2023"))
    page.get_by_role("button", name=f"Lưu đoạn {int(index) + 1}").click()
    expect(page.locator(f"#doan-{index}")).to_contain_text(
        "Tính đến hết ngày 10/7/2023, đã có", timeout=slow
    )
    expect(page.locator(f"#doan-{index} mark.bound")).to_have_count(3)

    # issue: the number is taken and the document is in the register
    page.get_by_label("Ngày ban hành").fill("12/7/2023")
    page.get_by_label("Họ tên người ký").fill("Nguyễn Văn An")
    page.get_by_role("button", name="Ban hành, lấy số").click()
    expect(page.get_by_text("Đã ban hành văn bản số 1-BC/ĐU")).to_be_visible(timeout=slow)
    expect(page.locator("#status")).to_have_text("Đã ban hành")

    with page.expect_download(timeout=slow) as got:
        page.locator("#download-docx").click(no_wait_after=True, timeout=slow)
    path = tmp_path / "bc.docx"
    got.value.save_as(path)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "Tính đến hết ngày 10/7/2023, đã có 1/2 chi, đảng bộ" in text
    if soffice_path():
        with page.expect_download(timeout=120_000) as got:
            page.locator("#download-pdf").click(no_wait_after=True, timeout=120_000)
        pdf = tmp_path / "bc.pdf"
        got.value.save_as(pdf)
        assert pdf.read_bytes().startswith(b"%PDF-")

    page.locator("#register-entry").click()
    expect(page.locator("h1")).to_contain_text("1-BC/ĐU")
    page.goto("/van-ban/?q=1-BC")
    expect(page.locator("a", has_text="1-BC/ĐU").first).to_be_visible()


def test_from_a_rounds_consolidation_draft_the_quarterly_report_and_issue_it(page, tmp_path):
    from playwright.sync_api import expect

    from dangvu.members.tests.helpers import admit
    from dangvu.reporting.services import submission_approve
    from dangvu.reporting.tests.conftest import entry, open_quarter, send

    tree = build_tree()
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    make_user("chuyenvien.huyen", tree.d1, Role.OFFICER)
    for k in range(3):
        admit(tree.a1, name=f"Đảng viên {k}", on=date(2023, 2, 10 + k))
    r = open_quarter(tree.province)
    for org in (tree.a, tree.b):
        submission_approve(submission=send(entry(r, org)), actor=leader)
    submission_approve(submission=entry(r, tree.d1), actor=leader)
    slow = 30_000

    login_in_browser(page, "chuyenvien.huyen")
    page.goto(f"/bao-cao/dot/{r.pk}/tong-hop/?don-vi={tree.d1.pk}")
    page.get_by_role("link", name="Soạn báo cáo quý I năm 2023").click()
    expect(page.get_by_text("Đơn vị soạn: Đảng bộ huyện Trấn Yên")).to_be_visible()
    page.get_by_role("button", name="Soạn dự thảo").click()
    admitted = page.locator(f'mark.bound[data-source="indicator:{r.pk}:KN01"]')
    expect(admitted).to_have_text("3", timeout=slow)
    paragraph = page.locator("p.block", has=admitted)
    index = int(paragraph.get_attribute("id").removeprefix("doan-"))
    page.get_by_text(f"Sửa đoạn {index + 1}", exact=True).click()
    box = page.locator(f"#doan-text-{index}")
    box.fill("Trong quý, toàn Đảng bộ " + box.input_value()[:1].lower() + box.input_value()[1:])
    page.get_by_role("button", name=f"Lưu đoạn {index + 1}").click()
    expect(page.locator(f"#doan-{index}")).to_contain_text(
        "Trong quý, toàn Đảng bộ kết nạp 3 đảng viên mới", timeout=slow
    )
    expect(
        page.locator(f'#doan-{index} mark.bound[data-source="indicator:{r.pk}:KN01"]')
    ).to_have_text("3")

    page.get_by_label("Ngày ban hành").fill("12/4/2023")
    page.get_by_label("Họ tên người ký").fill("Hoàng Văn Bình")
    page.get_by_role("button", name="Ban hành, lấy số").click()
    expect(page.get_by_text("Đã ban hành văn bản số 1-BC/HU")).to_be_visible(timeout=slow)
    with page.expect_download(timeout=slow) as got:
        page.locator("#download-docx").click(no_wait_after=True, timeout=slow)
    path = tmp_path / "bc.docx"
    got.value.save_as(path)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "Trong quý, toàn Đảng bộ kết nạp 3 đảng viên mới" in text
    if soffice_path():
        with page.expect_download(timeout=120_000) as got:
            page.locator("#download-pdf").click(no_wait_after=True, timeout=120_000)
        pdf = tmp_path / "bc.pdf"
        got.value.save_as(pdf)
        assert pdf.read_bytes().startswith(b"%PDF-")
    page.locator("#register-entry").click()
    expect(page.locator("h1")).to_contain_text("1-BC/HU")
