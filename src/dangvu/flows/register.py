"""Registering a document with what it completes.

`dangvu.documents.services` writes the register only. A new entry that cites (or states
it implements) a task's source document completes its unit's "issue an implementing
document" assignment, in the same transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from dangvu.access import Actor
from dangvu.documents import services as documents
from dangvu.documents.services import RegisterResult
from dangvu.tracking.services import assignments_note_document

__all__ = ["document_ingest", "document_register"]


def document_ingest(*, name: str, data: bytes, actor: Actor, **options: Any) -> RegisterResult:
    """Register a file (`documents.services.document_ingest`, the same arguments); a new
    entry then completes the tasks it answers (a file already registered, or a received
    copy of a superior's document, does nothing).
    The file is read and extracted before the transaction opens: a long text holds no lock."""
    read = documents.document_read(name=name, data=data)
    return _ingest(name=name, data=data, actor=actor, read=read, **options)


@transaction.atomic
def _ingest(*, name: str, data: bytes, actor: Actor, **options: Any) -> RegisterResult:
    result = documents.document_ingest(name=name, data=data, actor=actor, **options)
    if result.created and not result.received_copy:
        assignments_note_document(result=result, actor=actor)
    return result


@transaction.atomic
def document_register(*, actor: Actor, **details: Any) -> RegisterResult:
    """Register a document from its details (`documents.services.document_register`, the
    same arguments); the entry (not a received copy) then completes the tasks it answers."""
    result = documents.document_register(actor=actor, **details)
    if not result.received_copy:
        assignments_note_document(result=result, actor=actor)
    return result
