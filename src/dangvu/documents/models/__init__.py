"""The document register: documents, the references between them, and what was found in
their text (figures, deadlines, people, the period), each with its span in the text.

A document is identified by its number and symbol: kind (party or state), issuer code
(and, where known, the issuing organization; for a local state body such as a UBND or
HĐND, the area it governs: `area`, else the place's name `area_name`), type code,
number (leading zeros ignored), the year of a state document's symbol, and the date.
`match_key` is that identity without the date (what an undated reference names);
`identity_key` adds the date and is unique, so the same number in another term is
another document, and a placeholder registered from a reference is completed in place
when the document itself arrives.

The package by subject: `choices`, `reference` (the editable tables of types and issuer
codes), `register` (the entries), `links` (references and relations), `findings`.
"""

from .choices import (
    DocumentKind,
    DocumentStatus,
    FileKind,
    FindingKind,
    RelationKind,
    RelationOrigin,
    Visibility,
)
from .findings import Finding, period_label
from .links import DocumentRelation, Reference
from .reference import DocumentType, IssuerCode
from .register import Document, original_upload_to

__all__ = [
    "Document",
    "DocumentKind",
    "DocumentRelation",
    "DocumentStatus",
    "DocumentType",
    "FileKind",
    "Finding",
    "FindingKind",
    "IssuerCode",
    "Reference",
    "RelationKind",
    "RelationOrigin",
    "Visibility",
    "original_upload_to",
    "period_label",
]
