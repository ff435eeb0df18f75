"""The register in a real browser: upload a .docx, see its references marked in the
text, follow one to the cited document and back down its citation chain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user

from .files import text_docx
from .helpers import ingest_text
from .texts import PLAN_15, PROGRAM_42

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_uploads_a_plan_and_follows_its_reference(page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    tree = build_tree()
    province = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    make_user("chuyenvien.xa", tree.a, Role.OFFICER)
    program = ingest_text(PROGRAM_42, province, name="42-CTr-TU.txt").document
    bad = tmp_path / "hong.docx"
    bad.write_bytes(text_docx(PLAN_15)[:800])
    good = tmp_path / "Ke hoach 15-KH-DU.docx"
    good.write_bytes(text_docx(PLAN_15))

    login_in_browser(page, "chuyenvien.xa")
    page.get_by_role("link", name="Văn bản", exact=True).click()
    expect(page.get_by_role("heading", name="Sổ văn bản")).to_be_visible()
    expect(page.get_by_role("link", name="42-CTr/TU")).to_be_visible()
    page.get_by_role("link", name="Tải văn bản lên").click()

    page.get_by_label("Tệp văn bản").set_input_files(str(bad))
    page.get_by_role("button", name="Tải lên và ghi vào sổ").click()
    expect(page.get_by_role("alert")).to_contain_text("Tệp Word (.docx) bị hỏng")

    page.get_by_label("Tệp văn bản").set_input_files(str(good))
    page.get_by_role("button", name="Tải lên và ghi vào sổ").click()
    expect(page.get_by_role("heading", name="Kế hoạch số 15-KH/ĐU")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("Đã ghi vào sổ")

    text = page.locator(".doc-text")
    marked = text.locator("a.ref-link mark.f-reference")
    expect(marked).to_have_count(3)  # 42-CTr/TU twice, 21-NQ/TW once
    # the plan sets two deadlines: quý I năm 2023 and 30/6/2023
    expect(text.locator("mark.f-deadline", has_text="trong quý I năm 2023")).to_be_visible()
    expect(text.locator("mark.f-deadline", has_text="trước ngày 30/6/2023")).to_be_visible()
    link = text.get_by_role(
        "link", name="Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy"
    ).first
    expect(link).to_have_attribute("href", f"/van-ban/{program.pk}/")
    link.click()

    expect(page).to_have_url(re.compile(f"/van-ban/{program.pk}/$"))
    expect(page.get_by_role("heading", name="42-CTr/TU")).to_be_visible()
    chain = page.locator(".chain")
    expect(chain.get_by_role("link", name="21-NQ/TW")).to_be_visible()
    expect(chain.get_by_role("link", name="15-KH/ĐU")).to_be_visible()
    chain.get_by_role("link", name="15-KH/ĐU").click()
    expect(page.get_by_role("heading", name="15-KH/ĐU")).to_be_visible()
    expect(page.get_by_role("link", name="Ke hoach 15-KH-DU.docx")).to_be_visible()
