"""The workbooks of the import: the template an office fills in (the columns with their
allowed values as drop-down lists, a sheet explaining each column, an example row, the
unit's cells), and the marked copy of an uploaded file (the cells in error filled red,
those to check yellow, each with a comment naming the field and the fix, and a column of
the row's messages)."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from dangvu.core.dates import format_short as fmt
from dangvu.core.xlsx import print_setup
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization

from ... import catalog
from ...models import ImportBatch
from .read import COLUMNS, HEADER_OF, REQUIRED

_FONT = "Times New Roman"
_TITLE = Font(name=_FONT, bold=True, size=14)
_HEADER = Font(name=_FONT, bold=True, size=11)
_BODY = Font(name=_FONT, size=11)
_EXAMPLE = Font(name=_FONT, size=11, italic=True, color="555555")
_GREY = PatternFill("solid", fgColor="EEEEEE")
_REQUIRED_FILL = PatternFill("solid", fgColor="FDE2C8")
RED = PatternFill("solid", fgColor="FFC7CE")
YELLOW = PatternFill("solid", fgColor="FFEB9C")
_WRAP = Alignment(wrap_text=True, vertical="top")
TEMPLATE_ROWS = 2000  # rows formatted (dates, text numbers) and validated in the template

EXAMPLE_NAME = "Nguyễn Văn Mẫu"
# One example row, by field: a person who does not exist (the citizen ID's serial is 0).
EXAMPLE: dict[str, Any] = {
    "full_name": EXAMPLE_NAME,
    "other_names": "",
    "sex": "Nam",
    "birth_date": date(1990, 3, 15),
    "ethnicity": "Kinh",
    "religion": "Không",
    "home_town": "Xã Việt Thành, tỉnh Yên Bái",
    "residence": "Thôn 1, xã Việt Thành",
    "phone": "0912345678",
    "citizen_id": "015090000000",
    "education": "12/12",
    "professional_level": "Đại học",
    "theory_level": "Sơ cấp",
    "occupation": "Giáo viên",
    "positions": "Tổ trưởng chuyên môn",
    "card_number": "",
    "admitted_on": date(2020, 6, 29),
    "official_on": date(2021, 6, 29),
    "decision": "Quyết định số 125-QĐ/ĐU",
    "sponsor1": "Trần Văn Bình, Chi bộ Thôn 1",
    "sponsor2": "Lê Thị Hoa, Chi bộ Thôn 1",
    "over_age_approval": "",
}
_DATE_FIELDS = ("birth_date", "admitted_on", "official_on")
_TEXT_FIELDS = ("citizen_id", "phone", "card_number")
_WIDTHS = {
    "full_name": 24,
    "home_town": 24,
    "residence": 24,
    "cell": 28,
    "decision": 24,
    "sponsor1": 26,
    "sponsor2": 26,
    "positions": 20,
    "occupation": 16,
    "over_age_approval": 22,
}

# field -> (what it holds, how to write it)
HELP: dict[str, tuple[str, str]] = {
    "full_name": ("Họ, tên đệm và tên khai sinh.", "Ít nhất hai chữ: Nguyễn Văn An."),
    "other_names": ("Tên gọi khác, bí danh (nếu có).", "Để trống nếu không có."),
    "sex": ("Giới tính.", "Nam hoặc Nữ (nữ, nu, NỮ đều được)."),
    "birth_date": (
        "Ngày sinh.",
        "Ngày/tháng/năm: 29/6/1985, 29-06-1985, 1985-06-29, hoặc ô định dạng ngày.",
    ),
    "ethnicity": (
        "Dân tộc (54 dân tộc).",
        "Tên như danh mục: Kinh, Tày, Mông, Ê Đê... Trống: Kinh.",
    ),
    "religion": ("Tôn giáo.", "Như danh mục: Không, Phật giáo, Công giáo... Trống: Không."),
    "home_town": ("Quê quán.", "Xã, tỉnh."),
    "residence": ("Nơi ở hiện nay.", "Thôn, xã."),
    "phone": ("Số điện thoại.", "10 chữ số; ô dạng văn bản để giữ số 0 đầu."),
    "citizen_id": (
        "Số căn cước công dân (12 chữ số).",
        "Ô dạng văn bản để giữ số 0 đầu. Người đã có trong sổ (cùng số) được bỏ qua.",
    ),
    "education": (
        "Giáo dục phổ thông: lớp cao nhất đã học xong.",
        "12/12, 9/12, 10/10 (hệ 10 năm), 7/10; hoặc Trung học phổ thông, Trung học cơ sở, "
        "THPT, THCS, cấp 3. Người vào Đảng phải tốt nghiệp ít nhất trung học cơ sở. Trống: "
        "Trung học phổ thông.",
    ),
    "professional_level": (
        "Trình độ chuyên môn cao nhất.",
        "Như danh mục: Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ "
        "(ĐH, CĐ, ThS, TS đều được). Trống: Chưa qua đào tạo.",
    ),
    "theory_level": (
        "Trình độ lý luận chính trị.",
        "Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp, Cử nhân. Trống: Chưa qua đào tạo.",
    ),
    "occupation": ("Nghề nghiệp hiện nay.", "Giáo viên, Nông dân, Công chức..."),
    "positions": ("Chức vụ đảng, chính quyền, đoàn thể.", "Nhiều chức vụ cách nhau bằng dấu ;"),
    "card_number": ("Số thẻ đảng viên (nếu đã có).", "Người đã có trong sổ (cùng số) được bỏ qua."),
    "admitted_on": (
        "Ngày quyết định kết nạp.",
        "Ngày/tháng/năm. Khi đó phải đủ 18 tuổi; quá 60 tuổi cần ghi văn bản đồng ý ở cột cuối.",
    ),
    "official_on": (
        "Ngày được công nhận đảng viên chính thức.",
        "Ngày hết 12 tháng dự bị trở đi. Trống: đảng viên dự bị (cảnh báo nếu đã quá hạn xét).",
    ),
    "cell": ("Chi bộ sinh hoạt.", "Mã hoặc tên chi bộ thuộc đơn vị (trang Danh mục)."),
    "decision": (
        "Quyết định kết nạp.",
        "Số, ký hiệu: Quyết định số 125-QĐ/ĐU. Trống: ghi “Hồ sơ đảng viên (nhập từ Excel)”.",
    ),
    "sponsor1": (
        "Người giới thiệu thứ nhất.",
        "Số thẻ hoặc số CCCD của đảng viên trong sổ (hoặc trong tệp); người ngoài sổ: họ tên, "
        "đơn vị. Để trống cả hai cột nếu hồ sơ không ghi.",
    ),
    "sponsor2": ("Người giới thiệu thứ hai.", "Như cột trên; hai người khác nhau."),
    "over_age_approval": (
        "Văn bản đồng ý của ban thường vụ tỉnh ủy cho người vào Đảng trên 60 tuổi.",
        "Chỉ ghi khi người vào Đảng đã quá 60 tuổi.",
    ),
}


def _cells_of(within: Organization) -> list[Organization]:
    low, high = paths.subtree_bounds(within.path)
    return list(
        Organization.objects.filter(
            path__gte=low, path__lt=high, kind__in=CELL_KINDS, dissolved_on__isnull=True
        ).order_by("sort_key", "id")
    )


def import_template(*, within: Organization, today: date) -> bytes:
    """The template of the import for the cells of `within`."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    lists = book.create_sheet("Danh mục")
    guide = book.create_sheet("Hướng dẫn")
    cells = _cells_of(within)
    fields = [f for _, f in COLUMNS]
    for i, (title, field) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(1, i, title)
        cell.font = _HEADER
        cell.fill = _REQUIRED_FILL if field in REQUIRED else _GREY
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        what, how = HELP[field]
        cell.comment = Comment(f"{what}\n{how}", "dangvu", width=300, height=120)
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = _WIDTHS.get(field, 13)
        for row in range(2, TEMPLATE_ROWS + 2):
            if field in _DATE_FIELDS:
                sheet.cell(row, i).number_format = "d/m/yyyy"
            elif field in _TEXT_FIELDS:
                sheet.cell(row, i).number_format = "@"
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "B2"
    print_setup(sheet, 1)
    example = {**EXAMPLE, "cell": cells[0].code or cells[0].name if cells else ""}
    for i, field in enumerate(fields, start=1):
        cell = sheet.cell(2, i, example.get(field) or None)
        cell.font = _EXAMPLE
    sheet.cell(2, 1).comment = Comment(
        "Dòng ví dụ: hãy ghi đè hoặc xóa dòng này trước khi nhập (dòng ví dụ không được ghi).",
        "dangvu",
    )
    _lists(book, sheet, lists, cells, fields)
    _guide(guide, within, today, cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lists(book: Any, sheet: Any, lists: Any, cells: list[Organization], fields: list[str]) -> None:
    """The catalogues on their sheet, and each closed column's drop-down list over them."""
    columns: list[tuple[str, str, list[str]]] = [
        ("sex", "Giới tính", ["Nam", "Nữ"]),
        ("ethnicity", "Dân tộc", list(catalog.ETHNIC_GROUPS)),
        ("religion", "Tôn giáo", list(catalog.RELIGIONS)),
        (
            "education",
            "Giáo dục phổ thông",
            ["12/12", "9/12", "10/10", "7/10"] + [label for _, label in catalog.EDUCATION[1:]],
        ),
        ("professional_level", "Chuyên môn", [label for _, label in catalog.PROFESSIONAL]),
        ("theory_level", "Lý luận chính trị", [label for _, label in catalog.THEORY]),
        ("cell", "Chi bộ (mã)", [c.code or c.name for c in cells]),
    ]
    print_setup(lists, 1)
    for i, (field, title, values) in enumerate(columns, start=1):
        head = lists.cell(1, i, title)
        head.font, head.fill = _HEADER, _GREY
        for row, value in enumerate(values, start=2):
            lists.cell(row, i, value).font = _BODY
        letter = get_column_letter(i)
        lists.column_dimensions[letter].width = 22
        if not values:
            continue
        target = get_column_letter(fields.index(field) + 1)
        rule = DataValidation(
            type="list",
            formula1=f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            errorStyle="warning",
            error="Giá trị không có trong danh sách. Vẫn ghi được các cách viết thường gặp "
            "(xem trang Hướng dẫn); nếu không, dòng này sẽ được báo lỗi khi nhập.",
            errorTitle=title,
        )
        rule.add(f"{target}2:{target}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(rule)
    # the cells' names beside their codes, for the reader
    lists.cell(1, len(columns) + 1, "Tên chi bộ").font = _HEADER
    lists.cell(1, len(columns) + 1).fill = _GREY
    lists.column_dimensions[get_column_letter(len(columns) + 1)].width = 40
    for row, c in enumerate(cells, start=2):
        lists.cell(row, len(columns) + 1, c.name).font = _BODY
    for field in _DATE_FIELDS:
        target = get_column_letter(fields.index(field) + 1)
        rule = DataValidation(
            type="date",
            operator="greaterThan",
            formula1="1",
            allow_blank=True,
            errorStyle="warning",
            error="Hãy ghi ngày/tháng/năm, ví dụ 29/6/2023.",
            errorTitle="Ngày",
        )
        rule.add(f"{target}2:{target}{TEMPLATE_ROWS + 1}")
        sheet.add_data_validation(rule)


def _guide(guide: Any, within: Organization, today: date, cells: list[Organization]) -> None:
    guide.cell(1, 1, "MẪU NHẬP DANH SÁCH ĐẢNG VIÊN").font = _TITLE
    notes = [
        f"Đơn vị nhận: {within.name} ({len(cells)} chi bộ, xem trang Danh mục)",
        f"Tải mẫu ngày {fmt(today)}",
        "Mỗi dòng một đảng viên, từ dòng 2 của trang Danh sách; giữ nguyên dòng tiêu đề. "
        "Cột tô cam là cột bắt buộc.",
        "Tệp được kiểm tra hết trước khi ghi: có lỗi thì không ghi dòng nào và trả lại tệp "
        "có đánh dấu ô lỗi; dòng cần xem lại (cảnh báo) chỉ được ghi khi bạn xác nhận.",
    ]
    for row, note in enumerate(notes, start=2):
        guide.cell(row, 1, note).font = Font(name=_FONT, italic=True, size=11)
    header = len(notes) + 3
    for i, title in enumerate(("Cột", "Bắt buộc", "Nội dung", "Cách ghi", "Ví dụ"), start=1):
        cell = guide.cell(header, i, title)
        cell.font, cell.fill = _HEADER, _GREY
    for row, (title, field) in enumerate(COLUMNS, start=header + 1):
        what, how = HELP[field]
        sample = EXAMPLE.get(field, "")
        if field == "cell":
            sample = (cells[0].code or cells[0].name) if cells else ""
        if isinstance(sample, date):
            sample = fmt(sample)
        values = (title, "Có" if field in REQUIRED else "", what, how, sample)
        for i, value in enumerate(values, start=1):
            cell = guide.cell(row, i, value)
            cell.font, cell.alignment = _BODY, _WRAP
        guide.row_dimensions[row].height = _height(zip(values, _GUIDE_WIDTHS, strict=True))
    for letter, width in zip("ABCDE", _GUIDE_WIDTHS, strict=True):
        guide.column_dimensions[letter].width = width
    guide.freeze_panes = f"A{header + 1}"
    print_setup(guide, header)


_GUIDE_WIDTHS = (24, 9, 36, 60, 26)
_LINE = 15  # points a line of 11-point text takes


def _height(cells: Any) -> float:
    """The height of a row whose wrapped cells are (text, column width): spreadsheets do
    not grow a row for wrapped text written by a program, so it is set."""
    lines = 1
    for text, width in cells:
        per_line = max(int(width * 1.1), 1)  # characters of 11-point Times a line holds
        parts = str(text or "").split("\n")
        lines = max(lines, sum(max(1, -(-len(p) // per_line)) for p in parts))
    return float(lines * _LINE)


def import_marked(*, batch: ImportBatch) -> bytes:
    """The uploaded file given back with its errors (red) and warnings (yellow) marked on
    the cells, a comment on each naming the field and the fix, and a last column of each
    row's messages."""
    from .read import read_sheet

    data = bytes(batch.data)
    _rows, where, _problems = read_sheet(data)
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    header = where.get("_header", 1)
    by_title = {HEADER_OF[f]: col for f, col in where.items() if f in HEADER_OF}
    messages: dict[int, list[str]] = defaultdict(list)
    last = sheet.max_column + 1
    for kind, found in (("Lỗi", batch.problems), ("Cần xem lại", batch.warnings)):
        fill = RED if kind == "Lỗi" else YELLOW
        for row, column, message in found:
            if row <= 0:
                continue
            text = f"{kind} – {column}: {message}" if column else f"{kind}: {message}"
            messages[row].append(text)
            col = by_title.get(column)
            if col is None:
                continue
            cell = sheet.cell(row, col)
            if cell.fill != RED:
                cell.fill = fill
            previous = cell.comment.text + "\n" if cell.comment else ""
            cell.comment = Comment(previous + text, "dangvu", width=320, height=140)
    head = sheet.cell(header, last, "Lỗi, cảnh báo (dangvu)")
    head.font, head.fill = _HEADER, _GREY
    sheet.column_dimensions[get_column_letter(last)].width = 70
    print_setup(sheet, header)
    for row, texts in messages.items():
        cell = sheet.cell(row, last, "\n".join(texts))
        cell.alignment = _WRAP
        cell.fill = RED if any(t.startswith("Lỗi") for t in texts) else YELLOW
        sheet.row_dimensions[row].height = sum(_height([(t, 70)]) for t in texts)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
