"""Rounds follow a restructuring recorded after them. A round stores each report's place on
the tree at the period's end; when a move, merge, split or dissolution is recorded later
with an effective date on or before that end, the tree of that day has changed, and the
reports of the organizations it touched move with it: an organization still there on the
period's end to its new place; one that had ended by then under the organization it was
merged into (its figures are part of that one's), or else under its last parent. The
roll-up sums of an approved report move with it."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import covering

from ..models import Rollup, Round, Submission, SubmissionKind, SubmissionState
from .rollup import rollup_apply, rollup_cells

Place = tuple[str, int, str]  # path, depth, name on the period's end


def _version(org_id: int | None, on: date) -> OrgVersion | None:
    if org_id is None:
        return None
    return covering(OrgVersion.objects.filter(organization_id=org_id), on).first()


def _successor(org_id: int) -> int | None:
    found = Organization.objects.filter(pk=org_id).values_list("successor_id", flat=True)
    return next(iter(found), None)


def _ended_place(org_id: int, on: date) -> Place | None:
    """The place of an organization that had ended by `on`: under the organization it was
    merged into (followed through three merges), or else under its last parent."""
    last = (
        OrgVersion.objects.filter(organization_id=org_id, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )
    if last is None:
        return None
    anchor, successor = None, _successor(org_id)
    for _ in range(4):
        if successor is None:
            break
        anchor = _version(successor, on)
        if anchor is not None:
            break
        successor = _successor(successor)
    anchor = anchor or _version(last.parent_id, on)
    if anchor is None:
        return None
    path = paths.child_path(anchor.path, org_id)
    return path, paths.depth_of(path), last.name


def places_on(org_ids: list[int], on: date) -> dict[int, Place]:
    """Where each organization sits on the tree of `on` (see the module); absent when it
    has no place on it at all."""
    out: dict[int, Place] = {
        v.organization_id: (v.path, v.depth, v.name)
        for v in covering(OrgVersion.objects.filter(organization_id__in=org_ids), on)
    }
    for pk in [pk for pk in org_ids if pk not in out]:
        place = _ended_place(pk, on)
        if place is not None:
            out[pk] = place
    return out


def _ensure_rollup_rows(round: Round, path: str) -> None:
    """Zeroed roll-up rows for every ancestor of `path` that has none yet."""
    ancestors = set(paths.ids_of(path)[:-1])
    have = set(
        Rollup.objects.filter(round=round, organization_id__in=ancestors)
        .values_list("organization_id", flat=True)
        .distinct()
    )
    cells = rollup_cells(round.form)
    Rollup.objects.bulk_create(
        Rollup(round=round, organization_id=org_id, indicator_id=ind_id, part=part)
        for org_id in sorted(ancestors - have)
        for ind_id, part in cells
    )


@transaction.atomic
def reports_follow_tree(*, on: date, actor: Actor) -> int:
    """After a tree change effective on `on`: the reports of the rounds whose period ends
    on or after `on`, of the organizations whose version began or ended that day, take
    their place on the corrected tree. Returns how many reports moved."""
    rounds = list(Round.objects.filter(period_end__gte=on).select_related("form", "owner"))
    if not rounds:
        return 0
    touched = OrgVersion.objects.filter(Q(valid_from=on) | Q(valid_to=on)).values("organization_id")
    moved_total = 0
    for r in rounds:
        subs = list(
            Submission.objects.select_for_update()
            .filter(round=r, organization_id__in=touched)
            .order_by("path")
        )
        places = places_on([s.organization_id for s in subs], r.period_end)
        moved: list[tuple[Submission, str]] = []
        for s in subs:
            place = places.get(s.organization_id)
            if place is None or place == (s.path, s.depth, s.name):
                continue
            before = s.path
            counted = s.kind == SubmissionKind.ENTRY and s.state == SubmissionState.APPROVED
            if counted:
                rollup_apply(s, -1)
            s.path, s.depth, s.name = place
            if counted:
                _ensure_rollup_rows(r, s.path)
                rollup_apply(s, 1)
            moved.append((s, before))
        if not moved:
            continue
        Submission.objects.bulk_update([s for s, _ in moved], ["path", "depth", "name"])
        moved_total += len(moved)
        audit_record(
            actor=actor,
            action="reporting.reports_follow_tree",
            obj=r,
            organization=r.owner,
            summary=f"Cập nhật vị trí {len(moved)} báo cáo của đợt “{r.title}” theo thay đổi "
            f"tổ chức có hiệu lực từ {format_short(on)}",
            before={"paths": {s.organization_id: before for s, before in moved}},
            after={"paths": {s.organization_id: s.path for s, _ in moved}},
        )
    return moved_total


__all__ = ["places_on", "reports_follow_tree"]
