"""Spans index the input as given: NFD input, Markdown marks, footnote marks."""

from __future__ import annotations

import unicodedata
from typing import Literal

import pytest

from dangvu.extract import extract
from dangvu.extract.clean import clean, fold
from dangvu.extract.spans import SpanSet

from .factories import spans_hold

Form = Literal["NFC", "NFD", "NFKC", "NFKD"]

SAMPLE = (
    "ĐẢNG ỦY XÃ PHÚ LỘC\n*\nSố 19-BC/ĐU\n\nPhú Lộc, ngày 08 tháng 12 năm 2024\n\n"
    "Thực hiện Kế hoạch số 60-KH/TU, ngày 14/3/2024 của Ban Thường vụ Tỉnh ủy, "
    "đồng chí Lê Thị Thu, Phó Bí thư Đảng ủy xã chủ trì; kết nạp 42 đảng viên mới, "
    "đạt 110% chỉ tiêu; 18/20 chi bộ hoàn thành; gửi báo cáo trước ngày 20/12/2024."
)


def test_fold_removes_diacritics_one_character_for_one() -> None:
    assert fold("Đảng ủy Khối, uỷ ban") == "Dang uy Khoi, uy ban"
    assert len(fold(SAMPLE)) == len(SAMPLE)


def test_clean_maps_nfd_offsets_back_to_the_input() -> None:
    nfd = unicodedata.normalize("NFD", "Kế hoạch số 5-KH/TU")
    ct = clean(nfd)
    assert ct.text == "Kế hoạch số 5-KH/TU"
    assert ct.to_original(0, len(ct.text)) == (0, len(nfd))


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKD"])
def test_spans_hold_in_every_normalisation(form: Form) -> None:
    text = unicodedata.normalize(form, SAMPLE)
    ex = extract(text)
    assert spans_hold(text, ex)
    assert len(ex.references) == 2 and len(ex.figures) == 3 and len(ex.deadlines) == 1
    assert ex.people[0].name == "Lê Thị Thu"


def test_nfd_input_gives_nfc_values() -> None:
    ex = extract(unicodedata.normalize("NFD", SAMPLE))
    assert ex.references[1].issuer_name == "Ban Thường vụ Tỉnh ủy"
    assert ex.own_document is not None and ex.own_document.issuer_code == "ĐU"


def test_markdown_marks_are_ignored_for_matching_but_kept_in_spans() -> None:
    text = "- Thực hiện **Kế hoạch số 33-KH/TU**, ngày 25/02/2022<sup>2</sup> của **Tỉnh ủy**."
    (found,) = extract(text).references
    assert found.text == "Kế hoạch số 33-KH/TU**, ngày 25/02/2022<sup>2</sup> của **Tỉnh ủy"
    assert text[found.start : found.end] == found.text
    assert found.issuer_name == "Tỉnh ủy"
    assert found.date is not None and found.date.isoformat() == "2022-02-25"


def test_footnote_marks_are_not_figures() -> None:
    text = "ban hành Chương trình hành động<sup>1</sup> và 3 kế hoạch"
    assert [(f.value, f.unit) for f in extract(text).figures] == [(3, "kế hoạch")]


def test_an_empty_span_where_two_masks_touch_overlaps_neither() -> None:
    masks = SpanSet([(14, 26), (26, 27)])
    assert not masks.overlaps(26, 26)
    assert masks.overlaps(25, 27)
