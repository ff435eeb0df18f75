"""Figures in plain-text tables: the appendix of a report (``PHỤ LỤC ... số liệu``).

A table is a run of at least two lines split into cells by ``|`` (Markdown, or a Word
table saved as text), by tabs, or by gaps of two or more spaces (text from a PDF, a
pandoc plain-text table). In a table of spaces, cells belong to the column whose span
they overlap: the span of a dash rule's segment (``----- --------``) or of a header cell,
so an empty cell does not shift the others; a blank line or a wrapped label line between
its rows does not end it. The first row names the columns unless it holds a number (a
list of ``label<TAB>value`` lines has no header); rows of dashes are rules. Every cell of
a data row that holds only a number (``1.318``, ``54,9``, ``54,9%``, ``236/241``) is a
figure, except in a column of row numbers (``STT``). Its unit is ``%`` under a column of
rates (``Tỷ lệ (%)``), else the counting unit a column of counts names (``Số đảng viên``), else
the one its row label names (``Kết nạp đảng viên mới`` → ``đảng viên``), else the
column's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .clean import CleanText, fold
from .figures import count_unit_in, parse_number
from .models import Figure

__all__ = ["Cell", "Table", "find_grid_figures", "read_tables"]

_N = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
_NUMBER_CELL = re.compile(rf"[ \t]*(?P<a>{_N})(?:[ \t]*/[ \t]*(?P<b>{_N}))?[ \t]*(?P<pct>%)?[ \t]*")
_RULE_CELL = re.compile(r"[ \t]*:?-{2,}:?[ \t]*")
# A table aligned with spaces: lines with a gap of two or more spaces between two runs
# of text, or dash rules (``-----  --------``); a run is a cell.
_SPACED = re.compile(r"\S {2,}\S")
_DASH_LINE = re.compile(r"[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*")
_CHUNK = re.compile(r"\S+(?: \S+)*")
_DASHES = re.compile(r"-{3,}")
_SKIPPED_LINES = 2  # blank or wrapped label lines allowed between two rows
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_COUNT_HEADER = re.compile(r"(?:tong[ \t]+)?so[ \t]+(?!tt\b|thu[ \t]+tu)", re.I)  # "Số chi bộ"
_ROW_NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "ma", "ma so"})
_RATE_HEADER = re.compile(r"%|(?<!\w)ty le(?!\w)|(?<!\w)ti le(?!\w)", re.I)


@dataclass(frozen=True)
class Cell:
    """A cell of a table row: its span in the clean text and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Table:
    """A table: the row naming its columns (empty when the first row holds values, as in
    a list of ``label<TAB>value`` lines) and its data rows, rules left out."""

    header: list[Cell]
    body: list[list[Cell]]


def _cells(text: str, start: int, end: int) -> list[Cell] | None:
    """The cells of the line ``text[start:end]`` split by ``|`` or tabs, or None."""
    line = text[start:end]
    if line.count("|") >= 2:
        sep = "|"
    elif "\t" in line and sum(1 for part in line.split("\t") if part.strip()) >= 2:
        sep = "\t"
    else:
        return None
    cells: list[Cell] = []
    pos = start
    for part in line.split(sep):
        cells.append(Cell(pos, pos + len(part), part))
        pos += len(part) + 1
    if sep == "|" and line.strip().startswith("|"):
        cells = cells[1:]
    if sep == "|" and line.strip().endswith("|"):
        cells = cells[:-1]
    return cells


def _chunks(text: str, start: int, end: int, pattern: re.Pattern[str] = _CHUNK) -> list[Cell]:
    """The runs of a line between gaps of two or more spaces (or a dash rule's segments)."""
    return [Cell(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]


def _column(start: int, end: int, columns: Sequence[tuple[int, int]]) -> int:
    """The column ``[start, end)`` overlaps most, else the nearest one (line offsets)."""

    def score(i: int) -> tuple[int, int]:
        left, right = columns[i]
        return (min(end, right) - max(start, left), -abs(start - left))

    return max(range(len(columns)), key=score)


def _space_table(text: str, lines: Sequence[tuple[int, int]]) -> list[list[Cell]] | None:
    """A run of lines aligned in columns with spaces, as rows of cells, or None."""
    rules = [(s, e) for s, e in lines if _DASH_LINE.fullmatch(text, s, e)]
    body = [(s, e, _chunks(text, s, e)) for s, e in lines if (s, e) not in rules]
    numeric = [r for r in body if any(_NUMBER_CELL.fullmatch(c.text) for c in r[2])]
    if len(numeric) < 2 or len(body) < 2:
        return None  # prose with wide gaps, a two-column header: no table of figures
    inner = [(s, _chunks(text, s, e, _DASHES)) for s, e in rules]
    inner = [(s, chunks) for s, chunks in inner if len(chunks) >= 2]
    if inner:
        at, columns = inner[0]
    else:
        at, _, columns = max(body[:2], key=lambda r: len(r[2]))
    spans = [(c.start - at, c.end - at) for c in columns]
    table: list[list[Cell]] = []
    for start, _, chunks in body:
        row = [Cell(start, start, "") for _ in spans]
        for chunk in chunks:
            i = _column(chunk.start - start, chunk.end - start, spans)
            if row[i].text:
                row[i] = Cell(row[i].start, chunk.end, text[row[i].start : chunk.end])
            else:
                row[i] = chunk
        table.append(row)
    heading = sum(1 for start, _, _ in body if inner and start < at)
    if heading > 1:  # a header over several lines above the rule: "So sánh" / "(%)"
        names = [
            " ".join(row[i].text for row in table[:heading]).strip() for i in range(len(spans))
        ]
        merged = [Cell(table[0][i].start, table[0][i].end, n) for i, n in enumerate(names)]
        table = [merged, *table[heading:]]
    return table


def _rows(text: str) -> list[list[list[Cell]]]:
    """Tables: runs of consecutive table rows, each a list of rows of cells."""
    tables: list[list[list[Cell]]] = []
    current: list[list[Cell]] = []
    spaced: list[tuple[int, int]] = []  # lines of a table aligned with spaces
    pending: list[tuple[int, int]] = []  # wrapped cell lines, kept if a row follows
    skipped = 0

    def close_spaced() -> None:
        table = _space_table(text, spaced) if len(spaced) >= 2 else None
        if table is not None:
            tables.append(table)
        spaced.clear()

    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        cells = _cells(text, start, end)
        if cells is not None and len(cells) >= 2:
            current.append(cells)
            continue
        if current:
            tables.append(current)
            current = []
        if _SPACED.search(line) or _DASH_LINE.fullmatch(line):
            spaced.extend(pending)
            spaced.append((start, end))
            pending.clear()
            skipped = 0
            continue
        if spaced and skipped < _SKIPPED_LINES and (not line.strip() or line[:2] == "  "):
            skipped += 1
            if line.strip():
                pending.append((start, end))
            continue
        if spaced:
            close_spaced()
        pending.clear()
        skipped = 0
    if current:
        tables.append(current)
    if spaced:
        close_spaced()
    return [t for t in tables if len(t) >= 2]


def _names_columns(row: list[Cell]) -> bool:
    """Is this first row a header? Not when it holds a number other than a year
    (``Tổng số đảng viên<TAB>23``: a list of labelled values has no header)."""
    for cell in row:
        match = _NUMBER_CELL.fullmatch(cell.text)
        if match is not None and not _YEAR.fullmatch(cell.text.strip()):
            return False
    return True


def _is_rule(row: list[Cell]) -> bool:
    return all(_RULE_CELL.fullmatch(c.text) or not c.text.strip() for c in row)


def _row_number_column(header: list[Cell], rows: Sequence[list[Cell]], folded: str) -> int:
    """The index of a column of row numbers (``STT``), or -1."""
    for i, cell in enumerate(header):
        name = folded[cell.start : cell.end].strip(" .").lower()
        if name in _ROW_NUMBER_HEADERS:
            return i
    firsts = [row[0].text.strip().rstrip(".") for row in rows if row]
    if firsts and all(f.isdigit() for f in firsts):
        numbers = [int(f) for f in firsts]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return 0
    return -1


def read_tables(ct: CleanText) -> list[Table]:
    """Every table of the clean text, in order."""
    if "|" not in ct.text and "\t" not in ct.text and "  " not in ct.text:
        return []
    out: list[Table] = []
    for table in _rows(ct.text):
        rows = [r for r in table if not _is_rule(r)]
        if rows:
            header, body = (rows[0], rows[1:]) if _names_columns(rows[0]) else ([], rows)
            out.append(Table(header, body))
    return out


def find_grid_figures(
    ct: CleanText, masks: Sequence[tuple[int, int]], tables: Sequence[Table]
) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Figures in the cells of plain-text tables, and the spans of every cell that holds
    only a number (row numbers included), which running text must not read again:
    ``1    Kết nạp đảng viên`` is a row number, not one party member (clean offsets)."""
    out: list[Figure] = []
    numbers: list[tuple[int, int]] = []
    for table in tables:
        header, body = table.header, table.body
        skip = _row_number_column(header, body, ct.folded)
        for row in body:
            labels = [c for c in row if re.search(r"[^\W\d_]", c.text)]
            label = labels[0].text.strip() if labels else ""
            for i, cell in enumerate(row):
                match = _NUMBER_CELL.fullmatch(cell.text)
                if match is None:
                    continue
                start, end = cell.start + match.start("a"), cell.start + len(cell.text.rstrip())
                numbers.append((start, end))
                if i == skip:
                    continue
                if any(s < end and start < e for s, e in masks):
                    continue
                column = header[i].text.strip() if i < len(header) else ""
                value = parse_number(match["a"])
                of = parse_number(match["b"]) if match["b"] else None
                if of is not None and (of == 0 or value > of or _YEAR.fullmatch(match["b"])):
                    continue  # "6/2024" is a month, "31/3" a day
                if match["pct"] or _RATE_HEADER.search(fold(column)):
                    unit = "%"
                else:
                    counted = count_unit_in(column) if _COUNT_HEADER.match(fold(column)) else None
                    unit = counted or count_unit_in(label) or column or label
                what = f"{label} ({column})" if column else label
                out.append(Figure(start, end, ct.text[start:end], what, value, of, unit))
    return out, numbers
