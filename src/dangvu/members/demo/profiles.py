"""The people and dates of generated members, after the domain's rules and real proportions.

Both demos draw from here (the recorded one through the services, the bulk builder in
batches), so both follow the same rules:

- an admission decision falls on a working day (no weekend, no public holiday of the
  rules), spread over the years (more in recent ones) and the days of each year; the
  applicant is from a full 18 to a full 60 years old that day (the rules' limits, in
  months); the ceremony is held within 30 working days of the decision; the probation is
  the rules' 12 months from the ceremony;
- occupation follows age and sex (students are young, pensioners past the retirement age,
  officials and teachers below it), the professional level follows the occupation (a
  doctor has a degree, a farmer rarely), the general education is at least lower-secondary
  and upper-secondary for any college degree; the political-theory level follows the
  occupation, age and degree (cao cấp and cử nhân need a university degree);
- positions follow sex, age and status (the women's union head is a woman, a committee
  member is an official member, a student holds no village post).

`OCCUPATIONS` is the table of these facts; members/tests/test_demo.py checks generated data
against the rules themselves, not against this table.
"""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta
from typing import NamedTuple

from .. import rules

__all__ = [
    "EDUCATION",
    "ETHNIC_HIGHLANDS",
    "ETHNIC_MEKONG",
    "ETHNIC_NORTH",
    "ETHNIC_PLAINS",
    "OCCUPATIONS",
    "PROFESSIONAL",
    "RATINGS",
    "RELIGION",
    "Calendar",
    "Occupation",
    "Person",
    "PersonMaker",
    "Picker",
    "age_on",
    "ethnic_of",
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
# The bulk provinces' ethnic mix by region (the demo's Yên Bái is ETHNIC_NORTH): no Khmer
# member in Hà Nội, no Ê Đê one in Cà Mau.
ETHNIC_HIGHLANDS = [
    ("Kinh", 740),
    ("Gia Rai", 80),
    ("Ê Đê", 70),
    ("Ba Na", 40),
    ("Cơ Ho", 30),
    ("Mnông", 20),
    ("Tày", 10),
    ("Nùng", 10),
]
ETHNIC_MEKONG = [("Kinh", 900), ("Khmer", 80), ("Hoa", 15), ("Chăm", 5)]
ETHNIC_PLAINS = [
    ("Kinh", 930),
    ("Mường", 25),
    ("Thái", 20),
    ("Tày", 8),
    ("Nùng", 7),
    ("Hoa", 5),
    ("Chăm", 5),
]
REGIONS = {
    **dict.fromkeys(
        [
            "Lai Châu",
            "Điện Biên",
            "Sơn La",
            "Lạng Sơn",
            "Cao Bằng",
            "Tuyên Quang",
            "Lào Cai",
            "Thái Nguyên",
            "Phú Thọ",
        ],
        ETHNIC_NORTH,
    ),
    **dict.fromkeys(["Gia Lai", "Đắk Lắk", "Lâm Đồng"], ETHNIC_HIGHLANDS),
    **dict.fromkeys(
        ["Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang", "Tây Ninh"], ETHNIC_MEKONG
    ),
}


def ethnic_of(province_name: str) -> list[tuple[str, int]]:
    """The ethnic mix of a province by its name (Đảng bộ tỉnh Cà Mau): its region's."""
    return next(
        (table for place, table in REGIONS.items() if province_name.endswith(f" {place}")),
        ETHNIC_PLAINS,
    )


RELIGION = [
    ("Không", 955),
    ("Phật giáo", 25),
    ("Công giáo", 15),
    ("Tin lành", 3),
    ("Cao Đài", 1),
    ("Phật giáo Hòa Hảo", 1),
]
# At least lower-secondary school: the admission rule (member_admit refuses less).
EDUCATION = [("thpt", 850), ("thcs", 150)]
PROFESSIONAL = [
    ("khong", 180),
    ("so_cap", 60),
    ("trung_cap", 170),
    ("cao_dang", 90),
    ("dai_hoc", 400),
    ("thac_si", 90),
    ("tien_si", 10),
]
RATINGS = [("tot", 700), ("hoan_thanh", 170), ("xuat_sac", 110), ("khong_hoan_thanh", 20)]

# The levels a lower-secondary school leaver may hold (a college or university degree
# needs upper-secondary school).
AFTER_LOWER_SECONDARY = frozenset({"khong", "so_cap", "trung_cap"})
DEGREES = frozenset({"dai_hoc", "thac_si", "tien_si"})

# Age bands of the weights below: ≤ 24, 25–34, 35–44, 45–54, 55 to retirement, retired.
BANDS = (24, 34, 44, 54)
RETIREMENT_AGE = {False: 61, True: 57}  # men, women: the 2019 Labour Code's ages in 2026


class Occupation(NamedTuple):
    name: str
    min_age: int  # the youngest who holds it (a doctor studies six years)
    by_band: tuple[int, int, int, int, int, int]  # weight in each age band
    upper_secondary: int  # per mille with upper-secondary school (the rest lower-secondary)
    professional: tuple[tuple[str, int], ...]
    theory: str  # which theory table: "cadre", "worker", "student", "retired"


OCCUPATIONS = [
    Occupation(
        "Sinh viên", 18, (300, 0, 0, 0, 0, 0), 1000, (("khong", 85), ("cao_dang", 15)), "student"
    ),
    Occupation(
        "Nông dân",
        18,
        (180, 200, 260, 280, 300, 220),
        450,
        (("khong", 75), ("so_cap", 20), ("trung_cap", 5)),
        "worker",
    ),
    Occupation(
        "Công nhân",
        18,
        (220, 190, 130, 100, 60, 0),
        700,
        (("khong", 35), ("so_cap", 35), ("trung_cap", 25), ("cao_dang", 5)),
        "worker",
    ),
    Occupation(
        "Công chức",
        22,
        (40, 150, 170, 170, 160, 0),
        1000,
        (("trung_cap", 8), ("cao_dang", 5), ("dai_hoc", 67), ("thac_si", 18), ("tien_si", 2)),
        "cadre",
    ),
    Occupation(
        "Viên chức",
        22,
        (50, 120, 120, 110, 100, 0),
        1000,
        (("trung_cap", 15), ("cao_dang", 15), ("dai_hoc", 55), ("thac_si", 13), ("tien_si", 2)),
        "cadre",
    ),
    Occupation(
        "Giáo viên",
        21,
        (60, 120, 120, 110, 100, 0),
        1000,
        (("cao_dang", 22), ("dai_hoc", 62), ("thac_si", 15), ("tien_si", 1)),
        "cadre",
    ),
    Occupation(
        "Bác sĩ",
        24,
        (0, 40, 50, 50, 40, 0),
        1000,
        (("dai_hoc", 60), ("thac_si", 30), ("tien_si", 10)),
        "cadre",
    ),
    Occupation(
        "Kinh doanh",
        20,
        (40, 100, 100, 100, 110, 60),
        800,
        (("khong", 40), ("so_cap", 10), ("trung_cap", 20), ("cao_dang", 10), ("dai_hoc", 20)),
        "worker",
    ),
    Occupation(
        "Bộ đội xuất ngũ",
        20,
        (110, 75, 50, 80, 130, 90),
        700,
        (("khong", 60), ("so_cap", 25), ("trung_cap", 15)),
        "worker",
    ),
    Occupation(
        "Hưu trí",
        50,
        (0, 0, 0, 0, 0, 630),
        700,
        (
            ("khong", 30),
            ("so_cap", 10),
            ("trung_cap", 25),
            ("cao_dang", 10),
            ("dai_hoc", 22),
            ("thac_si", 3),
        ),
        "retired",
    ),
]
# The political-theory level by kind of occupation; cao cấp and cử nhân only with a degree.
THEORY = {
    "student": (("khong", 55), ("so_cap", 45)),
    "worker": (("khong", 45), ("so_cap", 47), ("trung_cap", 8)),
    "cadre": (("so_cap", 30), ("trung_cap", 45), ("cao_cap", 21), ("cu_nhan", 4)),
    "retired": (("khong", 25), ("so_cap", 35), ("trung_cap", 28), ("cao_cap", 12)),
}
# Positions: (name, weight, who may hold it). "" holds no position.
POSITIONS = [
    ("", 700, ""),
    ("Trưởng thôn", 50, "villager"),
    ("Bí thư chi bộ", 50, "official"),
    ("Phó Bí thư chi bộ", 50, "official"),
    ("Cấp ủy viên", 50, "official"),
    ("Chi hội trưởng phụ nữ", 50, "woman"),
    ("Công an viên", 50, "villager"),
]
COMMITTEE_POSITIONS = frozenset(n for n, _, who in POSITIONS if who == "official")


class Picker:
    """Weighted choice by a precomputed cumulative table: fast enough for millions."""

    def __init__(self, table: list[tuple[str, int]] | tuple[tuple[str, int], ...]) -> None:
        self.values = [v for v, _ in table]
        self.cum = []
        total = 0
        for _, w in table:
            total += w
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> str:
        return self.values[bisect.bisect_right(self.cum, rng.random() * self.total)]


class Calendar:
    """The working days from `first_year` to `last` (Saturday, Sunday and the rules'
    holidays left out), as ordinals, and the rules' limits and probation."""

    def __init__(
        self,
        first_year: int,
        last: date,
        holidays: frozenset[date],
        *,
        min_age_months: int,
        max_age_months: int,
        probation_months: int,
    ) -> None:
        self.last = last
        self.min_age_months, self.max_age_months = min_age_months, max_age_months
        self.probation_months = probation_months
        start, end = date(first_year, 1, 1).toordinal(), last.toordinal()
        self.days = [
            d
            for d in range(start, end + 1)
            if (d + 6) % 7 < 5 and date.fromordinal(d) not in holidays  # Monday is 1 % 7
        ]
        self.year_start = {
            y: bisect.bisect_left(self.days, date(y, 1, 1).toordinal())
            for y in range(first_year, last.year + 2)
        }
        self._after: dict[int, date] = {}

    def index_of(self, d: date) -> int:
        """The index of the first working day on or after `d`."""
        return bisect.bisect_left(self.days, d.toordinal())

    def day(self, index: int) -> date:
        return date.fromordinal(self.days[index])

    def probation_end(self, ceremony: date) -> date:
        out = self._after.get(ceremony.toordinal())
        if out is None:
            out = self._after[ceremony.toordinal()] = rules.add_months(
                ceremony, self.probation_months
            )
        return out


def age_on(birth: date, on: date) -> int:
    """Full years of age (a 29 February birthday counts on 1 March)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


class Person(NamedTuple):
    female: bool
    birth: date
    admitted: date
    ceremony: date
    education: str
    professional: str
    theory: str
    occupation: str
    age: int  # today


class PersonMaker:
    """Draws members: their admission (a working day of a year weighted towards recent
    ones, `latest` at the latest), the age they had then, the ceremony, then the profile
    that fits the age they have today."""

    def __init__(
        self,
        calendar: Calendar,
        today: date,
        *,
        first_year: int,
        latest: date,
        female_share: float = 0.4,
    ) -> None:
        self.cal = calendar
        self.today = today
        self.first_year = first_year
        self.latest = calendar.index_of(latest)
        self.female_share = female_share
        # The age limits in days, a few inside the limits in months whatever the leap years.
        self.min_days = calendar.min_age_months * 366 // 12 + 1
        self.max_days = calendar.max_age_months * 365 // 12 - 31
        self._by_band: dict[tuple[int, int], Picker] = {}
        self._occupations = {o.name: o for o in OCCUPATIONS}
        self._professional: dict[tuple[str, bool], Picker] = {}
        self._theory: dict[tuple[str, bool, bool], Picker] = {}
        self._positions: dict[tuple[bool, bool, bool], Picker] = {}

    # --- dates ------------------------------------------------------------------------

    def admission_index(self, rng: random.Random) -> int:
        """A working day: the years weighted by exp(-age/28) over 55 years (some 3.5 % of
        today's members joined in each recent year, fewer of the older years' are still
        here; a draw beyond the 55 years is drawn again, not piled on the first), uniform
        within a year; days after `latest` are drawn again (so this year is no denser)."""
        cal, span = self.cal, self.cal.last.year - self.first_year
        while True:
            back = rng.expovariate(1 / 28.0)
            if back >= span + 1:
                continue
            year = cal.last.year - int(back)
            low, high = cal.year_start[year], cal.year_start[year + 1]
            index = low + int(rng.random() * (high - low))
            if index <= self.latest and index < high:
                return index

    def birth_for(self, rng: random.Random, admitted: date) -> date:
        """A birth date giving an age at admission within the rules: most join young."""
        years = 18 + min(rng.expovariate(1 / 7.0), 42.0)
        days = min(max(int(years * 365.2425), self.min_days), self.max_days)
        return admitted - timedelta(days=days)

    def ceremony_for(self, rng: random.Random, admitted_index: int) -> date:
        """The admission ceremony: 5 to 30 working days after the decision."""
        last = len(self.cal.days) - 1
        return self.cal.day(min(admitted_index + 5 + int(rng.random() * 26), last))

    # --- the profile ------------------------------------------------------------------

    def occupation(self, rng: random.Random, age: int, female: bool) -> Occupation:
        band = 5 if age >= RETIREMENT_AGE[female] else bisect.bisect_left(BANDS, age)
        key = (band, min(age, 25))
        picker = self._by_band.get(key)
        if picker is None:
            table = [
                (o.name, o.by_band[band])
                for o in OCCUPATIONS
                if o.by_band[band] and o.min_age <= age
            ]
            picker = self._by_band[key] = Picker(table)
        return self._occupations[picker(rng)]

    def profile(self, rng: random.Random, birth: date, female: bool) -> tuple[str, str, str, str]:
        """Education, professional level, theory level and occupation for today's age."""
        age = age_on(birth, self.today)
        occupation = self.occupation(rng, age, female)
        upper = rng.random() * 1000 < occupation.upper_secondary
        key = (occupation.name, upper)
        prof = self._professional.get(key)
        if prof is None:
            table = [
                (level, w)
                for level, w in occupation.professional
                if upper or level in AFTER_LOWER_SECONDARY
            ]
            prof = self._professional[key] = Picker(table)
        professional = prof(rng)
        # cao cấp and cử nhân need a degree and years of work; trung cấp is not for the young
        senior, grown = professional in DEGREES and age >= 27, age >= 25
        theory_key = (occupation.theory, senior, grown)
        theo = self._theory.get(theory_key)
        if theo is None:
            table = [
                (level, w)
                for level, w in THEORY[occupation.theory]
                if (senior or level not in ("cao_cap", "cu_nhan"))
                and (grown or level != "trung_cap")
            ]
            theo = self._theory[theory_key] = Picker(table)
        return ("thpt" if upper else "thcs"), professional, theo(rng), occupation.name

    def person(self, rng: random.Random) -> Person:
        """A member; one who would be past 95 today is drawn again (they are few)."""
        while True:
            index = self.admission_index(rng)
            admitted = self.cal.day(index)
            birth = self.birth_for(rng, admitted)
            age = age_on(birth, self.today)
            if age <= 95:
                break
        female = rng.random() < self.female_share
        education, professional, theory, occupation = self.profile(rng, birth, female)
        ceremony = self.ceremony_for(rng, index)
        return Person(
            female, birth, admitted, ceremony, education, professional, theory, occupation, age
        )

    def position(
        self, rng: random.Random, *, female: bool, official: bool, occupation: str, age: int
    ) -> str:
        villager = occupation not in ("Sinh viên", "Hưu trí") and 25 <= age <= 65
        key = (female, official, villager)
        picker = self._positions.get(key)
        if picker is None:
            allowed = {
                "": True,
                "villager": villager,
                "official": official and villager,
                "woman": female and villager,
            }
            picker = self._positions[key] = Picker(
                [(name, w) for name, w, who in POSITIONS if allowed[who]]
            )
        return picker(rng)
