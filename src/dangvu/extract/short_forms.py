"""A document named again by its genre and number alone, after its full symbol in the
same text: ``Kết luận số 65-KL/TW ngày 04/3/2013 ... quán triệt Kết luận 65`` is a
reference to the same Kết luận (its type and issuer codes, no date of its own). Not when
the text gives the short form as a name of its own (``sau đây gọi là Nghị quyết 57``,
``gọi tắt là``): that text uses it as a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Reference

__all__ = ["earlier_full", "text_aliases"]

# on the folded lower text
_ALIAS = re.compile(r"(?:goi|viet)[ \t]+(?:tat[ \t]+)?la[ \t]*[\"\u201c]?[ \t]*")


def text_aliases(lower: str, genre: re.Pattern[str]) -> set[tuple[str, str]]:
    """The (type name, number) pairs, as ``genre`` reads them, the text names a document
    by: ``(sau đây gọi là Nghị quyết 57)``."""
    out: set[tuple[str, str]] = set()
    for lead in _ALIAS.finditer(lower):
        named = genre.match(lower, lead.end())
        if named is not None:
            out.add((named["type"], named["num"]))
    return out


def earlier_full(
    refs: Sequence[Reference], type_name: str, number: str, pos: int
) -> Reference | None:
    """The reference with a symbol of this type and number before ``pos`` in ``refs``
    (in text order), if any."""
    for ref in refs:
        if ref.start >= pos:
            return None
        if ref.number == number and ref.type == type_name and ref.issuer_code is not None:
            return ref
    return None
