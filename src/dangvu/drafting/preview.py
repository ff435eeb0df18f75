"""First-page pictures of the default templates, through the PDF route (no Django).

Regenerate: `.venv/bin/python -m dangvu.drafting.preview docs/drafting`
(needs LibreOffice and pdftoppm: scripts/ensure-libreoffice).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from .pdf import docx_to_pdf
from .render import render_docx
from .report import Block, Header, Report, Signature, Span, Table

__all__ = ["SAMPLES", "write_previews"]


def _p(*parts: str | tuple, kind: str = "paragraph") -> Block:
    """A block from pieces: "wording", ("figure", "source"), ("wording", "", footnote)."""
    return Block(kind, tuple(Span(p) if isinstance(p, str) else Span(*p) for p in parts))


_COMMUNE = Header(
    "Đảng bộ tỉnh Lào Cai", "Đảng ủy xã Việt Thành", "BC", "ĐU", "Lào Cai", date(2025, 9, 25), "27"
)
_SIGN = Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An")
_TO = ("Ban Thường vụ Tỉnh ủy (để báo cáo),", "Ban Tổ chức Tỉnh ủy,", "Lưu Văn phòng Đảng ủy.")

SAMPLES: dict[str, Report] = {
    "periodic": Report(
        genre="periodic",
        header=_COMMUNE,
        type_name="Báo cáo",
        title="tình hình, kết quả công tác tổ chức xây dựng Đảng quý III; phương hướng, "
        "nhiệm vụ quý IV năm 2025",
        blocks=(
            _p(
                (
                    "Thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy",
                    "",
                    1,
                ),
                ", Ban Thường vụ Đảng ủy xã báo cáo kết quả công tác tổ chức xây dựng Đảng quý "
                "III năm 2025 như sau:",
            ),
            _p("I. KẾT QUẢ ĐẠT ĐƯỢC", kind="section"),
            _p("1. Công tác phát triển đảng viên", kind="heading"),
            _p(
                "Trong quý, toàn Đảng bộ kết nạp ",
                ("27", "indicator:admitted"),
                " đảng viên mới, đạt ",
                ("108%", "indicator:admitted:progress"),
                " chỉ tiêu, tăng ",
                ("12,5%", "indicator:admitted:change"),
                " so với cùng kỳ; xét công nhận ",
                ("31", "indicator:recognized"),
                " đảng viên chính thức.",
            ),
            _p("2. Công tác kiểm tra, giám sát", kind="heading"),
            _p(
                "Ủy ban Kiểm tra Đảng ủy kiểm tra ",
                ("12", "indicator:inspected"),
                " tổ chức đảng và ",
                ("18", "indicator:inspected_members"),
                " đảng viên khi có dấu hiệu vi phạm.",
            ),
            _p("II. HẠN CHẾ, NGUYÊN NHÂN", kind="section"),
            _p(
                "Việc cập nhật dữ liệu đảng viên ở một số chi bộ còn chậm; chất lượng sinh hoạt "
                "chi bộ chuyên đề chưa đồng đều."
            ),
            _p("III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2025", kind="section"),
            _p(
                "- Tiếp tục nâng cao chất lượng sinh hoạt chi bộ; hoàn thành chỉ tiêu phát triển "
                "đảng viên năm 2025.",
                kind="bullet",
            ),
        ),
        signature=_SIGN,
        recipients=_TO,
        footnotes=(
            "Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy thực "
            "hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII "
            "về tăng cường củng cố, xây dựng tổ chức cơ sở đảng.",
        ),
        tables=(
            Table(
                "Kết quả thực hiện chỉ tiêu",
                ("Chỉ tiêu", "Quý III", "Cùng kỳ", "Kế hoạch"),
                (("Kết nạp đảng viên", "27", "24", "25"),),
            ),
        ),
    ),
    "directive": Report(
        genre="directive",
        header=Header(
            "Đảng bộ tỉnh Yên Bái",
            "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh",
            "BC",
            "ĐUK",
            "Yên Bái",
            date(2023, 6, 29),
            "359",
        ),
        type_name="Báo cáo",
        title="kết quả thực hiện Kế hoạch số 126-KH/TU, ngày 04/4/2023 của Tỉnh ủy",
        blocks=(
            _p(
                ("Thực hiện Kế hoạch số 126-KH/TU, ngày 04/4/2023 của Tỉnh ủy", "", 1),
                ", Ban Thường vụ Đảng ủy Khối báo cáo kết quả như sau:",
            ),
            _p("1. Kết quả thực hiện", kind="heading"),
            _p(
                "Đến ngày 29/6/2023, đã có ",
                ("71/74", "task:12:done"),
                " chi, đảng bộ trực thuộc tổ chức ",
                ("108 buổi", "task:12:sessions"),
                " sinh hoạt tại cấp ủy, chi bộ và cơ quan.",
            ),
            _p("2. Các đơn vị chưa thực hiện", kind="heading"),
            _p("Chi bộ Sở Tài chính, Chi bộ Công ty Điện lực, Đảng bộ Bưu điện tỉnh."),
            _p("3. Nhiệm vụ tiếp theo", kind="heading"),
            _p("- Báo cáo kết quả lần 2 trước ngày 10/12/2023.", kind="bullet"),
        ),
        signature=Signature("K/T BÍ THƯ", "PHÓ BÍ THƯ", "Trần Thị Bình"),
        recipients=("Ban Thường vụ Tỉnh ủy (để báo cáo),", "Lưu Văn phòng Đảng ủy Khối."),
        footnotes=(
            "Kế hoạch số 126-KH/TU, ngày 04/4/2023 của Tỉnh ủy về triển khai đợt sinh "
            "hoạt chính trị, tư tưởng sâu rộng.",
        ),
    ),
    "member_stats": Report(
        genre="member_stats",
        header=_COMMUNE,
        type_name="Báo cáo",
        title="số lượng, chất lượng đảng viên đến ngày 30/6/2025 (biểu tổng hợp)",
        blocks=(
            _p(
                "Đến ngày 30/6/2025, Đảng bộ xã có ",
                ("1.234", "members:total"),
                " đảng viên, trong đó ",
                ("1.180", "members:full"),
                " đảng viên chính thức, ",
                ("54", "members:probationary"),
                " đảng viên dự bị.",
            ),
        ),
        signature=_SIGN,
        recipients=_TO,
        tables=(
            Table(
                "Số lượng đảng viên",
                ("Đơn vị", "Tổng số", "Chính thức", "Dự bị"),
                (("Chi bộ thôn 1", "412", "398", "14"), ("Chi bộ thôn 2", "822", "782", "40")),
            ),
        ),
    ),
}


def write_previews(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for genre, report in SAMPLES.items():
        pdf = docx_to_pdf(render_docx(report))
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "a.pdf"
            source.write_bytes(pdf)
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "60",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(source),
                    str(folder / genre),
                ],
                check=True,
            )
        written.append(folder / f"{genre}.png")
    return written


if __name__ == "__main__":
    for path in write_previews(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/drafting")):
        print(path)
