"""Pure rules of periodic reporting: value types, the disaggregation grid, roll-up over the
tree and over time, ratios computed after aggregation, validation rules between cells,
and numbers read and written the Vietnamese way. No Django here.

A cell is an indicator's total (`KN01`) or one part of its grid (`KN01.nu`). Values are
`Decimal` for numbers (a yes is 1, a no 0) and `str` for short text; a missing cell is
absent from the mapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# --- value types and roll-ups ---------------------------------------------------------------

INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"
YES_NO = "yes_no"
TEXT = "text"
VALUE_TYPES = {
    INTEGER: "Số nguyên",
    DECIMAL: "Số thập phân",
    PERCENT: "Tỷ lệ phần trăm",
    YES_NO: "Có/Không",
    TEXT: "Chữ (ngắn)",
}
NUMERIC = (INTEGER, DECIMAL, PERCENT, YES_NO)

TREE_SUM = "sum"
TREE_LAST = "last"
TREE_NONE = "none"
TREE_ROLLUPS = {
    TREE_SUM: "Cộng các đơn vị",
    TREE_LAST: "Lấy giá trị báo cáo sau cùng",
    TREE_NONE: "Không tổng hợp",
}
TIME_SUM = "sum"
TIME_END = "end"
TIME_ROLLUPS = {TIME_SUM: "Cộng các tháng trong kỳ", TIME_END: "Số liệu tại thời điểm cuối kỳ"}

# The fixed disaggregation grid: "trong đó ..." columns of the paper forms.
PARTS: dict[str, str] = {
    "nu": "Nữ",
    "dtts": "Dân tộc thiểu số",
    "ton_giao": "Tôn giáo",
    "duoi_30": "Dưới 30 tuổi",
}
TOTAL = ""  # the part of an indicator's total


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    label: str
    section: str
    unit: str = "đảng viên"
    value_type: str = INTEGER
    tree: str = TREE_SUM
    time: str = TIME_SUM
    parts: tuple[str, ...] = ()
    numerator: str = ""  # a ratio: cells, computed after aggregation, never entered
    denominator: str = ""
    prefill: str = ""  # where dangvu computes it from (see selectors.prefill)
    note: str = ""

    @property
    def is_ratio(self) -> bool:
        return bool(self.numerator)

    @property
    def entered(self) -> bool:
        return not self.is_ratio

    def cells(self) -> list[str]:
        return [self.code, *(f"{self.code}.{p}" for p in self.parts)]


@dataclass(frozen=True)
class RuleSpec:
    """`left op right`, each side a sum of cells (`KN01.nu`, `DV02 + DV03`)."""

    left: str
    op: str
    right: str
    label: str  # as users say it: "nữ ≤ tổng số"


@dataclass(frozen=True)
class FormSpec:
    code: str
    version: int
    title: str
    indicators: tuple[IndicatorSpec, ...]
    rules: tuple[RuleSpec, ...] = ()
    narratives: tuple[tuple[str, str], ...] = ()
    description: str = ""

    def indicator(self, code: str) -> IndicatorSpec:
        for i in self.indicators:
            if i.code == code:
                return i
        raise KeyError(code)


NARRATIVES: tuple[tuple[str, str], ...] = (
    ("ket_qua", "Kết quả đạt được"),
    ("han_che", "Hạn chế, khuyết điểm, nguyên nhân"),
    ("phuong_huong", "Phương hướng, nhiệm vụ kỳ tới"),
    ("kien_nghi", "Kiến nghị, đề xuất"),
)

OPS = {"<=": "≤", "<": "<", "=": "=", ">=": "≥", ">": ">"}


def check_form(spec: FormSpec) -> list[str]:
    """Problems in a form's definition (empty when it is sound)."""
    problems = []
    codes = [i.code for i in spec.indicators]
    if len(set(codes)) != len(codes):
        problems.append("Mã chỉ tiêu bị trùng.")
    cells = {c for i in spec.indicators for c in i.cells()}
    for i in spec.indicators:
        if i.value_type not in VALUE_TYPES:
            problems.append(f"{i.code}: kiểu giá trị không hợp lệ.")
        if i.tree == TREE_SUM and i.value_type in (PERCENT, TEXT) and not i.is_ratio:
            problems.append(f"{i.code}: tỷ lệ và chữ không cộng được qua các đơn vị.")
        if i.parts and i.value_type != INTEGER:
            problems.append(f"{i.code}: chỉ số nguyên mới có cột “trong đó”.")
        for p in i.parts:
            if p not in PARTS:
                problems.append(f"{i.code}: không có cột “{p}”.")
        if i.is_ratio and not (i.numerator in cells and i.denominator in cells):
            problems.append(f"{i.code}: tử số, mẫu số phải là ô của biểu.")
    for r in spec.rules:
        if r.op not in OPS:
            problems.append(f"Quy tắc “{r.label}”: phép so sánh không hợp lệ.")
        for ref in (*terms(r.left), *terms(r.right)):
            if ref not in cells:
                problems.append(f"Quy tắc “{r.label}”: không có ô {ref}.")
    return problems


def terms(expression: str) -> list[str]:
    return [t.strip() for t in expression.split("+") if t.strip()]


# --- numbers as Vietnamese users write them --------------------------------------------------

_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^-?\d+([,.]\d+)?$")
YES_WORDS = {"có", "co", "x", "1", "yes", "đã", "rồi"}
NO_WORDS = {"không", "khong", "0", "no", "chưa"}


class CellError(ValueError):
    pass


def parse_number(text: str) -> Decimal:
    """ "1.234" -> 1234, "12,5" -> 12.5, "1.234,5" -> 1234.5. A lone "1.5" is read as the
    decimal 1,5 only when it cannot be a thousands group (one or two digits after)."""
    s = str(text).strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not s:
        raise CellError("trống")
    if _GROUPED.match(s) and not re.match(r"^-?\d+\.\d{1,2}$", s):
        s = s.replace(".", "").replace(",", ".")
    elif _PLAIN.match(s):
        s = s.replace(",", ".")
    else:
        raise CellError(f"“{text}” không phải là số")
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the patterns admit only numbers
        raise CellError(f"“{text}” không phải là số") from None


def parse_cell(value_type: str, raw: object) -> Decimal | str | None:
    """A cell typed by a user (a form field or an Excel cell) as its value; None when
    blank. Raises CellError with the reason, in Vietnamese."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raw = "có" if raw else "không"
    if isinstance(raw, int | float | Decimal) and value_type != TEXT:
        number = Decimal(str(raw))
    else:
        text = str(raw).strip()
        if not text:
            return None
        if value_type == TEXT:
            if len(text) > 500:
                raise CellError("dài quá 500 ký tự")
            return text
        if value_type == YES_NO:
            low = text.lower()
            if low in YES_WORDS:
                return Decimal(1)
            if low in NO_WORDS:
                return Decimal(0)
            raise CellError(f"“{text}” không phải Có hoặc Không")
        number = parse_number(text)
    if value_type == TEXT:
        return str(raw)
    if value_type == YES_NO:
        if number not in (0, 1):
            raise CellError("chỉ ghi Có hoặc Không")
        return number
    if number < 0:
        raise CellError("không được âm")
    if value_type == INTEGER and number != number.to_integral_value():
        raise CellError("phải là số nguyên")
    if value_type == PERCENT and number > 100:
        raise CellError("tỷ lệ không quá 100%")
    if abs(number) >= Decimal("1e12"):
        raise CellError("số quá lớn")
    return number


def vn_number(value: Decimal | int | float | None, places: int | None = None) -> str:
    """1234 -> "1.234"; 35.3412 with places=2 -> "35,34"; integers without decimals."""
    if value is None:
        return ""
    d = Decimal(str(value))
    if places is None:
        places = 0 if d == d.to_integral_value() else 2
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped}{',' + frac if frac else ''}"


def vn_percent(value: Decimal | None) -> str:
    return "" if value is None else f"{vn_number(value, 2)}%"


def show(value_type: str, value: Decimal | str | None) -> str:
    if value is None:
        return ""
    if value_type == TEXT:
        return str(value)
    if value_type == YES_NO:
        return "Có" if value == 1 else "Không"
    if value_type == PERCENT:
        return vn_percent(Decimal(value))
    return vn_number(Decimal(value))


# --- validation between cells ----------------------------------------------------------------

Values = Mapping[str, "Decimal | str | None"]


@dataclass(frozen=True)
class Problem:
    cell: str  # the cell named first
    message: str


def _sum(expression: str, values: Values) -> Decimal:
    total = Decimal(0)
    for ref in terms(expression):
        v = values.get(ref)
        if isinstance(v, Decimal):
            total += v
    return total


def _compare(a: Decimal, op: str, b: Decimal) -> bool:
    return {
        "<=": a <= b,
        "<": a < b,
        "=": a == b,
        ">=": a >= b,
        ">": a > b,
    }[op]


def cell_label(spec: FormSpec, cell: str, *, start: bool = False) -> str:
    """“ô KN01 “Kết nạp đảng viên mới”, cột “Nữ”” as a message names a cell (`start`:
    opening a sentence)."""
    code, _, part = cell.partition(".")
    try:
        ind = spec.indicator(code)
    except KeyError:
        return cell
    column = f", cột “{PARTS[part]}”" if part else ""
    return f"{'Ô' if start else 'ô'} {code} “{ind.label}”{column}"


def implied_rules(spec: FormSpec) -> list[RuleSpec]:
    """Each part of a grid is at most its total (nữ ≤ tổng số)."""
    return [
        RuleSpec(f"{i.code}.{p}", "<=", i.code, f"{PARTS[p].lower()} ≤ tổng số")
        for i in spec.indicators
        for p in i.parts
    ]


def validate(spec: FormSpec, values: Values, *, complete: bool) -> list[Problem]:
    """What is wrong with a set of values: a blank cell (when submitting), and each rule
    between cells that does not hold. Each problem names the cell and the rule."""
    problems: list[Problem] = []
    if complete:
        for ind in spec.indicators:
            if not ind.entered or ind.value_type == TEXT:
                continue
            fix = (
                "hãy ghi Có hoặc Không"
                if ind.value_type == YES_NO
                else "hãy nhập số (0 nếu không có)"
            )
            for cell in ind.cells():
                if values.get(cell) is None:
                    problems.append(
                        Problem(cell, f"{cell_label(spec, cell, start=True)} còn trống: {fix}.")
                    )
    for rule in (*implied_rules(spec), *spec.rules):
        refs = [*terms(rule.left), *terms(rule.right)]
        if any(values.get(ref) is None for ref in refs):
            continue  # a blank cell is reported above when it matters
        left, right = _sum(rule.left, values), _sum(rule.right, values)
        if not _compare(left, rule.op, right):
            first = terms(rule.left)[0]
            problems.append(
                Problem(
                    first,
                    f"{cell_label(spec, first, start=True)}: {vn_number(left)} sai quy tắc "
                    f"“{rule.label}” ({rule.left} {OPS[rule.op]} {rule.right}, vế phải là "
                    f"{vn_number(right)}).",
                )
            )
    return problems


# --- aggregation -----------------------------------------------------------------------------


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """numerator / denominator in percent, from totals already aggregated."""
    if numerator is None or not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.0001"))


def roll_up(
    spec: FormSpec, sheets: Sequence[Mapping[str, Decimal | str | None]]
) -> dict[str, Decimal | str | None]:
    """The consolidated cells of several units' sheets (oldest approval first): sums,
    the last value, nothing for "not rolled up"; then ratios from the sums. The database
    does the same in selectors.consolidation; this is its reference."""
    out: dict[str, Decimal | str | None] = {}
    for ind in spec.indicators:
        if ind.is_ratio:
            continue
        for cell in ind.cells():
            seen = [v for s in sheets if (v := s.get(cell)) is not None]
            if ind.tree == TREE_SUM:
                out[cell] = sum((Decimal(v) for v in seen), Decimal(0)) if sheets else None
            elif ind.tree == TREE_LAST:
                out[cell] = seen[-1] if seen else None
            else:
                out[cell] = None
    with_ratios(spec, out)
    return out


def with_ratios(spec: FormSpec, values: dict[str, Decimal | str | None]) -> None:
    for ind in spec.indicators:
        if ind.is_ratio:
            n, d = values.get(ind.numerator), values.get(ind.denominator)
            values[ind.code] = ratio(
                n if isinstance(n, Decimal) else None, d if isinstance(d, Decimal) else None
            )


def over_time(time_rule: str, values: Iterable[Decimal | None]) -> Decimal | None:
    """One cell over consecutive periods (oldest first): flows add up, stocks take the
    value at the end."""
    seen = list(values)
    if not seen:
        return None
    if time_rule == TIME_END:
        return seen[-1]
    present = [v for v in seen if v is not None]
    return sum(present, Decimal(0)) if present else None


def change(value: Decimal | None, before: Decimal | None) -> Decimal | None:
    if value is None or before is None:
        return None
    return Decimal(value) - Decimal(before)


def progress(value: Decimal | None, target: Decimal | None) -> Decimal | None:
    """Percent of a target reached (đạt 35,34% chỉ tiêu năm)."""
    return ratio(value, target)
