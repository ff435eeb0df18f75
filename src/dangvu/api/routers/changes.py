"""The changes feed: what was written in the caller's part of the tree, from the audit log,
for systems that mirror dangvu. Each entry names the object; the client reads it again
through its resource (where the same rules decide what it may see)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from dangvu.core.selectors import audit_entries_visible_to

from .common import actor

router = Router(tags=["Đồng bộ"])

MAX_LIMIT = 1000
# The API's own bookkeeping (token use, write requests) is not a change of data.
HIDDEN_PREFIXES = ("api.",)
# Where a changed object is read again.
RESOURCES = {
    "members.member": "/api/v1/members/{id}",
    "orgs.organization": "/api/v1/organizations/{id}",
    "documents.document": "/api/v1/documents/{id}",
    "tracking.assignment": "/api/v1/assignments/{id}",
    "tracking.task": "/api/v1/tasks/{id}",
}


class ChangesParams(Schema):
    since: str = Field(
        "0",
        max_length=40,
        description="Mã thay đổi cuối đã nhận (`next_since` của lần trước), hoặc một thời điểm "
        "ISO 8601; 0: từ đầu.",
    )
    limit: int = Field(200, ge=1, le=MAX_LIMIT)


class Change(Schema):
    id: int
    at: datetime
    action: str
    object_type: str
    object_id: str
    object: str
    organization_id: int | None
    summary: str
    resource: str | None = Field(description="Đọc lại đối tượng ở đây, nếu API có.")


class ChangesOut(Schema):
    changes: list[Change]
    next_since: str = Field(description="Gửi lại trong `since` để nhận các thay đổi sau.")
    more: bool = Field(description="true: còn thay đổi, hãy gọi tiếp ngay.")


@router.get("/changes", response=ChangesOut, summary="Các thay đổi từ một mốc")
def changes(request: HttpRequest, params: Query[ChangesParams]) -> dict[str, Any]:
    """Thay đổi trong phạm vi của người dùng, cũ trước mới sau, theo nhật ký thao tác."""
    entries = audit_entries_visible_to(actor(request))
    for prefix in HIDDEN_PREFIXES:
        entries = entries.exclude(action__startswith=prefix)
    since = params.since.strip()
    if since.isdigit():
        entries = entries.filter(pk__gt=int(since))
    else:
        try:
            moment = datetime.fromisoformat(since)
        except ValueError as exc:
            raise ValidationError(
                {
                    "since": "Hãy gửi mã thay đổi (một số, `next_since` của lần trước) hoặc một "
                    "thời điểm ISO 8601, ví dụ 2025-07-01T00:00:00+07:00."
                }
            ) from exc
        if moment.tzinfo is None:
            raise ValidationError(
                {"since": "Thời điểm phải có múi giờ, ví dụ 2025-07-01T00:00:00+07:00."}
            )
        entries = entries.filter(at__gte=moment)
    rows = list(entries.order_by("id")[: params.limit + 1])
    more = len(rows) > params.limit
    rows = rows[: params.limit]
    last = rows[-1].pk if rows else (int(since) if since.isdigit() else 0)
    return {
        "changes": [
            {
                "id": e.pk,
                "at": e.at,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "object": e.object_repr,
                "organization_id": e.organization_id_ref,
                "summary": e.summary,
                "resource": RESOURCES[e.object_type].format(id=e.object_id)
                if e.object_type in RESOURCES
                else None,
            }
            for e in rows
        ],
        "next_since": str(last),
        "more": more,
    }
