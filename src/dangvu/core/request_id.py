"""A request id carried through a request (or a command run) into the audit log."""

import contextvars
import uuid

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex[:16]


def get_request_id() -> str:
    rid = _current.get()
    if rid is None:
        rid = new_request_id()
        _current.set(rid)
    return rid


MAX_LENGTH = 32  # AuditEntry.request_id


def set_request_id(rid: str | None) -> contextvars.Token[str | None]:
    """Carry `rid` (cut to the audit column's length) until `reset_request_id`."""
    return _current.set(rid[:MAX_LENGTH] if rid else rid)


def reset_request_id(token: contextvars.Token[str | None]) -> None:
    _current.reset(token)
