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
from functools import cache, lru_cache

from .anchors import trie_alternation
from .clean import CleanText, fold
from .dates import match_date_at, match_ocr_date_at
from .frozen import quick_init
from .issued import dated_by_sentence
from .models import Reference
from .phrases import scan_org_phrase
from .short_forms import earlier_full, text_aliases
from .spans import SpanSet
from .tables import (
    ISSUER_NAME_CODES,
    PARTY_DOC_TYPES,
    PARTY_ISSUER_CODES,
    STATE_DOC_TYPES,
    STATE_ISSUER_CODES,
    DocType,
)

__all__ = ["find_references", "might_contain_references"]

_BACK_WINDOW = 160
_SHORT_BACK_WINDOW = 48
_BREAK = r"[ \t]*(?:\n[ \t]*)?"  # spaces, and at most one line break, inside a symbol


@dataclass(frozen=True)
class _Tables:
    party_codes: dict[str, str]  # folded upper code -> canonical code
    state_codes: dict[str, str]
    party_issuers: dict[str, str]
    state_issuers: dict[str, str]
    party_by_code: dict[str, DocType]
    state_by_code: dict[str, DocType]
    names: dict[str, DocType]  # folded lower name -> type (party first)
    state_names: dict[str, DocType]
    literals: tuple[str, ...]


@lru_cache(maxsize=4096)
def _key(code: str) -> str:
    """A code folded in capitals (``ĐUK`` → ``DUK``): the same few codes, again and
    again, so remembered (bounded: a text may write any capitals as an issuer)."""
    return fold(code).upper()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _tables() -> _Tables:
    party_codes = {_key(c): c for t in PARTY_DOC_TYPES for c in t.codes}
    state_codes = {_key(c): c for t in STATE_DOC_TYPES for c in t.codes}
    party_by_code: dict[str, DocType] = {}
    for doc_type in PARTY_DOC_TYPES:
        for code in doc_type.codes:
            party_by_code.setdefault(_key(code), doc_type)
    # A code read alone resolves to its most specific type: QĐi is always Quy định.
    party_by_code[_key("QĐi")] = next(t for t in PARTY_DOC_TYPES if t.name == "Quy định")
    state_by_code: dict[str, DocType] = {}
    for doc_type in STATE_DOC_TYPES:
        for code in doc_type.codes:
            state_by_code.setdefault(_key(code), doc_type)
    names: dict[str, DocType] = {}
    for doc_type in PARTY_DOC_TYPES + STATE_DOC_TYPES:
        for name in (doc_type.name, *doc_type.aliases):
            names.setdefault(fold(name).lower(), doc_type)
    state_names = {fold(t.name).lower(): t for t in STATE_DOC_TYPES}
    literals = tuple(f"{k}/" for k in party_codes) + tuple(f"/{k}-" for k in state_codes)
    return _Tables(
        party_codes=party_codes,
        state_codes=state_codes,
        party_issuers={_key(c): c for c in PARTY_ISSUER_CODES},
        state_issuers={_key(c): c for c in STATE_ISSUER_CODES},
        party_by_code=party_by_code,
        state_by_code=state_by_code,
        names=names,
        state_names=state_names,
        literals=(*literals, "/QH", "/UBTVQH"),
    )


# A symbol without its issuer (``204-TB``) or genre code (``452/HĐBCQG-VP``) after the
# number: one pass reads a symbol whole or, failing that, without them (``_patterns``).
_NO_ISSUER = r"[ \t]*(?P<bcode>{codes})(?![\w/\-]|[ \t]*/)"
_NO_CODE = r"(?P<bissuer>(?-i:[A-Z][A-Z0-9]{1,11}(?:-[A-Z][A-Z0-9]{1,11})+))(?![\w/\-])"
_PARTY_NUMBER = rf"(?P<num>[0-9](?<![\w/.\-][0-9])[0-9]{{0,3}}){_BREAK}[-\u2013]"
_STATE_NUMBER = r"(?P<num>[0-9](?<![\w/.\-][0-9])[0-9]{0,4})[ \t]*/[ \t]*"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tables = _tables()
    party_codes = _alternation(list(tables.party_codes))
    party = re.compile(
        # the look-behind after the first digit: the engine skips to digits in C; one
        # line break may stand beside the hyphen or the slash ("Số: 41 -\nHD/BTCTW")
        rf"{_PARTY_NUMBER}(?:{_BREAK}"
        rf"(?P<code>{party_codes}){_BREAK}/{_BREAK}"
        # the issuer is upper case: "TWngày" (a missing space) still ends at "TW"
        r"(?P<issuer>(?-i:[A-Z][A-Z0-9]{1,11}(?:-[A-Z][A-Z0-9]{1,11})*))(?!(?-i:[A-Z0-9_/]|[a-z]{1,3}\b))"
        rf"|{_NO_ISSUER.format(codes=party_codes)})",
        re.I,
    )
    state = re.compile(
        rf"{_STATE_NUMBER}(?:"
        r"(?:(?P<year>(?:19|20)[0-9]{2})[ \t]*/[ \t]*)?"
        rf"(?:(?P<code>{_alternation(list(tables.state_codes))})[ \t]*[-\u2013][ \t]*"
        r"(?P<issuer>(?-i:(?:TTg|[A-Z][A-Z0-9]*)(?:-(?:TTg|[A-Z][A-Z0-9]*))*))"
        r"|(?P<qh>(?-i:(?:UBTVQH|QH)[0-9]{1,2})))(?!(?-i:[A-Z0-9_/]|[a-z]{1,3}\b))"
        rf"|{_NO_CODE})",
        re.I,
    )
    # What stands before a symbol: ``(?<!\w)(?P<type>NAME)[ \t]+``, ``(?<!\w)so[ \t]*:?``
    # and a list ``([0-9]{1,4}[ \t]*(,|;|&|va\b)[ \t]*)*``, each optional, ending where
    # the symbol starts. Searched for with ``$``, the engine would try it from every
    # position of the window; it is matched once instead, on the window reversed, with
    # the pattern reversed (``_read_before``).
    names = "|".join(re.escape(n[::-1]) for n in sorted(set(tables.names), key=len, reverse=True))
    back = re.compile(
        r"(?P<list>(?:[ \t]*(?:,|;|&|(?<!\w)av)[ \t]*[0-9]{1,4})*)"
        r"(?:[ \t]*:?[ \t]*(?P<so>os)(?!\w))?"
        rf"(?:[ \t]+(?P<type>{names})(?!\w))?",
        re.I,
    )
    law = re.compile(
        r"(?<!\w)(?P<type>bo luat|luat|phap lenh)\b[^.;:\n()]{0,150}?[ \t]"
        r"(?P<so>so)[ \t]*:?[ \t]*$",
        re.I,
    )
    return party, state, back, law


@cache
def _bare_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The forms without a full symbol: ``204-TB`` (no issuer), ``452/HĐBCQG-VP`` (no
    genre code), ``Kế hoạch số 203`` (no symbol). On ``ct.folded``."""
    tables = _tables()
    no_issuer = re.compile(
        _PARTY_NUMBER + _NO_ISSUER.format(codes=_alternation(list(tables.party_codes))), re.I
    )
    no_code = re.compile(_STATE_NUMBER + _NO_CODE)
    # on ``ct.lower``, each type name literal first (anchors): no look-behind to open
    names = trie_alternation([n for n, t in tables.names.items() if t.codes])
    genre = re.compile(
        rf"(?P<type>{names})[ \t]+(?:so[ \t]*:?[ \t]*)?"
        r"(?P<num>[0-9]{1,4})(?![0-9]|[ \t]*[-\u2013/.,][ \t]*[0-9a-z])"
    )
    return no_issuer, no_code, genre


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


def might_contain_references(folded: str) -> bool:
    """Cheap literal test: is any ``CODE/`` or ``/CODE-`` in the text at all?"""
    if "/" not in folded:
        return False
    upper = folded.upper()
    return any(literal in upper for literal in _tables().literals)


def _issuer(written: str, known: dict[str, str]) -> str | None:
    key = _key(written)
    if key in known:
        return known[key]
    if written.upper() == written and len(written) >= 2:
        return written
    return None


@quick_init
@dataclass(frozen=True)
class _Symbol:
    start: int
    end: int
    number: str
    type_code: str | None
    issuer_code: str | None
    state: bool
    bare: bool = False  # no full symbol: a type name or "số" must stand before it


def _symbols(ct: CleanText) -> list[_Symbol]:
    party, state, _, _ = _patterns()
    no_issuer, no_code, _ = _bare_patterns()
    # in a text without any full symbol's literal, only the symbols without one
    whole = might_contain_references(ct.folded)
    found: list[_Symbol] = []
    bare: list[_Symbol | None] = []  # kept where no full symbol stands (below)
    for pattern, read_full, bare_pattern, read_bare, bare_group in (
        (party if whole else no_issuer, _party_symbol, no_issuer, _no_issuer_symbol, "bcode"),
        (state if whole else no_code, _state_symbol, no_code, _no_code_symbol, "bissuer"),
    ):
        for match in pattern.finditer(ct.folded):
            if match[bare_group] is None:
                symbol = read_full(ct, match)
                if symbol is not None:
                    found.append(symbol)
                    continue
                # a symbol refused whole may stand without its issuer or genre code
                again = bare_pattern.match(ct.folded, match.start())
                if again is None:
                    continue
                match = again
            bare.append(read_bare(ct, match))
    taken = SpanSet((s.start, s.end) for s in found)
    found += [s for s in bare if s is not None and not taken.overlaps(s.start, s.end)]
    return sorted(found, key=lambda s: s.start) if whole else found


def _party_symbol(ct: CleanText, match: re.Match[str]) -> _Symbol | None:
    """``33-KH/TU`` whole, or None when its issuer is not one."""
    tables = _tables()
    written = ct.text[match.start("issuer") : match.end("issuer")]
    parts = [_issuer(part, tables.party_issuers) for part in written.split("-")]
    if any(part is None for part in parts):
        return None
    issuer = "-".join(part or "" for part in parts)
    code = tables.party_codes[_key(match["code"])]
    return _Symbol(match.start(), match.end(), match["num"], code, issuer, False)


def _state_symbol(ct: CleanText, match: re.Match[str]) -> _Symbol | None:
    """``13/2023/NĐ-CP``, ``45/2019/QH14`` whole, or None."""
    tables = _tables()
    if match["qh"]:
        if match["year"] is None:
            return None
        return _Symbol(match.start(), match.end(), match["num"], None, match["qh"].upper(), True)
    written = ct.text[match.start("issuer") : match.end("issuer")]
    parts = [_issuer(p, tables.state_issuers) for p in written.split("-")]
    if any(p is None for p in parts) and _key(written) not in tables.state_issuers:
        return None
    issuer = "-".join(p or "" for p in parts)
    code = tables.state_codes[_key(match["code"])]
    return _Symbol(match.start(), match.end(), match["num"], code, issuer, True)


def _no_issuer_symbol(ct: CleanText, match: re.Match[str]) -> _Symbol:
    """``204-TB``: a party symbol without its issuer (``bcode``)."""
    code = _tables().party_codes[_key(match["bcode"])]
    return _Symbol(match.start(), match.end(), match["num"], code, None, False, True)


def _no_code_symbol(ct: CleanText, match: re.Match[str]) -> _Symbol | None:
    """``452/HĐBCQG-VP``: a letter's symbol without a genre code (``bissuer``)."""
    if _key(match["bissuer"].split("-")[0]) in _tables().state_codes:
        return None  # "45/QĐ-XYZ" with an unknown issuer is no letter of this form
    issuer = ct.text[match.start("bissuer") : match.end("bissuer")]
    return _Symbol(match.start(), match.end(), match["num"], None, issuer, True, True)


def _type_name(written: str | None, symbol: _Symbol) -> str | None:
    tables = _tables()
    by_code = tables.state_by_code if symbol.state else tables.party_by_code
    default = by_code.get(_key(symbol.type_code)) if symbol.type_code else None
    if written:
        doc_type = tables.names.get(written.lower())
        if symbol.state:
            doc_type = tables.state_names.get(written.lower(), doc_type)
        if doc_type is not None and (
            symbol.type_code is None
            or not doc_type.codes
            or _key(symbol.type_code) in {_key(c) for c in doc_type.codes}
        ):
            return doc_type.name
    if default is not None:
        return default.name
    if symbol.state and symbol.type_code is None and not symbol.bare:
        return "Luật"
    return None


def _read_back(ct: CleanText, symbol: _Symbol) -> tuple[int, str | None, list[str]]:
    """Start of the reference, the type name written before it, and listed numbers."""
    _, _, back, law = _patterns()
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
    tables = _tables()
    _, _, genre = _bare_patterns()
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
    for symbol in _symbols(ct):
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
