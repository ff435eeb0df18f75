"""Who may draft for an organization: its own officers and those of the units above."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from dangvu.orgs import paths
from dangvu.orgs.models import Organization


def authorize(actor: Any, org: Organization, *, action: str = "soạn văn bản") -> None:
    """No actor: the system (commands, demo). A user must edit and `org` be in their subtree."""
    if actor is None or getattr(actor, "is_superuser", False):
        return
    own = getattr(actor, "organization", None)
    if not (
        getattr(actor, "can_edit", False)
        and own is not None
        and paths.is_within(org.path, own.path)
    ):
        raise PermissionDenied(
            f"Bạn không có quyền {action} cho “{org.name}”: đơn vị này không thuộc phạm vi "
            "của bạn, hoặc vai trò của bạn chỉ được xem."
        )
