"""The look every page shares: a vendored Vietnamese web font, contrast to WCAG AA, a
layout for a 1366×768 office screen and for a phone, and clean printing."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dangvu.accounts.models import Role
from dangvu.core.testing import login_in_browser, make_user

STATIC = Path(__file__).resolve().parents[1] / "static" / "dangvu"

# The contrast of an element's text against the first opaque background behind it.
CONTRAST_JS = """
(selector) => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.offsetParent) continue;
    let bg = null;
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) { bg = c.slice(0, 3); break; }
    }
    bg = bg || [255, 255, 255];
    const fg = parse(getComputedStyle(el).color).slice(0, 3);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    out.push({ text: el.textContent.trim().slice(0, 30), ratio: (a + 0.05) / (b + 0.05) });
  }
  return out;
}
"""


def test_the_font_is_vendored_with_its_licence_and_nothing_is_fetched_elsewhere() -> None:
    css = (STATIC / "app.css").read_text(encoding="utf-8")
    urls = re.findall(r"url\(([^)]+)\)", css)
    assert urls and all(u.startswith("fonts/") for u in urls)
    for url in urls:
        assert (STATIC / url).stat().st_size > 5_000, url
    assert {"latin", "vietnamese"} <= {re.sub(r".*pro-(\w+)-.*", r"\1", u) for u in urls}
    assert "SIL Open Font License" in (STATIC / "fonts" / "OFL.txt").read_text()
    assert "http" not in re.sub(r"/\*.*?\*/", "", css, flags=re.S)


@pytest.mark.browser
def test_an_office_screen_uses_the_font_and_passes_contrast(page, tree) -> None:
    make_user("lanhdao.tinh", tree.province, Role.LEADER)
    page.set_viewport_size({"width": 1366, "height": 768})
    login_in_browser(page, "lanhdao.tinh")
    page.goto(reverse("core:audit_list"))
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"', 'Đảng ủy Việt')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Be Vietnam Pro" in f for f in loaded)
    # the header takes at most two rows of an office screen (nine areas and the user)
    assert page.locator("header.top").bounding_box()["height"] < 90
    checked = 0
    for selector in (
        "main p",
        "main .muted",
        "main a",
        "header.top a",
        "main button",
        "table.grid th",
        "table.grid td",
        "label",
    ):
        for found in page.evaluate(CONTRAST_JS, selector):
            assert found["ratio"] >= 4.5, (selector, found)
            checked += 1
    assert checked > 20


@pytest.mark.browser
def test_on_a_phone_the_navigation_folds_and_tables_scroll(page, tree) -> None:
    make_user("lanhdao.tinh", tree.province, Role.LEADER)
    page.set_viewport_size({"width": 390, "height": 844})
    login_in_browser(page, "lanhdao.tinh")
    page.goto(reverse("core:audit_list"))
    nav = page.get_by_role("navigation", name="Các mục chính")
    menu = page.get_by_role("button", name="Menu")
    assert menu.is_visible() and not nav.is_visible()
    menu.click()
    assert nav.is_visible() and menu.get_attribute("aria-expanded") == "true"
    nav.get_by_role("link", name="Đảng viên").click()
    page.wait_for_load_state()
    # the page itself never scrolls sideways; a wide table scrolls inside it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    table = page.locator("table.grid").first
    assert table.evaluate("t => getComputedStyle(t).overflowX") == "auto"


@pytest.mark.browser
def test_a_member_record_prints_on_one_clean_page(page, tree) -> None:
    from dangvu.members.tests.helpers import admit_official

    member = admit_official(tree.a1, name="Trần Thị Hoa", sex="nu", birth=date(1985, 3, 8))
    make_user("lanhdao.tinh", tree.province, Role.LEADER)
    login_in_browser(page, "lanhdao.tinh")
    page.goto(reverse("members:member_detail", args=[member.pk]))
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) == 1
    # the two font subsets split words into runs: compare without the spaces
    text = re.sub(r"\s+", "", pdf.pages[0].extract_text())

    def printed(words: str) -> bool:
        return re.sub(r"\s+", "", words) in text

    assert printed("Trần Thị Hoa") and printed("8/3/1985") and printed("Quá trình")
    for screen_only in ("Cây tổ chức", "Đăng xuất", "Ghi hồ sơ", "Sửa hồ sơ", "Đính chính"):
        assert not printed(screen_only), screen_only
    assert printed("in ngày")  # the printed page says from which unit and when


@pytest.mark.browser
def test_lists_print_without_their_filters(page, tree) -> None:
    make_user("lanhdao.tinh", tree.province, Role.LEADER)
    login_in_browser(page, "lanhdao.tinh")
    page.goto(reverse("core:audit_list"))
    page.emulate_media(media="print")
    assert not page.locator("form.toolbar").is_visible()
    assert not page.locator("header.top").is_visible()
    assert page.locator("table.grid").is_visible()
