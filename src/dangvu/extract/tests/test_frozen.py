"""Findings built by the quick ``__init__`` behave as the frozen dataclasses they are."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from dangvu.extract.frozen import quick_init
from dangvu.extract.models import Figure, Reference


def test_a_quick_finding_is_frozen_equal_hashable_and_replaceable() -> None:
    ref = Reference(0, 9, "12-KH/TU", "Kế hoạch", "12", "KH", "TU", datetime.date(2024, 3, 5), None)
    assert ref.state is False  # the default
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.number = "13"  # type: ignore[misc]
    same = Reference(
        start=0, end=9, text="12-KH/TU", type="Kế hoạch", number="12", type_code="KH",
        issuer_code="TU", date=datetime.date(2024, 3, 5), issuer_name=None, state=False,
    )  # fmt: skip
    assert ref == same and hash(ref) == hash(same) and repr(ref) == repr(same)
    moved = dataclasses.replace(ref, start=1, state=True)
    assert (moved.start, moved.end, moved.state) == (1, 9, True)
    figure = Figure(3, 8, "5 chi bộ", "chi bộ", 5, None, "chi bộ")
    assert dataclasses.astuple(figure) == (3, 8, "5 chi bộ", "chi bộ", 5, None, "chi bộ")


def test_quick_init_refuses_what_it_cannot_build() -> None:
    @dataclasses.dataclass(frozen=True)
    class Listed:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        quick_init(Listed)
