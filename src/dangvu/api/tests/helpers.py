"""Calling the API in tests: a token made by the real service, a client that sends it."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from dangvu.api.models import TokenAccess
from dangvu.api.services import token_create


def secret_for(user: Any, access: str = TokenAccess.WRITE, days: int = 30) -> str:
    if access == TokenAccess.WRITE and not user.can_edit:
        access = TokenAccess.READ
    return token_create(
        actor=user, name=f"kiểm thử {user.username}", days=days, access=access
    ).secret


class ApiClient:
    """GET/POST/PATCH JSON with `Authorization: Bearer <secret>`."""

    def __init__(self, secret: str | None) -> None:
        self.client = Client()
        self.secret = secret

    def _headers(self, headers: dict[str, str] | None) -> dict[str, str]:
        out = dict(headers or {})
        if self.secret:
            out.setdefault("Authorization", f"Bearer {self.secret}")
        return out

    def get(
        self, path: str, params: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> Any:
        return self.client.get(path, params or {}, headers=self._headers(headers))

    def post(self, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        return self.client.post(
            path,
            json.dumps(body or {}),
            content_type="application/json",
            headers=self._headers(headers),
        )

    def patch(self, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        return self.client.patch(
            path,
            json.dumps(body or {}),
            content_type="application/json",
            headers=self._headers(headers),
        )

    def upload(
        self,
        path: str,
        files: dict[str, Any],
        data: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        return self.client.post(path, {**(data or {}), **files}, headers=self._headers(headers))


def as_user(user: Any, access: str = TokenAccess.WRITE) -> ApiClient:
    return ApiClient(secret_for(user, access))
