"""What a registration returns, and the steps every kind of entry shares: attaching an
uploaded file to an entry and storing it after commit."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from .. import readers
from ..models import Document, DocumentRelation, Reference, original_upload_to
from .linking import search_text_of

__all__ = ["File", "RegisterResult", "attach_file", "save_entry", "store_file"]


@dataclass(frozen=True)
class RegisterResult:
    """What a registration did: the entry, its resolved references (each `.target` the
    entry it names), whether the entry is new, whether it completed a placeholder, the
    placeholders created for references not yet in the register, the relations read from
    the title, whether the extractor failed on the text (the entry is kept without
    findings then), and whether the entry is a received copy of a document that a
    committee above or the Centre owns (`document.copy_of`: that entry, left unchanged)."""

    document: Document
    references: list[Reference] = field(default_factory=list)
    created: bool = True
    completed_placeholder: bool = False
    placeholders: list[Document] = field(default_factory=list)
    relations: list[DocumentRelation] = field(default_factory=list)
    extraction_failed: bool = False
    received_copy: bool = False


@dataclass(frozen=True)
class File:
    name: str
    data: bytes
    read: readers.ReadResult


def attach_file(doc: Document, file: File) -> None:
    """Give an entry the uploaded file's details (stored by `store_file` after commit)."""
    doc.file_kind = file.read.file_kind
    doc.file_size = file.read.size
    doc.sha256 = file.read.sha256
    doc.encoding = file.read.encoding
    doc.original_name = file.name[:255]
    doc.original_file.name = original_upload_to(doc, file.name)


def store_file(name: str, data: bytes) -> None:
    """Write the original after commit: a rolled-back registration leaves no file."""
    if default_storage.exists(name):
        return
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # a concurrent writer stored the same bytes first
        default_storage.delete(saved)


def save_entry(doc: Document, file: File | None) -> None:
    """Validate and save an entry (its keys already set) with the uploaded file, if any,
    whose bytes are stored after commit."""
    if file is not None:
        attach_file(doc, file)
    doc.search_text = search_text_of(doc)
    doc.full_clean()
    doc.save()
    if file is not None:
        name, data = doc.original_file.name, file.data
        transaction.on_commit(lambda: store_file(name, data))
