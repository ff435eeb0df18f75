"""Writes to the member registry. Every service is one transaction, checks the actor's
scope itself, records dated events (never edits history) and writes the audit log."""

from .excel import members_export, members_import
from .members import (
    badge_award,
    event_annul,
    member_admit,
    member_die,
    member_discipline,
    member_exempt,
    member_exempt_end,
    member_exit,
    member_fail_probation,
    member_hold_ceremony,
    member_rate,
    member_readmit,
    member_recognize,
    member_restore,
    member_update_profile,
)
from .stats import (
    counters_rebuild,
    mark_tree_followed,
    scopes_rebuild,
    snapshots_rebuild,
    stats_follow_tree,
    stats_sync,
)
from .transfers import (
    member_transfer,
    members_follow_org_ending,
    transfer_cancel,
    transfer_confirm,
    transfer_return,
)

__all__ = [
    "badge_award",
    "counters_rebuild",
    "event_annul",
    "mark_tree_followed",
    "member_admit",
    "member_die",
    "member_discipline",
    "member_exempt",
    "member_exempt_end",
    "member_exit",
    "member_fail_probation",
    "member_hold_ceremony",
    "member_rate",
    "member_readmit",
    "member_recognize",
    "member_restore",
    "member_transfer",
    "member_update_profile",
    "members_export",
    "members_follow_org_ending",
    "members_import",
    "scopes_rebuild",
    "snapshots_rebuild",
    "stats_follow_tree",
    "stats_sync",
    "transfer_cancel",
    "transfer_confirm",
    "transfer_return",
]
