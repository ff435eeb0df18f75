"""The reference tables' spelling of document type and issuer codes. A read both the
services (keys of new entries) and the selectors (a symbol typed in a search) need."""

from __future__ import annotations

from .models import DocumentKind, DocumentType, IssuerCode
from .parsing import code_key

__all__ = ["canonical_issuer", "canonical_type", "central_issuer_codes", "local_issuer_codes"]


def canonical_type(kind: str, code: str, name: str = "") -> tuple[str, str]:
    """(code, full name) as the reference table spells them; unknown codes stay as written
    (the table is editable and texts carry local variants)."""
    code = code.strip()
    rows = list(DocumentType.objects.filter(kind=kind).values_list("code", "name"))
    if code:
        matches = [(c, n) for c, n in rows if c and code_key(c) == code_key(code)]
        if name:
            named = [m for m in matches if code_key(m[1]) == code_key(name)]
            if named:
                return named[0]
        if matches:
            return matches[0][0], name or matches[0][1]
        return code, name
    if name:
        named = [(c, n) for c, n in rows if code_key(n) == code_key(name)]
        if named:
            return named[0]
    return code, name


def canonical_issuer(kind: str, code: str) -> str:
    code = code.strip()
    if not code:
        return ""
    for known in IssuerCode.objects.filter(kind=kind).values_list("code", flat=True):
        if code_key(known) == code_key(code):
            return known
    return code


def local_issuer_codes() -> set[str]:
    """Issuer codes of state bodies that every province and commune has (code_key form)."""
    codes = IssuerCode.objects.filter(kind=DocumentKind.STATE, local=True)
    return {code_key(c) for c in codes.values_list("code", flat=True)}


def central_issuer_codes() -> set[str]:
    """Party issuer codes of the Centre's bodies (TW, VPTW, BTCTW...; code_key form)."""
    codes = IssuerCode.objects.filter(kind=DocumentKind.PARTY, central=True)
    return {code_key(c) for c in codes.values_list("code", flat=True)}
