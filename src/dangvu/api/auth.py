"""Who calls: a personal token in `Authorization: Bearer dv_...`, and how often it may."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError, Throttled
from ninja.security import HttpBearer

from dangvu.core.dates import format_short

from .models import ApiToken
from .selectors import token_for_secret
from .services import token_mark_used

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class Refused(AuthenticationError):
    def __init__(self, message: str, status_code: int = 401) -> None:
        super().__init__(status_code=status_code, message=message)


def rate_limit() -> int:
    """Calls a token may make each minute (DANGVU_API_RATE_LIMIT, read when asked)."""
    return int(getattr(settings, "API_RATE_LIMIT", 120))


def check_rate(token: ApiToken) -> None:
    """A fixed one-minute window per token in Django's cache (shared by the workers when
    the cache is). The key holds part of the token's hash as well as its id: an id used
    again (a token made after one deleted, or rolled back in a test) starts afresh."""
    limit = rate_limit()
    now = time.time()
    window = int(now // 60)
    key = f"dangvu:api:rate:{token.pk}:{token.key_hash[:16]}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count > limit:
        raise Throttled(wait=int(60 - now % 60) + 1)


def resolve(request: HttpRequest, secret: str) -> ApiToken:
    """The token a request carries, or a refusal saying why (the same rules everywhere)."""
    token = getattr(request, "api_token", None)
    if token is not None:
        return token
    token = token_for_secret(secret.strip())
    if token is None:
        raise Refused("Mã truy cập không đúng: hãy kiểm tra lại, hoặc tạo mã mới.")
    if token.revoked_at is not None:
        revoked = format_short(timezone.localdate(token.revoked_at))
        raise Refused(f"Mã truy cập này đã bị thu hồi ngày {revoked}: hãy tạo mã mới.")
    if token.expires_at <= timezone.now():
        expired = format_short(timezone.localdate(token.expires_at))
        raise Refused(f"Mã truy cập này đã hết hạn ngày {expired}: hãy tạo mã mới.")
    if not token.user.is_active:
        raise Refused("Tài khoản của mã truy cập này đã bị khóa.")
    request.api_token = token  # type: ignore[attr-defined]
    return token


class TokenAuth(HttpBearer):
    """Each call acts as the token's user (within the user's scope and role); a read-only
    token is refused any write. Use and rate are noted here, once per call."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = resolve(request, token)
        if request.method not in SAFE_METHODS and not api_token.can_write:
            raise Refused(
                "Mã truy cập này chỉ được đọc: hãy tạo mã “Đọc và ghi” để ghi dữ liệu.",
                status_code=403,
            )
        check_rate(api_token)
        token_mark_used(token=api_token, method=request.method or "", path=request.path)
        request.user = api_token.user
        return api_token.user
