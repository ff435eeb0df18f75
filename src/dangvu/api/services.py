"""Writes of the API app: personal tokens (made and revoked by their user) and their use."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from dangvu.access import Actor
from dangvu.accounts.models import User
from dangvu.core.audit import audit_record

from .models import ApiToken, TokenAccess

SECRET_PREFIX = "dv_"
MAX_DAYS = 366
# A token's use is written to the audit log once an hour (every call would bury the log);
# every write made through the API is written by its service, and once more here.
USE_AUDIT_EVERY = timedelta(hours=1)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


@transaction.atomic
def token_create(*, actor: User, name: str, days: int, access: str = TokenAccess.READ) -> NewToken:
    """A new personal token of `actor`, valid `days` days. Returns the secret once."""
    if not getattr(actor, "pk", None) or not actor.is_active:
        raise PermissionDenied("Chỉ người dùng đã đăng nhập mới tạo được mã truy cập.")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Hãy đặt tên cho mã (ví dụ: “Đồng bộ CSDL đảng viên”)."})
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            {"days": f"Thời hạn phải từ 1 đến {MAX_DAYS} ngày: hãy nhập lại số ngày."}
        )
    if access not in TokenAccess.values:
        raise ValidationError({"access": "Quyền phải là “Chỉ đọc” hoặc “Đọc và ghi”."})
    if access == TokenAccess.WRITE and not actor.can_edit:
        raise ValidationError(
            {"access": "Vai trò “Xem” chỉ tạo được mã chỉ đọc: hãy chọn “Chỉ đọc”."}
        )
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken(
        user=actor,
        name=name,
        prefix=secret[len(SECRET_PREFIX) : len(SECRET_PREFIX) + 8],
        key_hash=hash_secret(secret),
        access=access,
        expires_at=now + timedelta(days=days),
    )
    token.created_at = now
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        action="api.token_create",
        obj=token,
        organization=actor.organization,
        summary=f"Tạo mã truy cập API “{name}” ({token.get_access_display()}, {days} ngày)",
        after={"name": name, "access": access, "expires_at": token.expires_at},
    )
    return NewToken(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: Actor) -> ApiToken:
    """Revoke a token: its next call is refused. Only its own user revokes it."""
    if getattr(actor, "pk", None) != token.user_id and not getattr(actor, "is_superuser", False):
        raise PermissionDenied("Bạn chỉ thu hồi được mã truy cập của chính mình.")
    if token.revoked_at is not None:
        raise ValidationError({"token": "Mã này đã được thu hồi từ trước."})
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action="api.token_revoke",
        obj=token,
        organization=token.user.organization,
        summary=f"Thu hồi mã truy cập API “{token.name}”",
        before={"revoked_at": None},
        after={"revoked_at": token.revoked_at},
    )
    return token


def token_mark_used(*, token: ApiToken, method: str, path: str) -> None:
    """Note the token's use: its last use always, an audit row at most once an hour."""
    now = timezone.now()
    due = token.last_used_at is None or now - token.last_used_at >= USE_AUDIT_EVERY
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    if due:
        audit_record(
            actor=token.user,
            action="api.token_use",
            obj=token,
            organization=token.user.organization,
            summary=f"Dùng mã truy cập API “{token.name}”: {method} {path}",
        )
    token.last_used_at = now


def api_write_record(*, token: ApiToken, method: str, path: str, status: int) -> None:
    """One audit row for each write request made through the API (the services write
    their own rows for what changed; this one ties them to the token)."""
    audit_record(
        actor=token.user,
        action="api.write",
        obj=token,
        organization=token.user.organization,
        summary=f"Ghi qua API bằng mã “{token.name}”: {method} {path} → {status}",
        after={"method": method, "path": path, "status": status},
    )
