"""A document's text with its findings marked in place.

The text is cut at every span boundary; each piece is wrapped in one `<mark>` carrying
the kinds of every span covering it (so overlapping and nested spans need no nesting
of elements), and, where a reference covers it, in a link to the cited document.
Everything else is escaped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

__all__ = ["Span", "document_marks", "highlight"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # css class suffix: reference, figure, deadline, person, period, header
    label: str  # shown on hover
    href: str = ""
    anchor: str = ""  # element id at the span's first piece, for links from the tables


def highlight(text: str, spans: list[Span]) -> SafeString:
    size = len(text)
    spans = [
        Span(max(0, s.start), min(size, s.end), s.kind, s.label, s.href, s.anchor)
        for s in spans
        if s.end > s.start and s.start < size
    ]
    cuts = sorted({0, size, *(s.start for s in spans), *(s.end for s in spans)})
    by_start: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        by_start.setdefault(span.start, []).append(index)
    active: list[int] = []
    pieces: list[tuple[str, str]] = []  # (link, html) in text order
    for left, right in itertools.pairwise(cuts):
        active = [i for i in active if spans[i].end > left]
        active.extend(by_start.get(left, []))
        piece = text[left:right]
        if not active:
            pieces.append(("", escape(piece)))
            continue
        covering = [spans[i] for i in active]
        kinds = " ".join(sorted({f"f-{s.kind}" for s in covering}))
        label = "; ".join(dict.fromkeys(s.label for s in covering if s.label))
        anchors = [s.anchor for s in covering if s.anchor and s.start == left]
        mark = format_html(
            '<mark class="{}" title="{}"{}>{}</mark>',
            kinds,
            label,
            mark_safe(f' id="{escape(anchors[0])}"') if anchors else "",
            piece,
        )
        pieces.append((next((s.href for s in covering if s.href), ""), mark))
    out: list[str] = []
    # Consecutive pieces of one link are one <a>, however many marks cut it.
    for link, group in itertools.groupby(pieces, key=lambda p: p[0]):
        inner = "".join(html for _, html in group)
        if link:
            out.append(format_html('<a class="ref-link" href="{}">{}</a>', link, mark_safe(inner)))
        else:
            out.append(inner)
    return mark_safe("".join(out))


def document_marks(references: list[tuple[Any, bool]], findings: list[Any]) -> list[Span]:
    """The spans of a document page: each reference (a link when the user may open the
    cited entry) and each finding not rejected, labelled with its current reading."""
    spans: list[Span] = []
    for ref, can_open in references:
        target = ref.target
        if target is None:
            label = f"Dẫn chiếu: {ref.symbol}"
        elif target.is_placeholder:
            label = f"Dẫn chiếu: {target} — chưa có văn bản trong sổ"
        else:
            label = f"Dẫn chiếu: {target}"
        href = reverse("documents:document_detail", args=[target.pk]) if target and can_open else ""
        spans.append(Span(ref.start, ref.end, "reference", label, href, f"r{ref.pk}"))
    for finding in findings:
        if finding.rejected:
            continue
        label = f"{finding.get_kind_display()}: {finding.describe()}"
        if finding.corrected is not None:
            label += " (đã sửa)"
        spans.append(Span(finding.start, finding.end, finding.kind, label, anchor=f"f{finding.pk}"))
    return spans
