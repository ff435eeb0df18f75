"""Findings: frozen dataclasses, each with its exact span in the input."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .frozen import quick_init

__all__ = [
    "Deadline",
    "Extraction",
    "Figure",
    "OwnDocument",
    "Period",
    "Person",
    "Reference",
]


@quick_init
@dataclass(frozen=True)
class Reference:
    """A reference to a numbered document (party or state)."""

    start: int
    end: int
    text: str
    type: str | None
    number: str
    type_code: str | None
    issuer_code: str | None
    date: datetime.date | None
    issuer_name: str | None
    state: bool = False


@quick_init
@dataclass(frozen=True)
class Figure:
    """A quantitative result: ``value`` (of ``of`` when a share) ``unit`` of ``what``."""

    start: int
    end: int
    text: str
    what: str
    value: int | float
    of: int | float | None
    unit: str


@quick_init
@dataclass(frozen=True)
class Deadline:
    """A date by which something (``what``) is due."""

    start: int
    end: int
    text: str
    date: datetime.date
    what: str


@quick_init
@dataclass(frozen=True)
class Person:
    """A named person with the positions written next to the first mention."""

    start: int
    end: int
    text: str
    name: str
    positions: tuple[str, ...]


@dataclass(frozen=True)
class OwnDocument:
    """The text's own number, type, issuer, date and place, from its header."""

    start: int
    end: int
    text: str
    type: str | None
    number: str
    type_code: str | None
    issuer_code: str | None
    date: datetime.date | None
    place: str | None


@dataclass(frozen=True)
class Period:
    """The period a text reports on: ``2023-Q1``, ``2023-H1``, ``2023``, ``2020-2025``."""

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True)
class Extraction:
    """Everything found in one text."""

    references: tuple[Reference, ...] = ()
    figures: tuple[Figure, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    people: tuple[Person, ...] = ()
    period: Period | None = None
    own_document: OwnDocument | None = None
