"""Member pages. Thin: parse a form, call one selector or service, render.

The package by subject: `lists`, `records` (with the event table `EVENT_PAGES`),
`transfers`, `stats`, `excel`.
"""

from .excel import import_batch, import_marked, import_template, import_write, member_import
from .lists import (
    COUNT_CAP,
    PER_PAGE,
    CappedPaginator,
    as_of,
    member_detail,
    member_export,
    member_list,
    org_param,
)
from .records import (
    EVENT_PAGES,
    EventPage,
    event_annul,
    member_create,
    member_event,
    member_update,
    recordable,
    search_page,
)
from .stats import (
    member_counts,
    member_stats,
    member_stats_export,
    member_worklists,
    member_worklists_export,
)
from .transfers import member_transfer, transfer_cancel, transfer_confirm, transfer_return

__all__ = [
    "COUNT_CAP",
    "EVENT_PAGES",
    "PER_PAGE",
    "CappedPaginator",
    "EventPage",
    "as_of",
    "event_annul",
    "import_batch",
    "import_marked",
    "import_template",
    "import_write",
    "member_counts",
    "member_create",
    "member_detail",
    "member_event",
    "member_export",
    "member_import",
    "member_list",
    "member_stats",
    "member_stats_export",
    "member_transfer",
    "member_update",
    "member_worklists",
    "member_worklists_export",
    "org_param",
    "recordable",
    "search_page",
    "transfer_cancel",
    "transfer_confirm",
    "transfer_return",
]
