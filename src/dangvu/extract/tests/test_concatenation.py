"""A text holding several documents gives the union of their findings, no more: no
finding, task or year crosses from one document (or paragraph) into the next."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

import pytest

from dangvu.extract import Extraction, extract

NEWS = (
    "Sáng 12/7/2023, Đảng ủy Khối tổ chức hội nghị sơ kết 6 tháng đầu năm.\n"
    "Đồng chí Ksor Y Blang, Phó Bí thư Đảng ủy Khối phát biểu; quần chúng ưu tú Sùng A Páo "
    "được kết nạp.\nCác đơn vị báo cáo kết quả trước ngày 30/7.\n"
)
PLAN = (
    "ĐẢNG ỦY XÃ TÂN LẬP\n*\nSố 08-KH/ĐU\n\nTân Lập, ngày 14 tháng 3 năm 2024\n\n"
    "KẾ HOẠCH\ntổ chức đại hội chi bộ nhiệm kỳ 2024 - 2027\n\n"
    "Thực hiện Hướng dẫn số 21-HD/BTCHU ngày 02/02/2024 của Ban Tổ chức Huyện ủy, Đảng ủy "
    "xã xây dựng kế hoạch như sau.\n"
    "Các chi bộ gửi dự thảo báo cáo chính trị về Văn phòng Đảng ủy trước ngày 15/4.\n"
    "Hoàn thành đại hội các chi bộ trong tháng 5.2024.\n"
    "Thời gian: Xây dựng đề án nhân sự trước 10/4/2024; Trình Ban Thường vụ trước 20/4/2024.\n"
)
REPORT = (
    "CHI BỘ THÔN HÀ THƯỢNG\n*\nSố 03-BC/CB\n\nHà Thượng, ngày 28 tháng 6 năm 2021\n\n"
    "BÁO CÁO\nkết quả công tác 6 tháng đầu năm 2021\n\n"
    "Ngày 8/4/2022, chi bộ tổ chức hội nghị kiểm điểm; đã kết nạp 3 đảng viên mới.\n"
    "Kết quả xếp loại: hoàn thành tốt nhiệm vụ 12 (chiếm 60%), hoàn thành nhiệm vụ 7 (35%), "
    "không hoàn thành nhiệm vụ 1.\n"
    "Đồng chí Lò Thị Hoa, Bí thư chi bộ chủ trì hội nghị; các tổ đảng gửi báo cáo trước "
    "ngày 20/7.\n"
)
REMINDER = (
    "VĂN PHÒNG HUYỆN ỦY\n*\nSố 215-CV/VPHU\n\nMinh Hóa, ngày 02 tháng 11 năm 2022\n\n"
    "Kính gửi: các chi bộ, đảng bộ cơ sở.\n"
    "Thực hiện Kế hoạch số 76 ngày 12.5.2022 của Ban Thường vụ Huyện ủy, đề nghị các đơn vị "
    "gửi báo cáo sơ kết về Văn phòng trước ngày 15/11/2022; hoàn thành trong quý IV.2022.\n"
    "Ngày 10/10/2022, Ban Thường vụ Huyện ủy ban hành Thông báo số 98-TB/HU về kết luận.\n"
)


def findings(ex: Extraction, shift: int = 0) -> dict[str, list[Any]]:
    """Every finding with its span moved by ``shift``, by kind, in a comparable form."""
    return {
        "references": sorted(
            (r.start + shift, r.end + shift, r.type_code, r.number, r.issuer_code, r.date)
            for r in ex.references
        ),
        "figures": sorted(
            (f.start + shift, f.end + shift, f.value, f.of, f.unit) for f in ex.figures
        ),
        "deadlines": sorted((d.start + shift, d.end + shift, d.date, d.what) for d in ex.deadlines),
        "people": sorted((p.start + shift, p.end + shift, p.name, p.positions) for p in ex.people),
    }


def union(documents: tuple[str, ...], separator: str) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {kind: [] for kind in findings(Extraction())}
    offset = 0
    for document in documents:
        for kind, found in findings(extract(document), offset).items():
            out[kind] += found
        offset += len(document) + len(separator)
    return {kind: sorted(found) for kind, found in out.items()}


HEADED = (PLAN, REPORT, REMINDER)
ORDERS = [(NEWS, *order) for order in itertools.permutations(HEADED)]


@pytest.mark.parametrize("documents", ORDERS)
@pytest.mark.parametrize("separator", ["\n", "\n\n"])
def test_a_concatenation_gives_the_union_of_its_documents_findings(
    documents: tuple[str, ...], separator: str
) -> None:
    whole = separator.join(documents)
    assert findings(extract(whole)) == union(documents, separator)


def test_each_document_alone_has_the_findings_the_union_is_made_of() -> None:
    # the union is no empty truth: each document finds what it should on its own
    plan = findings(extract(PLAN))
    assert [d[2] for d in plan["deadlines"]] == [
        datetime.date(2024, 4, 15),
        datetime.date(2024, 5, 31),
        datetime.date(2024, 4, 10),
        datetime.date(2024, 4, 20),
    ]
    report = findings(extract(REPORT))
    assert [d[2] for d in report["deadlines"]] == [datetime.date(2021, 7, 20)]
    assert [f[2] for f in report["figures"]] == [3, 12, 60, 7, 35, 1]
    reminder = findings(extract(REMINDER))
    assert [(r[3], r[5]) for r in reminder["references"]] == [
        ("215", None),
        ("76", datetime.date(2022, 5, 12)),
        ("98", datetime.date(2022, 10, 10)),
    ]
    assert [d[2] for d in reminder["deadlines"]] == [
        datetime.date(2022, 11, 15),
        datetime.date(2022, 12, 31),
    ]
    news = findings(extract(NEWS))
    assert [p[2] for p in news["people"]] == ["Ksor Y Blang", "Sùng A Páo"]
    assert news["deadlines"] == []  # "trước ngày 30/7": no year in its paragraph
