"""Every URL of the project states who may open it, and each statement holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dangvu.tests.matrix import SEES_UNIT, Allow, World, check, declared, stale, undeclared
from dangvu.tests.permissions import NOT_YET_STATED

BY_MODULE = declared()
STATEMENTS = [s for statements in BY_MODULE.values() for s in statements]


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Uploaded originals of the statements' documents go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


HOW = (
    "state who may open them in <app>/tests/permissions.py (PERMISSIONS = [Allow(...)]), "
    "see docs/architecture.md, “Declaring a URL's permissions”"
)


def test_every_url_pattern_states_who_may_open_it() -> None:
    missing = [u for u in undeclared(STATEMENTS) if u not in NOT_YET_STATED]
    assert not missing, f"URLs without a permission statement: {missing}; {HOW}"


def test_the_urls_still_owed_a_statement_exist_and_have_none() -> None:
    """The list of owed statements only shrinks: a stated or removed URL leaves it."""
    assert sorted(NOT_YET_STATED) == sorted(
        u for u in undeclared(STATEMENTS) if u in NOT_YET_STATED
    )


def test_every_statement_names_an_existing_url() -> None:
    assert not stale(STATEMENTS)


def test_each_url_is_stated_once() -> None:
    names = [s.name for s in STATEMENTS]
    assert len(names) == len(set(names))


def test_a_url_nobody_stated_fails_the_walk() -> None:
    missing = undeclared(STATEMENTS, "dangvu.tests.unprotected_urls")
    assert [u for u in missing if u not in NOT_YET_STATED] == ["unprotected"]


@pytest.mark.django_db
def test_a_page_that_checks_nothing_fails_its_statement(settings) -> None:
    settings.ROOT_URLCONF = "dangvu.tests.unprotected_urls"
    wrong = check(Allow("unprotected", SEES_UNIT))
    # anonymous, and every user of the descendant and sibling units, got the page
    assert len(wrong) == 1 + 3 + 3
    assert "unprotected: anonymous got 200, expected [302]" in wrong


@pytest.mark.django_db
@pytest.mark.parametrize("module", BY_MODULE)
def test_the_statements_hold(module: str) -> None:
    """One test per app (its worlds built once), every wrong cell of every URL reported."""
    worlds: dict[str, World] = {}
    wrong = [line for statement in BY_MODULE[module] for line in check(statement, worlds)]
    assert wrong == []
