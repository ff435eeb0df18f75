"""Completeness and timeliness of a round over any subtree, counted live from the
reports' states (one grouped query for the whole and its drill-down, one for the
missing): `71/74 đơn vị đã báo cáo`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import Substr

from dangvu.access import AnyUser
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import covering

from .. import rules
from ..models import REPORTED_STATES, Round, RoundReminder, Submission, SubmissionKind
from ..models import SubmissionState as S
from ..scope import can_view
from .nodes import in_ranges, roots_on


@dataclass(frozen=True)
class Tally:
    total: int  # units in the round, excused ones included
    reported: int  # submitted or approved
    late: int  # of the reported, sent after the due date
    approved: int
    waiting: int  # sent, not yet approved
    returned: int
    excused: int
    overdue: int  # not reported, past the due date

    @property
    def expected(self) -> int:
        return self.total - self.excused

    @property
    def on_time(self) -> int:
        return self.reported - self.late

    @property
    def missing(self) -> int:
        return self.expected - self.reported

    @property
    def percent(self) -> int:
        return round(100 * self.reported / self.expected) if self.expected else 0

    @property
    def text(self) -> str:
        return (
            f"{rules.vn_number(self.reported)}/{rules.vn_number(self.expected)} đơn vị đã báo cáo"
        )

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CompletenessRow:
    organization_id: int
    name: str
    tally: Tally
    drillable: bool


@dataclass(frozen=True)
class MissingUnit:
    submission_id: int
    organization_id: int
    name: str
    state: str
    state_label: str
    reminded_at: datetime | None
    reminders: int


@dataclass(frozen=True)
class Completeness:
    round_id: int
    title: str
    due_on: date
    organization_id: int
    name: str
    tally: Tally
    rows: tuple[CompletenessRow, ...]
    missing: tuple[MissingUnit, ...]
    reminders: tuple[Any, ...]


def _aggregates(due: date, today: date) -> dict[str, Any]:
    reported = Q(state__in=REPORTED_STATES)
    open_ = Q(state__in=(S.NOT_STARTED, S.DRAFT, S.RETURNED))
    out = {
        "total": Count("id"),
        "reported": Count("id", filter=reported),
        "late": Count("id", filter=reported & Q(submitted_on__gt=due)),
        "approved": Count("id", filter=Q(state=S.APPROVED)),
        "waiting": Count("id", filter=Q(state=S.SUBMITTED)),
        "returned": Count("id", filter=Q(state=S.RETURNED)),
        "excused": Count("id", filter=Q(state=S.EXCUSED)),
    }
    if today > due:
        out["overdue"] = Count("id", filter=open_)
    return out


def _tally(row: dict[str, Any]) -> Tally:
    return Tally(**{k: row.get(k) or 0 for k in Tally.__dataclass_fields__})


def _sum(rows: list[dict[str, Any]]) -> Tally:
    return Tally(**{k: sum(row.get(k) or 0 for row in rows) for k in Tally.__dataclass_fields__})


def node_path(round: Round, org: Organization) -> str:
    """The organization's place on the round's period-end tree (its first root)."""
    nodes = roots_on(org, round.period_end)
    if not nodes:
        raise PermissionDenied(f"“{org.name}” không có trong đợt báo cáo này.")
    return str(nodes[0].path)


def require_round_view(actor: AnyUser, round: Round, org: Organization) -> list[OrgVersion]:
    """The nodes of `org` in the round, once the actor may see `org`."""
    if not can_view(actor, org):
        raise PermissionDenied(f"“{org.name}” nằm ngoài phạm vi đơn vị của bạn.")
    return roots_on(org, round.period_end)


def completeness(
    *,
    actor: AnyUser,
    round: Round,
    organization: Organization,
    today: date,
    missing_limit: int = 200,
) -> Completeness:
    nodes = require_round_view(actor, round, organization)
    entries = Submission.objects.filter(round=round, kind=SubmissionKind.ENTRY).filter(
        in_ranges(nodes)
    )
    aggregates = _aggregates(round.due_on, today)
    rows: list[CompletenessRow] = []
    if len(nodes) == 1:
        # one pass over the subtree's reports, grouped by the child they lie under; the
        # whole is the sum of the groups (the node's own report, if it makes one, is the
        # group of its own path)
        node = nodes[0]
        width = len(node.path) + paths.SEGMENT_WIDTH + 1
        grouped = list(
            entries.annotate(prefix=Substr("path", 1, width))
            .values("prefix")
            .annotate(deeper=Count("id", filter=Q(depth__gt=node.depth + 1)), **aggregates)
            .order_by()
        )
        tally = _sum(grouped)
        ids = {paths.ids_of(g["prefix"])[-1]: g for g in grouped if g["prefix"] != node.path}
        names = dict(
            covering(
                OrgVersion.objects.filter(organization_id__in=list(ids)), round.period_end
            ).values_list("organization_id", "name")
        )
        rows = sorted(
            (
                CompletenessRow(pk, names.get(pk, str(pk)), _tally(g), bool(g["deeper"]))
                for pk, g in ids.items()
            ),
            key=lambda r: r.name,
        )
    else:
        found = []
        for node in nodes:
            counted = entries.filter(in_ranges([node])).aggregate(**aggregates)
            found.append(counted)
            rows.append(CompletenessRow(node.organization_id, node.name, _tally(counted), True))
        tally = _sum(found)
    missing = tuple(
        MissingUnit(
            s.pk,
            s.organization_id,
            s.name,
            s.state,
            s.get_state_display(),
            s.reminded_at,
            s.reminders,
        )
        for s in entries.filter(state__in=(S.NOT_STARTED, S.DRAFT, S.RETURNED))
        .only("pk", "organization_id", "name", "state", "reminded_at", "reminders")
        .order_by("path")[:missing_limit]
    )
    reminders = tuple(
        RoundReminder.objects.filter(round=round, organization=organization).order_by("-sent_at")[
            :3
        ]
    )
    return Completeness(
        round_id=round.pk,
        title=round.title,
        due_on=round.due_on,
        organization_id=organization.pk,
        name=nodes[0].name if len(nodes) == 1 else organization.name,
        tally=tally,
        rows=tuple(rows),
        missing=missing,
        reminders=reminders,
    )


def completeness_baseline(round: Round, organization: Organization) -> int:
    """For the benchmark: the reported units counted one unit at a time."""
    nodes = roots_on(organization, round.period_end)
    n = 0
    for pk in (
        Submission.objects.filter(round=round, kind=SubmissionKind.ENTRY)
        .filter(in_ranges(nodes))
        .values_list("pk", flat=True)
    ):
        n += Submission.objects.get(pk=pk).state in REPORTED_STATES
    return n
