"""Contrast to WCAG AA as the browser draws it (issue 15): on the main pages, every element
holding text is read with its computed colour and the first opaque background behind it;
each pair is at least 4.5:1 (3:1 for large text: 24px, or 18.66px bold). The stylesheet
check (test_contrast.py) reads the CSS; this one the pages."""

from __future__ import annotations

from datetime import date

import pytest

from dangvu.accounts.models import Role
from dangvu.conftest import build_tree
from dangvu.core.testing import login_in_browser, make_user
from dangvu.flows.register import document_register
from dangvu.members.tests.helpers import admit_official
from dangvu.reporting.tests.conftest import open_quarter
from dangvu.tracking.tests.helpers import make_task, plan_126

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For each element with its own text: colour, background (the first opaque one up the
# tree, white at the top), size and weight; the pairs under the AA minimum are returned.
MEASURE = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lin = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const under = [];
  let measured = 0;
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest("[hidden], .print-only, script, style, noscript")) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || !el.getClientRects().length) continue;
    const fg = rgb(style.color).slice(0, 3), bg = background(el);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const minimum = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const r = ratio(fg, bg);
    measured += 1;
    if (r < minimum) {
      const text = el.textContent.trim().slice(0, 40);
      under.push(`${r.toFixed(2)}:1 ${style.color} on rgb(${bg}) ${el.tagName} “${text}”`);
    }
  }
  return {measured, under};
}"""


def test_the_main_pages_meet_wcag_aa(page) -> None:
    tree = build_tree()
    officer = make_user("chuyenvien.tinh", tree.province, Role.OFFICER)
    plan = plan_126(officer)
    document_register(
        actor=officer,
        owner=tree.a,
        type_code="KH",
        number="15",
        issuer_code="ĐU",
        date=date(2023, 5, 2),
        title="kế hoạch thực hiện",
    )
    admit_official(tree.a1, name="Nguyễn Văn Bình")
    task = make_task(officer, plan, tree.province)
    round = open_quarter(tree.province)
    page.set_viewport_size({"width": 1366, "height": 768})
    found: dict[str, dict] = {}
    page.goto("/tai-khoan/dang-nhap/")
    found["login"] = page.evaluate(MEASURE)
    login_in_browser(page, "chuyenvien.tinh")
    for url in [
        "/",
        "/to-chuc/",
        "/dang-vien/",
        "/dang-vien/thong-ke/",
        "/dang-vien/viec-can-lam/",
        "/van-ban/",
        f"/van-ban/{plan.pk}/",
        "/theo-doi/",
        f"/theo-doi/viec/{task.pk}/",
        f"/theo-doi/van-ban/{plan.pk}/",
        "/bao-cao/",
        f"/bao-cao/dot/{round.pk}/",
        "/van-ban/?don_vi=thon+1",
    ]:
        page.goto(url)
        page.wait_for_load_state("load")
        found[url] = page.evaluate(MEASURE)
    assert all(f["measured"] >= 5 for f in found.values()), found
    assert sum(f["measured"] for f in found.values()) > 500
    under = {url: f["under"] for url, f in found.items() if f["under"]}
    assert under == {}
    # the measure does catch a pale text
    page.evaluate("document.querySelectorAll('a').forEach(a => { a.style.color = '#aaa'; })")
    assert any("rgb(170, 170, 170)" in p for p in page.evaluate(MEASURE)["under"])
