"""The text's own document from its header: ``Số 359-BC/ĐUK`` and ``Yên Bái, ngày ...``.

Only a number-and-symbol introduced by ``Số`` at the start of a line (or after a tab,
as in a two-column header) near the top of the text, standing alone in its column (a
cited number has its date or issuer after it), counts as the text's own number;
``own_document`` stays empty for news articles and for reports without a header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .clean import CleanText, fold
from .dates import DateHit, match_date_at
from .models import OwnDocument, Reference
from .tables import PARTY_DOC_TYPES, STATE_DOC_TYPES, DocType

__all__ = ["HeaderInfo", "find_own_document"]

_HEAD_CHARS = 3000
_LINE_LEAD = re.compile(r"(?:[^\n]*[\t|])?[ \t#>*|]*")
# The place opens a line or a column: after a tab, a ``|`` or a gap of two or more spaces
# (a two-column header pasted as plain text: ``Số 12-TB/TU        Đà Nẵng, ngày ...``).
_DATE_LINE = re.compile(
    r"(?:^|(?<=[\t|])|(?<=  ))[ \t*_]*"
    r"(?P<place>[^\W\d_](?:(?!  )[^\n,\t|]){0,40}?)[ \t*_]*,[ \t]*ngay[ \t]+",
    re.I | re.M,
)
# the own number ends its line or its column: a tab, a gap, a cell border, the end
_ALONE = re.compile(r"[ \t*_]*(?:$|\t|  |\|)", re.M)
_TYPE_LINE = re.compile(r"^[ \t#>*_|]*(?P<name>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,4})[ \t*_|]*$")


@dataclass(frozen=True)
class HeaderInfo:
    """The own document and the span of its date line (clean offsets)."""

    own: OwnDocument | None
    date_hit: DateHit | None


def _date_line(ct: CleanText) -> tuple[DateHit, str] | None:
    for match in _DATE_LINE.finditer(ct.folded, 0, _HEAD_CHARS):
        hit = match_date_at(ct.lower, match.end())
        if hit is not None:
            place = ct.text[match.start("place") : match.end("place")].strip(" *_#")
            return hit, place
    return None


def _type_line(ct: CleanText, code: str | None) -> str | None:
    """A centred type name line (``BÁO CÁO``) agreeing with the code, if any.

    A longer name of the code's own type reads as that type: ``THÔNG BÁO KẾT LUẬN`` over
    ``Số 12-TB/TU`` is a ``Thông báo``, ``QUY ĐỊNH`` over ``-QĐ/TW`` stays ``Quy định``.
    """
    names = _type_names()
    for line in ct.text[:_HEAD_CHARS].splitlines():
        match = _TYPE_LINE.match(line)
        if not match or not match["name"].isupper():
            continue
        doc_type = names.get(fold(match["name"]).upper())
        if doc_type is None:
            continue
        if code is None or not doc_type.codes or fold(code).upper() in _code_keys(doc_type):
            return _shortest_of_code(doc_type, code)
    return None


@cache
def _type_names() -> dict[str, DocType]:
    return {fold(t.name).upper(): t for t in PARTY_DOC_TYPES + STATE_DOC_TYPES}


@cache
def _code_keys(doc_type: DocType) -> frozenset[str]:
    return frozenset(fold(c).upper() for c in doc_type.codes)


def _shortest_of_code(doc_type: DocType, code: str | None) -> str:
    """``Thông báo kết luận`` (TB) → ``Thông báo``: the code's first type, if it opens it."""
    if code is None:
        return doc_type.name
    key = fold(code).upper()
    for types in (PARTY_DOC_TYPES, STATE_DOC_TYPES):
        first = next((t for t in types if key in _code_keys(t)), None)
        if first is not None and doc_type.name.startswith(first.name + " "):
            return first.name
    return doc_type.name


def _letter_type(ref: Reference) -> str | None:
    """``Số: 305/UBND-NV``: a state number without a genre code is a letter's (Công văn)."""
    return "Công văn" if ref.state and ref.type_code is None and ref.type is None else None


def find_own_document(ct: CleanText, references: Sequence[Reference]) -> HeaderInfo:
    """The own document from the header, if the text has one."""
    dated = _date_line(ct)
    date_hit = dated[0] if dated else None
    for ref in references:
        if ref.start >= _HEAD_CHARS:
            break
        if ct.folded[ref.start : ref.start + 2].lower() != "so":
            continue
        line_start = ct.folded.rfind("\n", 0, ref.start) + 1
        if not _LINE_LEAD.fullmatch(ct.folded, line_start, ref.start):
            continue
        if (
            ref.date is not None
            or ref.issuer_name is not None
            or not _ALONE.match(ct.folded, ref.end)
        ):
            continue  # "Số 45-KH/TU ngày ... của ..." opening a line cites a document
        own = OwnDocument(
            start=ref.start,
            end=ref.end,
            text=ref.text,
            type=_type_line(ct, ref.type_code) or ref.type or _letter_type(ref),
            number=ref.number,
            type_code=ref.type_code,
            issuer_code=ref.issuer_code,
            date=date_hit.date if date_hit else None,
            place=dated[1] if dated else None,
        )
        return HeaderInfo(own, date_hit)
    return HeaderInfo(None, date_hit)
