"""Consolidation of a round for any organization, over the tree as it was on the period's
end date, from the approved reports: the roll-up sums kept by approvals (a committee), or
the unit's own values (a unit that reports), summed over the organizations merged into it
when it was formed after the period. Beside each figure: the same period last year, the
change, and progress against the year's target."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Min

from dangvu.access import AnyUser
from dangvu.orgs.models import Organization, OrgVersion

from .. import periods, rules
from ..models import (
    REPORTED_STATES,
    Rollup,
    Round,
    Submission,
    SubmissionKind,
    SubmissionState,
    Target,
    Value,
)
from .completeness import require_round_view
from .nodes import in_ranges, roots_on

Cells = dict[str, "Decimal | str | None"]


@dataclass(frozen=True)
class Part:
    code: str  # nu, dtts, ton_giao, duoi_30
    label: str
    value: Decimal | None


@dataclass(frozen=True)
class ConsolidationRow:
    code: str
    label: str
    section: str
    unit: str
    value_type: str
    value: Decimal | str | None
    shown: str  # as a report writes it: "1.234", "12,5%", "Có"
    parts: tuple[Part, ...]
    last_year: Decimal | None
    change: Decimal | None
    target: Decimal | None
    year_to_date: Decimal | None
    progress: Decimal | None  # percent of the year's target reached by the period's end
    progress_text: str  # "đạt 35,34% chỉ tiêu năm"
    is_ratio: bool


@dataclass(frozen=True)
class Narrative:
    organization_id: int
    unit: str
    section: str
    title: str
    text: str


@dataclass(frozen=True)
class Consolidation:
    round_id: int
    form_code: str
    form_title: str
    period_key: str
    period_label: str  # "quý I năm 2023"
    as_of: date
    organization_id: int
    organization_name: str  # as it was named on the period's end
    units_approved: int
    units_expected: int
    last_year_label: str | None  # "quý I năm 2022", None when there was no such round
    rows: tuple[ConsolidationRow, ...]
    narratives: tuple[Narrative, ...]

    def row(self, code: str) -> ConsolidationRow:
        for r in self.rows:
            if r.code == code:
                return r
        raise KeyError(code)


def _cells(round: Round, nodes: list[OrgVersion]) -> tuple[Cells, int]:
    """The consolidated cells of `nodes` in `round` and the number of approved units."""
    spec = round.form.spec
    codes = {pk: code for code, pk in round.form.indicator_ids.items()}
    sums: dict[str, Decimal] = defaultdict(Decimal)
    org_ids = [n.organization_id for n in nodes]
    committees: dict[int, int] = {}
    for org_id, ind_id, part, total, units in Rollup.objects.filter(
        round=round, organization_id__in=org_ids
    ).values_list("organization_id", "indicator_id", "part", "total", "units"):
        cell = f"{codes[ind_id]}.{part}" if part else codes[ind_id]
        sums[cell] += total
        committees[org_id] = max(committees.get(org_id, 0), units)
    approved = sum(committees.values())
    out: Cells = {}
    by_code = {i.code: i for i in spec.indicators}
    for ind in spec.indicators:
        if ind.is_ratio or ind.tree != rules.TREE_SUM or ind.value_type == rules.TEXT:
            continue
        for cell in ind.cells():
            out[cell] = sums.get(cell, Decimal(0)) if committees else None
    # a unit's own report (one that reports may also hold, after a late merge, the reports
    # of the units merged into it: summed below it)
    own = list(
        Submission.objects.filter(
            round=round,
            organization_id__in=org_ids,
            kind=SubmissionKind.ENTRY,
            state=SubmissionState.APPROVED,
        ).values_list("pk", flat=True)
    )
    approved += len(own)
    alone = len(nodes) == 1 and bool(own) and not committees
    for ind_id, part, number, text in Value.objects.filter(submission_id__in=own).values_list(
        "indicator_id", "part", "number", "text"
    ):
        ind = by_code[codes[ind_id]]
        cell = f"{ind.code}.{part}" if part else ind.code
        if ind.tree == rules.TREE_SUM and ind.value_type != rules.TEXT:
            out[cell] = (out.get(cell) or Decimal(0)) + (number or 0)  # type: ignore[operator]
        elif alone:
            out[cell] = text if ind.value_type == rules.TEXT else number
    last = [i for i in spec.indicators if i.tree == rules.TREE_LAST and not alone]
    if last and approved:
        ids = [round.form.indicator_ids[i.code] for i in last]
        rows = (
            Value.objects.filter(
                indicator_id__in=ids,
                submission__round=round,
                submission__state=SubmissionState.APPROVED,
            )
            .filter(in_ranges(nodes, "submission__path"))
            .order_by("submission__decided_at", "submission_id")
            .values_list("indicator_id", "part", "number", "text")
        )
        for ind_id, part, number, text in rows:
            ind = by_code[codes[ind_id]]
            cell = f"{ind.code}.{part}" if part else ind.code
            out[cell] = text if ind.value_type == rules.TEXT else number
    rules.with_ratios(spec, out)
    return {k: _plain(v) for k, v in out.items()}, approved


def _plain(v: Decimal | str | None) -> Decimal | str | None:
    """1234.0000 -> 1234, 12.5000 -> 12.5 (what the database's fixed scale adds)."""
    if not isinstance(v, Decimal):
        return v
    return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()


def _same_round_last_year(round: Round) -> Round | None:
    before = round.period.same_period_last_year_or_none()
    if before is None:
        return None
    candidates = Round.objects.filter(form__code=round.form.code, period_key=before.key)
    return candidates.filter(owner=round.owner).first() or candidates.first()


def _year_to_date(round: Round, org: Organization, cells: Cells) -> Cells:
    """Flows added over the year's rounds of the same kind up to this one; stocks as at
    the end. A year's round is its own year to date."""
    if round.period_kind in (periods.YEAR, periods.TERM, periods.ROUND):
        return dict(cells)
    earlier = Round.objects.filter(
        form__code=round.form.code,
        owner=round.owner,
        period_kind=round.period_kind,
        period_start__gte=date(round.period.year, 1, 1),
        period_end__lt=round.period_start,
    ).select_related("form")
    out = dict(cells)
    spec = round.form.spec
    for other in earlier:
        values, _ = _cells(other, roots_on(org, other.period_end))
        for ind in spec.indicators:
            if ind.time != rules.TIME_SUM or ind.is_ratio or ind.value_type == rules.TEXT:
                continue
            for cell in ind.cells():
                mine, theirs = out.get(cell), values.get(cell)
                if isinstance(theirs, Decimal):
                    out[cell] = (mine if isinstance(mine, Decimal) else Decimal(0)) + theirs
    rules.with_ratios(spec, out)
    return out


def _narratives(round: Round, nodes: list[OrgVersion]) -> list[Narrative]:
    """The sections the reports just below the organization wrote."""
    below = (
        Submission.objects.filter(round=round, state__in=REPORTED_STATES)
        .filter(in_ranges(nodes))
        .exclude(organization_id__in=[n.organization_id for n in nodes])
    )
    depth = below.aggregate(d=Min("depth"))["d"]
    if depth is None:
        return []
    titles = list(round.form.spec.narratives)
    out = []
    subs = list(below.filter(depth=depth).exclude(narratives={}).order_by("name")[:300])
    for code, title in titles:  # section by section, as the officer quotes them
        for s in subs:
            text = (s.narratives or {}).get(code, "").strip()
            if text:
                out.append(Narrative(s.organization_id, s.name, code, title, text))
    return out


def consolidation(*, actor: AnyUser, round: Round, organization: Organization) -> Consolidation:
    """The consolidated report of `organization` in `round` (see the module docstring)."""
    nodes = require_round_view(actor, round, organization)
    spec = round.form.spec
    cells, approved = _cells(round, nodes)
    expected = (
        Submission.objects.filter(round=round, kind=SubmissionKind.ENTRY)
        .filter(in_ranges(nodes))
        .exclude(state=SubmissionState.EXCUSED)
        .count()
    )
    before_round = _same_round_last_year(round)
    before: Cells = {}
    if before_round is not None:
        before, _ = _cells(before_round, roots_on(organization, before_round.period_end))
    targets = dict(
        Target.objects.filter(
            organization=organization, form_code=round.form.code, year=round.period.year
        ).values_list("indicator_code", "value")
    )
    ytd = _year_to_date(round, organization, cells) if targets else {}
    single = (
        len(nodes) == 1
        and not Rollup.objects.filter(
            round=round, organization_id=nodes[0].organization_id
        ).exists()
    )
    rows = []
    for ind in spec.indicators:
        value = cells.get(ind.code)
        # a yes/no over several units counts the units that answered yes
        value_type, unit = ind.value_type, ind.unit
        if value_type == rules.YES_NO and not single:
            value_type, unit = rules.INTEGER, "đơn vị có"
        number = value if isinstance(value, Decimal) else None
        previous = before.get(ind.code)
        previous = previous if isinstance(previous, Decimal) else None
        target = targets.get(ind.code)
        so_far = ytd.get(ind.code) if target is not None else None
        so_far = so_far if isinstance(so_far, Decimal) else None
        progress = rules.progress(so_far, target) if target is not None else None
        rows.append(
            ConsolidationRow(
                code=ind.code,
                label=ind.label,
                section=ind.section,
                unit=unit,
                value_type=value_type,
                value=value,
                shown=rules.show(value_type, value),
                parts=tuple(
                    Part(p, rules.PARTS[p], _number(cells.get(f"{ind.code}.{p}")))
                    for p in ind.parts
                ),
                last_year=previous,
                change=None if ind.value_type == rules.TEXT else rules.change(number, previous),
                target=target,
                year_to_date=so_far,
                progress=progress,
                progress_text=(
                    f"đạt {rules.vn_percent(progress)} chỉ tiêu năm" if progress is not None else ""
                ),
                is_ratio=ind.is_ratio,
            )
        )
    return Consolidation(
        round_id=round.pk,
        form_code=round.form.code,
        form_title=round.form.title,
        period_key=round.period_key,
        period_label=round.period.label,
        as_of=round.as_of,  # type: ignore[arg-type]
        organization_id=organization.pk,
        organization_name=nodes[0].name if len(nodes) == 1 else organization.name,
        units_approved=approved,
        units_expected=expected,
        last_year_label=before_round.period.label if before_round else None,
        rows=tuple(rows),
        narratives=tuple(_narratives(round, nodes)),
    )


def _number(v: object) -> Decimal | None:
    return v if isinstance(v, Decimal) else None


# --- the pivot: units × indicators -----------------------------------------------------------


@dataclass(frozen=True)
class PivotRow:
    organization_id: int
    name: str
    state_label: str
    values: tuple[Decimal | str | None, ...]  # in the order of Pivot.codes


@dataclass(frozen=True)
class Pivot:
    codes: tuple[str, ...]
    labels: tuple[str, ...]
    value_types: tuple[str, ...]
    rows: tuple[PivotRow, ...]
    total: tuple[Decimal | str | None, ...]


def pivot(*, actor: AnyUser, round: Round, organization: Organization) -> Pivot:
    """The reports just below `organization` (its communes, its grassroots units), each
    consolidated, side by side, with the total: two queries for the cells whatever the
    number of units."""
    nodes = require_round_view(actor, round, organization)
    spec = round.form.spec
    below = (
        Submission.objects.filter(round=round)
        .filter(in_ranges(nodes))
        .exclude(organization_id__in=[n.organization_id for n in nodes])
    )
    depth = below.order_by("depth").values_list("depth", flat=True).first()
    subs = list(below.filter(depth=depth).order_by("name")) if depth is not None else []
    codes = {pk: code for code, pk in round.form.indicator_ids.items()}
    per: dict[int, Cells] = defaultdict(dict)
    committees = [s.organization_id for s in subs if s.kind == SubmissionKind.CONSOLIDATED]
    for org_id, ind_id, part, total in Rollup.objects.filter(
        round=round, organization_id__in=committees
    ).values_list("organization_id", "indicator_id", "part", "total"):
        per[org_id][f"{codes[ind_id]}.{part}" if part else codes[ind_id]] = total
    entry = {
        s.pk: s.organization_id
        for s in subs
        if s.kind == SubmissionKind.ENTRY and s.state == SubmissionState.APPROVED
    }
    for sub_id, ind_id, part, number, text in Value.objects.filter(
        submission_id__in=list(entry)
    ).values_list("submission_id", "indicator_id", "part", "number", "text"):
        per[entry[sub_id]][f"{codes[ind_id]}.{part}" if part else codes[ind_id]] = text or number
    rows = []
    for s in subs:
        cells = per.get(s.organization_id, {})
        rules.with_ratios(spec, cells)
        rows.append(
            PivotRow(
                s.organization_id,
                s.name,
                s.get_state_display(),
                tuple(cells.get(i.code) for i in spec.indicators),
            )
        )
    overall, _ = _cells(round, nodes)
    return Pivot(
        codes=tuple(i.code for i in spec.indicators),
        labels=tuple(i.label for i in spec.indicators),
        value_types=tuple(i.value_type for i in spec.indicators),
        rows=tuple(rows),
        total=tuple(overall.get(i.code) for i in spec.indicators),
    )


# --- the benchmark's baseline --------------------------------------------------------------


def consolidation_baseline(round: Round, organization: Organization) -> dict[str, Decimal]:
    """The totals of the summed cells, adding up the approved units one by one (a query per
    unit): what a committee does by hand, and what the roll-up must equal."""
    nodes = roots_on(organization, round.period_end)
    codes = {pk: code for code, pk in round.form.indicator_ids.items()}
    sums: dict[str, Decimal] = defaultdict(Decimal)
    approved = (
        Submission.objects.filter(
            round=round, kind=SubmissionKind.ENTRY, state=SubmissionState.APPROVED
        )
        .filter(in_ranges(nodes))
        .values_list("pk", flat=True)
    )
    summed = {
        i.code
        for i in round.form.spec.indicators
        if i.tree == rules.TREE_SUM and not i.is_ratio and i.value_type != rules.TEXT
    }
    for pk in approved:
        for ind_id, part, number in Value.objects.filter(submission_id=pk).values_list(
            "indicator_id", "part", "number"
        ):
            if codes[ind_id] in summed and number is not None:
                sums[f"{codes[ind_id]}.{part}" if part else codes[ind_id]] += number
    return dict(sums)


__all__ = [
    "Consolidation",
    "ConsolidationRow",
    "Narrative",
    "Part",
    "Pivot",
    "PivotRow",
    "consolidation",
    "consolidation_baseline",
    "pivot",
]
