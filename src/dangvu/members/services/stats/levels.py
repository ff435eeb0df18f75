"""What is counted, and where: the dimensions, the levels that keep counters and snapshots."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import Organization

from ... import rules

DIMENSIONS = (
    "total",
    "status",
    "sex",
    "birth_year",
    "ethnicity",
    "religion",
    "education",
    "theory",
    "exempt",
)

COUNTED_LEVEL = 2  # counters for the Centre (0), provinces (1), communes and peers (2)

# monthly snapshots for the Centre, the provinces, the communes and their peers (a province's
# breakdown by commune on a past date reads them, not the spans of the whole province)
SNAPSHOT_LEVEL = 2

SEG = paths.SEGMENT_WIDTH + 1

SCOPE_LEN = 2 * SEG  # a scope is the first two segments of a path: the Centre, the province

EXEMPT_SQL = "CASE WHEN s.exempt THEN '1' ELSE '0' END"  # a span's "exempt" value


def keys_of(
    status: str,
    sex: str,
    birth_year: int,
    ethnicity: str,
    religion: str,
    education: str,
    theory: str,
    exempt: bool,
) -> tuple[tuple[str, str], ...]:
    return (
        ("total", ""),
        ("status", status),
        ("sex", sex),
        ("birth_year", str(birth_year)),
        ("ethnicity", ethnicity),
        ("religion", religion),
        ("education", education),
        ("theory", theory),
        ("exempt", "1" if exempt else "0"),
    )


def level_of(kind: str) -> int:
    return org_rules.LEVEL.get(kind, 9)


def ancestors_with_level(path: str, max_level: int, kinds: dict[int, str]) -> list[int]:
    return [pk for pk in paths.ids_of(path) if level_of(kinds.get(pk, "")) <= max_level]


def kinds_of(ids: Iterable[int]) -> dict[int, str]:
    return dict(Organization.objects.filter(pk__in=set(ids)).values_list("pk", "kind"))


def chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    batch: list[int] = []
    for pk in ids:
        batch.append(pk)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def month_ceil(d: date) -> date:
    return d if d.day == 1 else rules.add_months(d.replace(day=1), 1)
