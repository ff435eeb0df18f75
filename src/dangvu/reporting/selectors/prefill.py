"""What dangvu already knows of a unit's report: counted from the tree on the period's end,
the member registry over the unit's subtree as it was in the period, and the tracking
app's reports. Each cell an indicator's `prefill` names is computed here; the entry page
shows it labelled "tự tính" and the unit may override it with a reason."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, Sum
from django.utils import timezone

from dangvu.members.models import EventKind, Member, MembershipEvent
from dangvu.members.selectors import stats as member_stats
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgKind, OrgVersion
from dangvu.orgs.selectors import covering, descendants_on, version_on

from ..models import Round
from ..scope import require_view_org

# sources that also count the grid (nữ, dân tộc thiểu số, tôn giáo, dưới 30 tuổi)
WITH_PARTS = {"members.total", "events.admit"}
KINH = "Kinh"
NO_RELIGION = "Không"
# the flows selector's rows, in its order, by the names the forms use
FLOW_KEYS = {
    str(EventKind.ADMIT): "admit",
    str(EventKind.READMIT): "readmit",
    str(EventKind.RECOGNIZE): "recognize",
    "in": "transfer_in",
    "out": "transfer_out",
    str(EventKind.LEAVE): "leave",
    str(EventKind.STRIKE_OFF): "strike_off",
    str(EventKind.EXPEL): "expel",
    str(EventKind.PROBATION_FAILED): "probation_failed",
    str(EventKind.DEATH): "death",
    str(EventKind.RESTORE): "restore",
    str(EventKind.BADGE): "badge",
    str(EventKind.DISCIPLINE): "discipline",
}


def _tree(org: Organization, on: date) -> dict[str, int]:
    counts = dict(
        descendants_on(org, on, include_self=True)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("id"))
    )
    children = covering(OrgVersion.objects.filter(parent_id=org.pk), on).count()
    committees = counts.get(OrgKind.GRASSROOTS_COMMITTEE, 0)
    cells = counts.get(OrgKind.GRASSROOTS_CELL, 0)
    return {
        "tree.grassroots": committees + cells,
        "tree.grassroots_committees": committees,
        "tree.grassroots_cells": cells,
        "tree.cells": counts.get(OrgKind.CELL, 0),
        "tree.partial": counts.get(OrgKind.PARTIAL_COMMITTEE, 0),
        "tree.children": children,
    }


def _members(actor: Any, org: Organization, on: date, today: date) -> dict[str, int]:
    counts = member_stats.counts_on(actor, org, on, today=today) or {}
    minority = sum(
        n for (d, v), n in counts.items() if d == "ethnicity" and v not in (KINH, "", "None")
    )
    religious = sum(
        n for (d, v), n in counts.items() if d == "religion" and v not in (NO_RELIGION, "", "None")
    )
    young = sum(
        n
        for (d, v), n in counts.items()
        if d == "birth_year" and v not in ("", "None") and on.year - int(v) < 30
    )
    total = counts.get(("total", ""), 0)
    return {
        "members.total": total,
        "members.total.nu": counts.get(("sex", "nu"), 0),
        "members.total.dtts": minority,
        "members.total.ton_giao": religious,
        "members.total.duoi_30": young,
        "members.official": counts.get(("status", "chinh_thuc"), 0),
        "members.probationary": counts.get(("status", "du_bi"), 0),
        "members.exempt": counts.get(("exempt", "1"), 0),
    }


_EVT = MembershipEvent._meta.db_table
_VER = OrgVersion._meta.db_table
_MEM = Member._meta.db_table


def _event_details(path: str, start: date, end: date) -> dict[str, int]:
    """Details the flows selector does not split: the grid of admissions, badges by party
    age, ratings by level, temporary transfers; counted where each event took place."""
    low, high = paths.subtree_bounds(path)
    year = (
        "CAST(EXTRACT(YEAR FROM m.birth_date) AS INTEGER)"
        if connection.vendor == "postgresql"
        else "CAST(strftime('%%Y', m.birth_date) AS INTEGER)"
    )
    on_ = 'e."on"'
    kinds = [EventKind.ADMIT, EventKind.BADGE, EventKind.RATING, EventKind.TEMP_IN]
    kinds += [EventKind.TEMP_OUT]
    marks = ", ".join(["%s"] * len(kinds))
    sql = (
        f"SELECT e.kind, e.badge_years, e.rating_level, m.sex, m.ethnicity, m.religion, "
        f"{year}, COUNT(*) FROM {_EVT} e JOIN {_VER} v ON v.organization_id = e.organization_id "
        f"AND v.valid_from <= {on_} AND (v.valid_to IS NULL OR v.valid_to > {on_}) "
        f"JOIN {_MEM} m ON m.id = e.member_id "
        f"WHERE {on_} >= %s AND {on_} <= %s AND e.kind IN ({marks}) AND v.path >= %s "
        f"AND v.path < %s AND NOT EXISTS (SELECT 1 FROM {_EVT} c WHERE c.annuls_id = e.id) "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )
    out: dict[str, int] = defaultdict(int)
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, end, *[str(k) for k in kinds], low, high])
        for kind, badge, level, sex, ethnicity, religion, born, n in cursor.fetchall():
            if kind == EventKind.ADMIT:
                out["events.admit.nu"] += n if sex == "nu" else 0
                out["events.admit.dtts"] += n if ethnicity and ethnicity != KINH else 0
                out["events.admit.ton_giao"] += n if religion and religion != NO_RELIGION else 0
                out["events.admit.duoi_30"] += n if born and end.year - born < 30 else 0
            elif kind == EventKind.BADGE:
                years = badge or 0
                key = (
                    "events.badge_30"
                    if years < 40
                    else "events.badge_40"
                    if years < 45
                    else "events.badge_45_50"
                    if years <= 50
                    else "events.badge_55"
                )
                out[key] += n
            elif kind == EventKind.RATING:
                out["events.rating"] += n
                out[f"events.rating_{level}"] += n
            elif kind == EventKind.TEMP_IN:
                out["events.temp_in"] += n
            else:
                out["events.temp_out"] += n
    return out


def _events(actor: Any, org: Organization, start: date, end: date) -> dict[str, int]:
    version = version_on(org, end)
    if version is None:
        return {}
    out: dict[str, int] = {}
    for (kind, _label), (_same, n) in zip(
        member_stats.FLOW_KINDS, member_stats.flows(actor, org, start, end), strict=True
    ):
        out[f"events.{FLOW_KEYS[str(kind)]}"] = n
    out.update(_event_details(version.path, start, end))
    return out


def _tracking(org: Organization, round: Round, start: date, end: date) -> dict[str, int]:
    from dangvu.tracking.models import Assignment, AssignmentState, TaskKind

    units = descendants_on(org, end, include_self=True).values("organization_id")
    qs = Assignment.objects.filter(
        organization_id__in=units, state=AssignmentState.DONE, completed_on__lte=end
    )
    if round.task_id:
        qs = qs.filter(task_id=round.task_id)
    else:
        qs = qs.filter(task__kind=TaskKind.HOLD_ACTIVITY, completed_on__gte=start)
    found = qs.aggregate(s=Sum("sessions"), p=Sum("participants"))
    return {"tracking.sessions": found["s"] or 0, "tracking.participants": found["p"] or 0}


def prefill(
    round: Round, org: Organization, *, actor: Any, today: date | None = None
) -> dict[str, Decimal]:
    """The computed cells of `org`'s report in `round` (only those the form asks for), for
    an actor who may see the unit."""
    require_view_org(actor, org)
    spec = round.form.spec
    wanted = {i.prefill.split(".")[0] for i in spec.indicators if i.prefill}
    start, end = round.period.window
    today = today or timezone.localdate()
    known: dict[str, int] = {}
    if "tree" in wanted:
        known.update(_tree(org, round.period_end))
    if "members" in wanted:
        known.update(_members(actor, org, end, today))
    if "events" in wanted:
        known.update(_events(actor, org, start, end))
    if "tracking" in wanted:
        known.update(_tracking(org, round, start, end))
    out: dict[str, Decimal] = {}
    for ind in spec.indicators:
        if not ind.prefill or ind.prefill not in known:
            continue
        out[ind.code] = Decimal(known[ind.prefill])
        if ind.prefill in WITH_PARTS:
            for part in ind.parts:
                out[f"{ind.code}.{part}"] = Decimal(known.get(f"{ind.prefill}.{part}", 0))
    return out
