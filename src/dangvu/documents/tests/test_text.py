"""Pure pieces: marking spans in a text (any overlap, everything escaped), the summary
line under the type name, the relations a title or opening states, number keys."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangvu.documents.highlight import Span, highlight
from dangvu.documents.parsing import code_key, find_title, number_key, relation_hints, state_year

from .texts import NEWS, PLAN_15, PROGRAM_42, REPORT_27

TYPES = ["Báo cáo", "Kế hoạch", "Chương trình hành động", "Nghị quyết", "Quyết định"]
TAG = re.compile(r"<[^>]+>")


def spans_strategy(size: int):
    bound = st.integers(min_value=0, max_value=max(size, 1))
    return st.lists(
        st.tuples(bound, bound, st.sampled_from(["reference", "figure", "person"]), st.booleans()),
        max_size=8,
    )


@given(st.data())
def test_marked_text_reads_back_as_the_text(data) -> None:
    text = data.draw(st.text(alphabet="ab <>&\"'\nđếĐ", max_size=60))
    raw = data.draw(spans_strategy(len(text)))
    spans = [
        Span(min(a, b), max(a, b), kind, f"{kind} <{a}>", "/van-ban/1/?a=1&b=2" if link else "")
        for a, b, kind, link in raw
    ]
    out = str(highlight(text, spans))
    assert html.unescape(TAG.sub("", out)) == text
    assert out.count("<mark") == out.count("</mark>")
    assert out.count("<a ") == out.count("</a>")
    assert "<script" not in out and "<>" not in TAG.sub("", out)


def test_overlapping_spans_share_pieces_and_links_stay_whole() -> None:
    text = "Thực hiện Kế hoạch số 15-KH/ĐU, kết nạp 9 đảng viên"
    ref_at = text.index("Kế hoạch")
    ref = Span(ref_at, text.index(","), "reference", "Dẫn chiếu", "/van-ban/7/")
    figure = Span(text.index("15-KH"), len(text), "figure", "Số liệu")
    out = str(highlight(text, [ref, figure]))
    assert out.count("<a ") == 1  # the link stays whole though the figure cuts it
    link = re.search(r'<a class="ref-link" href="/van-ban/7/">(.*?)</a>', out).group(1)
    assert TAG.sub("", link) == "Kế hoạch số 15-KH/ĐU"
    assert '<mark class="f-figure f-reference" title="Dẫn chiếu; Số liệu">15-KH/ĐU</mark>' in out
    assert out.endswith('<mark class="f-figure" title="Số liệu">, kết nạp 9 đảng viên</mark>')


@pytest.mark.parametrize(
    ("text", "title", "type_name"),
    [
        (PROGRAM_42, "thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022", "Chương trình hành động"),
        (PLAN_15, "thực hiện Chương trình hành động số 42-CTr/TU", "Kế hoạch"),
        (REPORT_27, "kết quả thực hiện công tác xây dựng Đảng 6 tháng đầu năm 2023", "Báo cáo"),
        (
            "## **BÁO CÁO**\n\n### **tình hình công tác quý I năm 2024**\n\n-----\nNội dung",
            "tình hình công tác quý I năm 2024",
            "Báo cáo",
        ),
    ],
)
def test_title_is_the_line_under_the_type_name(text, title, type_name) -> None:
    found = find_title(text, TYPES)
    assert found is not None and found.typed
    assert found.text.startswith(title)
    assert found.type_name == type_name
    assert text[found.start : found.end].lstrip("#* ").startswith(title[:20])


def test_news_item_is_titled_by_its_headline_not_its_timestamp() -> None:
    text = "383\nTin tức\n\nCập nhật lúc : 13/07/2023 12:27\n" + NEWS
    found = find_title(text, TYPES)
    assert found is not None and not found.typed
    assert found.text == "Hội nghị sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023"


def spans_of(text: str, *needles: str) -> list[tuple[int, int]]:
    out = []
    for needle in needles:
        start = text.index(needle)
        out.append((start, start + len(needle)))
    return out


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("KẾ HOẠCH\nthực hiện Chỉ thị số 05-CT/TW\n\nNội dung.", [(0, "implements")]),
        ("QUYẾT ĐỊNH\nthay thế Quyết định số 12-QĐ/TU\n\nNội dung.", [(0, "replaces")]),
        (
            "QUYẾT ĐỊNH\nsửa đổi, bổ sung một số điều của Quy định số 08-QĐ/TU\n\nx",
            [(0, "amends")],
        ),
        ("QUYẾT ĐỊNH\nbãi bỏ Quyết định số 12-QĐ/TU\n\nx", [(0, "cancels")]),
        (
            "KẾ HOẠCH\ncông tác năm 2024\n\nThực hiện Chỉ thị số 05-CT/TW và Kế hoạch số 33-KH/TU, "
            "Ban Thường vụ ban hành kế hoạch.",
            [(0, "implements"), (1, "implements")],
        ),
        (
            "KẾ HOẠCH\ncông tác năm 2024\n\n"
            "Căn cứ Chỉ thị số 05-CT/TW thực hiện Kế hoạch số 33-KH/TU.",
            [],
        ),
        ("Tin bài: thực hiện Chỉ thị số 05-CT/TW và Kế hoạch số 33-KH/TU.", []),
    ],
)
def test_relations_stated_by_the_title_or_the_opening(body, expected) -> None:
    title = find_title(body, TYPES)
    refs = [
        n
        for n in (
            "Chỉ thị số 05-CT/TW",
            "Quyết định số 12-QĐ/TU",
            "Quy định số 08-QĐ/TU",
            "Kế hoạch số 33-KH/TU",
        )
        if n in body
    ]
    assert relation_hints(body, spans_of(body, *refs), title) == expected


def test_keys() -> None:
    assert number_key("05") == number_key("5") == "5"
    assert code_key("ĐUK") == code_key("duk") == "DUK"
    assert state_year("Nghị định số 33/2023/NĐ-CP", "33") == 2023
    assert state_year("Luật số 59/2020/QH14", "59") == 2020
    assert state_year("Quyết định số 1234/QĐ-TTg", "1234") is None
