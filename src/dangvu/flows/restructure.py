"""Restructuring the tree with the records that follow it.

`dangvu.orgs.services` changes the tree only. When an organization ends, the members it
holds and the tasks assigned to it must go somewhere in the same transaction, or the
change is refused; and after every change of the tree the member statistics (stored
scopes, counters, monthly snapshots) follow it, and so do the periodic reports of the
rounds whose period ends on or after the change (their places on the period's end tree).
The flows below say so, in the order the calls are made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction

from dangvu.access import Actor
from dangvu.documents.services import issuer_order_follow
from dangvu.members.services import members_follow_org_ending, stats_follow_tree
from dangvu.orgs import services as orgs
from dangvu.orgs.models import Organization
from dangvu.orgs.services import NewOrgSpec
from dangvu.reporting.services import reports_follow_tree
from dangvu.tracking.services import assignments_follow_org_ending, assignments_follow_split

__all__ = ["org_create", "org_dissolve", "org_merge", "org_move", "org_rename", "org_split"]


@transaction.atomic
def org_create(**details: Any) -> Organization:
    """Establish an organization (`orgs.services.org_create`, the same arguments)."""
    org = orgs.org_create(**details)
    stats_follow_tree()
    return org


@transaction.atomic
def org_rename(*, org: Organization, **changes: Any) -> Organization:
    """Rename an organization or change its kind or codes (`orgs.services.org_rename`,
    the same arguments); a change of kind moves it between the counted levels, a new name
    its documents in the register's order by issuer."""
    renamed = orgs.org_rename(org=org, **changes)
    stats_follow_tree()
    issuer_order_follow(org=renamed)
    return renamed


@transaction.atomic
def org_move(
    *, org: Organization, new_parent: Organization, on: date, decision: str, actor: Actor
) -> Organization:
    """Place an organization under another parent (`orgs.services.org_move`); its
    members' scopes and the counts of the old and new ancestors follow."""
    moved = orgs.org_move(org=org, new_parent=new_parent, on=on, decision=decision, actor=actor)
    stats_follow_tree()
    reports_follow_tree(on=on, actor=actor)
    return moved


@transaction.atomic
def org_merge(
    *,
    sources: Sequence[Organization],
    on: date,
    decision: str,
    actor: Actor,
    into: Organization | None = None,
    new: NewOrgSpec | None = None,
) -> Organization:
    """Merge `sources` into `into` or a new organization (`orgs.services.org_merge`); then
    each source's members and open tasks pass to the organization they merged into."""
    target = orgs.org_merge(
        sources=sources, on=on, decision=decision, actor=actor, into=into, new=new
    )
    for source in dict.fromkeys(sources):
        members_follow_org_ending(org=source, on=on, successor=target, actor=actor)
        assignments_follow_org_ending(org=source, on=on, successor=target, actor=actor)
    stats_follow_tree()
    reports_follow_tree(on=on, actor=actor)
    return target


@transaction.atomic
def org_split(
    *,
    org: Organization,
    on: date,
    decision: str,
    actor: Actor,
    parts: Sequence[NewOrgSpec],
    assignment: dict[int, int],
) -> list[Organization]:
    """Split `org` into new organizations (`orgs.services.org_split`); refused while it
    still holds members (they are transferred first, each to the part they join); each
    of its open tasks passes to every part."""
    created = orgs.org_split(
        org=org, on=on, decision=decision, actor=actor, parts=parts, assignment=assignment
    )
    members_follow_org_ending(org=org, on=on, successor=None, actor=actor)
    assignments_follow_split(org=org, on=on, parts=created, actor=actor)
    stats_follow_tree()
    reports_follow_tree(on=on, actor=actor)
    return created


@transaction.atomic
def org_dissolve(*, org: Organization, on: date, decision: str, actor: Actor) -> Organization:
    """End `org` (`orgs.services.org_dissolve`); refused while it still holds members;
    its open tasks are exempt."""
    ended = orgs.org_dissolve(org=org, on=on, decision=decision, actor=actor)
    members_follow_org_ending(org=org, on=on, successor=None, actor=actor)
    assignments_follow_org_ending(org=org, on=on, successor=None, actor=actor)
    stats_follow_tree()
    reports_follow_tree(on=on, actor=actor)
    return ended
