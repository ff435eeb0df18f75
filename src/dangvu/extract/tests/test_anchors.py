"""Patterns written literal first match what their look-behind-first forms match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dangvu.extract import extract
from dangvu.extract.anchors import finditer_near, word_alternation
from dangvu.extract.dates import _patterns as date_patterns
from dangvu.extract.deadlines import _DUE_ANCHOR, _DUE_PERIOD, _DUE_REACH, _DUE_TAIL
from dangvu.extract.figures import _FIGURE, _N

ALPHABET = "0123456789 /.-,:%\tabnghtyquIiıĐđ\n"
short_text = st.text(alphabet=ALPHABET, max_size=60) | st.lists(
    st.sampled_from(["ngay ", "6 ", "12", "/", "2024", "a", ".", "truoc ", "%", " "]), max_size=20
).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(short_text)
def test_word_alternation_matches_like_a_leading_look_behind(text: str) -> None:
    words = ["ngay", "ng", "truoc", "6", "a b"]
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})")
    assert _spans(re.compile(word_alternation(words)), text) == _spans(plain, text)


@settings(max_examples=300, deadline=None)
@given(short_text)
def test_figures_and_dates_match_like_their_look_behind_first_forms(text: str) -> None:
    figure = re.compile(
        rf"(?<![\w.,/\-:])(?P<a>{_N})(?:[ \t]*/[ \t]*(?P<b>{_N}))?(?P<pct>[ \t]?%)?(?![\w/])"
    )
    assert _spans(_FIGURE, text) == _spans(figure, text)
    year = r"(?P<y>(?:19|20)[0-9]{2})(?![0-9])"
    numeric = re.compile(
        r"(?<![0-9/.])(?P<d>[0-9]{1,2})[ \t]?[/.\-]{1,2}[ \t]?(?P<m>[0-9]{1,2})"
        r"[ \t]?[/.\-]{1,2}[ \t]?" + year
    )
    assert _spans(date_patterns()[0], text) == _spans(numeric, text)


_DUE_PIECES = "trong |truoc |vao |thoi gian: |cham nhat |quy |thang |ii|9|l|/2024| nam 2025"
due_text = st.lists(
    st.sampled_from(
        [*_DUE_PIECES.split("|"), " - ", "va ", "12", ".", "x", " ", "\n", "trongtrong "]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(due_text)
def test_due_periods_searched_near_their_anchors_are_those_of_finditer(text: str) -> None:
    near = finditer_near(_DUE_PERIOD, text, _DUE_ANCHOR, _DUE_REACH, _DUE_TAIL)
    assert [(m.span(), m.groupdict()) for m in near] == [
        (m.span(), m.groupdict()) for m in _DUE_PERIOD.finditer(text)
    ]


def test_a_figure_opening_the_text_is_read() -> None:
    ex = extract("37 đảng viên được kết nạp trong đợt này.")
    assert [(f.start, f.value, f.unit) for f in ex.figures] == [(0, 37, "đảng viên")]


def test_a_number_glued_to_a_word_is_no_figure() -> None:
    ex = extract("Mã hồ sơ B17 chi bộ; còn lại 9 chi bộ chưa nộp.")
    assert [f.value for f in ex.figures] == [9]


def test_a_reference_closing_the_text_keeps_its_date() -> None:
    text = "Tiếp tục quán triệt Kết luận số 14-KL/TW ngày 22/9/2021"
    (ref,) = extract(text).references
    assert ref.end == len(text) and ref.date is not None and ref.date.day == 22


def test_a_long_issuer_name_after_cua_is_read_whole() -> None:
    text = (
        "Căn cứ Chỉ thị số 05-CT/TU ngày 3/4/2024 của Ban Thường vụ Huyện ủy Trấn Yên "
        "và Ủy ban Kiểm tra Tỉnh ủy về việc rà soát hồ sơ."
    )
    (ref,) = extract(text).references
    assert ref.issuer_name == "Ban Thường vụ Huyện ủy Trấn Yên và Ủy ban Kiểm tra Tỉnh ủy"


def test_a_reference_split_by_a_pdf_line_break_is_read() -> None:
    text = (
        "Ngày 12/3/2024, các huyện ủy đã triển khai Kế hoạch số 21-\n"
        "KH/TU của Ban Thường vụ Tỉnh ủy về công tác phát triển đảng viên."
    )
    (ref,) = extract(text).references
    assert (ref.number, ref.type_code, ref.issuer_code) == ("21", "KH", "TU")
    assert text[ref.start : ref.end].startswith("Kế hoạch số 21-\nKH/TU")


def test_a_name_after_a_long_chain_of_positions_is_found() -> None:
    text = (
        "Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện, "
        "Trưởng Ban Chỉ đạo Nông Văn Khải dự và phát biểu."
    )
    (person,) = extract(text).people
    assert person.name == "Nông Văn Khải" and person.start == 0
    assert person.positions[0] == "Phó Bí thư Thường trực Huyện ủy"


def test_a_due_month_and_a_range_at_the_end_of_the_text() -> None:
    ex = extract("Các đơn vị nộp hồ sơ chậm nhất trong tháng 10/2025")
    assert [d.date.isoformat() for d in ex.deadlines] == ["2025-10-31"]
    figures = extract("Số chi bộ yếu giảm từ 40 xuống 31 chi bộ").figures
    assert [(f.value, f.unit) for f in figures] == [(40, "chi bộ"), (31, "chi bộ")]
