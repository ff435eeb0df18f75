"""Opening a round: the units the rule takes on the period's end tree (tracking's unit
rules, resolved by tracking), an entry report for each, a consolidated report for every
committee between them and the root, and zeroed roll-up rows for their ancestors."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor, user_of
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import covering
from dangvu.tracking.services import resolve_units

from .. import periods
from ..models import ReportForm, Rollup, Round, Submission, SubmissionKind
from ..scope import require_open
from .rollup import rollup_cells


@transaction.atomic
def round_open(
    *,
    form: ReportForm,
    period: periods.Period,
    unit_rule: str,
    rule_root: Organization,
    opens_on: date,
    due_on: date,
    locks_on: date,
    actor: Actor,
    title: str = "",
    listed: Sequence[Organization] = (),
    task: Any = None,
) -> Round:
    """Open a round of `form` for `period`: every unit `unit_rule` takes below `rule_root`
    on the period's end date must report by `due_on`; entry closes after `locks_on`."""
    require_open(actor, rule_root)
    errors: dict[str, list[str]] = {}
    if due_on < opens_on:
        errors["due_on"] = ["Hạn báo cáo phải từ ngày mở trở đi."]
    if locks_on < due_on:
        errors["locks_on"] = ["Ngày khóa sổ phải từ hạn báo cáo trở đi."]
    if opens_on < period.start:
        errors["opens_on"] = [f"Ngày mở phải từ ngày đầu kỳ ({fmt(period.start)}) trở đi."]
    if errors:
        raise ValidationError(errors)
    unit_ids = resolve_units(rule=unit_rule, root=rule_root, on=period.end, listed=listed)
    if not unit_ids:
        raise ValidationError(
            {
                "unit_rule": f"Không có đơn vị nào như vậy dưới “{rule_root.name}” vào ngày "
                f"{fmt(period.end)}: hãy chọn quy tắc khác."
            }
        )
    versions = {
        v.organization_id: v
        for v in covering(OrgVersion.objects.filter(organization_id__in=unit_ids), period.end)
        .only("organization_id", "path", "depth", "name")
        .iterator(chunk_size=5000)
    }
    entry_paths = sorted(versions[pk].path for pk in unit_ids)
    for a, b in itertools.pairwise(entry_paths):
        if paths.is_within(b, a):
            raise ValidationError(
                {
                    "listed": "Các đơn vị báo cáo không được lồng nhau (một đơn vị nằm trong "
                    "đơn vị khác): hãy bỏ bớt."
                }
            )
    # committees between the entry units and the root consolidate; every ancestor (to the
    # tree's root) keeps roll-up sums
    consolidating: set[int] = {rule_root.pk}
    ancestors: set[int] = set()
    for path in entry_paths:
        ids = paths.ids_of(path)[:-1]
        ancestors.update(ids)
        consolidating.update(ids[ids.index(rule_root.pk) :])
    consolidating -= set(unit_ids)
    between = {
        v.organization_id: v
        for v in covering(
            OrgVersion.objects.filter(organization_id__in=consolidating), period.end
        ).only("organization_id", "path", "depth", "name")
    }
    the_round = Round(
        form=form,
        owner=rule_root,
        title=title.strip() or f"{form.title} {period.label}",
        period_kind=period.kind,
        period_key=period.key,
        period_start=period.start,
        period_end=period.end,
        data_until=period.data_until,
        unit_rule=unit_rule,
        opens_on=opens_on,
        due_on=due_on,
        locks_on=locks_on,
        task=task,
        units=len(unit_ids),
        created_by=user_of(actor),
    )
    the_round.full_clean()
    the_round.save()
    Submission.objects.bulk_create(
        [
            Submission(
                round=the_round,
                organization_id=pk,
                kind=SubmissionKind.ENTRY,
                path=versions[pk].path,
                depth=versions[pk].depth,
                name=versions[pk].name,
            )
            for pk in unit_ids
        ]
        + [
            Submission(
                round=the_round,
                organization_id=pk,
                kind=SubmissionKind.CONSOLIDATED,
                path=v.path,
                depth=v.depth,
                name=v.name,
            )
            for pk, v in between.items()
        ],
        batch_size=5000,
    )
    cells = rollup_cells(form)
    Rollup.objects.bulk_create(
        (
            Rollup(round=the_round, organization_id=org_id, indicator_id=ind_id, part=part)
            for org_id in sorted(ancestors)
            for ind_id, part in cells
        ),
        batch_size=5000,
    )
    audit_record(
        actor=actor,
        action="reporting.round_open",
        obj=the_round,
        organization=rule_root,
        summary=f"Mở đợt báo cáo “{the_round.title}” cho {len(unit_ids)} đơn vị, hạn "
        f"{fmt(due_on)}, khóa sổ {fmt(locks_on)}",
        after={
            "form": form.pk,
            "period": period.key,
            "unit_rule": unit_rule,
            "rule_root": rule_root.pk,
            "units": len(unit_ids),
            "consolidating": len(between),
            "opens_on": opens_on,
            "due_on": due_on,
            "locks_on": locks_on,
        },
    )
    return the_round


__all__ = ["round_open"]
