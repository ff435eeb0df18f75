"""Writes to the member registry. Every service is one transaction, checks the actor's
scope itself, records dated events (never edits history) and writes the audit log."""

from .admission import (
    member_admit,
    member_fail_probation,
    member_hold_ceremony,
    member_readmit,
    member_recognize,
)
from .corrections import event_annul, member_update_profile
from .excel import members_import
from .exemption import member_exempt, member_exempt_end
from .exits import member_die, member_exit, member_restore
from .export import member_stats_export, members_export, worklists_export
from .merits import badge_award, member_discipline, member_rate
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
    "member_stats_export",
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
    "worklists_export",
]
