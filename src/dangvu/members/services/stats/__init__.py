"""The derived tables behind the statistics (docs/decisions/0002-member-statistics.md):

- `MemberSpan`: a member's periods of activity, rebuilt from the events on each write;
- `MemberCount`: today's counts rolled up to each organization of province or commune
  level (and the Centre), changed by the difference each write makes;
- `MemberSnapshot`: the counts of each province (and the Centre) on the first day of every
  month, changed for the months a write touches.

A change of the tree (which the orgs services make without telling this app) is followed
by `stats_follow_tree`, which the restructure flows (`dangvu.flows.restructure`) call in
the same transaction: it compares the last restructuring the tables follow with the latest
one and rebuilds the counts of the organizations whose subtree changed. A write that
changes spans first adds the snapshots of the months begun since the last one. Reads never
write; `members-rebuild` recounts everything (the repair path).

The package by subject: `levels`, `counters`, `spans` (and snapshots), `rebuild`, `follow`.
"""

from .counters import (
    Contribution,
    apply_contribution,
    contribution,
    contribution_in,
    contributions_add,
)
from .follow import TREE_MARK, mark_tree_followed, stats_follow_tree, stats_sync
from .levels import (
    COUNTED_LEVEL,
    DIMENSIONS,
    EXEMPT_SQL,
    SCOPE_LEN,
    SEG,
    SNAPSHOT_LEVEL,
    ancestors_with_level,
    chunks,
    keys_of,
    kinds_of,
    level_of,
    month_ceil,
)
from .rebuild import counters_rebuild, snapshots_rebuild
from .spans import (
    SPAN_ROW_FIELDS,
    SpanRow,
    replace_spans,
    roll_months,
    scope_of,
    scopes_rebuild,
    span_scopes,
    spans_add,
)

__all__ = [
    "COUNTED_LEVEL",
    "DIMENSIONS",
    "EXEMPT_SQL",
    "SCOPE_LEN",
    "SEG",
    "SNAPSHOT_LEVEL",
    "SPAN_ROW_FIELDS",
    "TREE_MARK",
    "Contribution",
    "SpanRow",
    "ancestors_with_level",
    "apply_contribution",
    "chunks",
    "contribution",
    "contribution_in",
    "contributions_add",
    "counters_rebuild",
    "keys_of",
    "kinds_of",
    "level_of",
    "mark_tree_followed",
    "month_ceil",
    "replace_spans",
    "roll_months",
    "scope_of",
    "scopes_rebuild",
    "snapshots_rebuild",
    "span_scopes",
    "spans_add",
    "stats_follow_tree",
    "stats_sync",
]
