"""Who may write what: pure checks on a user and an organization's path."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from dangvu.orgs import paths
from dangvu.orgs.models import Organization


def is_superior(user: Any, org: Organization) -> bool:
    """An officer or leader of a committee strictly above `org`."""
    if user is None:
        return True
    if not getattr(user, "is_authenticated", False) or not user.can_edit:
        return False
    if user.is_superuser:
        return True
    own = user.organization
    return own is not None and own.pk != org.pk and paths.is_within(org.path, own.path)


def is_own_unit(user: Any, org: Organization) -> bool:
    """An officer or leader of the unit itself."""
    if user is None:
        return True
    if not getattr(user, "is_authenticated", False) or not user.can_edit:
        return False
    return user.is_superuser or user.organization_id == org.pk


def require_own_unit(user: Any, org: Organization) -> None:
    if not is_own_unit(user, org):
        raise PermissionDenied(
            "Chỉ chuyên viên, lãnh đạo của chính đơn vị được cập nhật, báo cáo phần việc này."
        )


def require_superior(user: Any, org: Organization) -> None:
    if not is_superior(user, org):
        raise PermissionDenied(
            "Chỉ chuyên viên, lãnh đạo của cấp ủy cấp trên được xác nhận, trả lại hoặc miễn "
            "phần việc của đơn vị này."
        )


def within_user(user: Any, org: Organization) -> bool:
    """`org` is the user's organization or below it (today's shape)."""
    if user is None or user.is_superuser:
        return True
    own = user.organization
    return own is not None and paths.is_within(org.path, own.path)
