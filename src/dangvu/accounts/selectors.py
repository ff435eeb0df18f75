"""Reads of accounts, scoped to the acting leader's subtree."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from dangvu.access import Actor, can_approve, own_organization, sees_everything
from dangvu.orgs import paths
from dangvu.orgs.models import Organization

from .models import User


def manageable_organizations(actor: Actor) -> QuerySet[Organization]:
    """The units whose accounts the actor manages: a leader's own subtree (today's shape;
    dissolved units have no new accounts); everything for a superuser or the system."""
    qs = Organization.objects.filter(dissolved_on__isnull=True)
    if sees_everything(actor):
        return qs.order_by("path")
    own = own_organization(actor)
    if own is None or not can_approve(actor, own, strictly_below=False):
        return qs.none()
    return qs.within(own).order_by("path")


def users_managed_by(actor: Actor, *, query: str = "") -> QuerySet[User]:
    """The accounts of the actor's subtree with their units, by unit then name."""
    qs = User.objects.select_related("organization")
    if not sees_everything(actor):
        own = own_organization(actor)
        if own is None or not can_approve(actor, own, strictly_below=False):
            return qs.none()
        low, high = paths.subtree_bounds(own.path)
        qs = qs.filter(organization__path__gte=low, organization__path__lt=high)
    for word in query.split():
        qs = qs.filter(
            Q(username__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
        )
    return qs.order_by("organization__path", "last_name", "first_name", "username")
