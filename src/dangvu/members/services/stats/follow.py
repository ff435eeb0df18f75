"""Keeping up with the tree (the restructure flows) and the calendar."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from dangvu.orgs import paths
from dangvu.orgs.models import OrgVersion, Restructuring

from ...models import MemberSnapshot, StatsState
from .levels import COUNTED_LEVEL, SNAPSHOT_LEVEL, ancestors_with_level, kinds_of
from .rebuild import counters_rebuild, snapshots_rebuild
from .spans import roll_months, scopes_rebuild

TREE_MARK = "restructuring"


def _touched_by(change: Restructuring) -> set[int]:
    """The organizations a tree change gave a new version (a moved subtree included), and
    its sources and results."""
    org_ids = set(
        OrgVersion.objects.filter(restructuring=change).values_list("organization_id", flat=True)
    )
    org_ids |= set(change.sources.values_list("pk", flat=True))
    org_ids |= set(change.results.values_list("pk", flat=True))
    return org_ids


def _affected_by(change: Restructuring, org_ids: set[int]) -> tuple[set[int], set[int]]:
    """The organizations whose counters (level <= 2) and snapshots (level <= 1) a tree
    change may have altered: the ancestors before and after of everything it touched."""
    before_after: list[tuple[str | None, str]] = []
    for org_id in org_ids:
        history = list(
            OrgVersion.objects.filter(
                organization_id=org_id, valid_from__lte=change.effective_on
            ).order_by("valid_from")
        )
        new = next((v for v in history if v.valid_from == change.effective_on), None)
        old = next((v for v in reversed(history) if v.valid_from < change.effective_on), None)
        before_after.append((old.path if old else None, new.path if new else ""))
    all_ids = {pk for pair in before_after for p in pair if p for pk in paths.ids_of(p)}
    kinds = kinds_of(all_ids)
    counters: set[int] = set()
    snapshots: set[int] = set()
    for old_path, new_path in before_after:
        old_c = set(ancestors_with_level(old_path, COUNTED_LEVEL, kinds)) if old_path else set()
        new_c = set(ancestors_with_level(new_path, COUNTED_LEVEL, kinds)) if new_path else set()
        counters |= old_c ^ new_c
        old_s = set(ancestors_with_level(old_path, SNAPSHOT_LEVEL, kinds)) if old_path else set()
        new_s = set(ancestors_with_level(new_path, SNAPSHOT_LEVEL, kinds)) if new_path else set()
        snapshots |= old_s ^ new_s
    return counters, snapshots


def _state(key: str) -> StatsState:
    return StatsState.objects.get_or_create(key=key)[0]


def mark_tree_followed() -> None:
    """Record that the tables follow the tree as it is now (after a bulk rebuild)."""
    latest = Restructuring.objects.aggregate(m=Max("id"))["m"] or 0
    StatsState.objects.update_or_create(key=TREE_MARK, defaults={"value": latest})


@transaction.atomic
def stats_follow_tree() -> None:
    """Catch up with tree changes: the scopes of the members and spans of the units a change
    touched, the counters and snapshots of their ancestors. One small query when there is
    nothing to do."""
    latest = Restructuring.objects.aggregate(m=Max("id"))["m"] or 0
    state = _state(TREE_MARK)
    if latest <= state.value:
        return
    counters: set[int] = set()
    snapshots: set[int] = set()
    moved: set[int] = set()
    for change in Restructuring.objects.filter(id__gt=state.value).order_by("id"):
        touched = _touched_by(change)
        c, s = _affected_by(change, touched)
        counters |= c
        snapshots |= s
        moved |= touched
    if moved:
        scopes_rebuild(moved)
    if counters:
        counters_rebuild(counters)
    if snapshots and MemberSnapshot.objects.exists():
        snapshots_rebuild(snapshots)
    state.value = latest
    state.save(update_fields=["value"])


@transaction.atomic
def stats_sync() -> None:
    """Catch up with tree changes and with the calendar (a new month's snapshot): for a
    command or a test that changed the tree with the orgs services alone."""
    stats_follow_tree()
    roll_months()
