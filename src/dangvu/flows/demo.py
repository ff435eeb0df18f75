"""The demo data, area by area in dependency order: the tree first, then members, user
accounts, documents, tasks and periodic reports. Each area's `populate` may read what
earlier ones put in `context` (the tree's `province`, ...)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangvu.accounts import demo as accounts_demo
from dangvu.documents import demo as documents_demo
from dangvu.members import demo as members_demo
from dangvu.orgs import demo as orgs_demo
from dangvu.reporting import demo as reporting_demo
from dangvu.tracking import demo as tracking_demo

__all__ = ["demo_populate"]


def demo_populate(scale: str, log: Callable[[str], None]) -> dict[str, Any]:
    context: dict[str, Any] = orgs_demo.populate(scale, log)
    members_demo.populate(scale, log, context)
    accounts_demo.populate(scale, log, context)
    documents_demo.populate(scale, log, context)
    tracking_demo.populate(scale, log, context)
    reporting_demo.populate(scale, log, context)
    return context
