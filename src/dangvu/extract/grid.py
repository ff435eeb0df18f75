"""Figures in plain-text tables: the appendix of a report (``PHỤ LỤC ... số liệu``).

A table is a run of at least two lines split into cells by ``|`` (Markdown, or a Word
table saved as text) or by tabs. The first row names the columns; rows of dashes are
rules. Every cell of a data row that holds only a number (``1.318``, ``54,9``,
``54,9%``, ``236/241``) is a figure, except in a column of row numbers (``STT``). Its
unit is ``%`` under a column of rates (``Tỷ lệ (%)``), else the counting unit its row
label names (``Kết nạp đảng viên mới`` → ``đảng viên``), else the column's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .clean import CleanText, fold
from .figures import count_unit_in, parse_number
from .models import Figure

__all__ = ["find_grid_figures"]

_N = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"
_NUMBER_CELL = re.compile(rf"[ \t]*(?P<a>{_N})(?:[ \t]*/[ \t]*(?P<b>{_N}))?[ \t]*(?P<pct>%)?[ \t]*")
_RULE_CELL = re.compile(r"[ \t]*:?-{2,}:?[ \t]*")
_ROW_NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "ma", "ma so"})
_RATE_HEADER = re.compile(r"%|(?<!\w)ty le(?!\w)|(?<!\w)ti le(?!\w)", re.I)


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str


def _cells(text: str, start: int, end: int) -> list[_Cell] | None:
    """The cells of the line ``text[start:end]``, or None if it is not a table row."""
    line = text[start:end]
    if line.count("|") >= 2:
        sep = "|"
    elif line.count("\t") >= 2 and line.strip("\t "):
        sep = "\t"
    else:
        return None
    cells: list[_Cell] = []
    pos = start
    for part in line.split(sep):
        cells.append(_Cell(pos, pos + len(part), part))
        pos += len(part) + 1
    if sep == "|" and line.strip().startswith("|"):
        cells = cells[1:]
    if sep == "|" and line.strip().endswith("|"):
        cells = cells[:-1]
    return cells


def _rows(text: str) -> list[list[list[_Cell]]]:
    """Tables: runs of consecutive table rows, each a list of rows of cells."""
    tables: list[list[list[_Cell]]] = []
    current: list[list[_Cell]] = []
    pos = 0
    for line in text.split("\n"):
        cells = _cells(text, pos, pos + len(line))
        if cells is not None and len(cells) >= 2:
            current.append(cells)
        elif current:
            tables.append(current)
            current = []
        pos += len(line) + 1
    if current:
        tables.append(current)
    return [t for t in tables if len(t) >= 2]


def _is_rule(row: list[_Cell]) -> bool:
    return all(_RULE_CELL.fullmatch(c.text) or not c.text.strip() for c in row)


def _row_number_column(header: list[_Cell], rows: Sequence[list[_Cell]], folded: str) -> int:
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


def find_grid_figures(ct: CleanText, masks: Sequence[tuple[int, int]]) -> list[Figure]:
    """Figures in the cells of plain-text tables (clean offsets)."""
    if "|" not in ct.text and "\t" not in ct.text:
        return []
    out: list[Figure] = []
    for table in _rows(ct.text):
        header, body = table[0], [r for r in table[1:] if not _is_rule(r)]
        skip = _row_number_column(header, body, ct.folded)
        for row in body:
            labels = [c for c in row if re.search(r"[^\W\d_]", c.text)]
            label = labels[0].text.strip() if labels else ""
            for i, cell in enumerate(row):
                match = _NUMBER_CELL.fullmatch(cell.text)
                if i == skip or match is None:
                    continue
                start, end = cell.start + match.start("a"), cell.start + len(cell.text.rstrip())
                if any(s < end and start < e for s, e in masks):
                    continue
                column = header[i].text.strip() if i < len(header) else ""
                value = parse_number(match["a"])
                of = parse_number(match["b"]) if match["b"] else None
                if match["pct"] or _RATE_HEADER.search(fold(column)):
                    unit = "%"
                else:
                    unit = count_unit_in(label) or column or label
                what = f"{label} ({column})" if column else label
                out.append(Figure(start, end, ct.text[start:end], what, value, of, unit))
    return out
