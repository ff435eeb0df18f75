"""Member statistics as the pages show them: the tables of a count by dimension."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .. import catalog, rules
from ..models import (
    MemberStatus,
    Sex,
)
from .rules import age_limits
from .stats import Counts

STATUS_LABELS = dict(MemberStatus.choices)
SEX_LABELS = dict(Sex.choices)
EDU_LABELS = dict(catalog.EDUCATION)
THEORY_LABELS = dict(catalog.THEORY)


@dataclass
class Table:
    title: str
    rows: list[tuple[str, int]] = field(default_factory=list)
    dimension: str = ""  # "status", "sex", "age", ... : what a dashboard picks it by


def tables(counts: Counts, on: date) -> list[Table]:
    """Counts by status, sex, age band (age counted by year), ethnicity, religion,
    education and theory level, in the order the forms use."""
    limits = age_limits(on)
    bands = dict.fromkeys(rules.age_band_labels(limits), 0)
    for (dim, value), n in counts.items():
        if dim == "birth_year" and n:
            bands[rules.age_band(int(value), on.year, limits)] += n

    def of(
        dim: str, labels: dict[str, str] | None = None, order: list[str] | None = None
    ) -> list[tuple[str, int]]:
        values = {v: n for (d, v), n in counts.items() if d == dim and n}
        keys = order or sorted(values, key=lambda v: -values[v])
        return [((labels or {}).get(k, k), values.get(k, 0)) for k in keys if k in values]

    return [
        Table("Theo tình trạng", of("status", STATUS_LABELS, ["chinh_thuc", "du_bi"]), "status"),
        Table("Theo giới tính", of("sex", SEX_LABELS, ["nam", "nu"]), "sex"),
        Table("Theo độ tuổi (tính theo năm sinh)", list(bands.items()), "age"),
        Table("Theo dân tộc", of("ethnicity"), "ethnicity"),
        Table("Theo tôn giáo", of("religion"), "religion"),
        Table(
            "Theo trình độ giáo dục phổ thông",
            of("education", EDU_LABELS, list(EDU_LABELS)),
            "education",
        ),
        Table(
            "Theo trình độ lý luận chính trị",
            of("theory", THEORY_LABELS, list(THEORY_LABELS)),
            "theory",
        ),
    ]
