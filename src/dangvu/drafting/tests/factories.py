"""Plain report objects for the renderer's tests."""

from __future__ import annotations

from datetime import date

from dangvu.drafting.report import Block, Header, Report, Signature, Span, Table


def sample_report(**changes) -> Report:
    fields = {
        "genre": "periodic",
        "header": Header(
            superior="Đảng bộ tỉnh Yên Bái",
            issuer="Đảng ủy xã Việt Thành",
            type_code="BC",
            issuer_code="ĐU",
            place="Yên Bái",
            date=date(2023, 6, 29),
            number="27",
        ),
        "type_name": "Báo cáo",
        "title": "tình hình, kết quả công tác tổ chức xây dựng Đảng quý II năm 2023",
        "blocks": (
            Block(
                "paragraph",
                (
                    Span("Thực hiện Chương trình hành động", footnote=1),
                    Span(" của Tỉnh ủy, Ban Thường vụ Đảng ủy báo cáo như sau:"),
                ),
            ),
            Block("section", (Span("I. KẾT QUẢ ĐẠT ĐƯỢC"),)),
            Block("heading", (Span("1. Công tác phát triển đảng viên"),)),
            Block(
                "paragraph",
                (
                    Span("Kết nạp "),
                    Span("1.234", source="indicator:admitted"),
                    Span(" đảng viên mới, đạt "),
                    Span("105%", source="indicator:admitted:progress"),
                    Span(" chỉ tiêu <năm> & quý."),
                ),
            ),
        ),
        "signature": Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An"),
        "recipients": ("Ban Thường vụ Tỉnh ủy (để báo cáo),", "Lưu Văn phòng Đảng ủy."),
        "footnotes": (
            "Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy thực hiện "
            "Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII.",
        ),
        "tables": (
            Table(
                "Phát triển đảng viên",
                ("Chỉ tiêu", "Quý II", "Cùng kỳ"),
                (("Kết nạp", "1.234", "1.097"),),
            ),
        ),
    }
    fields.update(changes)
    return Report(**fields)
