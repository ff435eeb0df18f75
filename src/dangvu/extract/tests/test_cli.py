"""The ``extract [--json] FILE`` command and the JSON shape."""

from __future__ import annotations

import io
import json
from pathlib import Path

from dangvu.extract import extract, extraction_to_dict
from dangvu.extract.cli import main

REPORT = (
    "HUYỆN ỦY MINH LONG\n*\nSố 75-BC/HU\n\nMinh Long, ngày 10 tháng 10 năm 2024\n\n"
    "BÁO CÁO\nkết quả công tác 9 tháng đầu năm 2024\n"
    "Thực hiện Hướng dẫn số 05-HD/BTCTU ngày 12/01/2024 của Ban Tổ chức Tỉnh ủy, "
    "Huyện ủy đã kết nạp 64 đảng viên, đạt 91,4% kế hoạch."
)


def test_json_output_has_the_label_shape_with_spans(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = io.StringIO()
    assert main([str(path), "--json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert set(data) >= {"references", "figures", "deadlines", "people", "period"}
    assert data["own_document"]["issuer_code"] == "HU"
    assert data["period"] == "2024-9M"
    first = data["references"][0]
    assert set(first) == {
        "text",
        "type",
        "number",
        "type_code",
        "issuer_code",
        "date",
        "issuer_name",
        "start",
        "end",
    }
    assert "Số 75-BC/HU" in out.getvalue()  # ensure_ascii=False keeps Vietnamese


def test_summary_output_is_vietnamese_text(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = io.StringIO()
    assert main([str(path)], stdout=out) == 0
    assert "Văn bản: Báo cáo số 75-BC/HU" in out.getvalue()
    assert "64 đảng viên" in out.getvalue()


def test_unreadable_file_gives_an_error_status(tmp_path: Path) -> None:
    assert main([str(tmp_path / "missing.txt")], stdout=io.StringIO()) == 2


def test_dict_values_are_plain_json() -> None:
    data = extraction_to_dict(extract(REPORT))
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
