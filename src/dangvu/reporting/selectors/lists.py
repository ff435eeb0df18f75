"""Lists of rounds and reports, scoped to the acting user, and the entry sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from dangvu.access import AnyUser
from dangvu.orgs import paths
from dangvu.orgs.models import Organization
from dangvu.tracking.rules import describe_due

from .. import rules
from ..models import OPEN_STATES, Round, Submission, SubmissionKind, SubmissionState, Target
from ..scope import can_approve, can_enter, can_view
from ..services.entry import entry_open


def rounds_visible(actor: AnyUser) -> QuerySet[Round]:
    """Rounds the actor's unit owns or sits under, and those it reports in."""
    qs = Round.objects.select_related("form", "owner")
    if getattr(actor, "is_superuser", False):
        return qs
    org = getattr(actor, "organization", None)
    if org is None:
        return qs.none()
    low, high = paths.subtree_bounds(org.path)
    return qs.filter(
        Q(owner__path__gte=low, owner__path__lt=high)
        | Q(pk__in=Submission.objects.filter(organization=org).values("round_id"))
    )


def open_rounds(actor: AnyUser, today: date, *, limit: int = 20) -> list[Round]:
    """The rounds the actor sees that are open today (opened, not locked), soonest due
    first."""
    return list(
        rounds_visible(actor)
        .filter(opens_on__lte=today, locks_on__gte=today)
        .order_by("due_on", "pk")[:limit]
    )


def yearly_target(
    actor: AnyUser, organization: Organization, indicator_code: str, year: int
) -> Decimal | None:
    """The year's target (chỉ tiêu năm) `organization` set for an indicator, on any form
    (the largest when several forms carry one); None when it set none."""
    if not can_view(actor, organization):
        raise PermissionDenied(f"“{organization.name}” nằm ngoài phạm vi đơn vị của bạn.")
    values = Target.objects.filter(
        organization=organization, indicator_code=indicator_code, year=year
    ).values_list("value", flat=True)
    return max(values, default=None)


def rounds_reaching(rounds: QuerySet[Round], unit: Organization) -> QuerySet[Round]:
    """Of `rounds`, those a unit of `unit`'s subtree opened or reports in."""
    low, high = paths.subtree_bounds(unit.path)
    within = Q(organization__path__gte=low, organization__path__lt=high)
    return rounds.filter(
        Q(owner__path__gte=low, owner__path__lt=high)
        | Q(pk__in=Submission.objects.filter(within).values("round_id"))
    )


def require_round(actor: AnyUser, pk: int) -> Round:
    found = rounds_visible(actor).filter(pk=pk).first()
    if found is None:
        raise PermissionDenied("Đợt báo cáo này không thuộc phạm vi đơn vị của bạn.")
    return found


def require_submission(actor: AnyUser, pk: int) -> Submission:
    s = (
        Submission.objects.select_related("round__form", "round__owner", "organization")
        .filter(pk=pk)
        .first()
    )
    if s is None or not can_view(actor, s.organization):
        raise PermissionDenied("Báo cáo này không thuộc phạm vi đơn vị của bạn.")
    return s


@dataclass(frozen=True)
class DueReport:
    submission: Submission
    due_text: str
    overdue: bool
    returned: bool


def due_reports(org: Any, today: date) -> list[DueReport]:
    """The unit's reports to make (open rounds, not yet sent), soonest due first; returned
    ones carry their superior's comment."""
    if org is None:
        return []
    qs = (
        Submission.objects.filter(
            organization=org,
            round__opens_on__lte=today,
            state__in=(*OPEN_STATES,),
        )
        .select_related("round")
        .order_by("round__due_on", "pk")
    )
    return [
        DueReport(
            s,
            describe_due(s.round.due_on, today),
            today > s.round.due_on,
            s.state == SubmissionState.RETURNED,
        )
        for s in qs[:20]
    ]


def awaiting_approval(actor: AnyUser, *, limit: int = 20) -> list[Submission]:
    """Reports sent by units below a leader's unit, waiting for its decision."""
    org = getattr(actor, "organization", None)
    if org is None or getattr(actor, "role", "") != "leader":
        return []
    low, high = paths.subtree_bounds(org.path)
    return list(
        Submission.objects.filter(
            state=SubmissionState.SUBMITTED,
            kind=SubmissionKind.ENTRY,
            organization__path__gt=low,
            organization__path__lt=high,
        )
        .select_related("round")
        .order_by("submitted_at")[:limit]
    )


# --- the entry sheet ---------------------------------------------------------------------------


@dataclass
class SheetCell:
    cell: str
    value: str  # as shown in the input
    computed: str  # "" when dangvu does not compute it
    reason: str
    errors: list[str] = field(default_factory=list)

    @property
    def overridden(self) -> bool:
        return bool(self.computed) and self.value != self.computed


@dataclass
class SheetRow:
    code: str
    label: str
    unit: str
    value_type: str
    is_ratio: bool
    total: SheetCell
    parts: list[SheetCell | None]  # in the order of rules.PARTS; None when not asked


@dataclass
class SheetSection:
    title: str
    rows: list[SheetRow]


@dataclass
class EntrySheet:
    submission: Submission
    sections: list[SheetSection]
    narratives: list[tuple[str, str, str, list[str]]]  # code, title, text, errors
    closed: str
    may_enter: bool
    may_decide: bool
    overrides: list[SheetCell]
    general_errors: list[str]


def _text(value_type: str, v: Decimal | str | None) -> str:
    if v is None:
        return ""
    if value_type == rules.TEXT:
        return str(v)
    if value_type == rules.YES_NO:
        return "có" if v == 1 else "không"
    return rules.vn_number(Decimal(v))


def entry_sheet(
    actor: AnyUser,
    submission: Submission,
    today: date,
    *,
    posted: dict[str, str] | None = None,
    errors: dict[str, list[str]] | None = None,
) -> EntrySheet:
    """The report laid out like the paper form: sections, rows, the grid's columns, the
    computed value beside each prefilled cell; what the user typed when it was refused."""
    from .prefill import prefill

    if not can_view(actor, submission.organization):
        raise PermissionDenied("Báo cáo này không thuộc phạm vi đơn vị của bạn.")
    spec = submission.round.form.spec
    errors = errors or {}
    stored = {v.cell: v for v in submission.values.select_related("indicator")}
    editable = submission.state in (
        SubmissionState.NOT_STARTED,
        SubmissionState.DRAFT,
        SubmissionState.RETURNED,
    )
    computed: dict[str, Decimal] = {}
    if submission.kind == SubmissionKind.ENTRY:
        if editable:
            computed = prefill(submission.round, submission.organization, actor=actor, today=today)
        else:
            computed = {c: v.computed for c, v in stored.items() if v.computed is not None}
    sections: dict[str, SheetSection] = {}
    overrides = []

    def make(ind: rules.IndicatorSpec, cell: str) -> SheetCell:
        v = stored.get(cell)
        auto = computed.get(cell)
        if posted is not None:
            value, reason = posted.get(cell, ""), posted.get(f"ly_do_{cell}", "")
        elif v is not None:
            value = _text(ind.value_type, v.text if ind.value_type == rules.TEXT else v.number)
            reason = v.reason
        else:
            value, reason = _text(ind.value_type, auto), ""
        c = SheetCell(cell, value, _text(ind.value_type, auto), reason, errors.get(cell, []))
        if c.overridden and c.value:
            overrides.append(c)
        return c

    own: dict[str, Decimal | str | None] = {c: v.number for c, v in stored.items()}
    rules.with_ratios(spec, own)
    for ind in spec.indicators:
        section = sections.setdefault(ind.section, SheetSection(ind.section, []))
        if ind.is_ratio:
            ratio = own.get(ind.code)
            total = SheetCell(ind.code, rules.show(rules.PERCENT, ratio), "", "")
        else:
            total = make(ind, ind.code)
        parts = [make(ind, f"{ind.code}.{p}") if p in ind.parts else None for p in rules.PARTS]
        section.rows.append(
            SheetRow(ind.code, ind.label, ind.unit, ind.value_type, ind.is_ratio, total, parts)
        )
    texts = posted if posted is not None else (submission.narratives or {})
    narratives = [(c, t, texts.get(c, ""), errors.get(c, [])) for c, t in spec.narratives]
    closed = entry_open(submission, today) if submission.kind == SubmissionKind.ENTRY else ""
    return EntrySheet(
        submission=submission,
        sections=list(sections.values()),
        narratives=narratives,
        closed=closed,
        may_enter=not closed and can_enter(actor, submission.organization),
        may_decide=can_approve(
            actor,
            submission.organization,
            strictly_below=submission.kind == SubmissionKind.ENTRY,
        ),
        overrides=overrides,
        general_errors=errors.get("__all__", []),
    )
