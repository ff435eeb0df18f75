"""Excel as users work: a unit's report as an .xlsx laid out like the paper form (computed
figures filled in, the structure protected, only the cells to fill unlocked), read back
with every problem named by its Excel cell; a committee uploads many units' sheets at once
(one workbook with a sheet per unit, or several workbooks)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from dangvu.access import Actor
from dangvu.core.dates import format_short as fmt

from .. import rules
from ..models import Round, Submission, SubmissionKind
from .entry import submission_save

MARK = "dangvu:bao-cao"
HEADER_ROW = 7
PART_COLUMNS = {"": 4, **{p: 5 + n for n, p in enumerate(rules.PARTS)}}  # D, E..H
COMPUTED_COLUMN = 9  # I
REASON_COLUMN = 10  # J
OPEN = Protection(locked=False)
GREY = PatternFill("solid", fgColor="EEEEEE")
INPUT = PatternFill("solid", fgColor="FFFDE7")
BOLD = Font(bold=True)


def _cell_value(value_type: str, v: Decimal | str | None) -> Any:
    if v is None:
        return None
    if value_type == rules.TEXT:
        return str(v)
    if value_type == rules.YES_NO:
        return "Có" if v == 1 else "Không"
    d = Decimal(v)
    return int(d) if d == d.to_integral_value() else float(d)


def _sheet_name(sub: Submission, taken: set[str]) -> str:
    base = "".join(ch for ch in (sub.organization.code or str(sub.pk)) if ch not in "[]:*?/\\")[:28]
    name, n = base or str(sub.pk), 2
    while name in taken:
        name, n = f"{base[:26]}-{n}", n + 1
    taken.add(name)
    return name


def write_sheet(
    book: Workbook, sub: Submission, computed: dict[str, Decimal], taken: set[str]
) -> None:
    spec = sub.round.form.spec
    ws = book.create_sheet(_sheet_name(sub, taken))
    stored = {v.cell: v for v in sub.values.select_related("indicator")}
    ws["A1"] = "ĐẢNG CỘNG SẢN VIỆT NAM"
    ws["A1"].font = BOLD
    ws["A2"] = sub.name
    ws["A2"].font = BOLD
    ws["A3"] = f"{spec.title} {sub.round.period.label}".upper()
    ws["A3"].font = Font(bold=True, size=13)
    ws["A4"] = (
        f"Hạn báo cáo: {fmt(sub.round.due_on)}; khóa sổ: {fmt(sub.round.locks_on)}. Chỉ nhập "
        "vào các ô nền vàng; ô “Số liệu tự tính” là số dangvu đếm được, sửa khác thì ghi lý do."
    )
    for col, value in enumerate([MARK, sub.pk, spec.code, spec.version, sub.organization.code], 1):
        ws.cell(row=5, column=col, value=value)
    ws.row_dimensions[5].hidden = True
    headers = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng số", *rules.PARTS.values()]
    headers += ["Số liệu tự tính", "Lý do sửa số liệu tự tính"]
    for col, text in enumerate(headers, 1):
        c = ws.cell(row=HEADER_ROW, column=col, value=text)
        c.font = BOLD
        c.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [8, 52, 12, 11, 9, 11, 9, 10, 12, 36]
    for col, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = w
    row = HEADER_ROW
    section = None
    for ind in spec.indicators:
        if ind.section != section:
            section = ind.section
            row += 1
            ws.cell(row=row, column=1, value=section).font = BOLD
        row += 1
        ws.cell(row=row, column=1, value=ind.code)
        ws.cell(row=row, column=2, value=ind.label).alignment = Alignment(wrap_text=True)
        ws.cell(row=row, column=3, value=ind.unit)
        if ind.is_ratio:
            ws.cell(row=row, column=4, value="tự tính sau khi tổng hợp").fill = GREY
            continue
        for part, col in PART_COLUMNS.items():
            target = ws.cell(row=row, column=col)
            if part and part not in ind.parts:
                target.fill = GREY
                continue
            cell = f"{ind.code}.{part}" if part else ind.code
            v = stored.get(cell)
            if v is not None:
                target.value = _cell_value(ind.value_type, v.text or v.number)
            else:
                target.value = _cell_value(ind.value_type, computed.get(cell))
            target.protection = OPEN
            target.fill = INPUT
        if ind.code in computed:
            ws.cell(
                row=row,
                column=COMPUTED_COLUMN,
                value=_cell_value(ind.value_type, computed[ind.code]),
            )
            reason = ws.cell(row=row, column=REASON_COLUMN)
            reason.value = stored[ind.code].reason if ind.code in stored else None
            reason.protection = OPEN
            reason.fill = INPUT
    row += 1
    for code, title in spec.narratives:
        row += 1
        ws.cell(row=row, column=1, value=f"#{code}")
        ws.cell(row=row, column=2, value=title).font = BOLD
        text = ws.cell(row=row, column=4, value=(sub.narratives or {}).get(code, ""))
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=REASON_COLUMN)
        text.protection = OPEN
        text.fill = INPUT
        text.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 60
    ws.protection.sheet = True
    ws.protection.formatCells = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)


def workbook(subs: Sequence[Submission], computed: dict[int, dict[str, Decimal]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for sub in subs:
        write_sheet(book, sub, computed.get(sub.pk, {}), taken)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- reading back ----------------------------------------------------------------------------


@dataclass
class SheetData:
    sheet: str
    submission_id: int
    form_code: str
    version: int
    values: dict[str, Any] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    narratives: dict[str, str] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # cell -> "E12"


@dataclass
class SheetResult:
    sheet: str
    unit: str
    saved: bool
    errors: list[str]
    denied: bool = False  # refused because the actor may not enter this unit's report


def read_sheets(data: bytes) -> tuple[list[SheetData], list[str]]:
    """The report sheets of a workbook, and the problems with sheets that are not ours."""
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not .xlsx
        return [], [
            "Tệp không phải là bảng tính Excel .xlsx: hãy tải biểu mẫu từ dangvu và điền vào đó."
        ]
    found, problems = [], []
    for ws in book.worksheets:
        if ws.cell(row=5, column=1).value != MARK:
            problems.append(f"Trang “{ws.title}” không phải biểu mẫu tải từ dangvu: bỏ qua.")
            continue
        sheet = SheetData(
            ws.title,
            int(ws.cell(row=5, column=2).value),
            str(ws.cell(row=5, column=3).value),
            int(ws.cell(row=5, column=4).value),
        )
        for row in ws.iter_rows(min_row=HEADER_ROW + 1):
            code = row[0].value
            if not isinstance(code, str) or not code.strip():
                continue
            code = code.strip()
            if code.startswith("#"):
                sheet.narratives[code[1:]] = str(row[3].value or "").strip()
                continue
            for part, col in PART_COLUMNS.items():
                cell = f"{code}.{part}" if part else code
                sheet.values[cell] = row[col - 1].value
                sheet.where[cell] = row[col - 1].coordinate
            reason = row[REASON_COLUMN - 1].value
            if reason:
                sheet.reasons[code] = str(reason)
        found.append(sheet)
    return found, problems


def upload(
    *,
    files: Iterable[tuple[str, bytes]],
    round: Round,
    actor: Actor,
    submit: bool,
    on: date | None = None,
) -> list[SheetResult]:
    """Save every sheet of every file, each on its own: a sheet with bad cells is refused
    whole (and its problems listed by Excel cell); the others are saved."""
    results: list[SheetResult] = []
    for name, data in files:
        sheets, problems = read_sheets(data)
        results.extend(SheetResult(name, "", False, [p]) for p in problems)
        for sheet in sheets:
            results.append(_save_sheet(name, sheet, round, actor, submit, on))
    return results


def _save_sheet(
    name: str, sheet: SheetData, round: Round, actor: Actor, submit: bool, on: date | None
) -> SheetResult:
    label = f"{name} › {sheet.sheet}"
    sub = (
        Submission.objects.filter(pk=sheet.submission_id, round=round, kind=SubmissionKind.ENTRY)
        .select_related("round__form", "organization")
        .first()
    )
    if sub is None:
        return SheetResult(
            label,
            "",
            False,
            ["Trang này là biểu của một đợt báo cáo khác: hãy tải biểu của đợt này."],
        )
    spec = sub.round.form.spec
    if (sheet.form_code, sheet.version) != (spec.code, spec.version):
        return SheetResult(
            label, sub.name, False, ["Biểu mẫu đã đổi phiên bản: hãy tải lại biểu mới."]
        )
    indicators = {i.code: i for i in spec.indicators}
    values = {c: v for c, v in sheet.values.items() if c.partition(".")[0] in indicators}
    reasons = {c: r for c, r in sheet.reasons.items() if c in indicators}
    try:
        with transaction.atomic():
            submission_save(
                submission=sub,
                values=values,
                reasons=reasons,
                narratives=sheet.narratives,
                submit=submit,
                actor=actor,
                on=on,
            )
    except PermissionDenied as exc:
        return SheetResult(label, sub.name, False, [str(exc)], denied=True)
    except ValidationError as exc:
        errors = []
        for cell, messages in exc.message_dict.items():
            where = sheet.where.get(cell)
            for m in messages:
                errors.append(f"Ô {where}: {m}" if where else m)
        return SheetResult(label, sub.name, False, errors)
    return SheetResult(label, sub.name, True, [])


def pivot_workbook(pivot: Any, title: str) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "Tong hop"
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=13)
    ws.cell(row=3, column=1, value="Đơn vị").font = BOLD
    ws.cell(row=3, column=2, value="Tình trạng").font = BOLD
    for col, (code, label) in enumerate(zip(pivot.codes, pivot.labels, strict=True), 3):
        c = ws.cell(row=3, column=col, value=f"{code} {label}")
        c.font = BOLD
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = 12
    ws.column_dimensions["A"].width = 40
    ws.row_dimensions[3].height = 90
    for r, row in enumerate(pivot.rows, 4):
        ws.cell(row=r, column=1, value=row.name)
        ws.cell(row=r, column=2, value=row.state_label)
        for col, (vt, v) in enumerate(zip(pivot.value_types, row.values, strict=True), 3):
            ws.cell(row=r, column=col, value=_cell_value(vt, v))
    total = 4 + len(pivot.rows)
    ws.cell(row=total, column=1, value="Tổng hợp (đã duyệt)").font = BOLD
    for col, (vt, v) in enumerate(zip(pivot.value_types, pivot.total, strict=True), 3):
        ws.cell(row=total, column=col, value=_cell_value(vt, v)).font = BOLD
    ws.freeze_panes = "C4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
