"""Reads of the API app: a user's tokens, and the token a secret belongs to."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import ApiToken
from .services import SECRET_PREFIX, hash_secret


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def token_for_secret(secret: str) -> ApiToken | None:
    """The token of a secret, whatever its state (the caller says why it is refused)."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 100:
        return None
    return (
        ApiToken.objects.select_related("user", "user__organization")
        .filter(key_hash=hash_secret(secret))
        .first()
    )
