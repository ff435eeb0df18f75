"""Who may open the API's pages (checked by tests/test_every_url.py). The API itself
(`api_v1`) takes personal tokens only: a browser session gets 401 everywhere; what each
token's user may read and write is the access policy, tested per endpoint in api/tests."""

from __future__ import annotations

from django.urls import reverse

from dangvu.api.services import token_create
from dangvu.tests.matrix import EVERY_USER, NOBODY, Allow, Who, World


def _revoke(world: World) -> str:
    token = token_create(actor=world.officer, name="Đồng bộ", days=30).token
    return reverse("api:token_revoke", args=[token.pk])


PERMISSIONS = [
    Allow("api:token_list", EVERY_USER, why="each user's own tokens"),
    Allow("api:api_docs", EVERY_USER),
    Allow(
        "api:token_revoke",
        Who(own=frozenset({"officer"})),
        url=_revoke,
        method="post",
        allowed=302,
        refused=404,
        why="a token is its owner's alone (the officer of the unit made it)",
    ),
    Allow(
        "api_v1:*",
        NOBODY,
        url=lambda world: reverse("api_v1:changes"),
        refused=401,
        anonymous=401,
        why="tokens only, no session; SYSTEM never holds one",
    ),
]
