"""Clean step: normalise the input for matching while keeping a map back to it.

The extractor matches on ``CleanText.text``: the input with Markdown emphasis (``**``)
and footnote marks (``<sup>1</sup>``) removed and every character cluster composed to
NFC. ``CleanText.folded`` is the same text with diacritics removed and ``đ`` read as
``d``, character for character, so a pattern written without diacritics (``ke hoach``,
``DUK``) finds every spelling (``Kế hoạch``, ``ĐUK``, ``ủy``/``uỷ``). Offsets found in
either string are mapped back with ``to_original`` so that every finding indexes the
input exactly as it was given, even NFD input.

Text pasted from a PDF keeps the line breaks of its layout in the middle of sentences
(``của Ban Thường vụ Tỉnh\nủy``, ``Quy định số 69-\nQĐ/TW``). A break inside a sentence
of running text is read as a space: the line before it is long and ends without
sentence punctuation, and the next line starts in lower case (or the line ends with
the hyphen of a split symbol). The replacement is one character for one, so offsets do
not move; so is that of the eth ``Ð`` that OCR gives for ``Đ``, and of a scan's letter
for a digit inside a number (``9l,3%``, ``2O/4/2016``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

__all__ = ["CleanText", "clean", "fold"]

# Markup removed before matching: bold/italic runs of asterisks, HTML footnote marks,
# the brackets and address of a Markdown link (``[Kế hoạch số 12-KH/ĐU](url), ngày``
# reads ``Kế hoạch số 12-KH/ĐU, ngày``) and the backslash of a Markdown escape (``\*``).
# A line break tag (``<br>``, in the cells of a Markdown table) is read as a line break,
# ``&nbsp;`` as a space; the tags of a link or a styled run of HTML are removed.
_MARKUP = re.compile(
    r"\*{2,}|<sup>[^<>]{0,12}</sup>"
    r"|</?(?:sup|sub|b|i|em|strong|u|span|font|a)(?:[ \t][^<>\n]{0,300})?>"
    r"|\[(?=[^\[\]\n]{1,300}\]\([^()\s]{1,500}(?:[ \t]+\"[^\"\n]{0,200}\")?\))"
    r"|\]\([^()\s]{1,500}(?:[ \t]+\"[^\"\n]{0,200}\")?\)"
    r"|\\(?=[*_#>|\[\]\-.])|(?P<br><br[ \t]*/?>)|(?P<space>&nbsp;)",
    re.I,
)


# A wrapped line: long, no sentence punctuation at its end, continued on the next line
# (the rule ``_join_wrapped`` applies line by line; kept as a pattern to test it against).
_WRAPPED = re.compile(r"^[ \t]*[^\n]{49,}[^\s.:;!?][ \t]*\n(?=[ \t]*(?P<next>\S))", re.M)
_WRAPPED_MIN = 50  # characters of a wrapped line, trailing spaces left out


# A line ending with a word that a number must follow (``ngày``, ``số``, ``tháng``) is
# continued by the number on the next line: ``... Kế hoạch số 12-KH/TU ngày\n05/3/2024``.
_NUMBER_LEAD_END = re.compile(
    r"(?<!\w)(?:ng[aà]y|s[oố]|th[aá]ng|n[aă]m|qu[yý]|tr[uư][oớ]c)[ \t]*\n$", re.I
)


# literal first, without re.I (the look-behind after the first letter; see anchors)
_DAY_THEN_DATE = re.compile(
    r"[nN](?<!\w[nN])[gG][aàAÀ][yY][ \t]*\n(?=[ \t]*[0-9]{1,2}[ \t]*(?:[/.\-]|[tT][hH]))"
)

# literal first ("ớc" of "trước"; the word is checked in Python), the date or "ngày
# <date>" on the next line
_DUE_THEN_DATE = re.compile(
    r"ớc[ \t]*\n(?=[ \t]*(?:[nN]gày[ \t]+)?[0-9]{1,2}[ \t]*[/.\-][ \t]*[0-9])"
)

# The hyphen or slash of a symbol split by the break (``69-\nQĐ/TW``), not a dash rule.
_SPLIT_SYMBOL_END = re.compile(r"\w[-/][ \t]*\n$")


_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\S")


def _join_wrapped(text: str) -> str:
    """Read hard line breaks inside sentences as spaces (same length, same offsets).

    A loop over the lines, not a regex over the text: a line is looked at once, and only
    a long one ending without punctuation (``_WRAPPED`` is the same rule as a pattern)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    breaks = ["\n"] * (len(lines) - 1)
    for i, line in enumerate(lines[:-1]):
        body = line.rstrip(" \t")
        if len(body) < _WRAPPED_MIN or body[-1].isspace() or body[-1] in ".:;!?":
            continue
        following = lines[i + 1].lstrip(" \t")[:1]
        if not following or following.isspace() or _COLUMN_GAP.search(line):
            continue  # a row of columns (a table, a two-column block) is not prose
        ended = line + "\n"
        if (
            following.islower()
            or _SPLIT_SYMBOL_END.search(ended)
            or (following.isdigit() and _NUMBER_LEAD_END.search(ended))
        ):
            breaks[i] = " "
    if " " in breaks:
        text = "".join(line + gap for line, gap in zip(lines, [*breaks, ""], strict=True))
    # a line of any length ending with "ngày", the date on the next: "Hà Nội, ngày\n15 ..."
    text = _DAY_THEN_DATE.sub(lambda m: m.group()[:-1] + " ", text)
    # ... or with the "trước" of a deadline: "... về Ban Tuyên giáo trước\nngày 30/9/2016"
    return _DUE_THEN_DATE.sub(_due_then_date, text)


def _due_then_date(match: re.Match[str]) -> str:
    word = match.string[max(0, match.start() - 4) : match.start()].lower()
    if word[1:] != "trư" or word[:1].isalpha():
        return match.group()
    return match.group()[:-1] + " "


# OCR and some fonts give the Icelandic eth (``Ð``/``ð``, U+00D0/U+00F0) for the
# Vietnamese ``Đ``/``đ`` (U+0110/U+0111): the same glyph. Read as ``Đ``, one for one.
_OCR_LETTERS = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


# A scan's letter for a digit inside a number: ``9l,3%``, ``1l đảng viên``, ``2O/4/2016``
# (``l``, ``I`` or ``|`` after a digit for 1, ``O`` or ``o`` for 0), before a digit, a
# decimal, ``%`` or the word counted; one for one. A letter opening a number is left.
_OCR_DIGIT = re.compile(
    r"[0-9](?:[lI|](?=[0-9]|[/.,][0-9]|[ \t]?%|[ \t]+[^\W\d_])|[Oo](?=[0-9]|[/.,][0-9]|[ \t]?%))"
)
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})


def _ocr_letters(text: str) -> str:
    if "\u00d0" in text or "\u00f0" in text:
        text = text.translate(_OCR_LETTERS)
    if _OCR_DIGIT.search(text) is None:
        return text
    return _OCR_DIGIT.sub(lambda m: m.group().translate(_OCR_DIGITS), text)


def _replacement(mark: re.Match[str]) -> str:
    """What a piece of markup reads as: a line break, a space, or nothing."""
    return "\n" if mark["br"] else " " if mark["space"] else ""


@dataclass(frozen=True)
class _Segment:
    clean_start: int
    orig_start: int
    clean_len: int
    orig_len: int
    identity: bool


@dataclass(frozen=True)
class CleanText:
    """The input, its cleaned and folded forms, and the map between them."""

    original: str
    text: str
    folded: str
    segments: tuple[_Segment, ...]
    seg_starts: tuple[int, ...] = ()
    plain: bool = False  # typed without Vietnamese diacritics at all
    lower: str = ""  # ``folded`` in lower case, same length: match without re.I (faster)

    @property
    def identity(self) -> bool:
        """True when the clean text is the input itself (no markup, NFC, no joins)."""
        return self.text is self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of ``text`` to the span of ``original``."""
        if not self.segments:
            return (start, end)
        if end <= start:
            pos = self._orig_pos(start)
            return (pos, pos)
        return (self._orig_pos(start), self._orig_end(end - 1))

    def _find(self, index: int) -> _Segment:
        i = max(0, bisect.bisect_right(self.seg_starts, index) - 1)
        return self.segments[i]

    def _orig_pos(self, index: int) -> int:
        if index >= len(self.text):
            return len(self.original)
        seg = self._find(index)
        if seg.identity:
            return seg.orig_start + (index - seg.clean_start)
        return seg.orig_start

    def _orig_end(self, index: int) -> int:
        seg = self._find(index)
        if seg.identity:
            return seg.orig_start + (index - seg.clean_start) + 1
        return seg.orig_start + seg.orig_len


@cache
def _fold_table() -> list[str]:
    """The folded form of every character of the Basic Multilingual Plane, by code.

    A list, not a dict: ``str.translate`` looks a character up in a list by index, about
    twice as fast as hashing it into a dict (``fold`` is the largest cost of ``clean``).
    Characters past the plane raise ``IndexError`` there and are kept as they are."""
    table = [chr(code) for code in range(0x10000)]
    table[ord("đ")], table[ord("Đ")] = "d", "D"
    for code in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii():
            table[code] = base
    return table


def fold(text: str) -> str:
    """Remove Vietnamese diacritics one character for one, keeping the length."""
    if text.isascii():
        return text
    return text.translate(_fold_table())


def _lower(folded: str) -> str:
    """Lower case keeping the length (a few letters, like ``İ``, lengthen when lowered)."""
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def _nfc_pieces(chunk: str, clean_at: int, orig_at: int) -> tuple[str, list[_Segment]]:
    """NFC-compose a chunk of the input; return the text and its segments."""
    if unicodedata.is_normalized("NFC", chunk):
        return chunk, [_Segment(clean_at, orig_at, len(chunk), len(chunk), True)]
    out: list[str] = []
    segments: list[_Segment] = []
    i = 0
    run_start = 0
    n = len(chunk)
    clean_pos = clean_at
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(chunk[j]):
            j += 1
        cluster = chunk[i:j]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            if run_start < i:
                run = chunk[run_start:i]
                segments.append(_Segment(clean_pos, orig_at + run_start, len(run), len(run), True))
                out.append(run)
                clean_pos += len(run)
            segments.append(_Segment(clean_pos, orig_at + i, len(composed), j - i, False))
            out.append(composed)
            clean_pos += len(composed)
            run_start = j
        i = j
    if run_start < n:
        run = chunk[run_start:]
        segments.append(_Segment(clean_pos, orig_at + run_start, len(run), len(run), True))
        out.append(run)
    return "".join(out), segments


def _might_hold_markup(text: str) -> bool:
    """Cheap literal test: every piece of markup holds one of these (``str.find`` in C
    runs at memory speed; the markup pattern at a twentieth of it)."""
    return any(literal in text for literal in _MARKUP_LITERALS)


_MARKUP_LITERALS = ("**", "<", "](", "\\", "&")


def clean(original: str) -> CleanText:
    """Strip markup and compose to NFC, remembering where every character came from."""
    composed = unicodedata.is_normalized("NFC", original)
    if composed and not (_might_hold_markup(original) and _MARKUP.search(original)):
        text = _ocr_letters(_join_wrapped(original))
        text = original if text == original else text
        folded = fold(text)
        return CleanText(original, text, folded, (), (), folded == text, _lower(folded))
    pieces: list[str] = []
    segments: list[_Segment] = []
    clean_len = 0
    orig_pos = 0
    bounds = [(m.start(), m.end(), _replacement(m)) for m in _MARKUP.finditer(original)]
    bounds.append((len(original), len(original), ""))
    for mark_start, mark_end, replacement in bounds:
        if mark_start > orig_pos:
            chunk = original[orig_pos:mark_start]
            whole = composed or chunk.isascii()
            lines = [chunk] if whole else chunk.splitlines(keepends=True)
            for line in lines:
                text, segs = _nfc_pieces(line, clean_len, orig_pos)
                pieces.append(text)
                segments.extend(segs)
                clean_len += len(text)
                orig_pos += len(line)
        if replacement:
            pieces.append(replacement)
            segments.append(_Segment(clean_len, mark_start, 1, mark_end - mark_start, False))
            clean_len += 1
        orig_pos = mark_end
    text = _ocr_letters(_join_wrapped("".join(pieces)))
    starts = tuple(seg.clean_start for seg in segments)
    folded = fold(text)
    return CleanText(
        original, text, folded, tuple(segments), starts, folded == text, _lower(folded)
    )
