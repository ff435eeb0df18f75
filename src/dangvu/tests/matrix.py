"""The permission matrix: for every URL of the project, who may open it.

Each app states its URLs' permissions in `<app>/tests/permissions.py` as a list
`PERMISSIONS` of `Allow(...)` (see docs/architecture.md, "Declaring a URL's
permissions"). `tests/test_every_url.py` walks every URL pattern of the project and
fails when one has no statement, then checks each statement cell by cell:

- anonymous: redirected to the login page (unless stated otherwise);
- viewer, officer and leader of the object's own unit, of a unit below it
  (descendant), of a unit beside it (sibling) and of the unit above it (ancestor):
  `allowed` status for the cells `who` lets in, `refused` status for the others.

The object a URL is about is built once per statement, through the real services; each
cell's request runs in a savepoint rolled back after it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from types import SimpleNamespace
from typing import Any

from django.apps import apps
from django.db import transaction
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dangvu.accounts.models import Role, User
from dangvu.conftest import add_org, build_tree
from dangvu.core.testing import make_user
from dangvu.orgs.models import Organization, OrgKind

ROLES: tuple[str, ...] = (Role.VIEWER, Role.OFFICER, Role.LEADER)
PLACES: tuple[str, ...] = ("own", "descendant", "sibling", "ancestor")

ALL = frozenset(ROLES)
WRITERS = frozenset({Role.OFFICER, Role.LEADER})
LEADERS = frozenset({Role.LEADER})
NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Who:
    """The roles let in at each place, seen from the object's unit."""

    own: frozenset[str] = NONE
    descendant: frozenset[str] = NONE
    sibling: frozenset[str] = NONE
    ancestor: frozenset[str] = NONE

    def allows(self, role: str, place: str) -> bool:
        return role in getattr(self, place)


# The usual answers, named for what the page does.
NOBODY = Who()
EVERY_USER = Who(own=ALL, descendant=ALL, sibling=ALL, ancestor=ALL)  # a page scoped per user
WRITERS_EVERYWHERE = Who(own=WRITERS, descendant=WRITERS, sibling=WRITERS, ancestor=WRITERS)
SEES_UNIT = Who(own=ALL, ancestor=ALL)  # the unit's own users and its superiors'
CHANGES_UNIT = Who(own=WRITERS, ancestor=WRITERS)  # officers, leaders of the unit or above
CHANGES_BELOW = Who(ancestor=WRITERS)  # officers, leaders of a committee above the unit
OWN_WRITERS = Who(own=WRITERS)  # officers, leaders of the unit itself


@dataclass
class World:
    """The tree of `conftest.build_tree` (plus a party group under cell A1, so that a
    cell has a unit below it), and a user of each role at each place around `unit`."""

    tree: SimpleNamespace
    unit: Organization
    places: dict[str, Organization]
    users: dict[tuple[str, str], User] = field(default_factory=dict)

    def user(self, role: str, place: str) -> User:
        return self.users[(role, place)]

    @property
    def officer(self) -> User:
        """An officer of the unit itself, to build objects through the services."""
        return self.user(Role.OFFICER, "own")


UNITS = {  # unit -> (descendant, sibling, ancestor)
    "a": ("a1", "b", "d1"),
    "a1": ("a1g", "a2", "a"),
    "d1": ("a", "d2", "province"),
}


def build_world(unit: str, tree: SimpleNamespace | None = None) -> World:
    """A world around `unit`, on `tree` (built when None)."""
    if tree is None:
        tree = build_tree()
        tree.a1g = add_org(tree.a1, "Tổ đảng 1 Thôn 1 xã Việt Thành", OrgKind.GROUP, "A1T")
    descendant, sibling, ancestor = UNITS[unit]
    places = {
        "own": getattr(tree, unit),
        "descendant": getattr(tree, descendant),
        "sibling": getattr(tree, sibling),
        "ancestor": getattr(tree, ancestor),
    }
    world = World(tree=tree, unit=places["own"], places=places)
    for place, org in places.items():
        for role in ROLES:
            world.users[(role, place)] = make_user(f"{role}.{place}.{unit}", org, role)
    return world


Status = int | frozenset[int]


def url_of(name: str, make: Callable[[World], Any]) -> Callable[[World], str]:
    """A URL builder: `make(world)` builds the object (anything with a pk), the URL names it."""

    def build(world: World) -> str:
        return reverse(name, args=[make(world).pk])

    return build


def unit_url(name: str) -> Callable[[World], str]:
    """A URL builder for a page about the world's unit itself."""
    return url_of(name, lambda world: world.unit)


@dataclass(frozen=True)
class Allow:
    """Who may open the URL named `name` ("app:name"; a pattern such as "admin:*" covers
    a whole namespace and is checked on `url`)."""

    name: str
    who: Who
    # Builds the object the URL is about, in `unit`, and returns the URL. None: reverse(name).
    url: Callable[[World], str] | None = None
    unit: str = "a"
    method: str = "get"
    data: Callable[[World], dict[str, Any]] | None = None
    allowed: Status = 200
    refused: Status = 403
    anonymous: Status = 302  # redirected to the login page
    why: str = ""  # for the unusual cases: why this is the rule
    # How a cell's user is let in: None logs the user in (a session); otherwise the
    # headers to send instead (the API: a personal token of the user).
    headers: Callable[[User], dict[str, str]] | None = None
    content_type: str | None = None  # "application/json": `data` is sent as JSON

    def expected(self, role: str | None, place: str | None) -> frozenset[int]:
        if role is None or place is None:
            status = self.anonymous
        else:
            status = self.allowed if self.who.allows(role, place) else self.refused
        return status if isinstance(status, frozenset) else frozenset({status})


def build_request(statement: Allow, world: World) -> tuple[str, dict[str, Any]]:
    """The URL and the data to send, the object built once (its after-commit work, such
    as storing an uploaded file, run at once)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        url = statement.url(world) if statement.url else reverse(statement.name)
        data = statement.data(world) if statement.data else {}
    return url, data


def check(statement: Allow, worlds: dict[str, World] | None = None) -> list[str]:
    """Each cell whose status differs from the statement, in words; [] when it holds.
    `worlds` (by unit) are reused across statements: what a statement builds is rolled
    back after it, and every cell's request runs in a savepoint rolled back after it, so
    a POST that succeeds does not change what the next cell sees."""
    worlds = {} if worlds is None else worlds
    if statement.unit not in worlds:
        tree = next(iter(worlds.values())).tree if worlds else None
        worlds[statement.unit] = build_world(statement.unit, tree)
    world = worlds[statement.unit]
    cells: list[tuple[str | None, str | None]] = [(None, None)]
    cells += [(role, place) for place in PLACES for role in ROLES]
    wrong = []
    with transaction.atomic():
        url, data = build_request(statement, world)
        for role, place in cells:
            client = Client()
            with transaction.atomic():
                headers: dict[str, str] = {}
                if role and place:
                    user = world.user(role, place)
                    if statement.headers is None:
                        client.force_login(user)
                    else:
                        headers = statement.headers(user)
                extra: dict[str, Any] = {"headers": headers}
                if statement.content_type and statement.method != "get":
                    extra["content_type"] = statement.content_type
                got = getattr(client, statement.method)(url, data, **extra).status_code
                transaction.set_rollback(True)
            want = statement.expected(role, place)
            if got not in want:
                who = f"{role} of the {place} unit" if role else "anonymous"
                wrong.append(f"{statement.name}: {who} got {got}, expected {sorted(want)}")
        transaction.set_rollback(True)
    return wrong


# --- the statements and the walk ---------------------------------------------------------


def declared() -> dict[str, list[Allow]]:
    """Every app's `tests/permissions.py` PERMISSIONS, and the project's own, by module."""
    modules = ["dangvu.tests.permissions"]
    modules += [
        f"{config.name}.tests.permissions"
        for config in apps.get_app_configs()
        if config.name.startswith("dangvu.")
    ]
    found: dict[str, list[Allow]] = {}
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found[name] = list(module.PERMISSIONS)
    return found


def url_names(urlconf: str | None = None) -> list[str]:
    """Every URL pattern of the urlconf, as "namespace:name" (the route where unnamed)."""
    return sorted(set(_walk(get_resolver(urlconf).url_patterns, "", "")))


def _walk(patterns: Iterable[Any], namespace: str, prefix: str) -> Iterator[str]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}{p.namespace}:"
            yield from _walk(p.url_patterns, ns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name or prefix + str(p.pattern)}"


def undeclared(statements: Iterable[Allow], urlconf: str | None = None) -> list[str]:
    """URL names no statement covers."""
    names = [s.name for s in statements]
    return [u for u in url_names(urlconf) if not any(fnmatchcase(u, n) for n in names)]


def stale(statements: Iterable[Allow], urlconf: str | None = None) -> list[str]:
    """Statements that name no URL (renamed or removed pages)."""
    existing = url_names(urlconf)
    return [s.name for s in statements if not any(fnmatchcase(u, s.name) for u in existing)]
