"""Small helpers for the register's tests: ingest a test text, register by details."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangvu.access import Actor
from dangvu.documents.models import Document, DocumentRelation, Finding, Reference
from dangvu.documents.services import RegisterResult, document_ingest, document_register


def ingest_text(
    text: str, actor: Actor, name: str = "van-ban.txt", **kwargs: Any
) -> RegisterResult:
    return document_ingest(name=name, data=text.encode("utf-8"), actor=actor, **kwargs)


def register(
    actor: Actor,
    symbol: str,
    on: date | None,
    *,
    title: str = "",
    text: str = "",
    **kwargs: Any,
) -> Document:
    """`register(user, "15-KH/ĐU", date(2023, 1, 10))`: a party document by its symbol."""
    number, _, rest = symbol.partition("-")
    type_code, _, issuer_code = rest.partition("/")
    return document_register(
        actor=actor,
        number=number,
        type_code=type_code,
        issuer_code=issuer_code,
        date=on,
        title=title,
        text=text,
        **kwargs,
    ).document


def counts() -> tuple[int, int, int, int]:
    return (
        Document.objects.count(),
        Reference.objects.count(),
        Finding.objects.count(),
        DocumentRelation.objects.count(),
    )
