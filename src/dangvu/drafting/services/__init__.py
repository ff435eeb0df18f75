"""Writes of drafting: each service checks scope, validates, audits, and leaves nothing
behind when it refuses."""

from .drafts import draft_create, draft_edit_block, draft_issue, draft_redraft
from .numbering import number_cancel, number_take
from .templates import template_for, template_remove, template_upload

__all__ = [
    "draft_create",
    "draft_edit_block",
    "draft_issue",
    "draft_redraft",
    "number_cancel",
    "number_take",
    "template_for",
    "template_remove",
    "template_upload",
]
