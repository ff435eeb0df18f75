"""Figures: counts (``108 buổi``), shares (``71/74 chi, đảng bộ``), percentages (``105%``).

A number is a figure only when it counts something: it is followed by a counting unit
from ``tables.COUNT_UNITS``, by ``%``, or by any other lower-case noun phrase
(``12 kỳ sinh hoạt``, ``1,2 km``) whose first word is not one that a number never counts
(``tables.NOT_COUNTED``: durations, clock times, conjunctions). Document numbers, dates
and years never reach here because their spans are masked out, a bare year (``2025
đạt``) is no count, and a number right after a labelling word (``lần 2``, ``khóa 13``,
``Trung ương 4``) or inside a proper name (``xã Hòa Tú 1``) is skipped. Vietnamese
number formats are read as written: ``1.234`` is 1234 and ``12,5`` is 12.5.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .backward import word_before
from .clean import CleanText, fold
from .models import Figure
from .spans import SpanSet
from .tables import (
    CAPITALISED_COUNTED,
    COUNT_UNITS,
    COUNTED_LOOKALIKES,
    ETHNIC_GROUPS,
    FIGURE_BLOCKER_COMPOUNDS,
    FIGURE_BLOCKER_LOOKALIKES,
    FIGURE_BLOCKERS,
    FIGURE_CAP_LEADS,
    FIGURE_LABEL_BLOCKERS,
    FIGURE_LABEL_LEADS,
    NOT_COUNTED,
    NUMBERED_BODIES,
    PARTY_DOC_TYPES,
    STATE_DOC_TYPES,
)

__all__ = ["count_unit_in", "find_figures", "parse_number"]

_N = r"(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
# ``_N`` with its look-behind after the first digit: the engine skips to digits in C.
_FIRST_N = (
    r"[0-9](?<![\w.,/\-:][0-9])(?:[0-9]{0,2}(?:\.[0-9]{3})+|[0-9]*)"
    r"(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
)
_FIGURE = re.compile(rf"(?P<a>{_FIRST_N})(?:[ \t]*/[ \t]*(?P<b>{_N}))?(?P<pct>[ \t]?%)?(?![\w/])")
# "giảm từ 217 xuống 167 đơn vị": the first number counts what the second counts.
# On ``ct.lower`` without re.I (none of its letters has a case-insensitive twin such as
# "ſ" for "s"), opening with its literal.
_FROM_TO = re.compile(
    rf"tu(?<!\wtu)[ \t]+(?P<a>{_N})[ \t]+(?:xuong|len|con|den)(?:[ \t]+con)?[ \t]+(?=[0-9])"
)
# "từ 10 - 25 đảng viên", "60 – 95%": a range gives both bounds, two figures of one unit
_RANGE = re.compile(rf"(?P<a>{_FIRST_N})[ \t]*[-\u2013][ \t]*(?=[0-9])")
# A label before the number (``khiển trách 17 (chiếm 38%)``, ``cảnh cáo 347``,
# ``không hoàn thành: 11``): one to four lower-case words, a colon perhaps.
_LABEL = re.compile(
    r"(?:(?<=[\s,;:(])|^)(?P<label>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,4})[ \t]*:?[ \t]*$"
)
# What makes a labelled number a result: a share in brackets after it, a colon after its
# label, or a neighbour of the same form in the list (``khiển trách 2.105, cảnh cáo 347``).
_SHARE_AFTER = re.compile(rf"[ \t]*\([ \t]*(?:chiem|bang|dat)?[ \t]*{_N}[ \t]*%[ \t]*\)")
_ITEM_END = re.compile(r"[ \t]*(?:[,;.()]|$)", re.M)
_NEXT_ITEM = re.compile(
    rf"[ \t]*[,;][ \t]*\n?[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){{0,3}}[ \t]*:?[ \t]*{_N}(?![0-9])"
)
_PREVIOUS_ITEM = re.compile(rf"{_N}(?:[ \t]*\([^()\n]{{0,30}}\))?[ \t]*[,;][ \t]*$")
# "kết nạp 25 và 30 đảng viên": the first number counts what the second counts.
_JOINED_NUMBERS = re.compile(rf"(?P<a>{_FIRST_N})[ \t]+(?:va|hoac)[ \t]+(?=[0-9])")
_NEXT_WORD = re.compile(r"[ \t]+(?P<w>[^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_COUNTED_WORD = re.compile(r"[ \t\u00a0]+(?P<unit>[^\W\d_]\w*)")
# A capitalized word that opens its clause (``Trồng 500 cây``) is no proper name.
_CLAUSE_OPENING = re.compile(r"(?:^|[.:;!?(\n\-\u2013\u2022+*])[ \t]*$")
_STOP_WORD_LIST = """và của tại trong đã được với cho ở để theo trên đạt chiếm bằng là có từ đến
vào so tăng giảm gồm nhưng còn hoặc thì mà nên này do khi sau trước về"""
_STOP_WORDS = frozenset(_STOP_WORD_LIST.split())
_LEAD_VERB_LIST = "đạt chiếm bằng là tăng giảm với tỷ tỉ lệ còn ước khoảng gần hơn trên"
_LEAD_VERBS = frozenset(_LEAD_VERB_LIST.split())
_FOLDED_LEADS = frozenset(fold(w) for w in _LEAD_VERBS)
_FOLDED_STOPS = frozenset(fold(w) for w in _STOP_WORDS)


@cache
def _unit_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    words = [w for w, _ in COUNT_UNITS if not w.isupper()]
    caps = [w for w, _ in COUNT_UNITS if w.isupper()]
    canonical = {fold(w).lower(): name for w, name in COUNT_UNITS}

    def alternation(items: list[str]) -> str:
        # a unit of several words may be typed with two spaces inside: "đảng  viên"
        ordered = sorted(items, key=len, reverse=True)
        return "|".join(re.escape(fold(w)).replace(r"\ ", r"[ \t\u00a0]+") for w in ordered)

    lower = re.compile(rf"[ \u00a0]+(?P<unit>{alternation(words)})(?![\w])", re.I)
    upper = re.compile(rf"[ \u00a0]+(?P<unit>{alternation(caps)})(?![\w])")
    return lower, upper, canonical


@cache
def _unit_anywhere() -> re.Pattern[str]:
    words = sorted({fold(w).lower() for w, _ in COUNT_UNITS}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})(?!\w)", re.I)


def count_unit_in(text: str) -> str | None:
    """The first counting unit named in ``text`` (``Kết nạp đảng viên mới`` → ``đảng viên``)."""
    match = _unit_anywhere().search(fold(text))
    if match is None:
        return None
    return _unit_patterns()[2].get(match.group().lower())


def parse_number(written: str) -> int | float:
    """Read a Vietnamese number: ``.`` groups thousands, ``,`` marks decimals."""
    plain = written.replace(".", "").replace(",", ".")
    value = float(plain)
    return int(value) if value.is_integer() and "," not in written else value


def _extension(ct: CleanText, pos: int, limit: int = 5) -> int:
    """End of the lower-case words after ``pos`` that describe what was counted."""
    end = pos
    for _ in range(limit):
        match = _NEXT_WORD.match(ct.text, end)
        if not match or not match["w"][:1].islower():
            break
        if match["w"].lower() in _STOP_WORDS:
            break
        end = match.end()
    return end


def _context_before(ct: CleanText, pos: int, limit: int = 8) -> str:
    """The words before ``pos`` in the same clause, without a leading verb."""
    # the nearest mark within a short reach, else further back (a long clause is rare)
    floor = max(0, pos - 200)
    clause_start = max(ct.text.rfind(ch, floor, pos) for ch in ",;:.\n")
    if clause_start < 0 and floor > 0:
        clause_start = max(ct.text.rfind(ch, 0, floor) for ch in ",;:.\n")
    words = ct.text[clause_start + 1 : pos].split()[-limit:]
    while words and words[-1].lower() in _LEAD_VERBS:
        words.pop()
    while words and words[0].lower() in _STOP_WORDS:
        words.pop(0)
    return " ".join(words)


def find_figures(ct: CleanText, masks: Sequence[tuple[int, int]]) -> list[Figure]:
    """Every figure in the clean text, in order (clean offsets)."""
    lower_units, upper_units, canonical = _unit_patterns()
    masked = SpanSet(masks)
    out: list[Figure] = []
    for match in _FIGURE.finditer(ct.text):
        if masked.overlaps(match.start(), match.end()):
            continue
        if _label_before(ct, match):
            continue
        value = parse_number(match["a"])
        of = parse_number(match["b"]) if match["b"] else None
        if of is not None and (of == 0 or value > of):
            continue
        if match["pct"]:
            end = _extension(ct, match.end())
            what = ct.text[match.end() : end].strip() or _context_before(ct, match.start())
            text = ct.text[match.start() : end]
            out.append(Figure(match.start(), end, text, what, value, of, "%"))
            continue
        unit_match = upper_units.match(ct.folded, match.end()) or lower_units.match(
            ct.folded, match.end()
        )
        if unit_match is None:
            unit_match = _counted_noun(ct, match)
        if unit_match is None:
            # "cảnh cáo 9 (20%)"; a share is a result by itself: "với số phiếu 23/25."
            labelled = _labelled(ct, match, share=of is not None)
            if labelled is not None:
                start, label = labelled
                text = ct.text[start : match.end()]
                out.append(Figure(start, match.end(), text, label, value, of, label))
            continue
        unit_written = ct.text[unit_match.start("unit") : unit_match.end("unit")]
        unit = canonical.get(" ".join(fold(unit_written).lower().split()), unit_written)
        if unit[:1].isupper() and not unit.isupper():
            unit = unit.lower()  # "02 Chỉ thị" counts "chỉ thị"
        end = _extension(ct, unit_match.end())
        described = ct.text[unit_match.end() : end].strip()
        what = f"{unit} {described}".strip()
        out.append(Figure(match.start(), end, ct.text[match.start() : end], what, value, of, unit))
    return _with_ranges(ct, out, masked)


def _label_before(ct: CleanText, number: re.Match[str]) -> bool:
    """Is this number a label (``lần 2``, ``Chỉ thị 05``) or a rule's cap?"""
    window = max(0, number.start("a") - 30)
    prev = word_before(ct.folded, window, number.start("a"))
    if prev is None:
        return False
    word = prev[2].lower()
    written = ct.text[prev[0] : prev[0] + len(prev[2])].lower()
    blocked = word in FIGURE_BLOCKERS and written not in FIGURE_BLOCKER_LOOKALIKES
    if blocked:
        # "tổng số 712 đảng viên", "người dân tộc thiểu số 712 đồng chí": a noun, no label
        first = word_before(ct.folded, max(0, prev[0] - 12), prev[0], letters=True)
        blocked = first is None or f"{first[2].lower()} {word}" not in FIGURE_BLOCKER_COMPOUNDS
    if blocked or _in_name(ct, prev):
        return True
    pattern, last_words = _cap_before()
    return word in last_words and pattern.search(ct.lower, window, number.start("a")) is not None


def _labelled(ct: CleanText, number: re.Match[str], share: bool = False) -> tuple[int, str] | None:
    """``khiển trách 17 (chiếm 38%)``: the start and the label of a number whose label
    stands before it, in a list of results, or None."""
    if _YEAR.fullmatch(number["a"]) or not _ITEM_END.match(ct.text, number.end()):
        return None
    clause = max(0, number.start() - 60)
    found = _LABEL.search(ct.text, clause, number.start())
    if found is None:
        return None
    words = ct.text[found.start("label") : found.end("label")].split()
    folded = [fold(w).lower() for w in words]
    while folded and (folded[0] in _STOP_WORDS or folded[0] in _FOLDED_LEADS):
        words, folded = words[1:], folded[1:]  # "đã khiển trách 2": the label follows
    for lead in FIGURE_LABEL_LEADS:  # "xử lý khiển trách 2.105": the label follows
        size = len(lead.split())
        if " ".join(folded[:size]) == lead and len(folded) > size:
            words, folded = words[size:], folded[size:]
            break
    if not words:
        return None
    # "dân tộc Tày 51, Nùng 14": an ethnic group's name ends the label, capitals and all
    group = next((n for n in (2, 1) if " ".join(words[-n:]) in ETHNIC_GROUPS), 0)
    if any(not w[:1].islower() for w in words[1 : len(words) - group]):
        return None
    compound = len(folded) > 1 and f"{folded[-2]} {folded[-1]}" in FIGURE_BLOCKER_COMPOUNDS
    if not compound and (folded[-1] in FIGURE_LABEL_BLOCKERS or folded[-1] in _FOLDED_STOPS):
        return None  # "so với 5" ends no label; "dân tộc thiểu số 4" does
    if (
        group < len(words)
        and words[0][:1].isupper()
        and not _CLAUSE_OPENING.search(
            ct.text, max(0, found.start("label") - 3), found.start("label")
        )
    ):
        return None
    label_start = ct.text.rfind(words[0], found.start("label"), found.end("label"))
    colon = ":" in ct.text[found.end("label") : number.start()]
    listed = (
        _SHARE_AFTER.match(ct.folded, number.end()) is not None
        or _NEXT_ITEM.match(ct.folded, number.end()) is not None
        or _PREVIOUS_ITEM.search(ct.folded, max(0, label_start - 50), label_start) is not None
    )
    if not (colon or listed or share):
        return None
    return label_start, " ".join(words)


def _counted_noun(ct: CleanText, number: re.Match[str]) -> re.Match[str] | None:
    """The word after a number that tells what it counts, when it is no known unit."""
    following = _COUNTED_WORD.match(ct.text, number.end())
    if following is not None and following["unit"][:1].isupper():
        # "03 Nghị định chuyên ngành", "02 Chỉ thị": a count of documents of a type
        return _doc_type_count().match(ct.lower, number.end())
    if following is None or not following["unit"][:1].islower():
        return None
    unit = following.start("unit"), following.end("unit")
    if (
        ct.lower[unit[0] : unit[1]] in NOT_COUNTED
        and ct.text[unit[0] : unit[1]].lower() not in COUNTED_LOOKALIKES
    ):
        return None  # "12 chùa" is counted, "12 chưa" is not: they fold alike
    if number["b"] is None and _YEAR.fullmatch(number["a"]):
        return None  # "năm 2025 đạt", "đến 2030 phấn đấu": a year, not a count
    return following


@cache
def _cap_before() -> tuple[re.Pattern[str], frozenset[str]]:
    """A rule's bound right before a number (``không vượt quá 20%`` is no result), and
    the last words of those bounds."""
    folded = sorted({fold(w).lower() for w in FIGURE_CAP_LEADS}, key=len, reverse=True)
    leads = "|".join(re.escape(w) for w in folded)
    last_words = frozenset(w.split()[-1] for w in folded)
    return re.compile(rf"(?<!\w)(?:{leads})[ \t]+$"), last_words


@cache
def _doc_type_count() -> re.Pattern[str]:
    """A document type name, or a body of ``tables.CAPITALISED_COUNTED``, right after a
    number (on ``ct.lower``)."""
    names = {fold(t.name).lower() for t in PARTY_DOC_TYPES + STATE_DOC_TYPES}
    names |= {fold(w).lower() for w in CAPITALISED_COUNTED}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"[ \t\u00a0]+(?P<unit>{alternation})(?!\w)")


@cache
def _doc_type_end() -> tuple[re.Pattern[str], frozenset[str]]:
    """A document type name (or a body named by a number: ``Ban Chỉ đạo 35``) ending
    where a number starts, and the last words of those."""
    names = {fold(t.name).lower() for t in PARTY_DOC_TYPES + STATE_DOC_TYPES}
    names |= {fold(n).lower() for n in NUMBERED_BODIES}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    last_words = frozenset(n.split()[-1] for n in names)
    return re.compile(rf"(?<!\w)(?:{alternation})[ \t]+$"), last_words


def _ethnic_group_ends(ct: CleanText, start: int, end: int) -> bool:
    """Does the name of an ethnic group end at the word ``ct.text[start:end]``?"""
    word = ct.text[start:end].strip()
    if start >= 2 and ct.text[start - 1] in "'\u2019":
        start -= 2  # "M'Nông": the word reads from its first letter
        word = ct.text[start:end].strip()
    if word in ETHNIC_GROUPS:
        return True
    before = word_before(ct.text, max(0, start - 12), start, letters=True)
    return before is not None and f"{before[2]} {word}" in ETHNIC_GROUPS


def _in_name(ct: CleanText, prev: tuple[int, int, str]) -> bool:
    """Is the number after the word ``prev`` (start, end of the spaces after it, word)
    part of a name: ``xã Hòa Tú 1``, ``Chỉ thị 05``?"""
    start, end, word = prev
    if ct.text[start:end].rstrip() == "Đảng":
        return False  # "cho ra khỏi Đảng 2 đảng viên": the Party has no number
    if ct.text[start].isupper():
        if _ethnic_group_ends(ct, start, end):
            return False  # "đảng viên dân tộc Thái 231 đồng chí", "Tày 51, Nùng 14"
        return not _CLAUSE_OPENING.search(ct.text, max(0, start - 3), start)
    pattern, last_words = _doc_type_end()
    if word.lower() not in last_words:
        return False
    named = pattern.search(ct.lower, max(0, start - 24), end)
    return named is not None and ct.text[named.start()].isupper()  # not "kỷ luật 2"


# The words between the two numbers of ``25 và 30``, ``10 - 25`` and the first number's
# digits, read backwards from the second (reversed): only at the figures found, not in a
# pass of their own over the text. The first number opens its run of digits.
_JOINED_BACK = (re.compile(r"[ \t]+(?:av|caoh)[ \t]+[0-9.,]*[0-9]"), ("va", "hoac"))
_RANGE_BACK = (re.compile(r"[ \t]*[-\u2013][ \t]*[0-9.,]*[0-9]"), ("-", "\u2013"))
_PAIR_REACH = 64


def _first_numbers(
    ct: CleanText,
    figures: list[Figure],
    pattern: re.Pattern[str],
    reversed_back: tuple[re.Pattern[str], tuple[str, ...]],
) -> list[re.Match[str]]:
    """The matches of ``pattern`` (``_JOINED_NUMBERS``, ``_RANGE``) ending where a
    figure starts, in order: those of ``pattern.finditer`` that end there.
    ``reversed_back``: the pattern reversed, and what its text ends with before the
    spaces (``và``, ``-``); a figure after anything else is passed over unread."""
    out: list[re.Match[str]] = []
    back, ends = reversed_back
    for figure in figures:
        end = figure.start
        tail = ct.lower[max(0, end - 8) : end].rstrip(" \t")
        if len(tail) >= 4 and not tail.endswith(ends):
            continue  # (a longer gap cuts "hoặc" from the eight characters: the pattern says)
        before = back.match(ct.lower[max(0, end - _PAIR_REACH) : end][::-1])
        if before is None:
            continue
        match = pattern.match(ct.lower, end - before.end())
        if match is not None and match.end() == end:
            out.append(match)
    return out


def _with_ranges(ct: CleanText, figures: list[Figure], masked: SpanSet) -> list[Figure]:
    """Add the first number of ``từ 217 xuống 167 đơn vị`` and of ``25 và 30 đảng
    viên`` (the noun said once, after the second) with the second's unit."""
    by_start = {f.start: f for f in figures}
    added: list[Figure] = []
    ranges = [(m, False) for m in _FROM_TO.finditer(ct.lower)]
    joined = [(m, True) for m in _first_numbers(ct, figures, _JOINED_NUMBERS, _JOINED_BACK)]
    joined += [(m, True) for m in _first_numbers(ct, figures, _RANGE, _RANGE_BACK)]
    for match, bare in ranges + joined:
        second = by_start.get(match.end())
        if second is None or second.of is not None or match.start("a") in by_start:
            continue
        if bare and (masked.overlaps(match.start("a"), match.end("a")) or _label_before(ct, match)):
            continue
        start, end = match.start("a"), match.end("a")
        value = parse_number(match["a"])
        added.append(Figure(start, end, ct.text[start:end], second.what, value, None, second.unit))
    return sorted(figures + added, key=lambda f: f.start) if added else figures
