"""The one router of the member endpoints: a path read and written (GET and POST
`/members`) is one URL, so every module of the package adds its operations to it."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["Đảng viên"])
