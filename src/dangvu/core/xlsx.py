"""Excel sheets as an office hands them on: a title block (what, which unit, which day,
which filter), a bold header frozen under it with filter buttons, widths set, dates as
real dates shown 29/6/2023, counts as numbers. Pure: openpyxl only, no Django.

    book = new_book()
    table_sheet(book, "Đảng viên", title="DANH SÁCH ĐẢNG VIÊN", notes=["Đảng bộ xã ..."],
                columns=[Column("Họ và tên", 28), Column("Ngày sinh", 12, DATE)], rows=rows)
    data = finish(book)
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

TEXT, DATE, NUMBER, PERCENT = "text", "date", "number", "percent"
DATE_FORMAT = "d/m/yyyy"
NUMBER_FORMAT = "#,##0"  # Excel shows the separators of the user's locale: 1.234
PERCENT_FORMAT = "0.0%"

_TITLE = Font(name="Times New Roman", bold=True, size=14)
_NOTE = Font(name="Times New Roman", italic=True, size=11)
_HEADER = Font(name="Times New Roman", bold=True, size=11)
_BODY = Font(name="Times New Roman", size=11)
_HEADER_FILL = PatternFill("solid", fgColor="EEEEEE")


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 14
    kind: str = TEXT  # TEXT, DATE, NUMBER or PERCENT (a fraction: 0.125 shows 12,5%)


def new_book() -> Workbook:
    return Workbook(write_only=True)


def table_sheet(
    book: Workbook,
    name: str,
    *,
    title: str,
    notes: Sequence[str],
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Append a sheet named `name` holding `rows` under `title` and `notes`; the number of
    rows written."""
    sheet = book.create_sheet(name[:31])
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    header_row = 1 + len(notes) + 2  # the title, the notes, a blank line, the header
    sheet.freeze_panes = f"A{header_row + 1}"
    print_setup(sheet, header_row)
    sheet.append([_cell(sheet, title, _TITLE)])
    for note in notes:
        sheet.append([_cell(sheet, note, _NOTE)])
    sheet.append([])
    sheet.append([_header(sheet, c.title) for c in columns])
    count = 0
    for row in rows:
        sheet.append([_value(sheet, value, c.kind) for value, c in zip(row, columns, strict=False)])
        count += 1
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + max(count, 1)}"
    return count


def print_setup(sheet: Any, header_row: int) -> None:
    """Printed as offices print a list: A4 landscape, the columns fitted to the page's
    width, the header row repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"


def finish(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet: Any, value: Any, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    return cell


def _header(sheet: Any, title: str) -> WriteOnlyCell:
    cell = _cell(sheet, title, _HEADER)
    cell.fill = _HEADER_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    return cell


def _value(sheet: Any, value: Any, kind: str) -> WriteOnlyCell:
    cell = _cell(sheet, value if value != "" else None, _BODY)
    if kind == DATE and isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif kind == NUMBER:
        cell.number_format = NUMBER_FORMAT
    elif kind == PERCENT:
        cell.number_format = PERCENT_FORMAT
    return cell


__all__ = [
    "DATE",
    "NUMBER",
    "PERCENT",
    "TEXT",
    "Column",
    "finish",
    "new_book",
    "print_setup",
    "table_sheet",
]
