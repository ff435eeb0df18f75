"""Benchmark: draft and render the national quarterly report.

    .venv/bin/python bench/drafting.py

Builds the consolidation of a national quarterly round synthetically (no database): the
47 indicators of the shipped quarterly form (TCXD-QUY) with last year's figures and
yearly targets, the 34 provinces side by side (the unit-by-unit appendix) and each
province's three narrative sections (~600 characters each, 102 in all); then times
composing the report (`periodic.compose_periodic`) and rendering it to .docx
(`render.render_docx`), median of 7 runs, and one PDF conversion through LibreOffice.
Issue 11 asks for ≤ 3 s for the .docx.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")

import django

django.setup()

from dangvu.drafting.builders import SIGNATURE  # noqa: E402
from dangvu.drafting.pdf import docx_to_pdf, soffice_path  # noqa: E402
from dangvu.drafting.periodic import compose_periodic  # noqa: E402
from dangvu.drafting.render import render_docx  # noqa: E402
from dangvu.drafting.report import Header  # noqa: E402
from dangvu.reporting import rules  # noqa: E402
from dangvu.reporting.catalog import QUARTERLY  # noqa: E402
from dangvu.reporting.selectors.consolidation import (  # noqa: E402
    Consolidation,
    ConsolidationRow,
    Narrative,
    Part,
    Pivot,
    PivotRow,
)

PROVINCES = 34
RUNS = 7
rng = random.Random(11)
NARRATIVE = (
    "Cấp ủy đã lãnh đạo, chỉ đạo triển khai nghiêm túc các nghị quyết, kết luận của Trung "
    "ương về công tác xây dựng Đảng; kiện toàn tổ chức bộ máy sau sắp xếp đơn vị hành chính "
    "cấp xã; rà soát, cập nhật cơ sở dữ liệu đảng viên; chú trọng phát triển đảng viên trong "
    "đoàn viên thanh niên, công nhân, người lao động ở doanh nghiệp ngoài khu vực nhà nước. "
)


def _value(ind) -> Decimal | str | None:
    if ind.value_type == rules.TEXT:
        return "Thực hiện đầy đủ"
    if ind.value_type == rules.YES_NO:
        return Decimal(1)
    if ind.value_type == rules.PERCENT or ind.is_ratio:
        return Decimal(rng.randint(5000, 9900)) / 100
    return Decimal(rng.randint(1_000, 5_600_000 if ind.code.startswith("DV") else 60_000))


def national() -> tuple[Consolidation, Pivot]:
    rows = []
    for ind in QUARTERLY.indicators:
        value = _value(ind)
        number = value if isinstance(value, Decimal) else None
        last = (number * Decimal("0.9")).quantize(Decimal(1)) if number is not None else None
        target = number * 3 if number is not None and ind.code.startswith("KN") else None
        progress = number / target * 100 if target else None
        rows.append(
            ConsolidationRow(
                code=ind.code,
                label=ind.label,
                section=ind.section,
                unit=ind.unit,
                value_type=ind.value_type,
                value=value,
                shown=rules.show(ind.value_type, value),
                parts=tuple(
                    Part(p, rules.PARTS[p], Decimal(rng.randint(1, 900))) for p in ind.parts
                ),
                last_year=last,
                change=rules.change(number, last),
                target=target,
                year_to_date=number if target else None,
                progress=progress,
                progress_text="",
                is_ratio=ind.is_ratio,
            )
        )
    names = [f"Đảng bộ tỉnh Số {i + 1}" for i in range(PROVINCES)]
    narratives = tuple(
        Narrative(i, name, code, title, NARRATIVE * 2)
        for i, name in enumerate(names)
        for code, title in rules.NARRATIVES[:3]
    )
    cons = Consolidation(
        round_id=1,
        form_code="TCXD-QUY",
        form_title=QUARTERLY.title,
        period_key="2026-Q1",
        period_label="quý I năm 2026",
        as_of=date(2026, 3, 31),
        organization_id=0,
        organization_name="Đảng Cộng sản Việt Nam",
        units_approved=PROVINCES,
        units_expected=PROVINCES,
        last_year_label="quý I năm 2025",
        rows=tuple(rows),
        narratives=narratives,
    )
    codes = tuple(i.code for i in QUARTERLY.indicators)
    pivot = Pivot(
        codes=codes,
        labels=tuple(i.label for i in QUARTERLY.indicators),
        value_types=tuple(i.value_type for i in QUARTERLY.indicators),
        rows=tuple(
            PivotRow(i, n, "Đã duyệt", tuple(_value(ind) for ind in QUARTERLY.indicators))
            for i, n in enumerate(names)
        ),
        total=tuple(r.value for r in rows),
    )
    return cons, pivot


def main() -> None:
    cons, pivot = national()
    header = Header("", "Ban Tổ chức Trung ương", "BC", "BTCTW", "Hà Nội", date(2026, 4, 15), "27")
    times, compose_times = [], []
    data = b""
    for _ in range(RUNS):
        start = time.perf_counter()
        built = compose_periodic(
            cons,
            pivot,
            key="indicator:1",
            header=header,
            committee="Ban Tổ chức Trung ương",
            recipients=("Bộ Chính trị, Ban Bí thư (để báo cáo),", "Lưu Văn phòng."),
            basis=None,
        )
        composed = time.perf_counter()
        data = render_docx(built.report)
        times.append(time.perf_counter() - start)
        compose_times.append(composed - start)
    report = built.report
    print(
        f"blocks: {len(report.blocks)}, bound figures: {len(report.figures)}, "
        f"appendix tables: {len(report.tables)} ({sum(len(t.rows) for t in report.tables)} rows)"
    )
    print(f"compose: median {statistics.median(compose_times) * 1000:.0f} ms")
    print(
        f"compose + .docx: median {statistics.median(times):.2f} s, max {max(times):.2f} s "
        f"({len(data) / 1024:.0f} KiB), limit 3 s"
    )
    assert SIGNATURE.capacity  # the default signature block is used by the builders
    if soffice_path():
        start = time.perf_counter()
        pdf = docx_to_pdf(data)
        print(f"PDF (LibreOffice): {time.perf_counter() - start:.2f} s ({len(pdf) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
