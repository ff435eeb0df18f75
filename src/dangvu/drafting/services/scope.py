"""Who may draft for an organization: its own officers and those of the units above."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs.models import Organization


def authorize(actor: AnyUser, org: Organization, *, action: str = "soạn văn bản") -> None:
    """Officers and leaders of `org` or of a unit above it (the access policy)."""
    if not access.can_change(actor, org):
        raise PermissionDenied(
            f"Bạn không có quyền {action} cho “{org.name}”: đơn vị này không thuộc phạm vi "
            "của bạn, hoặc vai trò của bạn chỉ được xem."
        )
