"""A header's state number without a genre code (``Số: 118/UBND-VP``) is a letter's: the
own document is a Công văn, which reports on no period. Sentences written for these
tests."""

from __future__ import annotations

from dangvu.extract import extract

LETTER = (
    "ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC\n\nSố: 118/UBND-VP\nV/v rà soát hồ sơ đảng viên nhiệm kỳ "
    "2020 - 2025\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nPhú Lộc, ngày 12 tháng 5 năm 2022\n\n"
    "Kính gửi: các thôn.\n"
)


def test_a_state_number_without_genre_code_is_a_letter() -> None:
    found = extract(LETTER)
    own = found.own_document
    assert own is not None
    assert (own.type, own.number, own.type_code, own.issuer_code) == (
        "Công văn",
        "118",
        None,
        "UBND-VP",
    )
    assert found.period is None


def test_a_state_number_with_its_genre_code_keeps_its_type() -> None:
    own = extract(LETTER.replace("118/UBND-VP", "118/KH-UBND")).own_document
    assert own is not None and own.type == "Kế hoạch"
