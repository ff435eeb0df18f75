"""Vietnamese alphabetical order as a sort key: a pure function, no Django, no ICU.

The order is the dictionary's: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
(f j w z, of foreign names, in their Latin places); tones do not change a letter's place,
and break ties only, word by word as written, in the order no tone, huyền, hỏi, ngã, sắc,
nặng (a à ả ã á ạ). Case is ignored. Digits come before letters, and a word ends before
any letter (An < An Bình < Anh).

The key is plain ASCII, so a column holding it sorts the same under any collation that
compares ASCII bytewise: SQLite by default, PostgreSQL with the column pinned to "C" (see
`dangvu.core.fields.SortKeyField`). Why not PyICU: it needs the ICU C library (a compiled
extension to build on every office server and in CI), SQLite has no ICU collation in its
default build, and PostgreSQL's ICU collations differ between ICU versions, so the two
databases would not give one order; a key computed once in Python on writes gives the
same order everywhere and an index serves it.
"""

from __future__ import annotations

import unicodedata

# Letters in Vietnamese alphabetical order, each with its rank character (A, B, C, ...).
_LETTERS = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
_RANK = {letter: chr(ord("A") + i) for i, letter in enumerate(_LETTERS)}
# NFD splits "ầ" into a, U+0302 (circumflex: â) and U+0300 (grave: huyền); the tone marks:
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_SEPARATOR = "!"  # a space, a hyphen, punctuation: after the end of a word, before a digit
_END = " "  # between the letters and the tones: before anything else


def _letter(base: str, marks: list[str]) -> str:
    """The Vietnamese letter of a base character and its non-tone marks."""
    for mark in marks:
        if mark == "\u031b":
            return {"o": "ơ", "u": "ư"}.get(base, base)
        if mark == "\u0306" and base == "a":
            return "ă"
        if mark == "\u0302" and base in "aeo":
            return {"a": "â", "e": "ê", "o": "ô"}[base]
    return base


def vi_sort_key(text: str) -> str:
    """The sort key of `text` in Vietnamese alphabetical order (see the module)."""
    primary: list[str] = []
    tones: list[str] = []
    chars = unicodedata.normalize("NFD", text.casefold())
    i = 0
    while i < len(chars):
        base = chars[i]
        marks = []
        i += 1
        while i < len(chars) and unicodedata.combining(chars[i]):
            marks.append(chars[i])
            i += 1
        if base in "0123456789":
            primary.append(base)
        elif (letter := _letter(base, marks)) in _RANK:
            primary.append(_RANK[letter])
            tones.append(next((_TONES[m] for m in marks if m in _TONES), "0"))
        elif base.isalpha():
            primary.append("~")  # a letter of another alphabet: after every Vietnamese one
        elif not primary or primary[-1] != _SEPARATOR:
            primary.append(_SEPARATOR)
    return "".join(primary).strip(_SEPARATOR) + _END + "".join(tones)


__all__ = ["vi_sort_key"]
