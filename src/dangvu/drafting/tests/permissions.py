"""Who may open each drafting page (checked by tests/test_every_url.py). The draft is
commune A's member statistics report: A's users and those above see it; officers and
leaders of A and above edit, redraft and issue it."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangvu.drafting.models import Draft, Genre
from dangvu.drafting.services import draft_create
from dangvu.tests.matrix import (
    CHANGES_UNIT,
    EVERY_USER,
    SEES_UNIT,
    WRITERS_EVERYWHERE,
    Allow,
    World,
    url_of,
)

ON = date(2025, 12, 31)


def _draft(world: World) -> Draft:
    return draft_create(
        genre=Genre.MEMBER_STATS,
        owner=world.unit,
        source={"on": ON.isoformat()},
        actor=world.officer,
        today=ON,
    )


def _issue(world: World) -> dict[str, Any]:
    return {
        "on": "31/12/2025",
        "capacity": "T/M BAN THƯỜNG VỤ",
        "position": "BÍ THƯ",
        "signer": "Nguyễn Văn Ký",
    }


PERMISSIONS = [
    Allow("drafting:draft_list", EVERY_USER, why="each user's drafts are its own subtree's"),
    Allow("drafting:draft_create", WRITERS_EVERYWHERE, why="drafts for the user's own unit"),
    Allow("drafting:draft_detail", SEES_UNIT, url=url_of("drafting:draft_detail", _draft)),
    Allow("drafting:draft_docx", SEES_UNIT, url=url_of("drafting:draft_docx", _draft)),
    Allow("drafting:draft_pdf", SEES_UNIT, url=url_of("drafting:draft_pdf", _draft)),
    Allow(
        "drafting:draft_edit",
        CHANGES_UNIT,
        url=url_of("drafting:draft_edit", _draft),
        method="post",
        data=lambda world: {"index": 0, "text": "Đoạn văn sửa."},
        allowed=302,
    ),
    Allow(
        "drafting:draft_redraft",
        CHANGES_UNIT,
        url=url_of("drafting:draft_redraft", _draft),
        method="post",
        allowed=302,
    ),
    Allow(
        "drafting:draft_issue",
        CHANGES_UNIT,
        url=url_of("drafting:draft_issue", _draft),
        method="post",
        data=_issue,
        allowed=302,
    ),
]
