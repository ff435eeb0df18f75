"""The member registry: profiles, the append-only history of membership events, transfers
awaiting the receiving unit, the rules in force by date, and the statistics tables derived
from the events (membership spans, counters rolled up the tree, monthly snapshots).

The package by subject: `choices`, `member` (the profile), `history` (transfers, events,
sponsors), `rules` (in force by date), `stats` (the derived tables).
"""

from .choices import (
    ACTIVE_STATUSES,
    EXIT_KINDS,
    DisciplineForm,
    Education,
    EventKind,
    MemberStatus,
    Professional,
    RatingLevel,
    Sex,
    Theory,
)
from .history import MembershipEvent, Sponsor, Transfer
from .imports import ImportBatch
from .member import Member, MemberQuerySet, SearchKeyField
from .rules import Rule, RuleName
from .stats import MemberCount, MemberSnapshot, MemberSpan, StatsState

__all__ = [
    "ACTIVE_STATUSES",
    "EXIT_KINDS",
    "DisciplineForm",
    "Education",
    "EventKind",
    "ImportBatch",
    "Member",
    "MemberCount",
    "MemberQuerySet",
    "MemberSnapshot",
    "MemberSpan",
    "MemberStatus",
    "MembershipEvent",
    "Professional",
    "RatingLevel",
    "Rule",
    "RuleName",
    "SearchKeyField",
    "Sex",
    "Sponsor",
    "StatsState",
    "Theory",
    "Transfer",
]
