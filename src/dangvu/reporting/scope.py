"""Who may do what in periodic reporting, in the terms of the access policy (issue 9):

- a unit's officers and leaders enter and submit its report; officers and leaders of a
  committee above it may enter it on its behalf (a sheet sent in by e-mail), audited;
- leaders of a committee above a unit approve, return, reopen or excuse its report;
- a consolidating unit's own leader (or a leader above) approves its consolidated report;
- a committee opens rounds for its subtree and reminds its units.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from dangvu.access import (
    SYSTEM,
    AnyUser,
    can_approve,
    can_change,
    can_submit,
    can_view,
    visible_organizations,
)
from dangvu.orgs.models import Organization

__all__ = [
    "SYSTEM",
    "can_approve",
    "can_change",
    "can_enter",
    "can_view",
    "require_approve_unit",
    "require_enter",
    "require_open",
    "require_view_org",
    "visible_organizations",
]


def can_enter(actor: AnyUser, org: Organization) -> bool:
    return can_submit(actor, org) or can_change(actor, org, strictly_below=True)


def require_enter(actor: AnyUser, org: Organization) -> None:
    if not can_enter(actor, org):
        raise PermissionDenied(
            f"Chỉ chuyên viên, lãnh đạo của “{org.name}” (hoặc của cấp ủy cấp trên, nhập thay) "
            "được nhập báo cáo này."
        )


def require_approve_unit(
    actor: AnyUser, org: Organization, *, what: str, own: bool = False
) -> None:
    if not can_approve(actor, org, strictly_below=not own):
        who = "lãnh đạo của chính đơn vị hoặc cấp trên" if own else "lãnh đạo cấp ủy cấp trên"
        raise PermissionDenied(f"Bạn không có quyền {what} báo cáo của “{org.name}”: chỉ {who}.")


def require_open(actor: AnyUser, root: Organization) -> None:
    if not can_change(actor, root):
        raise PermissionDenied(
            f"Chỉ chuyên viên, lãnh đạo của “{root.name}” hoặc cấp trên được mở đợt báo cáo "
            "cho các đơn vị này."
        )


def require_view_org(actor: AnyUser, org: Organization) -> None:
    if not can_view(actor, org):
        raise PermissionDenied(f"“{org.name}” nằm ngoài phạm vi đơn vị của bạn.")
