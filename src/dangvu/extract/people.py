"""People named with their positions.

Two orders are read: the name first, then its positions after a comma or dash
(``đồng chí Phan Xuân Toàn - UVTVTU, Trưởng Ban Tổ chức Tỉnh ủy``), and positions first,
then the name (``Phó Bí thư Thường trực Tỉnh ủy Phan Ngọc Thọ``). A name is a run of
two to four capitalized syllables starting with a known surname. Each person is
reported once, at the first mention that gives positions (or the first mention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .anchors import trie_alternation
from .backward import word_before
from .clean import CleanText, fold
from .frozen import quick_init
from .models import Person
from .phrases import (
    Token,
    capitalized,
    is_surname,
    name_at,
    scan_org_phrase,
    surname_words,
    tokens_from,
)
from .tables import (
    ADDRESS_QUALIFIERS,
    PERSON_ADDRESSES,
    POSITION_TITLES,
    SIGNATURE_ONLY_TITLES,
    SIGNATURE_TITLE_SUFFIXES,
    VILLAGE_WORDS,
)

__all__ = ["find_people"]

_SEPARATOR = re.compile(r"[ \t]*(?:,|-|\u2013|\u2014|:|\()[ \t]*(?:nguyên[ \t]+)?")
_CHAIN = re.compile(r"[ \t]*(?:,|;)?[ \t]*(?:va[ \t]+)?(?:nguyen[ \t]+)?", re.I)
_GAP = re.compile(r"[ \t]+")
_LIST_JOIN = re.compile(r"[ \t]*(?:,|,?[ \t]*va)[ \t]+", re.I)
_ADDRESS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(fold(w)).replace(r"\ ", r"[ \t]+") for w in PERSON_ADDRESSES)
    + r")(?:[ \t]+(?:"
    + "|".join(re.escape(fold(w)).replace(r"\ ", r"[ \t]+") for w in ADDRESS_QUALIFIERS)
    # "Các đồng chí: Nguyễn Văn An, ...": a colon after đồng chí only ("Ảnh: Văn Nỷ" is a
    # photo credit, folded like "anh")
    + r"))?(?:(?<=dong chi)[ \t]*:)?[ \t]+$",
    re.I,
)


@quick_init
@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    positions: tuple[str, ...]


_SIGNATURE_ZONE = 2500
# Lines read below a signing title for the name: recipients, "(Đã ký)" and blank lines
# may stand between them when a two-column block was pasted one column after the other.
_SIGNER_LINES = 14
_SIGNER_CHARS = 1500
_CELL_MARKS = " \t>*_|\\"
_AFTER_PUNCTUATION = re.compile(r"[.,;:)][ \t]+(?=\S)")
# Positions before a name: "UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Lý Thị Mai".
_CHAIN_REACH = 240
# Columns of a two-column block (recipients left, signature right): a tab or 3+ spaces.
_COLUMN_GAP = re.compile(r"\t| {3,}|\|")


@cache
def _signature_title() -> re.Pattern[str]:
    """A title in capitals alone on its line or closing it (the right column of a
    two-column block, its gap collapsed to one space by a PDF reader: ``- Lưu VP. BÍ
    THƯ``), in a Markdown quote or table cell: ``> **PHÓ BÍ THƯ**``."""
    signing = (*POSITION_TITLES, *SIGNATURE_ONLY_TITLES)
    titles = sorted({fold(t).upper() for t in signing}, key=len, reverse=True)
    # in capitals on ``ct.folded``, without re.I, each title opening with its literal
    # (the look-behind after it: a space, a column or a mark stands before the title)
    alternation = "|".join(
        rf"{re.escape(t[0])}(?<![^\s|>*_]{re.escape(t[0])}){re.escape(t[1:])}" for t in titles
    )
    suffixes = "|".join(re.escape(fold(s).upper()) for s in SIGNATURE_TITLE_SUFFIXES)
    return re.compile(
        rf"(?P<title>{alternation})"
        rf"(?:[ \t]+(?P<suffix>{suffixes}))?[ \t*_|\\]*$",
        re.M,
    )


@cache
def _title_pattern() -> re.Pattern[str]:
    titles = {fold(t).lower() for t in POSITION_TITLES}
    return re.compile(rf"(?:{trie_alternation(titles)})(?!\w)")  # on ``ct.lower``


@cache
def _surname_pattern(plain: bool) -> re.Pattern[str]:
    # literal first: a capital letter, rare enough for the engine to skip to in C;
    # ``H'`` opens a name too (``H'Hen Niê``)
    words = (*surname_words(plain), "H'", "H\u2019", "K'", "K\u2019")
    return re.compile(rf"(?:{trie_alternation(words)})(?=[ \t]+[^\W\d_]|(?<=['\u2019])[^\W\d_])")


class _Memo:
    """Position phrases, trailing names and names already read in one text: the
    forward and the reverse readings ask for the same ones."""

    def __init__(self) -> None:
        self.positions: dict[int, tuple[int, int] | None] = {}
        self.names: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.name_ends: dict[int, int | None] = {}


def _name_at(ct: CleanText, pos: int, memo: _Memo) -> int | None:
    """``phrases.name_at`` at ``pos``, read once per text."""
    if pos not in memo.name_ends:
        memo.name_ends[pos] = name_at(ct.text, pos, ct.plain)
    return memo.name_ends[pos]


def _position_at(ct: CleanText, pos: int, memo: _Memo) -> tuple[int, int] | None:
    """Span of a position phrase (a title and the body it belongs to) at ``pos``."""
    if pos in memo.positions:
        return memo.positions[pos]
    found = _read_position(ct, pos)
    memo.positions[pos] = found
    return found


def _read_position(ct: CleanText, pos: int) -> tuple[int, int] | None:
    title = _title_pattern().match(ct.lower, pos)
    if title is None:
        return None
    end = title.end()
    gap = _GAP.match(ct.text, end)
    if gap:
        body_end = scan_org_phrase(ct.text, ct.folded, gap.end())
        if body_end is not None:
            end = body_end
    return (pos, end)


def _split_trailing_name(
    ct: CleanText, start: int, end: int, memo: _Memo
) -> tuple[int, int] | None:
    """A name closing the phrase ``[start, end)``: ``... Tỉnh ủy Phan Ngọc Thọ``."""
    key = (start, end)
    if key in memo.names:
        return memo.names[key]
    found = _read_trailing_name(ct, start, end, memo)
    memo.names[key] = found
    return found


def _read_trailing_name(ct: CleanText, start: int, end: int, memo: _Memo) -> tuple[int, int] | None:
    if _surname_pattern(ct.plain).search(ct.text, start, end) is None:
        return None  # no family name in the phrase: no name closes it
    tokens = tokens_from(ct.text, start, 24, until=end)
    found = _trailing_name(ct, tokens, memo)
    if found is None and tokens and not capitalized(tokens[-1]):
        # "... Tỉnh ủy Trần Thanh Hùng quán triệt": "quán" was read as part of the name
        while tokens and not capitalized(tokens[-1]):
            tokens.pop()
        found = _trailing_name(ct, tokens, memo)
    return found


def _trailing_name(ct: CleanText, tokens: list[Token], memo: _Memo) -> tuple[int, int] | None:
    candidates: list[tuple[int, Token]] = []
    # a name of two to four words closes the phrase, some word standing before it
    size = len(tokens)
    first_k = max(1, size - 4)
    name_like = [
        capitalized(t) and not (len(t[0]) > 1 and t[0].isupper()) for t in tokens[first_k:]
    ]
    for k in range(first_k, size - 1):
        if _names_a_place(ct, tokens[k - 1]):
            continue  # "Bí thư Chi bộ thôn Đồng Me": the place, not a name
        if all(name_like[k - first_k :]) and is_surname(tokens[k][0], ct.plain):
            candidates.append(({3: 0, 4: 1, 2: 2}[size - k], tokens[k]))
    if not candidates:
        return None
    first = min(candidates, key=lambda c: c[0])[1]
    if _name_at(ct, first.start(), memo) is None:
        return None
    return (first.start(), tokens[-1].end())


def _names_a_place(ct: CleanText, token: Token) -> bool:
    """Does a lower-case word of a place below the commune stand here (``thôn``, ``ấp``)?
    A name after it is the place's (``Chi bộ thôn Đồng Me``); after ``xã`` or ``tỉnh``
    it may be a person's (``Chủ tịch UBND tỉnh Nguyễn Văn An``)."""
    return token[0] in VILLAGE_WORDS


def _positions_after(ct: CleanText, pos: int, memo: _Memo) -> tuple[list[str], int]:
    """Positions listed after a name: ``, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy``."""
    positions: list[str] = []
    end = pos
    sep = _SEPARATOR.match(ct.text, pos)
    while sep is not None:
        span = _position_at(ct, sep.end(), memo)
        if span is None:
            break
        name = _split_trailing_name(ct, span[0], span[1], memo)
        if name is not None:
            break
        positions.append(ct.text[span[0] : span[1]])
        end = span[1]
        sep = _SEPARATOR.match(ct.text, end)
        if sep is not None and ct.text[sep.start() : sep.end()].strip()[:1] not in {",", "-"}:
            break
    return positions, end


@cache
def _address_words() -> frozenset[str]:
    """The last words of the addresses (``Chị``, ``Ông`` opening a sentence), folded."""
    return frozenset(fold(w).split()[-1].lower() for w in PERSON_ADDRESSES)


def _forward_mentions(ct: CleanText, memo: _Memo) -> list[_Mention]:
    out: list[_Mention] = []
    surnames = _surname_pattern(ct.plain)
    # every family name of the text, in one pass: a mention is then read around it (no
    # pass for titles and addresses to narrow the search: it cost more than it saved)
    name_ends = 0  # where the last name read ends: "Ông Văn Khải" holds "Văn Khải"
    for match in surnames.finditer(ct.text):
        if match.start() < name_ends:
            continue
        if match.start() and (
            ct.text[match.start() - 1].isalpha() or ct.text[match.start() - 1] in "'\u2019"
        ):
            continue  # inside a word: "H'Mai Niê" holds "Mai Niê"
        before = word_before(ct.text, max(0, match.start() - 30), match.start(), letters=True)
        if (
            before is not None
            and before[2][:1].isupper()
            and fold(before[2]).lower() not in _address_words()
        ):
            continue  # inside a longer capitalized run: "Phạm Văn Hậu" holds "Văn Hậu"
        name_end = _name_at(ct, match.start(), memo)
        if name_end is None:
            continue
        # A title glued to the name ends it: "Nguyễn Văn An Bí thư".
        for token in tokens_from(ct.text, match.start(), 4)[2:]:
            if token.start() < name_end and _title_pattern().match(ct.lower, token.start()):
                name_end = ct.text.rfind(" ", match.start(), token.start())
                break
        name = ct.text[match.start() : name_end].strip()
        positions, end = _positions_after(ct, name_end, memo)
        # "quần chúng ưu tú Đinh Văn Thơm, A Lênh và Y Xuân": a list after an address
        # (each asked only when the one before does not tell)
        if (
            positions
            or _ADDRESS.search(ct.folded, max(0, match.start() - 24), match.start())
            or (out and _LIST_JOIN.fullmatch(ct.folded, out[-1].end, match.start()))
        ):
            out.append(_Mention(match.start(), end, name, tuple(positions)))
            name_ends = name_end
    return out


def _reverse_mentions(ct: CleanText, memo: _Memo) -> list[_Mention]:
    out: list[_Mention] = []
    chain: list[tuple[int, int]] = []
    surnames = _surname_pattern(ct.plain)
    for match in _title_pattern().finditer(ct.lower):
        if surnames.search(ct.text, match.end(), match.end() + _CHAIN_REACH) is None:
            chain = []  # no family name follows soon: no name closes this chain
            continue
        span = _position_at(ct, match.start(), memo)
        if span is None:
            continue
        if chain and not _CHAIN.fullmatch(ct.folded, chain[-1][1], span[0]):
            chain = []
        name = _split_trailing_name(ct, span[0], span[1], memo)
        if name is None:
            chain.append(span)
            continue
        last = ct.text[span[0] : name[0]].strip()
        positions = [ct.text[s:e] for s, e in chain] + ([last] if last else [])
        more, end = _positions_after(ct, name[1], memo)
        start = chain[0][0] if chain else span[0]
        text_name = ct.text[name[0] : name[1]]
        out.append(_Mention(start, max(end, name[1]), text_name, (*positions, *more)))
        chain = []
    return out


@cache
def _canonical_titles() -> dict[str, str]:
    return {fold(t).lower(): t for t in (*POSITION_TITLES, *SIGNATURE_ONLY_TITLES)}


@cache
def _canonical_suffixes() -> dict[str, str]:
    return {fold(s).lower(): s for s in SIGNATURE_TITLE_SUFFIXES}


def _signature_mentions(ct: CleanText) -> list[_Mention]:
    """The signer under a title line at the end: ``BÍ THƯ`` ... ``Nguyễn Văn An``."""
    # by the name's span: of "K/T TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN", the title nearer
    # the name is the signer's
    out: dict[tuple[int, int], _Mention] = {}
    tail_start = max(0, len(ct.text) - _SIGNATURE_ZONE)
    for line in _signature_title().finditer(ct.folded, tail_start):
        if not ct.text[line.start("title") : line.end("title")].isupper():
            continue
        found = _signer_below(ct, line.end())
        if found is None:
            continue
        title = _canonical_titles()[line["title"].lower()]
        if line["suffix"]:
            title += " " + _canonical_suffixes()[line["suffix"].lower()]
        name_start, name_end = found
        name = ct.text[name_start:name_end]
        out[found] = _Mention(line.start("title"), name_end, name, (title,))
    for mention in _signed_under_position(ct, tail_start):
        out.setdefault((mention.end - len(mention.name), mention.end), mention)
    return list(out.values())


_LINE_OPENING = re.compile(r"^[ \t>*_|]*(?=\S)", re.M)


def _signed_under_position(ct: CleanText, tail_start: int) -> list[_Mention]:
    """A position written as usual alone on its line, the name alone on the next line
    that is not blank: ``Bí thư Chi bộ`` ⏎ ``Vi Văn Thắm`` (a signature typed without
    capitals)."""
    out: list[_Mention] = []
    for opening in _LINE_OPENING.finditer(ct.text, tail_start):
        start = opening.end()
        if not ct.text[start].isupper():
            continue
        span = _read_position(ct, start)
        line_end = ct.text.find("\n", span[1]) if span is not None else -1
        if span is None or line_end < 0 or ct.text[span[1] : line_end].strip(_CELL_MARKS):
            continue  # no position, or it does not fill its line
        # the next line that is not blank (the space left to sign), a few lines below
        name_start = _LINE_OPENING.search(ct.text, line_end + 1, line_end + 200)
        if name_start is None or ct.text.count("\n", line_end + 1, name_start.end()) > 4:
            continue
        at = name_start.end()
        name_end = name_at(ct.text, at, ct.plain)
        rest = ct.text.find("\n", at)
        rest = len(ct.text) if rest < 0 else rest
        if name_end is None or ct.text[name_end:rest].strip(_CELL_MARKS):
            continue
        position = ct.text[span[0] : span[1]].strip()
        out.append(_Mention(span[0], name_end, ct.text[at:name_end], (position,)))
    return out


def _signer_below(ct: CleanText, pos: int) -> tuple[int, int] | None:
    """The first line below ``pos`` whose last column is a name and nothing else."""
    offset = pos
    for text_line in ct.text[pos : pos + _SIGNER_CHARS].split("\n")[1 : _SIGNER_LINES + 1]:
        offset = ct.text.find("\n", offset) + 1
        text_line = text_line.rstrip(_CELL_MARKS)
        gaps = list(_COLUMN_GAP.finditer(text_line))
        cell_start = gaps[-1].end() if gaps else 0
        cell = text_line[cell_start:]
        lead = len(cell) - len(cell.lstrip(_CELL_MARKS))
        if not cell.strip(_CELL_MARKS):
            continue
        cell_end = offset + cell_start + len(cell)
        # the whole cell, else its end after punctuation ("- Lưu VT. Võ Thị Hoa")
        starts = [offset + cell_start + lead]
        starts += [offset + cell_start + m.end() for m in _AFTER_PUNCTUATION.finditer(cell)]
        for name_start in starts:
            if name_at(ct.text, name_start, ct.plain) == cell_end:
                return name_start, cell_end
    return None


def find_people(ct: CleanText) -> list[Person]:
    """Each named person once, in order of first mention (clean offsets)."""
    memo = _Memo()
    found = _forward_mentions(ct, memo) + _reverse_mentions(ct, memo) + _signature_mentions(ct)
    mentions = sorted(found, key=lambda m: m.start)
    chosen: dict[str, _Mention] = {}
    order: list[str] = []
    for mention in mentions:
        known = chosen.get(mention.name)
        if known is None:
            chosen[mention.name] = mention
            order.append(mention.name)
        elif not known.positions and mention.positions:
            chosen[mention.name] = mention
    return [
        Person(m.start, m.end, ct.text[m.start : m.end], m.name, m.positions)
        for m in (chosen[n] for n in order)
    ]
