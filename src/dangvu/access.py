"""The access policy: who may see, change and approve which part of the tree.

Every service, selector, view, export and command asks here. The rules:

- a user belongs to one organization and **sees** its subtree by the organization's
  latest path, and the organizations that were merged into it (followed through three
  merges, so a commune formed in 2025 sees its predecessors' history);
- officers and leaders **change** what lies in their organization's subtree (some writes
  only strictly below it: a committee does not restructure itself, a unit does not
  confirm its own report);
- leaders **approve** what units strictly below their organization submit;
- a member's personal details (citizen ID, address, phone) are for those who may change
  the member's own unit;
- a superuser, and the system (`SYSTEM`: commands, the demo, imports), see and may do
  everything. The system is passed by name, never as `None`: a `None` actor is refused.

This module imports the organization tree only (`dangvu.orgs`), so every area may use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, TypeAlias, cast

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from dangvu.core.audit import SYSTEM_NAME
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrganizationQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from dangvu.accounts.models import User

__all__ = [
    "SYSTEM",
    "Actor",
    "AnyUser",
    "SystemActor",
    "can_approve",
    "can_change",
    "can_see_personal",
    "can_submit",
    "can_view",
    "is_system",
    "may_write",
    "own_organization",
    "require_approve",
    "require_change",
    "require_submit",
    "require_view",
    "sees_everything",
    "user_of",
    "visible_organizations",
]

OFFICER_ROLES: Final = frozenset({"officer", "leader"})
LEADER_ROLE: Final = "leader"


class SystemActor:
    """The system acting by itself: the demo loader, imports and commands run by an
    administrator. It sees and may do everything, like a superuser; the audit log names
    it “hệ thống”. There is one, `SYSTEM`."""

    _instance: SystemActor | None = None

    pk: None = None
    id: None = None
    organization: None = None
    organization_id: None = None
    role: str = ""
    is_superuser: Final = True
    is_staff: Final = False
    is_active: Final = True
    is_authenticated: Final = True
    is_anonymous: Final = False
    can_edit: Final = True
    can_approve: Final = True
    can_read_audit: Final = True
    name: Final = SYSTEM_NAME

    def __new__(cls) -> SystemActor:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def get_username(self) -> str:
        return self.name

    def get_full_name(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return "SYSTEM"

    def __reduce__(self) -> str:
        return "SYSTEM"


SYSTEM: Final = SystemActor()

# Who acts in a service: a user or the system.
Actor: TypeAlias = "User | SystemActor"
# Who reads in a selector or a view: also an anonymous visitor (refused everything).
AnyUser: TypeAlias = "User | SystemActor | AnonymousUser"


if TYPE_CHECKING:

    class UserRequest(HttpRequest):
        """A request past `login_required`: its user is a `User`, never anonymous."""

        user: User

else:
    UserRequest = HttpRequest


def is_system(actor: object) -> bool:
    return actor is SYSTEM


def _check_actor(actor: object) -> None:
    if actor is None:
        # The old convention ("no actor: the system") skipped every check; say so loudly.
        raise PermissionDenied(
            "Thao tác không có người thực hiện: hệ thống phải truyền SYSTEM, người dùng "
            "truyền chính mình."
        )


def sees_everything(actor: AnyUser) -> bool:
    """The system and superusers: the whole tree, every role."""
    _check_actor(actor)
    return actor is SYSTEM or bool(getattr(actor, "is_superuser", False))


def user_of(actor: AnyUser) -> User | None:
    """The user to store in a `created_by`-like field: None for the system."""
    _check_actor(actor)
    if actor is SYSTEM or not getattr(actor, "pk", None):
        return None
    return cast("User", actor)


def own_organization(actor: AnyUser) -> Organization | None:
    """The organization a user belongs to (None: the system, a superuser without one, an
    anonymous visitor)."""
    if not getattr(actor, "is_authenticated", False):
        return None
    return getattr(actor, "organization", None)


def may_write(actor: AnyUser) -> bool:
    """Whether the actor's role writes at all (officers and leaders; the system and
    superusers), wherever: the first half of `can_change`."""
    _check_actor(actor)
    if not getattr(actor, "is_authenticated", False):
        return False
    return sees_everything(actor) or getattr(actor, "role", "") in OFFICER_ROLES


def _is_leader(actor: AnyUser) -> bool:
    if not getattr(actor, "is_authenticated", False):
        return False
    return sees_everything(actor) or getattr(actor, "role", "") == LEADER_ROLE


def _within_own(actor: AnyUser, org: Organization, *, strictly_below: bool) -> bool:
    own = own_organization(actor)
    if own is None or not paths.is_within(org.path, own.path):
        return False
    return not (strictly_below and org.pk == own.pk)


# --- seeing ----------------------------------------------------------------------------


def visible_organizations(actor: AnyUser) -> OrganizationQuerySet:
    """The organizations the actor may see (the one place that decides it)."""
    _check_actor(actor)
    qs = Organization.objects.all()
    if not getattr(actor, "is_authenticated", False):
        return qs.none()
    if sees_everything(actor):
        return qs
    own = own_organization(actor)
    if own is None:
        return qs.none()
    return qs.within_or_merged_into(own)


def can_view(actor: AnyUser, org: Organization) -> bool:
    """Whether `org` is among `visible_organizations(actor)`; no query when the paths
    decide (the actor's own subtree)."""
    if sees_everything(actor):
        return True
    own = own_organization(actor)
    if own is None:
        return False
    if paths.is_within(org.path, own.path):
        return True
    return visible_organizations(actor).filter(pk=org.pk).exists()


def require_view(actor: AnyUser, org: Organization, *, what: str = "Tổ chức này") -> None:
    if not can_view(actor, org):
        raise PermissionDenied(f"{what} nằm ngoài phạm vi đơn vị của bạn.")


# --- changing --------------------------------------------------------------------------


def can_change(
    actor: AnyUser, org: Organization, *, strictly_below: bool = False, merged: bool = False
) -> bool:
    """An officer or leader whose organization's subtree holds `org` (`strictly_below`:
    not the organization itself). `merged`: also the organizations merged into that
    subtree (their records, such as documents, stay in the successor's care; one query
    when the paths do not decide)."""
    if not may_write(actor):
        return False
    if sees_everything(actor):
        return True
    if _within_own(actor, org, strictly_below=strictly_below):
        return True
    return bool(merged and not strictly_below and can_view(actor, org))


def require_change(
    actor: AnyUser,
    org: Organization,
    *,
    what: str = "thay đổi",
    strictly_below: bool = False,
    merged: bool = False,
) -> None:
    if not can_change(actor, org, strictly_below=strictly_below, merged=merged):
        raise PermissionDenied(
            f"Bạn không có quyền {what} “{org.name}”: đơn vị này không thuộc phạm vi của bạn, "
            "hoặc vai trò của bạn chỉ được xem."
        )


def can_submit(actor: AnyUser, org: Organization) -> bool:
    """An officer or leader of the unit itself: it reports its own part (progress on a
    task, a periodic report)."""
    if not may_write(actor):
        return False
    return sees_everything(actor) or getattr(actor, "organization_id", None) == org.pk


def require_submit(
    actor: AnyUser, org: Organization, *, what: str = "báo cáo phần việc này"
) -> None:
    if not can_submit(actor, org):
        raise PermissionDenied(f"Chỉ chuyên viên, lãnh đạo của chính “{org.name}” được {what}.")


# --- approving -------------------------------------------------------------------------


def can_approve(actor: AnyUser, org: Organization, *, strictly_below: bool = True) -> bool:
    """A leader of a committee above `org` (`strictly_below=False`: or of `org` itself):
    approving a unit's submission is for its superiors."""
    _check_actor(actor)
    if not _is_leader(actor):
        return False
    return sees_everything(actor) or _within_own(actor, org, strictly_below=strictly_below)


def require_approve(
    actor: AnyUser, org: Organization, *, what: str = "duyệt", strictly_below: bool = True
) -> None:
    if not can_approve(actor, org, strictly_below=strictly_below):
        raise PermissionDenied(
            f"Bạn không có quyền {what} phần của “{org.name}”: chỉ lãnh đạo cấp ủy cấp trên "
            f"của đơn vị này được {what}."
        )


# --- personal details ------------------------------------------------------------------


def can_see_personal(actor: AnyUser, member_org: Organization) -> bool:
    """Citizen ID, address and phone of a member whose own unit is `member_org`: for
    those who may change that unit (not the host of a temporary stay, not a unit still
    to receive the member)."""
    return can_change(actor, member_org)
