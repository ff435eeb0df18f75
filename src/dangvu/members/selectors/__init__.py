"""Reads of the member registry, scoped to the user."""

from .flows import flows, flows_by_month
from .rules import rule_value
from .scope import (
    MemberFilter,
    can_record_for,
    can_see_personal,
    get_member,
    member_list,
    members_reachable,
    members_visible_to,
    scope_org,
    search_condition,
)
from .stat_tables import tables
from .stats import (
    counts_by_child,
    counts_on,
    counts_today,
    monthly_counts,
)
from .worklists import badges_due, recognition_due, temporary_overdue, unrated

__all__ = [
    "MemberFilter",
    "badges_due",
    "can_record_for",
    "can_see_personal",
    "counts_by_child",
    "counts_on",
    "counts_today",
    "flows",
    "flows_by_month",
    "get_member",
    "member_list",
    "members_reachable",
    "members_visible_to",
    "monthly_counts",
    "recognition_due",
    "rule_value",
    "scope_org",
    "search_condition",
    "tables",
    "temporary_overdue",
    "unrated",
]
