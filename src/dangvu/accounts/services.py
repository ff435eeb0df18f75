from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.audit import audit_record

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
    """Create a user of `organization`; the password is checked against the validators."""
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
    audit_record(
        actor=user,
        action="accounts.password_change",
        obj=user,
        organization=user.organization,
        summary=f"{user.username} đổi mật khẩu",
    )
    return user
