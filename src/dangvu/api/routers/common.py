"""Pieces every resource uses: the acting user, the organization asked for, a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Schema

from dangvu.access import require_view
from dangvu.orgs.models import Organization


def actor(request: HttpRequest) -> Any:
    """The token's user: every selector and service gets it, as the pages pass theirs."""
    return request.auth  # type: ignore[attr-defined]


def visible_org(request: HttpRequest, pk: int) -> Organization:
    org = get_object_or_404(Organization, pk=pk)
    require_view(actor(request), org)
    return org


def day(value: date | None) -> date:
    return value or timezone.localdate()


class OrgRef(Schema):
    id: int
    name: str


def org_ref(org: Any) -> dict[str, Any] | None:
    if org is None:
        return None
    return {"id": org.pk, "name": org.name}
