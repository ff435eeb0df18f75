"""Reading the uploaded workbook: the header found within the first rows (a title block
above it is passed over), each data row as {field: value} with its Excel row number, and a
damaged or inflating file refused in Vietnamese."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.template.defaultfilters import filesizeformat
from openpyxl import load_workbook

from dangvu.core.text import fold

# Column header (as users write it) → field. Headers are matched without diacritics.
COLUMNS: list[tuple[str, str]] = [
    ("Họ và tên", "full_name"),
    ("Tên gọi khác", "other_names"),
    ("Giới tính", "sex"),
    ("Ngày sinh", "birth_date"),
    ("Dân tộc", "ethnicity"),
    ("Tôn giáo", "religion"),
    ("Quê quán", "home_town"),
    ("Nơi ở hiện nay", "residence"),
    ("Điện thoại", "phone"),
    ("Số CCCD", "citizen_id"),
    ("Giáo dục phổ thông", "education"),
    ("Chuyên môn", "professional_level"),
    ("Lý luận chính trị", "theory_level"),
    ("Nghề nghiệp", "occupation"),
    ("Chức vụ", "positions"),
    ("Số thẻ đảng viên", "card_number"),
    ("Ngày vào Đảng", "admitted_on"),
    ("Ngày chính thức", "official_on"),
    ("Chi bộ", "cell"),
    ("Quyết định kết nạp", "decision"),
    ("Người giới thiệu 1", "sponsor1"),
    ("Người giới thiệu 2", "sponsor2"),
    ("Đồng ý của BTV (trên 60 tuổi)", "over_age_approval"),
]
REQUIRED = ("full_name", "sex", "birth_date", "admitted_on", "cell")
HEADER_OF = {f: h for h, f in COLUMNS}
_BY_FOLDED = {fold(h): f for h, f in COLUMNS}
MAX_ROWS = 20000
HEADER_SEARCH = 10


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


# An .xlsx is a zip whose members declare their inflated sizes: one inflating past this
# (a few kilobytes that would fill gigabytes) is refused before it is opened.
MAX_XLSX_INFLATED = 64 * 1024 * 1024
UNREADABLE = "Không đọc được tệp: hãy mở bằng Excel và lưu lại dạng .xlsx."


def _inflated_size(data: bytes) -> int | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return None


Rows = list[tuple[int, dict[str, Any]]]


def read_rows(data: bytes) -> tuple[Rows, list[Problem]]:
    """The data rows of the first sheet as {field: value}, with their Excel row numbers."""
    rows, _header, problems = read_sheet(data)
    return rows, problems


def read_sheet(data: bytes) -> tuple[Rows, dict[str, int], list[Problem]]:
    """`read_rows`, and the column (1-based) of each field in the file, for the marked
    copy given back."""
    inflated = _inflated_size(data)
    if inflated is None:
        return [], {}, [Problem(0, "", UNREADABLE)]
    if inflated > MAX_XLSX_INFLATED:
        return (
            [],
            {},
            [
                Problem(
                    0,
                    "",
                    f"Tệp Excel khi giải nén quá lớn ({filesizeformat(inflated)}, tối đa "
                    f"{filesizeformat(MAX_XLSX_INFLATED)}): hãy xóa các trang tính, ảnh không "
                    "cần thiết hoặc chia nhỏ danh sách.",
                )
            ],
        )
    try:
        return _read_sheet(data)
    except Exception:  # openpyxl raises many kinds on a damaged workbook, also mid-sheet
        return [], {}, [Problem(0, "", UNREADABLE)]


def _read_sheet(data: bytes) -> tuple[Rows, dict[str, int], list[Problem]]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    if not book.worksheets:
        return [], {}, [Problem(0, "", "Tệp Excel không có trang tính nào.")]
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    # The header is the first row naming every required column, within the first
    # HEADER_SEARCH rows (a title block above it, as in dangvu's own export, is passed over).
    # Without one, the row naming the most of them says which are missing.
    fields: list[str | None] = []
    header_at = 0
    for number, header in enumerate(rows, start=1):
        named = [_BY_FOLDED.get(fold(str(h or ""))) for h in header or ()]
        if sum(f in named for f in REQUIRED) > sum(f in fields for f in REQUIRED):
            fields, header_at = named, number
        if all(f in fields for f in REQUIRED) or number >= HEADER_SEARCH:
            break
    missing = [HEADER_OF[f] for f in REQUIRED if f not in fields]
    if missing:
        return (
            [],
            {},
            [
                Problem(
                    1,
                    h,
                    f"Thiếu cột “{h}”: một dòng trong {HEADER_SEARCH} dòng đầu phải có tiêu đề "
                    "các cột (Họ và tên, Ngày sinh, ...).",
                )
                for h in missing
            ],
        )
    out = []
    for number, values in enumerate(rows, start=header_at + 1):
        if values is None or all(v in (None, "") for v in values):
            continue
        record = {f: v for f, v in zip(fields, values, strict=False) if f}
        out.append((number, record))
        if len(out) > MAX_ROWS:
            return [], {}, [Problem(number, "", f"Tệp quá {MAX_ROWS} dòng: hãy chia nhỏ.")]
    where = {f: i for i, f in enumerate(fields, start=1) if f}
    where["_header"] = header_at
    return out, where, []


def cell_text(field: str, value: Any) -> str:
    """A cell as text. A number that Excel kept as a number loses what a number cannot
    hold: the leading zeros of a citizen ID (001080012345 shown 1080012345) and of a phone
    number (0912... shown 912...) are put back, and 12.0 reads 12."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        if field == "citizen_id" and 9 <= len(digits) < 12:
            return digits.zfill(12)
        if field == "phone" and len(digits) == 9:
            return "0" + digits
        return digits
    return str(value).strip()
