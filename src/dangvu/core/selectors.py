from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .audit_actions import OBJECT_PAGES, action_label
from .models import AuditEntry

SYSTEM_CHOICE = "he-thong"  # the filter value for writes the system made (no user)


def audit_entries_visible_to(user: Any) -> QuerySet[AuditEntry]:
    """Audit rows of the user's subtree (all rows for a superuser)."""
    qs = AuditEntry.objects.all()
    if user.is_superuser:
        return qs
    org = user.organization
    if org is None:
        return qs.none()
    return qs.filter(org_path__gte=org.path, org_path__lt=org.path + "~")


def audit_actors_visible_to(user: Any) -> QuerySet[Any]:
    """The people whose writes the user may read: the accounts of the user's subtree."""
    users = get_user_model().objects.select_related("organization")
    if not user.is_superuser:
        org = user.organization
        if org is None:
            return users.none()
        users = users.filter(
            organization__path__gte=org.path, organization__path__lt=org.path + "~"
        )
    return users.order_by("last_name", "first_name", "username")


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""  # a user's pk, SYSTEM_CHOICE, or "" for everyone
    action: str = ""  # an action code, an area ("members."), or ""
    obj: str = ""  # words of the object's name, without diacritics if one likes
    start: date | None = None
    end: date | None = None


def audit_entries(user: Any, f: AuditFilter) -> QuerySet[AuditEntry]:
    """The user's audit rows matching the filter, newest first, with the acting people and
    their units in the same query."""
    qs = audit_entries_visible_to(user).select_related("actor__organization")
    if f.actor == SYSTEM_CHOICE:
        qs = qs.filter(actor__isnull=True)
    elif f.actor:
        qs = qs.filter(actor_id=int(f.actor))
    if f.action.endswith("."):
        qs = qs.filter(action__startswith=f.action)
    elif f.action:
        qs = qs.filter(action=f.action)
    if f.obj.strip():
        # object_repr keeps the diacritics; a query typed without them matches the digits
        # and plain letters it shares, so search both the words as typed and the id.
        words = f.obj.split()
        for word in words:
            cond = Q(object_repr__icontains=word)
            if word.isdigit():
                cond |= Q(object_id=word)
            qs = qs.filter(cond)
    tz = timezone.get_current_timezone()
    if f.start:
        qs = qs.filter(at__gte=datetime.combine(f.start, time.min, tzinfo=tz))
    if f.end:
        qs = qs.filter(at__lt=datetime.combine(f.end + timedelta(days=1), time.min, tzinfo=tz))
    return qs.order_by("-at", "-id")


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class AuditRow:
    """One audit row as the page shows it."""

    entry: AuditEntry
    label: str
    who: str
    unit: str
    url: str | None
    changes: list[Change]


@lru_cache(maxsize=256)
def _field(object_type: str, name: str) -> Any:
    """The model field an audit row's before/after key names, if there is one."""
    try:
        return apps.get_model(object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None


def _changes(object_type: str, before: Any, after: Any) -> list[Change]:
    """The keys whose value changed, named by the model's Vietnamese field names and with
    choices shown by their labels."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    changes = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        field = _field(object_type, key)
        if field is not None and getattr(field, "choices", None):
            labels = {str(k): v for k, v in field.flatchoices}
            old, new = labels.get(str(old), old), labels.get(str(new), new)
        name = str(getattr(field, "verbose_name", key)) if field is not None else key
        changes.append(Change(name, old, new))
    return changes


def _object_url(entry: AuditEntry) -> str | None:
    name = OBJECT_PAGES.get(entry.object_type)
    if name is None or not entry.object_id.isdigit():
        return None
    try:
        return reverse(name, args=[int(entry.object_id)])
    except NoReverseMatch:
        return None


def audit_rows(entries: Any) -> list[AuditRow]:
    """Readable rows (labels, full names, units, links) for entries fetched with
    `audit_entries`; no further queries."""
    rows = []
    for e in entries:
        actor = e.actor
        who = (actor.get_full_name() or actor.username) if actor else (e.actor_name or "")
        unit = actor.organization.name if actor and actor.organization else ""
        if actor is None and e.actor_name == "hệ thống":
            who = "Hệ thống"
        rows.append(
            AuditRow(
                e,
                action_label(e.action),
                who,
                unit,
                _object_url(e),
                _changes(e.object_type, e.before, e.after),
            )
        )
    return rows


__all__ = [
    "SYSTEM_CHOICE",
    "AuditFilter",
    "AuditRow",
    "audit_actors_visible_to",
    "audit_entries",
    "audit_entries_visible_to",
    "audit_rows",
]
