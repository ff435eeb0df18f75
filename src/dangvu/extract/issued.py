"""The issue date a reference takes from its sentence.

``Ngày 14/3/2024, Ban Bí thư ban hành Quy định số 88-QĐ/TW``: a reference without a date
of its own, right after an issuing verb (``tables.ISSUED_VERBS``), is dated by the date
that opens its sentence, or by one that opens a clause of it before the issuer, when no
other reference stands between.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from .clean import CleanText, fold
from .dates import DateHit, match_date_at
from .models import Reference
from .spans import SpanSet
from .tables import ISSUED_VERBS

__all__ = ["dated_by_sentence"]

# a sentence opening with its date: "Ngày 02/11/2021, Ban Thường vụ đã ban hành ..."
_OPENING_DATE = re.compile(r"[ \t\-+*\u2013\u2022]*ngay[ \t]+", re.I)
_SENTENCE_END = re.compile(r"[;!?\n]|\.(?![0-9])")  # not the dots of "7.6.2021"
_SENTENCE_REACH = 200


@cache
def _issued_before() -> re.Pattern[str]:
    verbs = "|".join(
        re.escape(w) for w in sorted({fold(v) for v in ISSUED_VERBS}, key=len, reverse=True)
    )
    # "ban hành các Nghị quyết số 18, 19-NQ/TW": a plural before a list of references
    return re.compile(rf"(?<!\w)(?:da[ \t]+)?(?:{verbs})[ \t]+(?:(?:cac|nhung)[ \t]+)?$", re.I)


def dated_by_sentence(ct: CleanText, refs: list[Reference]) -> list[Reference]:
    """``Ngày 14/3/2024, Ban Bí thư ban hành Quy định số 88-QĐ/TW``: the date opening the
    sentence is the issue date of the reference right after the issuing verb; so is a
    date within the sentence before the issuer (``Trên cơ sở đó, ngày 20/6/2019 Ban
    Thường vụ đã ban hành Chỉ thị số 07-CT/HU``), when no other reference stands
    between."""
    out = list(refs)
    spans = SpanSet((r.start, r.end) for r in refs)
    for i, found in enumerate(out):
        if found.date is not None:
            continue
        floor = max(0, found.start - _SENTENCE_REACH)
        sentence = floor
        for boundary in _SENTENCE_END.finditer(ct.folded, floor, found.start):
            sentence = boundary.end()
        if sentence == floor and floor > 0 and ct.folded[floor - 1] not in ".;!?\n":
            continue  # the sentence opens further back than its date could stand
        lead = _OPENING_DATE.match(ct.folded, sentence, found.start)
        hit = match_date_at(ct.lower, lead.end()) if lead else None
        if hit is None or ct.folded[hit.end : hit.end + 1] != ",":
            hit = _date_within(ct, sentence, found.start)
            if hit is None or spans.overlaps(hit.start, found.start):
                continue
            if _CLAUSE_MARK.search(ct.folded, hit.end, found.start):
                continue  # "họp ngày 05/9/2022, sau đó ... ban hành": another clause
        if _issued_before().search(ct.folded, hit.end, found.start) is None:
            continue
        out[i] = dataclasses.replace(found, date=hit.date)
    return out


_DAY_WORD = re.compile(r"ngay(?<!\wngay)[ \t]+")  # on ``ct.lower``
_CLAUSE_MARK = re.compile(r"[,;:(]")
_SUBJECT_REACH = 120  # from a date within the sentence to the reference it dates


def _date_within(ct: CleanText, sentence: int, end: int) -> DateHit | None:
    """The last full date after a ``ngày`` that opens a clause (the sentence, or after a
    comma: ``Trên cơ sở đó, ngày 20/6/2019``) within reach before ``end``, if any."""
    last: DateHit | None = None
    for lead in _DAY_WORD.finditer(ct.lower, max(sentence, end - _SUBJECT_REACH), end):
        before = ct.lower[max(sentence, lead.start() - 8) : lead.start()].rstrip(" \t")
        if before and before[-1] not in ",;:(":
            continue  # "Chi bộ họp ngày 05/9/2022": the date of what was just told
        if not before and lead.start() - 8 > sentence:
            continue
        hit = match_date_at(ct.lower, lead.end())
        if hit is not None and hit.end <= end:
            last = hit
    return last
