from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu.access import Actor, can_approve, sees_everything
from dangvu.core.audit import audit_change, audit_record
from dangvu.orgs.models import Organization

from .models import Role, User


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    organization: Any,
    role: str = Role.VIEWER,
    full_name: str = "",
    actor: Actor,
    validate: bool = True,
) -> User:
    """Create a user of `organization`; the password is checked against the validators.
    A leader creates accounts of the own subtree (`require_manage`)."""
    require_manage(actor, organization, what="tạo tài khoản")
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"Tên đăng nhập “{username}” đã có người dùng."})
    first, _, last = full_name.rpartition(" ")
    user = User(
        username=username,
        organization=organization,
        role=role,
        first_name=last if first else full_name,
        last_name=first,
    )
    if validate:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(
        actor=actor,
        action="accounts.user_create",
        obj=user,
        organization=organization,
        summary=f"Tạo tài khoản {username} ({user.get_role_display()})",
        after={
            "username": username,
            "role": role,
            "organization": getattr(organization, "pk", None),
        },
    )
    return user


def _validated_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc


@transaction.atomic
def user_password_change(*, user: User, old_password: str, new_password: str) -> User:
    """A user changes their own password: the current one must be right, the new one pass
    the validators. Audited; the stored hash never goes into the log."""
    if not user.check_password(old_password):
        raise ValidationError({"old_password": "Mật khẩu hiện tại không đúng. Hãy nhập lại."})
    _validated_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    audit_change(user, "accounts.password_change", user, f"{user.username} đổi mật khẩu")
    return user


# --- a unit's leader manages the accounts of its subtree -------------------------------


def require_manage(actor: Actor, org: Organization, *, what: str = "quản lý tài khoản") -> None:
    """Accounts of a unit are managed by a leader of that unit or of a unit above it
    (`dangvu.access.can_approve`, the unit itself included), by a superuser or the system."""
    if not can_approve(actor, org, strictly_below=False):
        raise PermissionDenied(
            f"Bạn không có quyền {what} của “{org.name}”: chỉ lãnh đạo của đơn vị này hoặc "
            "đơn vị cấp trên được làm việc đó."
        )


def _require_manage_other(actor: Actor, user: User, what: str) -> None:
    if user.is_superuser and not sees_everything(actor):
        raise PermissionDenied("Tài khoản quản trị hệ thống chỉ sửa được trong trang quản trị.")
    if user.organization is None:
        raise PermissionDenied("Tài khoản này không thuộc đơn vị nào.")
    require_manage(actor, user.organization, what=what)
    if getattr(actor, "pk", None) == user.pk:
        raise PermissionDenied(
            f"Bạn không tự {what.removesuffix(' tài khoản')} chính mình được: hãy nhờ lãnh đạo "
            "đơn vị cấp trên."
        )


def _locked_user(user: User) -> User:
    return (
        User.objects.select_for_update(of=("self",)).select_related("organization").get(pk=user.pk)
    )


@transaction.atomic
def user_role_set(*, user: User, role: str, actor: Actor) -> User:
    """Change the role (xem, chuyên viên, lãnh đạo) of an account of the actor's subtree."""
    _require_manage_other(actor, user, "đổi vai trò tài khoản")
    user = _locked_user(user)
    if role not in Role.values:
        raise ValidationError(
            {"role": "Vai trò không hợp lệ: hãy chọn Xem, Chuyên viên hoặc Lãnh đạo."}
        )
    before = user.role
    if before == role:
        return user
    user.role = role
    user.full_clean()
    user.save(update_fields=["role"])
    audit_change(
        actor,
        "accounts.user_role",
        user,
        f"Đổi vai trò của {user.username}: {Role(before).label} → {Role(role).label}",
        role=(before, role),
    )
    return user


@transaction.atomic
def user_active_set(*, user: User, active: bool, actor: Actor) -> User:
    """Disable an account (it can no longer log in; its history stays) or enable it again."""
    _require_manage_other(actor, user, "khóa tài khoản" if not active else "mở lại tài khoản")
    user = _locked_user(user)
    if user.is_active == active:
        return user
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit_change(
        actor,
        "accounts.user_enable" if active else "accounts.user_disable",
        user,
        f"{'Mở lại' if active else 'Khóa'} tài khoản {user.username}",
        is_active=(not active, active),
    )
    if not active:
        # log the account out everywhere: its sessions are dropped after the commit
        transaction.on_commit(lambda: _end_sessions(user.pk))
    return user


def _end_sessions(user_pk: int) -> None:
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_pk):
            session.delete()


def user_is_locked_out(user: User) -> bool:
    return user.username in locked_out_usernames([user.username])


def locked_out_usernames(usernames: list[str]) -> set[str]:
    """Which of these accounts django-axes holds locked after too many failed logins (one
    query)."""
    from django.utils import timezone

    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return set(
        AccessAttempt.objects.filter(
            username__in=usernames,
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=since,
        ).values_list("username", flat=True)
    )


@transaction.atomic
def user_unlock(*, user: User, actor: Actor) -> int:
    """Lift django-axes' lockout of an account (its failed logins are forgotten)."""
    _require_manage_other(actor, user, "mở khóa tài khoản")
    failures = list(
        AccessAttempt.objects.filter(username=user.username).values_list(
            "failures_since_start", flat=True
        )
    )
    removed = int(axes_reset(username=user.username))
    audit_change(
        actor,
        "accounts.user_unlock",
        user,
        f"Mở khóa đăng nhập của {user.username} (sau {sum(failures)} lần đăng nhập sai)",
        failures=(sum(failures), 0),
    )
    return removed


@transaction.atomic
def user_password_reset(*, user: User, new_password: str, actor: Actor) -> User:
    """A leader sets a new password for an account of the subtree (its owner forgot it);
    the owner should change it at the next login. The lockout, if any, is lifted too."""
    _require_manage_other(actor, user, "đặt lại mật khẩu tài khoản")
    user = _locked_user(user)
    _validated_password(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    axes_reset(username=user.username)
    audit_change(actor, "accounts.password_reset", user, f"Đặt lại mật khẩu của {user.username}")
    return user
