"""Writes to the document register. Each service checks scope itself, validates before
saving, writes the audit log and leaves nothing behind when it refuses."""

from .register import (
    RegisterResult,
    document_ingest,
    document_register,
)
from .review import finding_correct, reference_correct, relation_add, relation_remove
from .update import document_update

__all__ = [
    "RegisterResult",
    "document_ingest",
    "document_register",
    "document_update",
    "finding_correct",
    "reference_correct",
    "relation_add",
    "relation_remove",
]
