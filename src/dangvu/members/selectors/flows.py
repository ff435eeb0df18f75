"""Member statistics of a period: what happened in a subtree between two days (admissions,
recognitions, transfers across its border, exits), in all or month by month."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import connection

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs import paths
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import version_on

from ..models import (
    EventKind,
)
from .stats import EVT, SCOPE_LEN, VER, covering

FLOW_KINDS = [
    (EventKind.ADMIT, "Kết nạp mới"),
    (EventKind.READMIT, "Kết nạp lại"),
    (EventKind.RECOGNIZE, "Công nhận chính thức"),
    ("in", "Chuyển đến"),
    ("out", "Chuyển đi"),
    (EventKind.LEAVE, "Xin ra khỏi Đảng"),
    (EventKind.STRIKE_OFF, "Xóa tên"),
    (EventKind.EXPEL, "Khai trừ"),
    (EventKind.PROBATION_FAILED, "Xóa tên khỏi danh sách dự bị"),
    (EventKind.DEATH, "Từ trần"),
    (EventKind.RESTORE, "Phục hồi đảng tịch"),
    (EventKind.BADGE, "Được trao Huy hiệu Đảng"),
    (EventKind.DISCIPLINE, "Bị kỷ luật"),
]


def flows(user: AnyUser, org: Organization, start: date, end: date) -> list[tuple[str, int]]:
    """What happened in the subtree in [start, end], counted where each event took place
    (the unit's position on that day). Transfers count when the receiving unit confirms,
    and only across the subtree's border; annulled events are left out."""
    counts = _flow_counts(user, org, start, end, monthly=False).get("", {})
    return [(label, counts.get(kind, 0)) for kind, label in FLOW_KINDS]


def flows_by_month(
    user: AnyUser, org: Organization, start: date, end: date, *, only: tuple[str, ...] = ()
) -> list[tuple[date, list[tuple[str, int]]]]:
    """`flows` of each month of [start, end] (the first day of each month that has events,
    in order), counted in the same two queries: the flows of a month's part of the range
    are what `flows` gives for that part. `only` some kinds of event (`EventKind.ADMIT`):
    one query, the others counted 0."""
    by_month = _flow_counts(user, org, start, end, monthly=True, only=only)
    return [
        (
            date(int(key[:4]), int(key[5:7]), 1),
            [(label, by_month[key].get(kind, 0)) for kind, label in FLOW_KINDS],
        )
        for key in sorted(by_month)
    ]


def _flow_counts(
    user: AnyUser,
    org: Organization,
    start: date,
    end: date,
    *,
    monthly: bool,
    only: tuple[str, ...] = (),
) -> dict[str, dict[str, int]]:
    """Counts by month ("2025-03"; "" for the whole range when not `monthly`) and kind;
    `only` these kinds of event (no transfers) when given."""
    access.require_view(user, org)
    version = version_on(org, end) or org.versions.order_by("-valid_from").first()
    assert version is not None
    low, high = paths.subtree_bounds(version.path)
    on_ = 'e."on"'  # a reserved word in SQL
    if not monthly:
        month = "''"
    elif connection.vendor == "postgresql":
        month = f"to_char({on_}, 'YYYY-MM')"
    else:
        month = f"strftime('%%Y-%%m', {on_})"
    covering_e = covering("v", on_)
    not_annulled = f"NOT EXISTS (SELECT 1 FROM {EVT} c WHERE c.annuls_id = e.id)"
    kinds = list(only) or [str(k) for k, _ in FLOW_KINDS if k not in ("in", "out")]
    marks = ", ".join(["%s"] * len(kinds))
    # the subtree's versions first, then their events through (organization, day); a few
    # kinds over a province or the nation: those events first, through (kind, day), then
    # their unit's version. CROSS JOIN fixes the order on SQLite (PostgreSQL plans it)
    events_first = bool(only) and len(version.path) <= SCOPE_LEN
    joined = f"{EVT} e CROSS JOIN {VER} v" if events_first else f"{VER} v CROSS JOIN {EVT} e"
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {month}, e.kind, COUNT(*) FROM {joined} "
            f"WHERE v.path >= %s AND v.path < %s AND v.organization_id = e.organization_id "
            f"AND {covering_e} AND {on_} >= %s AND {on_} <= %s AND e.kind IN ({marks}) "
            f"AND {not_annulled} GROUP BY 1, 2",
            [low, high, start, end, *kinds],
        )
        for key, kind, n in cursor.fetchall():
            counts[key][kind] += n
        if only:
            return counts
        # transfers confirmed: the receiving unit is e.organization, the sender other_org
        cursor.execute(
            f"SELECT {month}, (v.path >= %s AND v.path < %s), (w.path >= %s AND w.path < %s), "
            f"COUNT(*) FROM {EVT} e JOIN {VER} v ON v.organization_id = e.organization_id AND "
            f"{covering_e} LEFT JOIN {VER} w ON w.organization_id = e.other_org_id "
            f"AND w.valid_from <= {on_} AND (w.valid_to IS NULL OR w.valid_to >= {on_}) "
            f"WHERE e.kind = %s AND {on_} >= %s AND {on_} <= %s GROUP BY 1, 2, 3",
            [low, high, low, high, str(EventKind.TRANSFER_IN), start, end],
        )
        for key, to_inside, from_inside, n in cursor.fetchall():
            if to_inside and not from_inside:
                counts[key]["in"] += n
            elif from_inside and not to_inside:
                counts[key]["out"] += n
    return counts
