"""Writes of periodic reporting. Each service checks scope itself, validates before
saving, writes the audit log and leaves nothing behind when it refuses."""

from .approval import (
    pending_below,
    round_remind,
    submission_approve,
    submission_excuse,
    submission_reopen,
    submission_return,
    submission_unlock,
)
from .entry import entry_open, submission_save
from .follow import reports_follow_tree
from .reminders import reports_remind_due
from .rollup import rollup_apply, rollup_rebuild
from .rounds import round_open
from .targets import target_set

__all__ = [
    "entry_open",
    "pending_below",
    "reports_follow_tree",
    "reports_remind_due",
    "rollup_apply",
    "rollup_rebuild",
    "round_open",
    "round_remind",
    "submission_approve",
    "submission_excuse",
    "submission_reopen",
    "submission_return",
    "submission_save",
    "submission_unlock",
    "target_set",
]
