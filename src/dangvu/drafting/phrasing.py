"""Figures written as committees write them (no Django): `1.234`, `12,5%`,
`kết nạp 1.234 đảng viên mới, đạt 105% chỉ tiêu, tăng 12,5% so với cùng kỳ`."""

from __future__ import annotations

from collections.abc import Iterable

from .report import Block, Span

__all__ = ["number", "para", "percent", "share"]


def number(value: int | float) -> str:
    """1234 -> 1.234; 2.5 -> 2,5."""
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:.1f}".partition(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def percent(value: float) -> str:
    """105.0 -> 105%; 12.54 -> 12,5%."""
    rounded = round(value, 1)
    return number(int(rounded) if rounded.is_integer() else rounded) + "%"


def share(done: int, total: int) -> str:
    """71/74."""
    return f"{number(done)}/{number(total)}"


def para(*parts: str | Span, kind: str = "paragraph") -> Block:
    """A block from wording and bound spans."""
    return Block(kind, tuple(p if isinstance(p, Span) else Span(p) for p in parts if p != ""))


def listing(names: Iterable[str]) -> str:
    return ", ".join(names)
