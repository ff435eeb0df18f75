"""Shared scanners over words: organization names and Vietnamese personal names.

Vietnamese capitalizes only the first syllable of each word of a proper name
(``Ban Chấp hành Trung ương Đảng``, ``Ủy ban nhân dân tỉnh``), so an organization name
is read as a run of capitalized syllables, each optionally followed by a lower-case
second syllable from a table (``hành``, ``ương``, ``ủy``), plus locality words
(``tỉnh``, ``nhân dân``) and a closing term such as ``(khóa XIII)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .tables import LOCALITY_WORDS, NOT_PERSON_NAMES, ORG_SECOND_SYLLABLES, SURNAMES

__all__ = ["Token", "name_at", "scan_org_phrase", "tokens_from"]

_WORD_AND_GAP = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)?|[0-9]+)[ \t\u00a0]*")
_TERM = re.compile(r"[ \t]*,?[ \t]*(?P<open>\([ \t]*)?kho?a[ \t]+(?:[IVXLC]+|[0-9]{1,2})\b", re.I)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokens_from(text: str, pos: int, limit: int = 16, until: int | None = None) -> list[Token]:
    """Up to ``limit`` words from ``pos`` (ending by ``until``), spaces between them."""
    out: list[Token] = []
    match = _WORD_AND_GAP.match(text, pos, len(text) if until is None else until)
    while match is not None and len(out) < limit:
        out.append(Token(match.start(), match.end(1), match.group(1)))
        if match.end(1) == match.end():
            break
        match = _WORD_AND_GAP.match(text, match.end(), len(text) if until is None else until)
    return out


@cache
def _locality_words() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.split()) for w in sorted(LOCALITY_WORDS, key=len, reverse=True))


def _locality_len(folded_words: list[str], i: int) -> int:
    for words in _locality_words():
        if tuple(folded_words[i : i + len(words)]) == words:
            return len(words)
    return 0


def scan_org_phrase(text: str, folded: str, pos: int, max_words: int = 14) -> int | None:
    """End offset of an organization name starting at ``pos``, or None if none starts."""
    tokens = tokens_from(text, pos, max_words)
    if not tokens or not tokens[0].capitalized or tokens[0].text.isdigit():
        return None
    folded_words = [folded[t.start : t.end].lower() for t in tokens]
    end = tokens[0].end
    prev_capitalized = True
    i = 1
    while i < len(tokens):
        token = tokens[i]
        if token.capitalized:
            prev_capitalized = True
            end = token.end
            i += 1
            continue
        if (
            token.text.isdigit()
            and len(token.text) <= 2
            and folded_words[i + 1 : i + 2] == ["khoa"]
        ):
            end = token.end  # "Hội nghị Trung ương 6 khóa XII": the term follows
            i += 1
            continue
        if folded_words[i : i + 2] == ["lan", "thu"] and i + 2 < len(tokens):
            end = tokens[i + 2].end  # "Hội nghị lần thứ sáu Ban Chấp hành ..."
            prev_capitalized = False
            i += 3
            continue
        locality = _locality_len(folded_words, i)
        if locality:
            end = tokens[i + locality - 1].end
            prev_capitalized = False
            i += locality
            continue
        if prev_capitalized and folded_words[i] in ORG_SECOND_SYLLABLES:
            prev_capitalized = False
            end = token.end
            i += 1
            continue
        break
    term = _TERM.match(folded, end)
    if term:
        term_end = term.end()
        if term["open"]:
            close = re.compile(r"[ \t]*\)").match(folded, term_end)
            if close is None:
                return end
            term_end = close.end()
        end = term_end
    return end


def name_at(text: str, pos: int) -> int | None:
    """End offset of a personal name (surname + 1-3 syllables) at ``pos``, or None."""
    tokens = tokens_from(text, pos, 4)
    if len(tokens) < 2 or tokens[0].text not in SURNAMES:
        return None
    count = 0
    for token in tokens:
        if not token.capitalized or token.text.isupper() or "-" in token.text:
            break
        count += 1
    if count < 2:
        return None
    end = tokens[count - 1].end
    if text[pos:end] in NOT_PERSON_NAMES:
        return None
    return end
