"""Writes to the document register. Each service checks scope itself, validates before
saving, writes the audit log and leaves nothing behind when it refuses."""

from .linking import issuer_order_follow
from .register import (
    ReadFile,
    document_ingest,
    document_read,
    document_register,
)
from .review import finding_correct, reference_correct, relation_add, relation_remove
from .steps import RegisterResult
from .update import document_update

__all__ = [
    "ReadFile",
    "RegisterResult",
    "document_ingest",
    "document_read",
    "document_register",
    "document_update",
    "finding_correct",
    "issuer_order_follow",
    "reference_correct",
    "relation_add",
    "relation_remove",
]
