"""Restructuring the tree with the records that follow it.

`dangvu.orgs.services` changes the tree only. When an organization ends, the members it
holds and the tasks assigned to it must go somewhere in the same transaction, or the
change is refused; the flows below say where, in the order the calls are made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction

from dangvu.members.services import members_follow_org_ending
from dangvu.orgs import services as orgs
from dangvu.orgs.models import Organization
from dangvu.orgs.services import NewOrgSpec
from dangvu.tracking.services import assignments_follow_org_ending, assignments_follow_split

__all__ = ["org_dissolve", "org_merge", "org_split"]


@transaction.atomic
def org_merge(
    *,
    sources: Sequence[Organization],
    on: date,
    decision: str,
    actor: Any,
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
    return target


@transaction.atomic
def org_split(
    *,
    org: Organization,
    on: date,
    decision: str,
    actor: Any,
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
    return created


@transaction.atomic
def org_dissolve(*, org: Organization, on: date, decision: str, actor: Any) -> Organization:
    """End `org` (`orgs.services.org_dissolve`); refused while it still holds members;
    its open tasks are exempt."""
    ended = orgs.org_dissolve(org=org, on=on, decision=decision, actor=actor)
    members_follow_org_ending(org=org, on=on, successor=None, actor=actor)
    assignments_follow_org_ending(org=org, on=on, successor=None, actor=actor)
    return ended
