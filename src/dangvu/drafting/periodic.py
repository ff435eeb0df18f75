"""The periodic report (báo cáo quý / 6 tháng / 9 tháng / năm) on organization-building
work, from a reporting round's consolidation (`dangvu.reporting.selectors.consolidation`):
I. Kết quả (figures with the same period last year and the year's target, as committees
write them), II. Hạn chế, nguyên nhân, III. Phương hướng, nhiệm vụ (the sub-units'
submitted text to start from), and an appendix of the indicator tables."""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from dangvu.access import Actor
from dangvu.orgs.models import Organization

from .builders import (
    SIGNATURE,
    Built,
    Figures,
    committee_name,
    full_title,
    org_header,
    recipients_of,
    reference_text,
)
from .phrasing import number, para, percent
from .report import Block, BlockKind, Report, Span, Table

__all__ = ["periodic_report"]

# How a report words the main indicators: "kết nạp {n} đảng viên mới".
PHRASES = {
    "DV01": ("toàn Đảng bộ có ", " đảng viên"),
    "KN01": ("kết nạp ", " đảng viên mới"),
    "KN02": ("kết nạp lại ", " đảng viên"),
    "CN01": ("công nhận ", " đảng viên chính thức"),
    "CS01": ("tiếp nhận ", " đảng viên chuyển sinh hoạt đến"),
    "CS02": ("chuyển sinh hoạt đi ", " đảng viên"),
    "GD01": ("", " đảng viên từ trần"),
    "GD02": ("xóa tên ", " đảng viên"),
    "GD03": ("khai trừ ", " đảng viên"),
    "HH01": ("trao Huy hiệu Đảng cho ", " đảng viên"),
    "KL01": ("thi hành kỷ luật ", " đảng viên"),
}
NARRATIVE_SECTIONS = (
    ("ket_qua", None),
    ("han_che", "II. HẠN CHẾ, KHUYẾT ĐIỂM, NGUYÊN NHÂN"),
    ("phuong_huong", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
    ("kien_nghi", "IV. KIẾN NGHỊ, ĐỀ XUẤT"),
)


def _dec(v: Any) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


def _value_text(row: Any) -> str:
    value = _dec(row.value)
    if value is None:
        return row.shown
    return percent(float(value)) if row.value_type == "percent" else number(_num(value))


def _num(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _change_percent(value: Decimal | None, last: Decimal | None) -> float | None:
    if value is None or last is None or last == 0:
        return None
    return float((value - last) / last * 100)


def _sentence(row: Any, key: str, fig: Figures, last_year_label: str | None) -> list:
    """`kết nạp 1.234 đảng viên mới, đạt 105% chỉ tiêu năm, tăng 12,5% so với cùng kỳ`."""
    before, after = PHRASES.get(
        row.code, (f"{row.label[:1].lower()}{row.label[1:]}: ", f" {row.unit}".rstrip())
    )
    parts: list = [before, fig(f"{key}:{row.code}", _value_text(row), row.label), after]
    if row.progress is not None:
        parts += [
            ", đạt ",
            fig(
                f"{key}:{row.code}:progress",
                percent(float(row.progress)),
                f"{row.label}: tỷ lệ đạt chỉ tiêu năm",
            ),
            " chỉ tiêu năm",
        ]
    pct = _change_percent(_dec(row.value), row.last_year) if not row.is_ratio else None
    if pct is not None and pct != 0:
        word = "tăng" if pct > 0 else "giảm"
        parts += [
            f", {word} ",
            fig(f"{key}:{row.code}:change", percent(abs(pct)), f"{row.label}: so với cùng kỳ"),
            " so với cùng kỳ",
        ]
    elif pct == 0 and last_year_label:
        parts += [", bằng cùng kỳ"]
    return parts


def _sections(rows) -> OrderedDict[str, list]:
    out: OrderedDict[str, list] = OrderedDict()
    for r in rows:
        out.setdefault(r.section, []).append(r)
    return out


def _appendix(cons: Any) -> tuple[Table, ...]:
    tables = []
    for section, rows in _sections(cons.rows).items():
        body = []
        for r in rows:
            if r.value_type == "text":
                continue
            body.append(
                (
                    r.label,
                    r.unit,
                    _value_text(r),
                    number(_num(r.last_year)) if r.last_year is not None else "",
                    percent(float(r.progress)) if r.progress is not None else "",
                )
            )
        if body:
            tables.append(
                Table(
                    section,
                    (
                        "Chỉ tiêu",
                        "Đơn vị tính",
                        cons.period_label[:1].upper() + cons.period_label[1:],
                        "Cùng kỳ năm trước",
                        "Đạt chỉ tiêu năm",
                    ),
                    tuple(body),
                )
            )
    return tuple(tables)


def periodic_report(*, owner: Organization, source: dict[str, Any], actor: Actor) -> Built:
    """Read the round's consolidation and the units' reports side by side, then compose."""
    from dangvu.reporting.models import Round
    from dangvu.reporting.selectors import consolidation, pivot

    round_pk: Any = source.get("round")  # from the JSON source: a pk, or missing
    round_ = (
        Round.objects.select_related("form", "task__source__issuer").filter(pk=round_pk).first()
    )
    if round_ is None:
        raise ValidationError({"round": "Không tìm thấy kỳ báo cáo này."})
    cons = consolidation(actor=actor, round=round_, organization=owner)
    units = pivot(actor=actor, round=round_, organization=owner)
    basis = round_.task.source if round_.task is not None else None
    return compose_periodic(
        cons,
        units,
        key=f"indicator:{round_.pk}",
        header=org_header(owner),
        committee=committee_name(owner),
        recipients=recipients_of(owner),
        basis=(reference_text(basis), full_title(basis)) if basis is not None else None,
    )


# the indicators shown unit by unit in the appendix
BY_UNIT = ("DV01", "KN01", "CN01", "GD02", "HH01")


def _by_unit(units: Any) -> Table | None:
    if units is None or not units.rows:
        return None
    at = [units.codes.index(c) for c in BY_UNIT if c in units.codes]
    if not at:
        return None

    def cell(v: Any) -> str:
        return number(_num(v)) if isinstance(v, Decimal) else ("" if v is None else str(v))

    rows = tuple((r.name, *(cell(r.values[i]) for i in at)) for r in units.rows)
    total = ("Tổng cộng", *(cell(units.total[i]) for i in at))
    return Table(
        "Kết quả theo đơn vị",
        ("Đơn vị", *(units.labels[i] for i in at)),
        (*rows, total),
    )


def compose_periodic(
    cons: Any,
    units: Any,
    *,
    key: str,
    header: Any,
    committee: str,
    recipients: tuple[str, ...],
    basis: tuple[str, str] | None,
) -> Built:
    """The report from a consolidation (plain dataclasses; no database access)."""
    fig = Figures()
    who = committee
    reported = f"{number(cons.units_approved)}/{number(cons.units_expected)}"
    opening: list[Span] = []
    footnotes: tuple[str, ...] = ()
    if basis is not None:
        opening.append(Span(f"Thực hiện {basis[0]}", footnote=1))
        footnotes = (basis[1],)
    else:
        opening.append(Span("Thực hiện chế độ báo cáo định kỳ"))
    opening.append(
        Span(
            f", Ban Thường vụ {who} báo cáo tình hình, kết quả công tác tổ chức xây dựng Đảng "
            f"{cons.period_label} ({reported} đơn vị đã báo cáo) như sau:"
        )
    )
    blocks: list[Block] = [
        Block(BlockKind.PARAGRAPH, tuple(opening)),
        para("I. KẾT QUẢ ĐẠT ĐƯỢC", kind=BlockKind.SECTION),
    ]
    n = 0
    for section, rows in _sections(cons.rows).items():
        # committees write what happened: no zeros, no yes/no or text cells in sentences
        figures = [
            r for r in rows if r.value_type not in ("text", "yes_no") and (_dec(r.value) or 0) != 0
        ]
        if not figures:
            continue
        n += 1
        heading = section.split(". ", 1)[-1]
        blocks.append(para(f"{n}. {heading}", kind=BlockKind.HEADING))
        sentence: list = []
        for i, r in enumerate(figures):
            if i:
                sentence.append("; ")
            sentence += _sentence(r, key, fig, cons.last_year_label)
        sentence.append(".")
        first = next(i for i, p in enumerate(sentence) if isinstance(p, str) and p)
        sentence[first] = sentence[first][:1].upper() + sentence[first][1:]
        blocks.append(para(*sentence))
    narratives: dict[str, list] = {}
    for item in cons.narratives:
        narratives.setdefault(item.section, []).append(item)
    for code, title in NARRATIVE_SECTIONS:
        items = narratives.get(code, [])
        if title:
            if not items and code == "kien_nghi":
                continue
            blocks.append(para(title, kind=BlockKind.SECTION))
        elif items:
            blocks.append(para(f"{n + 1}. Kết quả ở các đơn vị", kind=BlockKind.HEADING))
        if not items and title:
            blocks.append(para("(Đơn vị soạn bổ sung nội dung.)"))
        for item in items:
            blocks.append(para(f"- {item.unit}: {item.text}", kind=BlockKind.BULLET))
    blocks.append(
        para(
            f"Trên đây là báo cáo tình hình, kết quả công tác tổ chức xây dựng Đảng "
            f"{cons.period_label} của Ban Thường vụ {who}."
        )
    )
    report = Report(
        genre="periodic",
        header=header,
        type_name="Báo cáo",
        title=f"tình hình, kết quả công tác tổ chức xây dựng Đảng {cons.period_label}; "
        "phương hướng, nhiệm vụ thời gian tới",
        blocks=tuple(blocks),
        signature=SIGNATURE,
        recipients=recipients,
        footnotes=footnotes,
        tables=tuple(t for t in (_by_unit(units), *_appendix(cons)) if t is not None),
    )
    return Built(report, fig.values, fig.labels)
