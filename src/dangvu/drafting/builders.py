"""Reports drafted from dangvu's data: each builder reads through the owning area's
selectors and returns the report object and the bound figures' values by source."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dangvu.access import SYSTEM
from dangvu.core.dates import format_short
from dangvu.documents.models import Document
from dangvu.orgs.models import Organization

from .phrasing import number, para, share
from .report import Block, BlockKind, Header, Report, Signature, Span, Table

__all__ = [
    "SIGNATURE",
    "Built",
    "Figures",
    "committee_name",
    "directive_report",
    "full_title",
    "member_stats_report",
    "org_header",
    "recipients_of",
    "reference_text",
]


@dataclass(frozen=True)
class Built:
    report: Report
    figures: dict[str, str]  # source -> the figure as written
    labels: dict[str, str]  # source -> what it is, in words


class Figures:
    """Collects bound figures while a builder writes its sentences."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.labels: dict[str, str] = {}

    def __call__(self, source: str, text: str, label: str) -> Span:
        self.values[source] = text
        self.labels[source] = label
        return Span(text, source=source)


# --- the header ------------------------------------------------------------------------

_OPENERS = ("Đảng bộ tỉnh ", "Đảng bộ thành phố ", "Đảng bộ ")


# How a committee is named from its organization: Đảng bộ tỉnh X -> Tỉnh ủy X.
_COMMITTEES = (
    ("Đảng bộ tỉnh ", "Tỉnh ủy "),
    ("Đảng bộ thành phố ", "Thành ủy "),
    ("Đảng bộ huyện ", "Huyện ủy "),
    ("Đảng bộ thị xã ", "Thị ủy "),
    ("Đảng bộ ", "Đảng ủy "),
)


def committee_name(org: Organization) -> str:
    if org.committee_name:
        return org.committee_name
    for opener, committee in _COMMITTEES:
        if org.name.startswith(opener):
            return committee + org.name[len(opener) :]
    return org.name


def _place(org: Organization) -> str:
    top = org
    while (parent := top.parent) is not None:
        top = parent
    for opener in _OPENERS:
        if top.name.startswith(opener):
            return top.name[len(opener) :]
    return top.name


def org_header(org: Organization, type_code: str = "BC") -> Header:
    parent = org.parent
    return Header(
        superior=parent.name if parent else "",
        issuer=committee_name(org),
        type_code=type_code,
        issuer_code=org.issuer_code or "ĐU",
        place=_place(org),
        date=None,
    )


def recipients_of(org: Organization) -> tuple[str, ...]:
    parent = org.parent
    above = f"Ban Thường vụ {committee_name(parent)} (để báo cáo)," if parent else ""
    return tuple(r for r in (above, "Các chi bộ, đảng bộ trực thuộc,", "Lưu Văn phòng.") if r)


SIGNATURE = Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "")


# --- references ------------------------------------------------------------------------


def _ref_date(d: date) -> str:
    """04/4/2023, 25/02/2022, 28/12/2022: as references are written in reports."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def _issuer_words(doc: Document) -> str:
    if doc.issuer_name:
        return doc.issuer_name
    if doc.issuer is not None:
        return committee_name(doc.issuer)
    return ""


def reference_text(doc: Document) -> str:
    """Kế hoạch số 126-KH/TU, ngày 04/4/2023 của Tỉnh ủy Yên Bái."""
    text = f"{doc.type_name or 'Văn bản'} số {doc.symbol}"
    if doc.date:
        text += f", ngày {_ref_date(doc.date)}"
    who = _issuer_words(doc)
    return f"{text} của {who}" if who else text


def full_title(doc: Document) -> str:
    """The footnote: the reference and the document's summary line from the register."""
    title = doc.title.strip().rstrip(".")
    return (
        f"{reference_text(doc)} {title}.".replace("  ", " ") if title else reference_text(doc) + "."
    )


# --- a directive's result report -------------------------------------------------------


def directive_report(*, task: Any, node: Organization, on: date) -> Built:
    """Báo cáo kết quả thực hiện the task's directive in `node`'s subtree, as of `on`."""
    from dangvu.tracking.models import Task
    from dangvu.tracking.selectors import missing_units, progress_of

    progress = progress_of(task, node, on)
    s = progress.summary
    fig = Figures()
    source = task.source
    ref = reference_text(source)
    who = committee_name(node)
    key = f"task:{task.pk}"
    blocks: list[Block] = [
        Block(
            BlockKind.PARAGRAPH,
            (
                Span(f"Thực hiện {ref}", footnote=1),
                Span(
                    f", Ban Thường vụ {who} báo cáo kết quả {task.title[:1].lower()}"
                    f"{task.title[1:]} như sau:"
                ),
            ),
        ),
        para("1. Kết quả thực hiện", kind=BlockKind.HEADING),
    ]
    result: list[str | Span] = [
        f"Đến ngày {format_short(on)}, đã có ",
        fig(
            f"{key}:done",
            f"{share(s.done, s.total)} chi, đảng bộ",
            "số đơn vị đã hoàn thành / phải thực hiện",
        ),
        " trực thuộc hoàn thành",
    ]
    if task.asks_sessions:
        result += [
            ", tổ chức ",
            fig(f"{key}:sessions", f"{number(s.sessions)} buổi", "số buổi đã tổ chức"),
        ]
    if task.asks_participants:
        result += [
            " với ",
            fig(
                f"{key}:participants",
                f"{number(s.participants)} lượt đảng viên",
                "số lượt đảng viên tham dự",
            ),
            " tham dự",
        ]
    result += [
        "; trong đó ",
        fig(f"{key}:on_time", f"{number(s.on_time)} đơn vị", "số đơn vị hoàn thành đúng hạn"),
        f" hoàn thành đúng hạn ({format_short(task.due_on)}).",
    ]
    blocks.append(para(*result))
    missing = missing_units(task, node, limit=60)
    blocks.append(para("2. Các đơn vị chưa hoàn thành", kind=BlockKind.HEADING))
    if missing:
        names = ", ".join(a.organization.name for a in missing)
        more = s.missing - len(missing)
        tail = f" và {number(more)} đơn vị khác" if more > 0 else ""
        blocks.append(
            para(
                fig(f"{key}:missing", f"{number(s.missing)} đơn vị", "số đơn vị chưa hoàn thành"),
                f" chưa hoàn thành: {names}{tail}.",
            )
        )
    else:
        blocks.append(para("Tất cả các đơn vị đã hoàn thành."))
    blocks.append(para("3. Nhiệm vụ thời gian tới", kind=BlockKind.HEADING))
    upcoming = list(
        Task.objects.filter(source=source, due_on__gt=on).exclude(pk=task.pk).order_by("due_on")[:6]
    )
    if missing:
        blocks.append(
            para(
                f"- Các đơn vị chưa hoàn thành khẩn trương thực hiện, báo cáo về Ban "
                f"Thường vụ {who}.",
                kind=BlockKind.BULLET,
            )
        )
    for t in upcoming:
        blocks.append(
            para(
                f"- {t.title[:1].upper()}{t.title[1:]} trước ngày {format_short(t.due_on)}.",
                kind=BlockKind.BULLET,
            )
        )
    blocks.append(para(f"Trên đây là báo cáo kết quả thực hiện {ref} của Ban Thường vụ {who}."))
    table = Table(
        "Kết quả theo đơn vị",
        ("Đơn vị", "Phải thực hiện", "Đã hoàn thành", "Đúng hạn", "Số buổi"),
        tuple(
            (
                r.org.name if r.org else "",
                number(r.total),
                number(r.done),
                number(r.on_time),
                number(r.sessions),
            )
            for r in progress.rows
        ),
    )
    report = Report(
        genre="directive",
        header=org_header(node),
        type_name="Báo cáo",
        title=f"kết quả thực hiện {ref}",
        blocks=tuple(blocks),
        signature=SIGNATURE,
        recipients=recipients_of(node),
        footnotes=(full_title(source),),
        tables=(table,) if progress.rows else (),
    )
    return Built(report, fig.values, fig.labels)


# --- the member statistics report -----------------------------------------------------


def member_stats_report(*, org: Organization, on: date, today: date) -> Built:
    """Số lượng đảng viên on `on`: the registry's counts of the subtree and by unit."""
    from dangvu.members.selectors import counts_by_child, counts_on, tables

    # read as the system: the draft's service has checked the actor's scope
    counts = counts_on(SYSTEM, org, on, today=today) or {}
    full = counts.get(("status", "chinh_thuc"), 0)
    prob = counts.get(("status", "du_bi"), 0)
    women = counts.get(("sex", "nu"), 0)
    exempt = counts.get(("exempt", "1"), 0)
    fig = Figures()
    key = f"members:{org.pk}:{on.isoformat()}"
    blocks = [
        para(
            f"Đến ngày {format_short(on)}, {org.name} có ",
            fig(f"{key}:total", f"{number(full + prob)} đảng viên", "tổng số đảng viên"),
            ", trong đó ",
            fig(f"{key}:full", f"{number(full)} đảng viên chính thức", "đảng viên chính thức"),
            ", ",
            fig(f"{key}:probationary", f"{number(prob)} đảng viên dự bị", "đảng viên dự bị"),
            "; ",
            fig(f"{key}:women", f"{number(women)} đảng viên nữ", "đảng viên nữ"),
            "; ",
            fig(f"{key}:exempt", f"{number(exempt)} đảng viên", "miễn công tác và sinh hoạt"),
            " được miễn công tác và sinh hoạt đảng.",
        ),
        para("Số liệu chi tiết theo các biểu dưới đây."),
    ]
    by_unit = [
        (v.name, c.get(("status", "chinh_thuc"), 0), c.get(("status", "du_bi"), 0))
        for v, c in counts_by_child(SYSTEM, org, on, today=today)
    ]
    tabs = []
    if by_unit:
        tabs.append(
            Table(
                "Số lượng đảng viên theo đơn vị trực thuộc",
                ("Đơn vị", "Tổng số", "Chính thức", "Dự bị"),
                tuple((n, number(a + b), number(a), number(b)) for n, a, b in by_unit),
            )
        )
    for t in tables(counts, on):
        if t.rows:
            tabs.append(
                Table(
                    t.title,
                    ("Chỉ tiêu", "Số đảng viên"),
                    tuple((label, number(n)) for label, n in t.rows),
                )
            )
    report = Report(
        genre="member_stats",
        header=org_header(org),
        type_name="Báo cáo",
        title=f"số lượng, chất lượng đảng viên đến ngày {format_short(on)}",
        blocks=tuple(blocks),
        signature=SIGNATURE,
        recipients=recipients_of(org),
        tables=tuple(tabs),
    )
    return Built(report, fig.values, fig.labels)
