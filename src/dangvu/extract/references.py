"""References to numbered documents, party (``33-KH/TU``) and state (``13/2023/NĐ-CP``).

The number-and-symbol is the anchor: it is found first on the folded text, then the
words before it (the type name, ``số``, a list of numbers ``18, 19-``) and after it
(``, ngày 25/02/2022``, ``của Bộ Chính trị``) are read outwards from it.

Besides the full symbol, four forms are read, each only where the words before it name
a document (a type name or ``số``): a party symbol without its issuer (``Thông báo Kết
luận số 204-TB``); state correspondence whose symbol has no genre code (``Công văn số
452/HĐBCQG-VP``); a number without any symbol, named by its genre and dated or given an
issuer (``Kế hoạch số 203 ngày 14.9.2021 của Ban Thường vụ Huyện ủy``: type and issuer
codes as far as the words tell, ``tables.ISSUER_NAME_CODES``), or named so again after
its full symbol (``Kết luận 65``: see ``short_forms``); and a symbol broken by a
line break or spaces (``Số: 41 -⏎HD/BTCTW``). A reference without a date of its own
takes the date that opens its sentence when an issuing verb stands right before it
(``Ngày 14/3/2024, Ban Bí thư ban hành Quy định số 88-QĐ/TW``), and a date on the next
line after a comma (a decision's ``Căn cứ`` list) is the reference's own.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import cache

from .clean import CleanText, fold
from .dates import match_date_at, match_ocr_date_at
from .frozen import quick_init
from .issued import dated_by_sentence
from .models import Reference
from .phrases import scan_org_phrase
from .short_forms import earlier_full, text_aliases
from .spans import SpanSet
from .symbols import (
    Symbol,
    bare_patterns,
    code_key,
    code_tables,
    might_contain_references,
    patterns,
    read_symbols,
)
from .tables import (
    ISSUER_NAME_CODES,
    PARTY_DOC_TYPES,
)

__all__ = ["find_references", "might_contain_references"]

_BACK_WINDOW = 160
_SHORT_BACK_WINDOW = 48


@cache
def _issuer_name_codes() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(fold(name))}(?!\w)", re.I), code)
        for name, code in ISSUER_NAME_CODES
    )


def _code_of_issuer(name: str | None) -> str | None:
    """The issuer code a body named in words has (``Ban Thường vụ Huyện ủy`` → ``HU``)."""
    if name is None:
        return None
    folded = fold(name)
    for pattern, code in _issuer_name_codes():
        if pattern.search(folded):
            return code
    return None


_DATE_LEAD = re.compile(
    # "Căn cứ Quy định số 30-QĐ/TW,\nngày 26/7/2021": a date on the next line after a comma
    r"[ \t]*(?:,[ \t]*(?:\n[ \t]*(?=ngay))?)?(?P<open>\([ \t]*)?(?:duoc[ \t]+)?"
    r"(?:(?:ban[ \t]+hanh|ky)[ \t]+)?"
    r"(?P<day>ngay[ \t]*(?:\n[ \t]*)?(?:ban[ \t]+hanh[ \t]+)?(?:(?:mung|mong)[ \t]+)?)?",
    re.I,
)
_CLOSE = re.compile(r"[ \t]*\)")
_ISSUER_LEAD = re.compile(r"[ \t]*,?[ \t]*cua[ \t]+", re.I)
_LIST_NUMBER = re.compile(r"[0-9]{1,4}")
_LIST_GAP = re.compile(r"[ \t]*(?:,|;|&|va\b)[ \t]*", re.I)


def _type_name(written: str | None, symbol: Symbol) -> str | None:
    tables = code_tables()
    by_code = tables.state_by_code if symbol.state else tables.party_by_code
    default = by_code.get(code_key(symbol.type_code)) if symbol.type_code else None
    if written:
        doc_type = tables.names.get(written.lower())
        if symbol.state:
            doc_type = tables.state_names.get(written.lower(), doc_type)
        if doc_type is not None and (
            symbol.type_code is None
            or not doc_type.codes
            or code_key(symbol.type_code) in {code_key(c) for c in doc_type.codes}
        ):
            return doc_type.name
    if default is not None:
        return default.name
    if symbol.state and symbol.type_code is None and not symbol.bare:
        return "Luật"
    return None


def _read_back(ct: CleanText, symbol: Symbol) -> tuple[int, str | None, list[str]]:
    """Start of the reference, the type name written before it, and listed numbers."""
    _, _, back, law = patterns()
    floor = max(0, symbol.start - _BACK_WINDOW)
    line_start = ct.folded.rfind("\n", floor, symbol.start) + 1 or floor
    # The pattern ends at "$": a search tries it from every position of the window. A
    # short window holds a type name and "số"; the long one is needed only for a long
    # list of numbers ("18, 19, 20, 21-NQ/TW") or when the short one finds neither.
    for reach in (_SHORT_BACK_WINDOW, _BACK_WINDOW):
        window_start = max(line_start, symbol.start - reach)
        window = ct.folded[window_start : symbol.start]
        before = _read_before(back, window)
        whole = window_start == line_start
        if whole or (before.start > 0 and (before.type or before.so)):
            break
    start = symbol.start
    type_written: str | None = None
    numbers: list[str] = []
    if before.type or before.so:
        start = window_start + (before.type_start if before.type else before.so_start)
        type_written = before.type
        if before.listed:
            numbers = _LIST_NUMBER.findall(before.listed)
    if symbol.state and type_written is None:
        law_start = max(line_start, floor)  # a law's name is long: the long window
        law_match = law.search(ct.folded[law_start : symbol.start])
        if law_match:
            start = law_start + law_match.start("type")
            type_written = law_match["type"]
    return start, type_written, numbers


@quick_init
@dataclass(frozen=True)
class _Before:
    """What stands before a symbol in a window: where it starts, the type name, ``số``
    and the numbers listed (offsets in the window)."""

    start: int
    type: str | None
    type_start: int
    so: str | None
    so_start: int
    listed: str


def _read_before(back: re.Pattern[str], window: str) -> _Before:
    size = len(window)
    found = back.match(window[::-1])
    assert found is not None  # every part is optional

    def part(name: str) -> tuple[str | None, int]:
        if found.start(name) < 0:
            return None, -1
        start = size - found.end(name)
        return window[start : size - found.start(name)], start

    type_written, type_start = part("type")
    so, so_start = part("so")
    listed, _ = part("list")
    return _Before(size - found.end(), type_written, type_start, so, so_start, listed or "")


def _read_forward(ct: CleanText, pos: int) -> tuple[int, datetime.date | None, str | None]:
    """End of the reference, its date and the issuer named after ``của``."""
    end = pos
    date: datetime.date | None = None
    lead = _DATE_LEAD.match(ct.folded, pos)
    if lead:
        hit = match_date_at(ct.lower, lead.end())
        if hit is None and lead["day"]:
            hit = match_ocr_date_at(ct.lower, lead.end())  # "ngày l6/6/2016" of a scan
        if hit is not None:
            date = hit.date
            end = hit.end
            if lead["open"]:
                close = _CLOSE.match(ct.folded, end)
                if close:
                    end = close.end()
    issuer_name: str | None = None
    lead = _ISSUER_LEAD.match(ct.folded, end)
    if lead:
        phrase_end = scan_org_phrase(ct.text, ct.folded, lead.end())
        if phrase_end is not None:
            issuer_name = ct.text[lead.end() : phrase_end]
            end = phrase_end
    return end, date, issuer_name


def _share_within_lists(ct: CleanText, refs: list[Reference]) -> list[Reference]:
    """``18-NQ/TW và 19-NQ/TW ngày 25/10/2017 của ...``: the tail and the type name
    written once belong to every symbol of the list (same type and issuer codes).

    A symbol that opens with its own type name or ``số`` (``Nghị quyết số 18-NQ/TW và
    Nghị quyết số 19-NQ/TW ngày ...``) is a reference of its own: the tail after it is
    its alone."""
    out = list(refs)
    for i in range(len(out) - 1, 0, -1):
        prev, cur = out[i - 1], out[i]
        same_kind = (prev.type_code, prev.issuer_code) == (cur.type_code, cur.issuer_code)
        joined = _LIST_GAP.fullmatch(ct.folded, prev.end, cur.start)
        bare = ct.folded[cur.start : cur.start + 1].isdigit()
        if not (same_kind and joined and bare and prev.date is None and prev.issuer_name is None):
            continue
        out[i - 1] = dataclasses.replace(prev, date=cur.date, issuer_name=cur.issuer_name)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        same_kind = (prev.type_code, prev.issuer_code) == (cur.type_code, cur.issuer_code)
        listed = same_kind and prev.start != cur.start
        if listed and _LIST_GAP.fullmatch(ct.folded, prev.end, cur.start):
            out[i] = dataclasses.replace(cur, type=prev.type)
    return out


def _genre_references(ct: CleanText, taken: list[Reference]) -> list[Reference]:
    """``Kế hoạch số 203 ngày 14.9.2021 của Ban Thường vụ Huyện ủy``, ``Nghị quyết 19 của
    Hội nghị Trung ương 7 (khóa XII)``: a number without symbol, named by its genre and
    dated or given its issuer (a bare ``Nghị quyết 57`` is a name, not a reference)."""
    tables = code_tables()
    _, _, genre = bare_patterns()
    out: list[Reference] = []
    spans = SpanSet((r.start, r.end) for r in taken)
    aliases: set[tuple[str, str]] | None = None
    for match in genre.finditer(ct.lower):
        start, num_end = match.start(), match.end()
        if spans.overlaps(start, num_end):
            continue
        end, date, issuer_name = _read_forward(ct, num_end)
        doc_type = tables.names[match["type"]]
        issuer_code = _code_of_issuer(issuer_name)
        if date is None and issuer_name is None:
            # "Kết luận 65" after "Kết luận số 65-KL/TW" in the same text: its codes
            full = earlier_full(taken, doc_type.name, match["num"], start)
            if full is None:
                continue
            aliases = aliases if aliases is not None else text_aliases(ct.lower, genre)
            if (match["type"], match["num"]) in aliases:
                continue  # "(sau đây gọi là Nghị quyết 57)": a name the text gives it
            issuer_code = full.issuer_code
        out.append(
            Reference(
                start=start,
                end=end,
                text=ct.text[start:end],
                type=doc_type.name,
                number=match["num"],
                type_code=doc_type.codes[0],
                issuer_code=issuer_code,
                date=date,
                issuer_name=issuer_name,
                state=doc_type not in PARTY_DOC_TYPES,
            )
        )
    return out


def find_references(ct: CleanText) -> list[Reference]:
    """Every reference in the clean text, in order, repeats included (clean offsets)."""
    out: list[Reference] = []
    for symbol in read_symbols(ct):
        start, type_written, numbers = _read_back(ct, symbol)
        if symbol.bare and start == symbol.start:
            continue  # "15-TB", "45/BCĐ-VP" with no type name or "số" before: no reference
        end, date, issuer_name = _read_forward(ct, symbol.end)
        if symbol.issuer_code is None:  # "315-TB của Thường trực Tỉnh ủy": TU, as told
            symbol = dataclasses.replace(symbol, issuer_code=_code_of_issuer(issuer_name))
        type_name = _type_name(type_written, symbol)
        for number in (*numbers, symbol.number):
            out.append(
                Reference(
                    start=start,
                    end=end,
                    text=ct.text[start:end],
                    type=type_name,
                    number=number,
                    type_code=symbol.type_code,
                    issuer_code=symbol.issuer_code,
                    date=date,
                    issuer_name=issuer_name,
                    state=symbol.state,
                )
            )
    out += _genre_references(ct, out)
    out.sort(key=lambda r: r.start)
    return dated_by_sentence(ct, _share_within_lists(ct, out))
