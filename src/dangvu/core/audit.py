"""The audit log: every service calls `audit_record` for each write it makes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from django.core.serializers.json import DjangoJSONEncoder

from .models import AuditEntry
from .request_id import get_request_id

if TYPE_CHECKING:
    from django.db.models import Model


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    import json

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


SYSTEM_NAME = "hệ thống"  # how the audit names the system actor (`dangvu.access.SYSTEM`)


class AuditActor(Protocol):
    """A user or `dangvu.access.SYSTEM` (core imports no area, so not `access.Actor`)."""

    @property
    def pk(self) -> Any: ...

    def get_username(self) -> str: ...


def audit_record(
    *,
    actor: AuditActor,
    action: str,
    obj: Model,
    organization: Any = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit row. `organization` (anything with `pk` and `path`) scopes it.
    `actor` is a user or `dangvu.access.SYSTEM`, logged as “hệ thống” with no user."""
    if actor is None:
        raise TypeError("audit_record: pass dangvu.access.SYSTEM for the system, not None")
    entry = _entry(actor, action, obj, organization, summary, before, after, get_request_id())
    entry.save(force_insert=True)
    return entry


def _entry(
    actor: AuditActor,
    action: str,
    obj: Model,
    organization: Any,
    summary: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    request_id: str,
) -> AuditEntry:
    user: Any = actor if getattr(actor, "pk", None) else None  # a User, or None: the system
    return AuditEntry(
        actor=user,
        actor_name=actor.get_username() if user is not None else SYSTEM_NAME,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        organization_id_ref=getattr(organization, "pk", None),
        org_path=getattr(organization, "path", "") or "",
        summary=summary,
        before=_jsonable(before),
        after=_jsonable(after),
        request_id=request_id,
    )


def audit_many(
    *,
    actor: AuditActor,
    entries: list[tuple[str, Model, Any, str, dict[str, Any] | None]],
) -> None:
    """`audit_record` for many writes at once (a bulk import): each entry is (action,
    object, organization, summary, after), one row each, in one statement."""
    if actor is None:
        raise TypeError("audit_many: pass dangvu.access.SYSTEM for the system, not None")
    request_id = get_request_id()
    AuditEntry.objects.bulk_create(
        [
            _entry(actor, action, obj, organization, summary, None, after, request_id)
            for action, obj, organization, summary, after in entries
        ],
        batch_size=1000,
    )


def audit_change(
    actor: AuditActor, action: str, obj: Model, summary: str, **changed: tuple[Any, Any]
) -> AuditEntry:
    """One audit row about `obj`, scoped to `obj.organization`, with each field changed
    given as (before, after): `audit_change(actor, "x.y", user, "…", role=(old, new))`."""
    return audit_record(
        actor=actor,
        action=action,
        obj=obj,
        organization=getattr(obj, "organization", None),
        summary=summary,
        before={k: old for k, (old, _) in changed.items()} or None,
        after={k: new for k, (_, new) in changed.items()} or None,
    )
