"""The plain report object the renderer turns into a document (no Django).

A report is what an office signs: the header of Hướng dẫn 36-HD/VPTW (the superior body
over the issuing body, the number and symbol, the place and date), the genre and the
summary line, the body (headings and paragraphs whose figures are bound to their
sources), the footnotes, an appendix of tables, the recipients and the signature block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dangvu.core.dates import format_long

__all__ = [
    "Block",
    "BlockKind",
    "Header",
    "Report",
    "Signature",
    "Span",
    "Table",
]


class BlockKind:
    """Kinds of body blocks; each is a paragraph style of the templates."""

    SECTION = "section"  # I. KẾT QUẢ ĐẠT ĐƯỢC
    HEADING = "heading"  # 1. Công tác tổ chức, cán bộ
    SUBHEADING = "subheading"  # 1.1. ...
    PARAGRAPH = "paragraph"
    BULLET = "bullet"  # - Tiếp tục chỉ đạo ...

    ALL = (SECTION, HEADING, SUBHEADING, PARAGRAPH, BULLET)


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph. `source` names what a figure is bound to (an indicator,
    a task's completion, a statistic), "" for plain wording; `footnote` is the number of
    the footnote whose mark follows this piece."""

    text: str
    source: str = ""
    footnote: int | None = None


@dataclass(frozen=True)
class Block:
    kind: str
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def figures(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.source)


@dataclass(frozen=True)
class Table:
    """An appendix table: a title, the column headings and rows of cells as shown."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Signature:
    """`T/M BAN THƯỜNG VỤ` / `BÍ THƯ` / name; a deputy: `K/T BÍ THƯ` / `PHÓ BÍ THƯ`."""

    capacity: str
    position: str
    name: str


@dataclass(frozen=True)
class Header:
    superior: str  # ĐẢNG BỘ TỈNH YÊN BÁI
    issuer: str  # ĐẢNG ỦY XÃ VIỆT THÀNH
    type_code: str  # BC
    issuer_code: str  # ĐU
    place: str  # Yên Bái
    date: date | None
    number: str = ""  # "" until the draft is issued and takes its number

    @property
    def symbol(self) -> str:
        """27-BC/ĐU; a draft leaves the number blank for the register: `   -BC/ĐU`."""
        number = self.number or "\u00a0" * 6
        return f"{number}-{self.type_code}/{self.issuer_code}"

    @property
    def place_date(self) -> str:
        """Yên Bái, ngày 29 tháng 6 năm 2023 (a draft without a date: ngày ... tháng ...)."""
        when = format_long(self.date) if self.date else "ngày    tháng    năm    "
        return f"{self.place}, {when}" if self.place else when


@dataclass(frozen=True)
class Report:
    genre: str  # the template's key (see render.GENRES)
    header: Header
    type_name: str  # BÁO CÁO
    title: str  # the summary line
    blocks: tuple[Block, ...]
    signature: Signature
    recipients: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()  # footnote n is footnotes[n - 1]
    tables: tuple[Table, ...] = field(default=())

    @property
    def figures(self) -> tuple[Span, ...]:
        return tuple(f for b in self.blocks for f in b.figures)
