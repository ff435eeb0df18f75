"""The word before a position, read backwards in one match.

``re.compile(r"(\\w+)[ \\t]*$").search(text, lo, hi)`` finds the last word before ``hi``,
but the engine tries the pattern from every position of the window: a few microseconds
per call, at every number and every family name of a text. Reversing the window and
matching the reversed pattern once at its start finds the same word: the leftmost start
of the forward search is the longest run the reversed match takes. ``$`` also matches
before a newline ending the window, so the reversed pattern may step over one.
"""

from __future__ import annotations

import re

__all__ = ["word_before"]

# the window reversed: a newline ending it, the spaces, then the word (reversed)
_SPACED = re.compile(r"(?P<nl>\n)?[ \t]*(?P<w>\w+)")
_SPACED_LETTERS = re.compile(r"(?P<nl>\n)?[ \t]+(?P<w>[^\W\d_]+)")


def word_before(
    text: str, lo: int, hi: int, *, letters: bool = False
) -> tuple[int, int, str] | None:
    """The word ending ``text[lo:hi]`` before spaces: its start, the end of the spaces
    (the forward match's end), the word. ``letters``: a word of letters, and at least
    one space after it, as ``([^\\W\\d_]+)[ \\t]+$``; else ``(\\w+)[ \\t]*$``."""
    if hi <= lo:
        return None
    pattern = _SPACED_LETTERS if letters else _SPACED
    found = pattern.match(text[lo:hi][::-1])
    if found is None:
        return None
    end = hi - 1 if found["nl"] else hi
    return hi - found.end(), end, found["w"][::-1]
