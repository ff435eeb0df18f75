"""Who may open each drafting page (checked by tests/test_every_url.py). The draft is
commune A's member statistics report: A's users and those above see it; officers and
leaders of A and above edit, redraft and issue it. The templates and the outgoing register
are each user's own unit's (its subtree's register); a number of A is cancelled by A's
officers and leaders and those above."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from dangvu.drafting.models import Draft, Genre, OutgoingNumber
from dangvu.drafting.services import draft_create, number_take
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


def _number(world: World) -> OutgoingNumber:
    return number_take(issuer=world.unit, type_code="BC", year=ON.year, actor=world.officer)


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
    Allow("drafting:template_list", EVERY_USER, why="the templates of the user's own unit"),
    Allow(
        "drafting:template_download",
        EVERY_USER,
        url=lambda world: reverse("drafting:template_download", args=[Genre.MEMBER_STATS]),
        why="the template the user's own unit issues with (the shipped one by default)",
    ),
    Allow("drafting:number_list", EVERY_USER, why="the outgoing register of the own subtree"),
    Allow(
        "drafting:number_cancel",
        CHANGES_UNIT,
        url=url_of("drafting:number_cancel", _number),
        method="post",
        data=lambda world: {"reason": "Văn bản không ban hành."},
        allowed=302,
        refused=frozenset({403, 404}),
        why="a viewer of A or above is refused (403); outside the subtree the number is not found",
    ),
]
