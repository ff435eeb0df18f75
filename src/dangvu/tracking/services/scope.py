"""Who may write what in tracking: the access policy's rules under tracking's names and
messages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from dangvu import access
from dangvu.access import AnyUser
from dangvu.orgs.models import Organization


def is_superior(user: AnyUser, org: Organization) -> bool:
    """A leader of a committee strictly above `org`: confirms, returns and exempts its
    part (`access.can_approve`); an officer prepares, the leader decides."""
    return access.can_approve(user, org, strictly_below=True)


def is_own_unit(user: AnyUser, org: Organization) -> bool:
    """An officer or leader of the unit itself."""
    return access.can_submit(user, org)


def require_own_unit(user: AnyUser, org: Organization) -> None:
    if not is_own_unit(user, org):
        raise PermissionDenied(
            "Chỉ chuyên viên, lãnh đạo của chính đơn vị được cập nhật, báo cáo phần việc này."
        )


def require_superior(user: AnyUser, org: Organization, *, what: str) -> None:
    access.require_approve(user, org, what=what, strictly_below=True)
