"""A set of masked spans, merged once, asked for overlaps in logarithmic time."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """The union of ``[start, end)`` spans (references, dates) that findings must avoid."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        # for ``covers``: the spans by start, and the furthest end of those up to each
        self._raw_starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)
        merged: list[list[int]] = []
        for start, end in ordered:
            if merged and start < merged[-1][1]:  # touching spans stay apart
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with any span?"""
        i = bisect.bisect_left(self._ends, start + 1)
        return i < len(self._starts) and self._starts[i] < end

    def covers(self, start: int, end: int) -> bool:
        """Does one of the spans (as given, not merged) hold all of ``[start, end)``?"""
        i = bisect.bisect_right(self._raw_starts, start)
        return i > 0 and self._reach[i - 1] >= end
