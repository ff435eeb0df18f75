"""The number-and-symbol of a document reference, found on the folded text in one pass
per family: party (``33-KH/TU``) and state (``13/2023/NĐ-CP``), each read whole or,
failing that, without its issuer (``204-TB``) or genre code (``452/HĐBCQG-VP``); the
tables of codes they are read against. `references` reads outwards from each symbol."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .anchors import trie_alternation
from .clean import CleanText, fold
from .frozen import quick_init
from .spans import SpanSet
from .tables import (
    PARTY_DOC_TYPES,
    PARTY_ISSUER_CODES,
    STATE_DOC_TYPES,
    STATE_ISSUER_CODES,
    DocType,
)

__all__ = [
    "Symbol",
    "Tables",
    "bare_patterns",
    "code_key",
    "code_tables",
    "might_contain_references",
    "patterns",
    "read_symbols",
]

_BREAK = r"[ \t]*(?:\n[ \t]*)?"  # spaces, and at most one line break, inside a symbol


@dataclass(frozen=True)
class Tables:
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
def code_key(code: str) -> str:
    """A code folded in capitals (``ĐUK`` → ``DUK``): the same few codes, again and
    again, so remembered (bounded: a text may write any capitals as an issuer)."""
    return fold(code).upper()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def code_tables() -> Tables:
    party_codes = {code_key(c): c for t in PARTY_DOC_TYPES for c in t.codes}
    state_codes = {code_key(c): c for t in STATE_DOC_TYPES for c in t.codes}
    party_by_code: dict[str, DocType] = {}
    for doc_type in PARTY_DOC_TYPES:
        for code in doc_type.codes:
            party_by_code.setdefault(code_key(code), doc_type)
    # A code read alone resolves to its most specific type: QĐi is always Quy định.
    party_by_code[code_key("QĐi")] = next(t for t in PARTY_DOC_TYPES if t.name == "Quy định")
    state_by_code: dict[str, DocType] = {}
    for doc_type in STATE_DOC_TYPES:
        for code in doc_type.codes:
            state_by_code.setdefault(code_key(code), doc_type)
    names: dict[str, DocType] = {}
    for doc_type in PARTY_DOC_TYPES + STATE_DOC_TYPES:
        for name in (doc_type.name, *doc_type.aliases):
            names.setdefault(fold(name).lower(), doc_type)
    state_names = {fold(t.name).lower(): t for t in STATE_DOC_TYPES}
    literals = tuple(f"{k}/" for k in party_codes) + tuple(f"/{k}-" for k in state_codes)
    return Tables(
        party_codes=party_codes,
        state_codes=state_codes,
        party_issuers={code_key(c): c for c in PARTY_ISSUER_CODES},
        state_issuers={code_key(c): c for c in STATE_ISSUER_CODES},
        party_by_code=party_by_code,
        state_by_code=state_by_code,
        names=names,
        state_names=state_names,
        literals=(*literals, "/QH", "/UBTVQH"),
    )


# A symbol without its issuer (``204-TB``) or genre code (``452/HĐBCQG-VP``) after the
# number: one pass reads a symbol whole or, failing that, without them (``patterns``).
_NO_ISSUER = r"[ \t]*(?P<bcode>{codes})(?![\w/\-]|[ \t]*/)"
_NO_CODE = r"(?P<bissuer>(?-i:[A-Z][A-Z0-9]{1,11}(?:-[A-Z][A-Z0-9]{1,11})+))(?![\w/\-])"
_PARTY_NUMBER = rf"(?P<num>[0-9](?<![\w/.\-][0-9])[0-9]{{0,3}}){_BREAK}[-\u2013]"
_STATE_NUMBER = r"(?P<num>[0-9](?<![\w/.\-][0-9])[0-9]{0,4})[ \t]*/[ \t]*"


@cache
def patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tables = code_tables()
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
def bare_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The forms without a full symbol: ``204-TB`` (no issuer), ``452/HĐBCQG-VP`` (no
    genre code), ``Kế hoạch số 203`` (no symbol). On ``ct.folded``."""
    tables = code_tables()
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


def might_contain_references(folded: str) -> bool:
    """Cheap literal test: is any ``CODE/`` or ``/CODE-`` in the text at all?"""
    if "/" not in folded:
        return False
    upper = folded.upper()
    return any(literal in upper for literal in code_tables().literals)


def _issuer(written: str, known: dict[str, str]) -> str | None:
    key = code_key(written)
    if key in known:
        return known[key]
    if written.upper() == written and len(written) >= 2:
        return written
    return None


@quick_init
@dataclass(frozen=True)
class Symbol:
    start: int
    end: int
    number: str
    type_code: str | None
    issuer_code: str | None
    state: bool
    bare: bool = False  # no full symbol: a type name or "số" must stand before it


def read_symbols(ct: CleanText) -> list[Symbol]:
    party, state, _, _ = patterns()
    no_issuer, no_code, _ = bare_patterns()
    # in a text without any full symbol's literal, only the symbols without one
    whole = might_contain_references(ct.folded)
    found: list[Symbol] = []
    bare: list[Symbol | None] = []  # kept where no full symbol stands (below)
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


def _party_symbol(ct: CleanText, match: re.Match[str]) -> Symbol | None:
    """``33-KH/TU`` whole, or None when its issuer is not one."""
    tables = code_tables()
    written = ct.text[match.start("issuer") : match.end("issuer")]
    parts = [_issuer(part, tables.party_issuers) for part in written.split("-")]
    if any(part is None for part in parts):
        return None
    issuer = "-".join(part or "" for part in parts)
    code = tables.party_codes[code_key(match["code"])]
    return Symbol(match.start(), match.end(), match["num"], code, issuer, False)


def _state_symbol(ct: CleanText, match: re.Match[str]) -> Symbol | None:
    """``13/2023/NĐ-CP``, ``45/2019/QH14`` whole, or None."""
    tables = code_tables()
    if match["qh"]:
        if match["year"] is None:
            return None
        return Symbol(match.start(), match.end(), match["num"], None, match["qh"].upper(), True)
    written = ct.text[match.start("issuer") : match.end("issuer")]
    parts = [_issuer(p, tables.state_issuers) for p in written.split("-")]
    if any(p is None for p in parts) and code_key(written) not in tables.state_issuers:
        return None
    issuer = "-".join(p or "" for p in parts)
    code = tables.state_codes[code_key(match["code"])]
    return Symbol(match.start(), match.end(), match["num"], code, issuer, True)


def _no_issuer_symbol(ct: CleanText, match: re.Match[str]) -> Symbol:
    """``204-TB``: a party symbol without its issuer (``bcode``)."""
    code = code_tables().party_codes[code_key(match["bcode"])]
    return Symbol(match.start(), match.end(), match["num"], code, None, False, True)


def _no_code_symbol(ct: CleanText, match: re.Match[str]) -> Symbol | None:
    """``452/HĐBCQG-VP``: a letter's symbol without a genre code (``bissuer``)."""
    if code_key(match["bissuer"].split("-")[0]) in code_tables().state_codes:
        return None  # "45/QĐ-XYZ" with an unknown issuer is no letter of this form
    issuer = ct.text[match.start("bissuer") : match.end("bissuer")]
    return Symbol(match.start(), match.end(), match["num"], None, issuer, True, True)
