"""The profiles of generated members: weighted tables of ethnicity, religion, education,
levels, occupations, positions and ratings, and the birth and admission dates."""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta

from .. import rules

__all__ = [
    "EDUCATION",
    "ETHNIC",
    "ETHNIC_NORTH",
    "OCCUPATIONS",
    "POSITIONS",
    "PROFESSIONAL",
    "RATINGS",
    "RELIGION",
    "THEORY",
    "Picker",
    "birth_and_admission",
]

ETHNIC = [
    ("Kinh", 860),
    ("Tày", 25),
    ("Thái", 20),
    ("Mường", 18),
    ("Khmer", 10),
    ("Nùng", 12),
    ("Mông", 14),
    ("Dao", 12),
    ("Hoa", 3),
    ("Gia Rai", 4),
    ("Ê Đê", 3),
    ("Sán Chay", 3),
    ("Chăm", 2),
    ("Giáy", 2),
]
ETHNIC_NORTH = [
    ("Kinh", 520),
    ("Tày", 120),
    ("Dao", 110),
    ("Mông", 90),
    ("Thái", 80),
    ("Nùng", 30),
    ("Mường", 20),
    ("Giáy", 10),
    ("Khơ Mú", 10),
]
RELIGION = [
    ("Không", 955),
    ("Phật giáo", 25),
    ("Công giáo", 15),
    ("Tin lành", 3),
    ("Cao Đài", 1),
    ("Phật giáo Hòa Hảo", 1),
]
EDUCATION = [("thpt", 850), ("thcs", 145), ("tieu_hoc", 5)]
PROFESSIONAL = [
    ("khong", 180),
    ("so_cap", 60),
    ("trung_cap", 170),
    ("cao_dang", 90),
    ("dai_hoc", 400),
    ("thac_si", 90),
    ("tien_si", 10),
]
THEORY = [("khong", 380), ("so_cap", 320), ("trung_cap", 220), ("cao_cap", 60), ("cu_nhan", 20)]
OCCUPATIONS = [
    "Nông dân",
    "Giáo viên",
    "Công chức",
    "Viên chức",
    "Công nhân",
    "Bộ đội xuất ngũ",
    "Hưu trí",
    "Kinh doanh",
    "Bác sĩ",
    "Sinh viên",
]
POSITIONS = [
    "",
    "",
    "",
    "",
    "Trưởng thôn",
    "Bí thư chi bộ",
    "Phó Bí thư chi bộ",
    "Chi hội trưởng phụ nữ",
    "Công an viên",
    "Cấp ủy viên",
]
RATINGS = [("tot", 700), ("hoan_thanh", 170), ("xuat_sac", 110), ("khong_hoan_thanh", 20)]


class Picker:
    """Weighted choice by a precomputed cumulative table: fast enough for millions."""

    def __init__(self, table: list[tuple[str, int]]) -> None:
        self.values = [v for v, _ in table]
        self.cum = []
        total = 0
        for _, w in table:
            total += w
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> str:
        return self.values[bisect.bisect_right(self.cum, rng.random() * self.total)]


def birth_and_admission(rng: random.Random, today: date) -> tuple[date, date]:
    while True:
        age_at_admission = 18 + min(int(rng.expovariate(1 / 7.0)), 41)
        admitted_year = int(today.year - min(rng.expovariate(1 / 14.0), 55))
        birth_year = admitted_year - age_at_admission
        birth = date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
        admitted = date(admitted_year, rng.randint(1, 12), rng.randint(1, 28))
        if rules.add_months(birth, 18 * 12) <= admitted < today - timedelta(days=20):
            return birth, admitted


# --- the demo province through the services --------------------------------------------------
