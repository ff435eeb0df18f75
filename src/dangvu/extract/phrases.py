"""Shared scanners over words: organization names and Vietnamese personal names.

Vietnamese capitalizes only the first syllable of each word of a proper name
(``Ban Chấp hành Trung ương Đảng``, ``Ủy ban nhân dân tỉnh``), so an organization name
is read as a run of capitalized syllables, each optionally followed by a lower-case
second syllable from a table (``hành``, ``ương``, ``ủy``), plus locality words
(``tỉnh``, ``nhân dân``) and a closing term such as ``(khóa XIII)``.
"""

from __future__ import annotations

import re
from functools import cache

from .clean import fold
from .tables import (
    LOCALITY_BEFORE_NAME,
    LOCALITY_WORDS,
    NOT_PERSON_NAMES,
    ORG_SECOND_SYLLABLES,
    PARTY_DOC_TYPES,
    POSITION_TITLES,
    STATE_DOC_TYPES,
    SURNAMES,
)

__all__ = [
    "Token",
    "capitalized",
    "is_surname",
    "name_at",
    "scan_org_phrase",
    "surname_words",
    "tokens_from",
]

# A word: letters, joined by a hyphen (``Hồ-Chí``) or after an apostrophe (``H'Hen``,
# ``H’Nga``: the prefix of women's names in Ê Đê and Jrai), or a number.
_WORD_TEXT = r"(?:[^\W\d_]+(?:['\u2019-][^\W\d_]+)?|[0-9]+)"
# ``H'`` before a capitalized given name opens a personal name like a family name does,
# as ``K'`` (Cơ Ho: ``K'Brơi``).
_NAME_PREFIX = re.compile(r"[HK]['\u2019][^\W\d_a-z]")
_WORD = re.compile(_WORD_TEXT)
# the first five words at a position, each a group (a name has two to four, an Ê Đê
# name opening with ``Y`` or ``H'`` up to five: ``Y Khoa Mlô Duôn Du``)
_NAME_WORDS = re.compile(rf"({_WORD_TEXT})" + rf"(?:[ \t\u00a0]+({_WORD_TEXT}))?" * 4)
_LONG_NAME_OPENER = re.compile(r"Y[ \t\u00a0]|H['\u2019][^\W\d_]")
# a family name that is also an address (``Ông``): before another family name, it is the
# address (``Ông Ksor Lưk``), except before a middle name (``Ông Văn Dũng``)
_ADDRESS_SURNAMES = frozenset({"Ông"})
_MIDDLE_NAMES = frozenset({"Văn", "Thị"})
_CHARS_PER_WORD = 40  # a generous bound on a word and its gap, to bound the run search
_CLOSE = re.compile(r"[ \t]*\)")
_TERM = re.compile(r"[ \t]*,?[ \t]*(?P<open>\([ \t]*)?kho?a[ \t]+(?:[IVXLC]+|[0-9]{1,2})\b", re.I)


# A word of the text is the regex's own match object (``m.start()``, ``m.end()``,
# ``m[0]``): no Python object is built per word, and a run is read in one call.
Token = re.Match[str]


def capitalized(token: re.Match[str]) -> bool:
    """Does the word open with a capital letter?"""
    return token[0][:1].isupper()


@cache
def _run_of(limit: int) -> re.Pattern[str]:
    """A run of at most ``limit`` space-separated words: the engine stops after them."""
    return re.compile(rf"{_WORD_TEXT}(?:[ \t\u00a0]+{_WORD_TEXT}){{0,{limit - 1}}}")


def _run_text(text: str, pos: int, limit: int) -> str | None:
    """The text of ``tokens_from(text, pos, limit)``, from its first word to the end of
    its last, without a match object per word; None when it has no word."""
    window = min(len(text), pos + _CHARS_PER_WORD * limit)
    run = _run_of(limit).match(text, pos, window)
    if run is None:
        return None
    if run.end() == window < len(text):  # the window may have cut the last word
        kept = text[pos:window].rsplit(None, 1)
        return kept[0] if len(kept) == 2 else None
    return text[pos : run.end()]


def tokens_from(text: str, pos: int, limit: int = 16, until: int | None = None) -> list[Token]:
    """Up to ``limit`` words from ``pos`` (ending by ``until``), spaces between them.

    One regex finds the run of space-separated words (``limit`` of them at most), a
    second lists its words: no Python loop over the characters or a match call per word.
    """
    stop = len(text) if until is None else until
    window = min(stop, pos + _CHARS_PER_WORD * limit)
    run = _run_of(limit).match(text, pos, window)
    if run is None:
        return []
    out = list(_WORD.finditer(text, pos, run.end()))
    if run.end() == window < stop:
        out.pop()  # the window may have cut the last word
    return out


@cache
def _locality_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The locality words by their first word, longest first (``thanh pho``, ``thi xa``)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for written in sorted(LOCALITY_WORDS, key=len, reverse=True):
        words = tuple(written.split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(entries) for first, entries in by_first.items()}


def _locality_len(folded_words: list[str], i: int) -> int:
    for words in _locality_words().get(folded_words[i], ()):
        if tuple(folded_words[i : i + len(words)]) == words:
            return len(words)
    return 0


@cache
def _not_joined() -> re.Pattern[str]:
    """What ``và`` does not join into a name: a document type, a title (folded)."""
    words = {fold(t.name) for t in PARTY_DOC_TYPES + STATE_DOC_TYPES}
    words |= {fold(t) for t in POSITION_TITLES}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?!\w)", re.I)


def _joins_next_name(text: str, folded: str, tokens: list[Token], i: int) -> bool:
    """``Ban Tuyên giáo và Dân vận``: ``và`` then a capitalized word of the same name."""
    if i + 1 >= len(tokens) or folded[tokens[i].start() : tokens[i].end()].lower() != "va":
        return False
    following = tokens[i + 1]
    if not capitalized(following) or (following[0].isupper() and len(following[0]) > 1):
        return False
    if _not_joined().match(folded, following.start()):
        return False
    return name_at(text, following.start(), text == folded) is None


@cache
def _special_words() -> frozenset[str]:
    """The lower-case words that may do more than close a syllable in a name: the first
    word of a locality, a place word before a name, ``lần thứ``, ``và`` (folded)."""
    return frozenset((*_locality_words(), *LOCALITY_BEFORE_NAME, "lan", "va"))


def _rare_step(
    text: str, folded: str, tokens: list[Token], split: tuple[list[str], list[str]], i: int
) -> tuple[int, int | None, bool | None] | None:
    """A lower-case word or a number that may continue a name in a rare form: the next
    word to read, the name's new last word and whether a capital closes it (None: as
    before), or None when no such form stands at word ``i``."""
    words, folded_words = split
    word = words[i]
    if (
        word.isdigit()
        and len(word) <= 2
        and (folded_words[i + 1 : i + 2] == ["khoa"] or _TERM.match(folded, tokens[i].end()))
    ):
        return i + 1, i, None  # "Hội nghị Trung ương 6 (khóa XII)": the term follows
    if folded_words[i : i + 2] == ["lan", "thu"] and i + 2 < len(words):
        return i + 3, i + 2, False  # "Hội nghị lần thứ sáu Ban Chấp hành ..."
    locality = _locality_len(folded_words, i)
    if not locality and folded_words[i] in LOCALITY_BEFORE_NAME:
        locality = 1 if i + 1 < len(words) and words[i + 1][0].isupper() else 0
    if locality:
        return i + locality, i + locality - 1, False
    if _joins_next_name(text, folded, tokens, i):
        return i + 1, None, None  # the capitalized word after "và" continues the name
    return None


def scan_org_phrase(text: str, folded: str, pos: int, max_words: int = 14) -> int | None:
    """End offset of an organization name starting at ``pos``, or None if none starts."""
    if not text[pos : pos + 1].isupper():
        return None  # the first word is not capitalized (or there is none)
    run = _run_text(text, pos, max_words)
    if run is None:
        return None
    # the words are the run's pieces between spaces (those of tokens_from): split in C,
    # their offsets asked only for the word that ends the name (and the rare forms)
    words = run.split()
    folded_words = folded[pos : pos + len(run)].lower().split()
    tokens: list[Token] = []
    special = _special_words()
    size = len(words)
    end_index = 0  # the last word of the name so far
    prev_capitalized = True
    i = 1
    while i < size:
        word = words[i]
        if word[0].isupper():
            prev_capitalized = True
            end_index = i
            i += 1
            continue
        folded_word = folded_words[i]
        if folded_word in special or word.isdigit():
            tokens = tokens or tokens_from(text, pos, max_words)
            step = _rare_step(text, folded, tokens, (words, folded_words), i)
            if step is not None:
                i, closing, capital = step
                end_index = end_index if closing is None else closing
                prev_capitalized = prev_capitalized if capital is None else capital
                continue
        # the common case: a second syllable (``hành``, ``ương``) or the name's end
        if prev_capitalized and folded_word in ORG_SECOND_SYLLABLES:
            prev_capitalized = False
            end_index = i
            i += 1
            continue
        break
    if run == " ".join(words):  # one space between the words: their ends add up
        end = pos + sum(len(w) for w in words[: end_index + 1]) + end_index
    else:
        end = (tokens or tokens_from(text, pos, max_words))[end_index].end()
    term = _TERM.match(folded, end)
    if term:
        term_end = term.end()
        if term["open"]:
            close = _CLOSE.match(folded, term_end)
            if close is None:
                return end
            term_end = close.end()
        end = term_end
    return end


@cache
def _folded_names() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(fold(n) for n in SURNAMES), frozenset(fold(n) for n in NOT_PERSON_NAMES)


def is_surname(word: str, plain: bool = False) -> bool:
    """A family name as written; in a text typed without diacritics (``plain``), also
    a family name written without them (``Nguyen``). Only there: ``Ban`` is a word."""
    if word in SURNAMES or (plain and word in _folded_names()[0]):
        return True
    return len(word) > 2 and word[1] in "'\u2019" and _NAME_PREFIX.match(word) is not None


@cache
def surname_words(plain: bool = False) -> tuple[str, ...]:
    """Every surname (and, when ``plain``, its form without diacritics), longest first."""
    names = SURNAMES | _folded_names()[0] if plain else SURNAMES
    return tuple(sorted(names, key=len, reverse=True))


def name_at(text: str, pos: int, plain: bool = False) -> int | None:
    """End offset of a personal name (surname + 1-3 syllables; an Ê Đê name opening
    with ``Y`` or ``H'`` + 1-4) at ``pos``, or None.

    One match reads the first words (``tokens_from(text, pos, limit)`` as groups)."""
    limit = 5 if _LONG_NAME_OPENER.match(text, pos) else 4
    window = min(len(text), pos + _CHARS_PER_WORD * limit)
    words = _NAME_WORDS.match(text, pos, window)
    if words is None:
        return None
    size = words.lastindex or 0
    if words.end() == window < len(text):
        size -= 1  # the window may have cut the last word
    size = min(size, limit)
    if size < 2 or not is_surname(words[1], plain):
        return None
    if (
        words[1] in _ADDRESS_SURNAMES
        and size > 2
        and words[2] not in _MIDDLE_NAMES
        and is_surname(words[2], plain)
    ):
        return None  # "Ông Ksor Lưk - Bí thư": the address, then the name
    count = 0
    for i in range(1, size + 1):
        word = words[i]
        if not word[:1].isupper() or (len(word) > 1 and word.isupper()) or "-" in word:
            break
        count += 1
    if count < 2:
        return None
    end = words.end(count)
    name = text[pos:end]
    if name in NOT_PERSON_NAMES or (plain and name in _folded_names()[1]):
        return None
    return end
