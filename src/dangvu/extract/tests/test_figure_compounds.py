"""Figures: ``tổng số``, ``thiểu số``, ``đa số``, ``định kỳ`` before a count are nouns,
not a label's word; ``đảng ủy`` is counted; a number after an ethnic group's name counts
its people; ``Đảng`` and a body named by its number (``Ban Chỉ đạo 35``); a scan's
letter for a digit inside a number. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract


def counts(text: str) -> list[tuple[float, str | None]]:
    return [(f.value, f.unit) for f in extract(text).figures]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chi bộ có tổng số 46 đảng viên sinh hoạt.", [(46, "đảng viên")]),
        (
            "Đảng viên là người dân tộc thiểu số 315 đồng chí, chiếm 41,2%.",
            [(315, "đồng chí"), (41.2, "%")],
        ),
        ("Đa số 27 chi bộ tổ chức sinh hoạt đúng kỳ.", [(27, "chi bộ")]),
        (
            "Kết nạp 9 đảng viên, trong đó: nữ 4, dân tộc thiểu số 3.",
            [(9, "đảng viên"), (4, "nữ"), (3, "dân tộc thiểu số")],
        ),
        ("Chi bộ sinh hoạt định kỳ 3/3 kỳ trong quý.", [(3, "kỳ")]),
        ("Hợp tác xã tiêu thụ 120 tấn chè búp tươi.", [(120, "tấn")]),
        ("Đại hội lần thứ 4 thành công.", []),
        # a rule's bound, not a result
        ("Mỗi đảng viên dự ít nhất 02 buổi sinh hoạt trong năm.", []),
        ("Đến nay 18/19 đảng ủy cơ sở đã họp.", [(18, "đảng ủy cơ sở")]),
        # the "số" of a label still blocks
        ("Thực hiện theo mẫu số 12 chi bộ gửi lên.", []),
        ("Phòng số 4 tầng hai.", []),
        # a number after an ethnic group counts its people
        ("Trong đó đảng viên dân tộc Mường 118 đồng chí.", [(118, "đồng chí")]),
        (
            "Đảng viên người Ê Đê 52 đồng chí, người Kinh 40 đồng chí.",
            [(52, "đồng chí"), (40, "đồng chí")],
        ),
        ("Kết nạp người Xơ Đăng 9 đảng viên.", [(9, "đảng viên")]),
        ("Đảng viên người M'Nông 61 đồng chí.", [(61, "đồng chí")]),
        # an ethnic group's name as the label of a count in a list, a line break in it
        (
            "Kết nạp 20 đảng viên (dân tộc Mường 11,\nThái 6, Kinh 3).",
            [(20, "đảng viên"), (11, "dân tộc Mường"), (6, "Thái"), (3, "Kinh")],
        ),
        # a noun folded like a word never counted ("chùa" like "chưa")
        ("Trên địa bàn xã có 9 chùa Khmer.", [(9, "chùa")]),
        ("Xã hỗ trợ 30 con bò giống.", [(30, "con")]),
        ("Còn 9 chưa đạt yêu cầu.", []),
        # a place with a number is a name still
        ("Chi bộ thôn Hòa Bình 2 tổ chức hội nghị.", []),
    ],
)
def test_a_number_after_an_ethnic_group_counts(
    sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert counts(sentence) == expected


def test_the_party_takes_no_number() -> None:
    assert counts("Năm nay đưa ra khỏi Đảng 3 đảng viên vi phạm.") == [(3, "đảng viên")]


def test_a_body_named_by_its_number() -> None:
    assert counts("Ban Chỉ đạo 389 tỉnh họp với các sở.") == []
    assert counts("Huyện thành lập 04 Tổ công tác giúp các xã.") == [(4, "tổ công tác")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tỷ lệ đảng viên dự học tập đạt 9l,3%.", [(91.3, "%")]),
        ("Chi ủy giám sát 1l đảng viên trong quý.", [(11, "đảng viên")]),
        ("Toàn huyện có 1O4 chi bộ.", [(104, "chi bộ")]),
        ("Có 1l/12 chi bộ đạt yêu cầu.", [(11, "chi bộ")]),
    ],
)
def test_a_scans_letter_for_a_digit(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert counts(sentence) == expected


def test_a_letter_apart_from_the_number_is_no_digit() -> None:
    assert counts("Có 15 lượt người dự, 4 lớp học.") == [(15, "lượt người"), (4, "lớp")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Đồng chí Bí thư được bầu lại với số phiếu 31/33.", [(31, 33)]),
        ("Số chi bộ đạt trong sạch, vững mạnh tăng lên 1.204/1.230.", [(1204, 1230)]),
        # a page, a batch, an ordinal are labels
        ("Xem trang 2/5.", []),
        ("Trao Huy hiệu Đảng đợt 3/2 cho các đảng viên.", []),
    ],
)
def test_a_share_after_its_label(sentence: str, expected: list[tuple[float, float]]) -> None:
    assert [(f.value, f.of) for f in extract(sentence).figures] == expected
