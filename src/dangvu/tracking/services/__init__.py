"""Writes of implementation tracking. Each service checks scope itself, validates before
saving, writes the audit log and leaves nothing behind when it refuses."""

from .assignments import (
    assignment_confirm,
    assignment_exempt,
    assignment_return,
    assignment_submit,
)
from .follow import (
    assignments_follow_org_ending,
    assignments_follow_split,
    assignments_follow_tree,
    assignments_note_document,
)
from .reminders import assignment_remind, reminders_send
from .tasks import resolve_units, task_create

__all__ = [
    "assignment_confirm",
    "assignment_exempt",
    "assignment_remind",
    "assignment_return",
    "assignment_submit",
    "assignments_follow_org_ending",
    "assignments_follow_split",
    "assignments_follow_tree",
    "assignments_note_document",
    "reminders_send",
    "resolve_units",
    "task_create",
]
