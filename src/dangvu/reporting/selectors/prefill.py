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

from dangvu.access import AnyUser
from dangvu.members.models import EventKind, Member, MembershipEvent, MemberSpan
from dangvu.members.selectors import stats as member_stats
from dangvu.members.selectors.flows import FLOW_KINDS
from dangvu.members.selectors.flows import flows as member_flows
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


def _members(actor: AnyUser, org: Organization, on: date, today: date) -> dict[str, int]:
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


def _badge_key(years: int | None) -> str:
    """The form's row of a badge by its years of party age."""
    years = years or 0
    if years < 40:
        return "events.badge_30"
    if years < 45:
        return "events.badge_40"
    return "events.badge_45_50" if years <= 50 else "events.badge_55"


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
    # The subtree's versions first, then their events through (organization, day): a
    # commune's few thousand events, not the period's events of the whole registry (the
    # yearly ratings alone are one per member). CROSS JOIN fixes that order on SQLite;
    # PostgreSQL plans it as a plain join. Only admissions read the member (the grid).
    sql = (
        f"SELECT e.kind, e.badge_years, e.rating_level, m.sex, m.ethnicity, m.religion, "
        f"{year}, COUNT(*) FROM {_VER} v CROSS JOIN {_EVT} e "
        f"LEFT JOIN {_MEM} m ON m.id = e.member_id AND e.kind = %s "
        f"WHERE v.path >= %s AND v.path < %s AND v.organization_id = e.organization_id "
        f"AND v.valid_from <= {on_} AND (v.valid_to IS NULL OR v.valid_to > {on_}) "
        f"AND {on_} >= %s AND {on_} <= %s AND e.kind IN ({marks}) "
        f"AND NOT EXISTS (SELECT 1 FROM {_EVT} c WHERE c.annuls_id = e.id) "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )
    out: dict[str, int] = defaultdict(int)
    with connection.cursor() as cursor:
        params: list[Any] = [str(EventKind.ADMIT), low, high, start, end]
        params += [str(k) for k in kinds]
        cursor.execute(sql, params)
        for kind, badge, level, sex, ethnicity, religion, born, n in cursor.fetchall():
            if kind == EventKind.ADMIT:
                out["events.admit.nu"] += n if sex == "nu" else 0
                out["events.admit.dtts"] += n if ethnicity and ethnicity != KINH else 0
                out["events.admit.ton_giao"] += n if religion and religion != NO_RELIGION else 0
                out["events.admit.duoi_30"] += n if born and end.year - born < 30 else 0
            elif kind == EventKind.BADGE:
                out[_badge_key(badge)] += n
            elif kind == EventKind.RATING:
                out["events.rating"] += n
                out[f"events.rating_{level}"] += n
            elif kind == EventKind.TEMP_IN:
                out["events.temp_in"] += n
            else:
                out["events.temp_out"] += n
    return out


def _events(actor: AnyUser, org: Organization, start: date, end: date) -> dict[str, int]:
    version = version_on(org, end)
    if version is None:
        return {}
    out: dict[str, int] = {}
    for (kind, _label), (_same, n) in zip(
        FLOW_KINDS, member_flows(actor, org, start, end), strict=True
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
    round: Round, org: Organization, *, actor: AnyUser, today: date | None = None
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
    return _cells(round, known)


def _cells(round: Round, known: dict[str, int]) -> dict[str, Decimal]:
    """The form's computed cells from what is known, by the names the indicators use."""
    out: dict[str, Decimal] = {}
    for ind in round.form.spec.indicators:
        if not ind.prefill or ind.prefill not in known:
            continue
        out[ind.code] = Decimal(known[ind.prefill])
        if ind.prefill in WITH_PARTS:
            for part in ind.parts:
                out[f"{ind.code}.{part}"] = Decimal(known.get(f"{ind.prefill}.{part}", 0))
    return out


# --- the baseline ----------------------------------------------------------------------------


def prefill_baseline(round: Round, org: Organization) -> dict[str, Decimal]:
    """For the benchmark and the tests (a past period): the same cells counted the
    straightforward way, a unit at a time and an event at a time: the subtree walked down
    level by level, each unit's spans in force on the period's end, each unit's events of
    the period checked one by one against its place on that day, each admitted member
    read."""
    start, end = round.period.window

    def walk(on: date) -> list[OrgVersion]:
        top = version_on(org, on)
        level = [top] if top is not None else []
        found = list(level)
        while level:
            level = [
                c
                for v in level
                for c in covering(OrgVersion.objects.filter(parent_id=v.organization_id), on)
            ]
            found += level
        return found

    known: dict[str, int] = defaultdict(int)
    units = walk(round.period_end)
    if not units:
        return {}
    kinds: dict[str, str] = {
        OrgKind.GRASSROOTS_COMMITTEE: "tree.grassroots_committees",
        OrgKind.GRASSROOTS_CELL: "tree.grassroots_cells",
        OrgKind.CELL: "tree.cells",
        OrgKind.PARTIAL_COMMITTEE: "tree.partial",
    }
    for v in units:
        if v.kind in kinds:
            known[kinds[v.kind]] += 1
    known["tree.grassroots"] = known["tree.grassroots_committees"] + known["tree.grassroots_cells"]
    known["tree.children"] = sum(1 for v in units if v.parent_id == org.pk)
    units = walk(end) if end != round.period_end else units
    for v in units:  # the members on the period's end
        for span in MemberSpan.objects.filter(
            organization_id=v.organization_id, valid_from__lte=end
        ).exclude(valid_to__lte=end):
            known["members.total"] += 1
            known["members.total.nu"] += span.sex == "nu"
            known["members.total.dtts"] += span.ethnicity not in (KINH, "")
            known["members.total.ton_giao"] += span.religion not in (NO_RELIGION, "")
            known["members.total.duoi_30"] += end.year - span.birth_year < 30
            known["members.official"] += span.status == "chinh_thuc"
            known["members.probationary"] += span.status == "du_bi"
            known["members.exempt"] += span.exempt
    root = units[0]
    low, high = paths.subtree_bounds(root.path)

    def inside(org_id: int | None, day: date, *, last_day: bool = False) -> bool:
        """Whether the organization sat in the subtree on `day` (`last_day`: or ended then)."""
        if org_id is None:
            return False
        for w in OrgVersion.objects.filter(organization_id=org_id, valid_from__lte=day):
            if (
                w.valid_to is None or w.valid_to > day or (last_day and w.valid_to == day)
            ) and low <= w.path < high:
                return True
        return False

    keys = {str(k): key for k, key in FLOW_KEYS.items()}
    once = set(
        OrgVersion.objects.filter(path__gte=low, path__lt=high, valid_from__lte=end)
        .exclude(valid_to__lte=start)
        .values_list("organization_id", flat=True)
    )
    for unit in sorted(once):
        events = list(
            MembershipEvent.objects.filter(organization_id=unit, on__gte=start, on__lte=end)
        )
        annulled = set(
            MembershipEvent.objects.filter(annuls_id__in=[e.pk for e in events]).values_list(
                "annuls_id", flat=True
            )
        )
        for e in events:
            if e.pk in annulled or not inside(unit, e.on):
                continue
            if e.kind == EventKind.TRANSFER_IN:
                if not inside(e.other_org_id, e.on, last_day=True):
                    known["events.transfer_in"] += 1
                continue
            if e.kind in keys and e.kind not in ("in", "out"):
                known[f"events.{keys[e.kind]}"] += 1
            if e.kind == EventKind.ADMIT:
                m = Member.objects.get(pk=e.member_id)
                known["events.admit.nu"] += m.sex == "nu"
                known["events.admit.dtts"] += bool(m.ethnicity) and m.ethnicity != KINH
                known["events.admit.ton_giao"] += bool(m.religion) and m.religion != NO_RELIGION
                known["events.admit.duoi_30"] += (
                    m.birth_date is not None and end.year - m.birth_date.year < 30
                )
            elif e.kind == EventKind.BADGE:
                known[_badge_key(e.badge_years)] += 1
            elif e.kind == EventKind.RATING:
                known["events.rating"] += 1
                known[f"events.rating_{e.rating_level}"] += 1
            elif e.kind == EventKind.TEMP_IN:
                known["events.temp_in"] += 1
            elif e.kind == EventKind.TEMP_OUT:
                known["events.temp_out"] += 1
        # transfers out: confirmed by a receiving unit outside the subtree
        for e in MembershipEvent.objects.filter(
            other_org_id=unit, kind=EventKind.TRANSFER_IN, on__gte=start, on__lte=end
        ):
            if MembershipEvent.objects.filter(annuls_id=e.pk).exists():
                continue
            if inside(unit, e.on, last_day=True) and not inside(e.organization_id, e.on):
                known["events.transfer_out"] += 1
    from dangvu.tracking.models import Assignment, AssignmentState, TaskKind

    for v in units:  # the tracking app's reports, a unit at a time
        qs = Assignment.objects.filter(
            organization_id=v.organization_id, state=AssignmentState.DONE, completed_on__lte=end
        )
        if round.task_id:
            qs = qs.filter(task_id=round.task_id)
        else:
            qs = qs.filter(task__kind=TaskKind.HOLD_ACTIVITY, completed_on__gte=start)
        for a in qs:
            known["tracking.sessions"] += a.sessions or 0
            known["tracking.participants"] += a.participants or 0
    always = [f"events.{k}" for k in FLOW_KEYS.values()] + ["tracking.sessions"]
    always += ["tracking.participants", "members.total", "members.official"]
    always += ["members.probationary", "members.exempt", *kinds.values()]
    for key in always:
        known.setdefault(key, 0)
    return _cells(round, known)
