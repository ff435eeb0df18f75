"""References to numbered documents, party (``33-KH/TU``) and state (``13/2023/NĐ-CP``).

The number-and-symbol is the anchor: it is found first on the folded text, then the
words before it (the type name, ``số``, a list of numbers ``18, 19-``) and after it
(``, ngày 25/02/2022``, ``của Bộ Chính trị``) are read outwards from it.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import cache

from .clean import CleanText, fold
from .dates import match_date_at
from .models import Reference
from .phrases import scan_org_phrase
from .tables import (
    PARTY_DOC_TYPES,
    PARTY_ISSUER_CODES,
    STATE_DOC_TYPES,
    STATE_ISSUER_CODES,
    DocType,
)

__all__ = ["find_references", "might_contain_references"]

_BACK_WINDOW = 160


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


def _key(code: str) -> str:
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


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tables = _tables()
    party = re.compile(
        # the look-behind after the first digit: the engine skips to digits in C
        r"(?P<num>[0-9](?<![\w/.\-][0-9])[0-9]{0,3})[ \t]*[-\u2013][ \t]*"
        rf"(?P<code>{_alternation(list(tables.party_codes))})[ \t]*/[ \t]*"
        # the issuer is upper case: "TWngày" (a missing space) still ends at "TW"
        r"(?P<issuer>(?-i:[A-Z][A-Z0-9]{1,11}(?:-[A-Z][A-Z0-9]{1,11})*))(?!(?-i:[A-Z0-9_/]|[a-z]{1,3}\b))",
        re.I,
    )
    state = re.compile(
        r"(?P<num>[0-9](?<![\w/.\-][0-9])[0-9]{0,4})[ \t]*/[ \t]*"
        r"(?:(?P<year>(?:19|20)[0-9]{2})[ \t]*/[ \t]*)?"
        rf"(?:(?P<code>{_alternation(list(tables.state_codes))})[ \t]*[-\u2013][ \t]*"
        r"(?P<issuer>(?-i:(?:TTg|[A-Z][A-Z0-9]*)(?:-(?:TTg|[A-Z][A-Z0-9]*))*))"
        r"|(?P<qh>(?-i:(?:UBTVQH|QH)[0-9]{1,2})))(?!(?-i:[A-Z0-9_/]|[a-z]{1,3}\b))",
        re.I,
    )
    names = _alternation(list(tables.names))
    back = re.compile(
        rf"(?:(?<!\w)(?P<type>{names})[ \t]+)?(?:(?<!\w)(?P<so>so)[ \t]*:?[ \t]*)?"
        r"(?P<list>(?:[0-9]{1,4}[ \t]*(?:,|;|&|va\b)[ \t]*)*)$",
        re.I,
    )
    law = re.compile(
        r"(?<!\w)(?P<type>bo luat|luat|phap lenh)\b[^.;:\n()]{0,150}?[ \t]"
        r"(?P<so>so)[ \t]*:?[ \t]*$",
        re.I,
    )
    return party, state, back, law


_DATE_LEAD = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?P<open>\([ \t]*)?(?:duoc[ \t]+)?(?:(?:ban[ \t]+hanh|ky)[ \t]+)?"
    r"(?:ngay[ \t]*(?:ban[ \t]+hanh[ \t]+)?)?",
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


@dataclass(frozen=True)
class _Symbol:
    start: int
    end: int
    number: str
    type_code: str | None
    issuer_code: str
    state: bool


def _symbols(ct: CleanText) -> list[_Symbol]:
    tables = _tables()
    party, state, _, _ = _patterns()
    found: list[_Symbol] = []
    for match in party.finditer(ct.folded):
        written = ct.text[match.start("issuer") : match.end("issuer")]
        parts = [_issuer(part, tables.party_issuers) for part in written.split("-")]
        if any(part is None for part in parts):
            continue
        issuer = "-".join(part or "" for part in parts)
        code = tables.party_codes[_key(match["code"])]
        found.append(_Symbol(match.start(), match.end(), match["num"], code, issuer, False))
    for match in state.finditer(ct.folded):
        if match["qh"]:
            issuer = match["qh"].upper()
            if match["year"] is None:
                continue
            found.append(_Symbol(match.start(), match.end(), match["num"], None, issuer, True))
            continue
        written = ct.text[match.start("issuer") : match.end("issuer")]
        parts = [_issuer(p, tables.state_issuers) for p in written.split("-")]
        if any(p is None for p in parts) and _key(written) not in tables.state_issuers:
            continue
        issuer = "-".join(p or "" for p in parts)
        code = tables.state_codes[_key(match["code"])]
        found.append(_Symbol(match.start(), match.end(), match["num"], code, issuer, True))
    found.sort(key=lambda s: s.start)
    return found


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
    if symbol.state and symbol.type_code is None:
        return "Luật"
    return None


def _read_back(ct: CleanText, symbol: _Symbol) -> tuple[int, str | None, list[str]]:
    """Start of the reference, the type name written before it, and listed numbers."""
    _, _, back, law = _patterns()
    line_start = ct.folded.rfind("\n", 0, symbol.start) + 1
    window_start = max(line_start, symbol.start - _BACK_WINDOW)
    window = ct.folded[window_start : symbol.start]
    match = back.search(window)
    start = symbol.start
    type_written: str | None = None
    numbers: list[str] = []
    if match and (match["type"] or match["so"]):
        start = window_start + match.start("type" if match["type"] else "so")
        type_written = match["type"]
        if match["list"]:
            numbers = _LIST_NUMBER.findall(match["list"])
    if symbol.state and type_written is None:
        law_match = law.search(window)
        if law_match:
            start = window_start + law_match.start("type")
            type_written = law_match["type"]
    return start, type_written, numbers


def _read_forward(ct: CleanText, pos: int) -> tuple[int, datetime.date | None, str | None]:
    """End of the reference, its date and the issuer named after ``của``."""
    end = pos
    date: datetime.date | None = None
    lead = _DATE_LEAD.match(ct.folded, pos)
    if lead:
        hit = match_date_at(ct.lower, lead.end())
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


def find_references(ct: CleanText) -> list[Reference]:
    """Every reference in the clean text, in order, repeats included (clean offsets)."""
    if not might_contain_references(ct.folded):
        return []
    out: list[Reference] = []
    for symbol in _symbols(ct):
        start, type_written, numbers = _read_back(ct, symbol)
        end, date, issuer_name = _read_forward(ct, symbol.end)
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
    return _share_within_lists(ct, out)
