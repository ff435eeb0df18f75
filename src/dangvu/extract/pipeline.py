"""The pipeline: clean → find (references, dates, header, period, ...) → resolve.

Every finder works on the clean text and returns clean offsets; ``_resolve`` maps each
span back to the input and re-reads ``text`` from it, so ``text == input[start:end]``
holds for every finding whatever the input's normalisation or markup.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import TypeVar

from .chrome import in_link_line
from .clean import CleanText, clean
from .context import document_dates
from .dates import DateHit, find_dates
from .deadlines import find_deadlines
from .figures import find_figures
from .grid import find_grid_figures, read_tables
from .header import find_own_document
from .models import Deadline, Extraction, Figure, OwnDocument, Period, Person, Reference
from .people import find_people
from .period import find_period, text_kind
from .references import find_references
from .spans import SpanSet

__all__ = ["extract"]


_F = TypeVar("_F", Reference, Figure, Deadline, Person, Period, OwnDocument)


def _resolve(ct: CleanText, finding: _F) -> _F:
    if ct.identity:
        return finding  # clean text and input are one string: offsets and text hold
    start, end = ct.to_original(finding.start, finding.end)
    return dataclasses.replace(finding, start=start, end=end, text=ct.original[start:end])


def _merge(figures: list[Figure], more: list[Figure]) -> list[Figure]:
    """Figures of running text, then table cells not already read, in text order."""
    if not more:
        return figures
    taken = SpanSet((f.start, f.end) for f in figures)
    extra = [g for g in more if not taken.overlaps(g.start, g.end)]
    return sorted(figures + extra, key=lambda f: f.start)


def _first_date(dates: list[DateHit], masks: list[tuple[int, int]]) -> datetime.date | None:
    spans = SpanSet(masks)
    for hit in dates:
        if hit.year is not None and hit.date is not None and not spans.overlaps(hit.start, hit.end):
            return hit.date
    return None


def _own_figures(text: str, figures: list[Figure]) -> tuple[Figure, ...]:
    """The figures not in a related article's headline (``chrome``), input offsets."""
    if "](" not in text:
        return tuple(figures)
    return tuple(f for f in figures if not in_link_line(text, f.start))


def extract(text: str) -> Extraction:
    """Find references, figures, deadlines, people, the period and the own document."""
    ct = clean(text)
    references = find_references(ct)
    dates = find_dates(ct.lower)
    header = find_own_document(ct, references)
    own = header.own
    doc_date = own.date if own is not None else None
    ref_masks = [(r.start, r.end) for r in references]
    date_masks = [(d.start, d.end) for d in dates]
    kind = text_kind(own.type if own is not None else None, own is not None)
    # a news item is dated by its first date outside a reference ("Ngày 16/7/2021, ...")
    dateline = doc_date if kind != "news" else _first_date(dates, ref_masks)
    period = find_period(ct, ref_masks + date_masks, dateline, header.date_hit, kind)
    tables = read_tables(ct)
    directive = kind == "other"
    own_start = own.start if own is not None else 0
    dated = document_dates(ct, doc_date, own_start, header.date_hit, dates)
    deadlines = find_deadlines(ct, dates, ref_masks, dated, directive, tables)
    cell_figures, number_cells = find_grid_figures(ct, date_masks, tables)
    figures = _merge(find_figures(ct, ref_masks + date_masks + number_cells), cell_figures)
    people = find_people(ct)
    return Extraction(
        references=tuple(_resolve(ct, r) for r in references),
        figures=_own_figures(text, [_resolve(ct, f) for f in figures]),
        deadlines=tuple(_resolve(ct, d) for d in deadlines),
        people=tuple(_resolve(ct, p) for p in people),
        period=_resolve(ct, period) if period is not None else None,
        own_document=_resolve(ct, own) if own is not None else None,
    )
