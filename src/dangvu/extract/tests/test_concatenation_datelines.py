"""The union property on the forms added for unseen texts: news items with their own
datelines, a plan's schedule lines and ranges, ethnic names and counts, a related
article's link line; concatenated in any order, the findings are those of the parts.
Sentences written for these tests."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from dangvu.extract import Extraction, extract

NEWS = (
    "Hội nghị giao ban khối dân vận\n\nCập nhật: 14/09/2022\n\nĐồng chí Ka Huệ, Bí thư Đảng "
    "ủy xã phát biểu. Các đơn vị gửi danh sách đề nghị khen thưởng trước ngày 5/10.\n"
)
PLAN = (
    "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG\n*\nSố 14-KH/ĐU\n\nMường Khương, ngày 02 tháng 3 năm 2026\n\n"
    "KẾ HOẠCH\ntổ chức hội nghị sơ kết\n\nIII. LỊCH TRÌNH\n"
    "- Ngày 16/3/2026: gửi dự thảo báo cáo về Văn phòng.\n"
    "+ Từ ngày 17/3 đến ngày 24/3/2026: các chi bộ góp ý dự thảo.\n"
    "Các chi bộ tổ chức đối thoại với nhân dân từ ngày 09/3 đến ngày 20/3/2026.\n"
)
OTHER_NEWS = (
    "Tin thứ hai\n\n02/03/2019 | 07:00\n\nCác chi bộ gửi báo cáo trước ngày 25/3. Trên địa "
    "bàn có 6 chùa Khmer, đảng viên dân tộc thiểu số 41 đồng chí.\n"
    "- [Kết nạp 9 đảng viên](/tin/ket-nap)\n"
)


def findings(ex: Extraction, shift: int = 0) -> list[tuple[Any, ...]]:
    return sorted(
        [("D", d.start + shift, d.end + shift, d.date) for d in ex.deadlines]
        + [("F", f.start + shift, f.end + shift, f.value) for f in ex.figures]
        + [("P", p.start + shift, p.end + shift, p.name) for p in ex.people]
        + [("R", r.start + shift, r.end + shift, r.number, r.date) for r in ex.references]
    )


@pytest.mark.parametrize("documents", list(itertools.permutations((NEWS, PLAN, OTHER_NEWS))))
@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_the_union_of_the_parts(documents: tuple[str, ...], separator: str) -> None:
    union: list[tuple[Any, ...]] = []
    offset = 0
    for document in documents:
        union += findings(extract(document), offset)
        offset += len(document) + len(separator)
    assert findings(extract(separator.join(documents))) == sorted(union)


def test_each_part_finds_its_forms() -> None:
    assert [str(d.date) for d in extract(NEWS).deadlines] == ["2022-10-05"]
    assert [str(d.date) for d in extract(PLAN).deadlines] == [
        "2026-03-16",
        "2026-03-24",
        "2026-03-20",
    ]
    other = extract(OTHER_NEWS)
    assert [str(d.date) for d in other.deadlines] == ["2019-03-25"]
    assert [f.value for f in other.figures] == [6, 41]
