"""Properties over arbitrary text: never raises, spans always hold."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from dangvu.extract import extract, extraction_to_dict, summary
from dangvu.extract.backward import word_before
from dangvu.extract.clean import clean
from dangvu.extract.figures import (
    _JOINED_BACK,
    _JOINED_NUMBERS,
    _RANGE,
    _RANGE_BACK,
    _first_numbers,
)
from dangvu.extract.models import Figure
from dangvu.extract.phrases import is_surname, name_at, tokens_from
from dangvu.extract.references import _read_before
from dangvu.extract.spans import SpanSet
from dangvu.extract.symbols import code_tables as _tables
from dangvu.extract.symbols import patterns as _patterns
from dangvu.extract.tables import NOT_PERSON_NAMES

from .factories import spans_hold

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

FRAGMENTS = [
    "Kế hoạch số 33-KH/TU",
    ", ngày 25/02/2022",
    " của Ban Thường vụ Tỉnh ủy",
    "Số 359 - BC/ĐUK",
    "Nghị quyết số 18, 19-NQ/TW",
    "Nghị định số 13/2023/NĐ-CP",
    "ngày 29 tháng 6 năm 2023",
    "12/4//2023",
    "71/74 chi, đảng bộ",
    "1.234 đảng viên",
    "12,5%",
    "trước ngày 10/11/2025",
    "đồng chí Phan Văn An - UVTVTU, Trưởng Ban Tổ chức Tỉnh ủy",
    "quý I năm 2023",
    "6 tháng đầu năm 2024",
    "**",
    "<sup>1</sup>",
    "<br>",
    '<a href="x">',
    "</a>",
    "&nbsp;",
    "[",
    "](https://a.vn/b)",
    "\\*",
    "\n",
    " ",
    "\t",
    "Yên Bái, ",
    "   ",
    "  ----- ------- ",
    "STT  Nội dung   Thời gian",
    "Tháng 6/2024",
    "Quý III/2024",
    " | ",
    "> ",
    "BÍ THƯ",
    "H'Hen Niê",
    "Y Kông Byă",
    "12 kỳ sinh hoạt",
    "1,2 km",
    " và ",
    "trong tháng 9/2024",
    "trước 17h00 ngày ",
]

vietnamese_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_extract_never_raises_and_spans_hold_on_arbitrary_text(text: str) -> None:
    ex = extract(text)
    assert spans_hold(text, ex)
    extraction_to_dict(ex)
    summary(ex)


@settings(max_examples=300, deadline=None)
@given(vietnamese_text, st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]))
def test_spans_hold_on_document_like_text_in_any_normalisation(text: str, form: Form) -> None:
    text = unicodedata.normalize(form, text)
    assert spans_hold(text, extract(text))


@settings(max_examples=200, deadline=None)
@given(vietnamese_text, st.sampled_from(["**", "<sup>3</sup>", "*", "__"]))
def test_spans_hold_on_markdown_decorated_text(text: str, mark: str) -> None:
    decorated = mark.join(text.split(" "))
    assert spans_hold(decorated, extract(decorated))


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(-5, 70), st.integers(0, 10))
def test_span_set_agrees_with_a_plain_scan(masks: list[tuple[int, int]], a: int, n: int) -> None:
    expected = any(s < a + n and a < e for s, e in masks)
    assert SpanSet(masks).overlaps(a, a + n) == expected


@settings(max_examples=200, deadline=None)
@given(vietnamese_text, st.integers(0, 40), st.integers(1, 30))
def test_tokens_are_words_of_the_text(text: str, pos: int, limit: int) -> None:
    for token in tokens_from(text, min(pos, len(text)), limit):
        assert text[token.start() : token.end()] == token[0] and token[0].strip() == token[0]


def _name_end_by_tokens(text: str, pos: int) -> int | None:
    """``name_at`` read word by word from ``tokens_from``: the definition it must keep."""
    tokens = tokens_from(text, pos, 4)
    if len(tokens) < 2 or not is_surname(tokens[0][0]):
        return None
    count = 0
    for token in tokens:
        word = token[0]
        if not word[:1].isupper() or (len(word) > 1 and word.isupper()) or "-" in word:
            break
        count += 1
    if count < 2:
        return None
    end = tokens[count - 1].end()
    return None if text[pos:end] in NOT_PERSON_NAMES else end


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Nguyễn", "Lò", "Văn", "An", "Hà Nội", "ĐV", "Hồ-Chí", "x", "12", " ", "\t"]
        ),
        max_size=8,
    ).map(" ".join),
    st.integers(0, 6),
)
def test_name_at_reads_the_first_four_words(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert name_at(text, pos) == _name_end_by_tokens(text, pos)


def _forward_before() -> re.Pattern[str]:
    """What ``references._read_before`` reads, as the search ending at ``$`` it replaces."""
    names = "|".join(re.escape(n) for n in sorted(set(_tables().names), key=len, reverse=True))
    return re.compile(
        rf"(?:(?<!\w)(?P<type>{names})[ \t]+)?(?:(?<!\w)(?P<so>so)[ \t]*:?[ \t]*)?"
        r"(?P<list>(?:[0-9]{1,4}[ \t]*(?:,|;|&|va\b)[ \t]*)*)$",
        re.I,
    )


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "ke hoach",
                "Nghi quyet",
                "so",
                "So:",
                "12",
                "18,",
                "va",
                "&",
                ";",
                " ",
                "\t",
                "x",
                "2va",
            ]
        ),
        max_size=9,
    ).map(" ".join)
)
def test_the_words_before_a_symbol_read_reversed_as_searched_forward(window: str) -> None:
    expected = _forward_before().search(window)
    assert expected is not None
    got = _read_before(_patterns()[2], window)
    assert (got.start, got.type, got.so, got.listed) == (
        expected.start(),
        expected["type"],
        expected["so"],
        expected["list"],
    )
    if got.type is not None:
        assert got.type_start == expected.start("type")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Lò", "văn", "12", "a_b", " ", "\t", "\n", ",", "H'Mai"]), max_size=8
    ).map("".join),
    st.integers(0, 5),
    st.booleans(),
)
def test_the_word_before_read_backwards_as_searched_forward(
    text: str, lo: int, letters: bool
) -> None:
    forward = re.compile(r"([^\W\d_]+)[ \t]+$" if letters else r"(\w+)[ \t]*$")
    lo = min(lo, len(text))
    expected = forward.search(text, lo, len(text))
    got = word_before(text, lo, len(text), letters=letters)
    if expected is None:
        assert got is None
    else:
        assert got == (expected.start(), expected.end(), expected[1])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["12", "1.234", "5,5", "va", "hoac", "-", "\u2013", " ", "\t", "x", "/"]),
        max_size=10,
    ).map("".join)
)
def test_pairs_of_numbers_read_backwards_as_found_forward(text: str) -> None:
    ct = clean(text)
    starts = [i for i, c in enumerate(ct.lower) if c.isdigit()]
    figures = [Figure(i, i + 1, ct.text[i], "", 1, None, "") for i in starts]
    for pattern, back in ((_JOINED_NUMBERS, _JOINED_BACK), (_RANGE, _RANGE_BACK)):
        forward = [m.span() for m in pattern.finditer(ct.lower) if m.end() in starts]
        assert [m.span() for m in _first_numbers(ct, figures, pattern, back)] == forward
