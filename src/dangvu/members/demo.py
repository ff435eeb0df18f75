"""Demo members.

`demo`: a few hundred members of the Yên Bái demo province, recorded through the services
(admissions from the 1970s to this year, ceremonies, recognitions, transfers including one
across the 2025 merges, exits, deaths, ratings, badges, probationers due and overdue today,
a temporary transfer past its end), so their histories and the audit log are real.

`province` and `nation`: the same shape of histories generated with a seeded random and
written in large batches (COPY on PostgreSQL, executemany on SQLite), then the statistics
tables rebuilt in set-based SQL: 5.6 million active members at the `nation` scale.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.core.names import FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
from dangvu.core.text import fold
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization, OrgKind, OrgVersion

from . import rules, services
from . import timeline as tl
from .models import EventKind, Member, MembershipEvent, MemberSpan, Transfer
from .services.stats import scope_of, span_scopes

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


def _pick(rng: random.Random, table: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]


class _Picker:
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
        import bisect

        return self.values[bisect.bisect_right(self.cum, rng.random() * self.total)]


def _birth_and_admission(rng: random.Random, today: date) -> tuple[date, date]:
    while True:
        age_at_admission = 18 + min(int(rng.expovariate(1 / 7.0)), 41)
        admitted_year = int(today.year - min(rng.expovariate(1 / 14.0), 55))
        birth_year = admitted_year - age_at_admission
        birth = date(birth_year, rng.randint(1, 12), rng.randint(1, 28))
        admitted = date(admitted_year, rng.randint(1, 12), rng.randint(1, 28))
        if rules.add_months(birth, 18 * 12) <= admitted < today - timedelta(days=20):
            return birth, admitted


# --- the demo province through the services --------------------------------------------------


def _demo(province: Organization, log: Callable[[str], None]) -> None:
    if Member.objects.filter(organization__path__startswith=province.path).exists():
        log("Đảng viên mẫu của tỉnh đã có; không tạo lại.")
        return
    started = time.perf_counter()
    rng = random.Random(2026)
    today = timezone.localdate()
    low, high = paths.subtree_bounds(province.path)
    cells = list(
        Organization.objects.filter(path__gte=low, path__lt=high, kind__in=CELL_KINDS).order_by(
            "path"
        )
    )
    living = [c for c in cells if c.dissolved_on is None]
    eth, rel, edu = _Picker(ETHNIC_NORTH), _Picker(RELIGION), _Picker(EDUCATION[:2])
    prof, theo = _Picker(PROFESSIONAL), _Picker(THEORY)
    serial = 0
    members: list[Member] = []

    def profile(female: bool, birth: date) -> dict[str, Any]:
        nonlocal serial
        serial += 1
        family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
        middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        name = f"{family} {given}" if family.endswith(" Thị") else f"{family} {middle} {given}"
        return {
            "full_name": name,
            "sex": "nu" if female else "nam",
            "birth_date": birth,
            "ethnicity": eth(rng),
            "religion": rel(rng),
            "education": edu(rng),
            "professional_level": prof(rng),
            "theory_level": theo(rng),
            "occupation": rng.choice(OCCUPATIONS),
            "positions": rng.choice(POSITIONS),
            "home_town": f"xã {rng.choice(['Việt Thành', 'Hòa Cuông', 'Đông Cuông', 'Y Can'])}",
            "residence": f"Thôn {rng.randint(1, 9)}, tỉnh Yên Bái",
            "phone": f"09{rng.randint(10000000, 99999999)}",
            "citizen_id": rules.citizen_id_prefix(15, female, birth.year) + f"{serial:06d}",
            "card_number": f"15{serial:06d}",
        }

    def admit(cell: Organization, birth: date, on: date, female: bool, ceremony: bool = True):
        return services.member_admit(
            organization=cell,
            admitted_on=on,
            decision=f"Quyết định số {rng.randint(1, 300)}-QĐ/HU",
            actor=SYSTEM,
            ceremony_on=on + timedelta(days=rng.randint(7, 25)) if ceremony else None,
            **profile(female, birth),
        )

    # Members of long standing and of recent years, in the cells that existed when admitted.
    for _ in range(320):
        female = rng.random() < 0.38
        birth, admitted = _birth_and_admission(rng, today)
        admitted = max(admitted, date(1972, 1, 1))
        pool = [c for c in cells if c.exists_on(max(admitted, c.founded_on))]
        cell = rng.choice(pool)
        if admitted + timedelta(days=40) > today:
            continue
        ceremony_on = admitted + timedelta(days=rng.randint(7, 25))
        if ceremony_on >= today:
            continue
        m = admit(cell, birth, admitted, female)
        if rules.add_months(m.ceremony_on or admitted, 12) <= today - timedelta(days=10):
            services.member_recognize(
                member=m,
                decision="Quyết định công nhận đảng viên chính "
                f"thức số {rng.randint(1, 400)}-QĐ/ĐU",
                actor=SYSTEM,
            )
        members.append(m)
    # Probationers due and overdue on today's date.
    for months_ago in (11, 12, 13, 14):
        for _ in range(2):
            female = rng.random() < 0.5
            on = rules.add_months(today, -months_ago) - timedelta(days=rng.randint(1, 20))
            birth = date(on.year - rng.randint(20, 35), rng.randint(1, 12), rng.randint(1, 28))
            members.append(admit(rng.choice(living), birth, on, female))
    for m in members:
        m.refresh_from_db()
    active = [m for m in members if m.is_active and m.status == tl.OFFICIAL]
    # Transfers between cells before the merges, confirmed by the receiving cell.
    for m in rng.sample(active, 25):
        m.refresh_from_db()
        day = max(m.official_on or m.admitted_on, date(2016, 1, 4)) + timedelta(days=30)
        if day >= date(2025, 6, 1):
            continue
        targets = [c for c in cells if c.exists_on(day) and c.pk != m.organization_id]
        t = services.member_transfer(
            member=m,
            to_org=rng.choice(targets),
            on=day,
            decision=f"Giấy giới thiệu số {rng.randint(1, 99)}",
            actor=SYSTEM,
        )
        services.transfer_confirm(
            transfer=t, on=day + timedelta(days=rng.randint(2, 20)), actor=SYSTEM
        )
    # Across the 2025 merges: a letter issued in June, confirmed in July by the new commune's
    # cell (the cell kept its identity when its commune merged).
    m = next(x for x in active if x.organization.exists_on(date(2025, 6, 10)))
    m.refresh_from_db()
    target = next(c for c in living if c.pk != m.organization_id)
    t = services.member_transfer(
        member=m,
        to_org=target,
        on=date(2025, 6, 10),
        decision="Giấy giới thiệu số 42-GGT/ĐU",
        actor=SYSTEM,
    )
    services.transfer_confirm(transfer=t, on=date(2025, 7, 8), actor=SYSTEM)
    # A temporary transfer past its end date.
    m = rng.choice(
        [
            x
            for x in active
            if x.organization.dissolved_on is None
            and x.official_on
            and x.official_on < today - timedelta(days=400)
        ]
    )
    m.refresh_from_db()
    t = services.member_transfer(
        member=m,
        to_org=next(c for c in living if c.pk != m.organization_id),
        on=today - timedelta(days=200),
        decision="Giấy giới thiệu số 7-GGT/ĐU",
        actor=SYSTEM,
        kind=Transfer.Kind.TEMPORARY,
        until=today - timedelta(days=20),
    )
    services.transfer_confirm(transfer=t, on=today - timedelta(days=195), actor=SYSTEM)
    # Exits and deaths.
    for m in rng.sample(active, 24):
        m.refresh_from_db()
        if not m.is_active or m.host_organization_id:
            continue
        day = min(
            today - timedelta(days=5),
            max(m.official_on or m.admitted_on, date(2020, 1, 1))
            + timedelta(days=rng.randint(30, 1500)),
        )
        if day < (m.official_on or m.admitted_on):
            continue
        if m.birth_date.year < 1960 and rng.random() < 0.6:
            services.member_die(member=m, on=day, decision="Giấy báo tử", actor=SYSTEM)
        else:
            kind = rng.choice([EventKind.LEAVE, EventKind.STRIKE_OFF, EventKind.EXPEL])
            services.member_exit(
                member=m,
                kind=kind,
                on=day,
                decision=f"Quyết định số {rng.randint(1, 99)}-QĐ/ĐU",
                actor=SYSTEM,
            )
    # Ratings for the last two years (some missing for last year), badges reached.
    for m in Member.objects.filter(organization__path__startswith=province.path).order_by("pk"):
        for year in (today.year - 2, today.year - 1):
            if m.admitted_on.year > year or not m.is_active:
                continue
            if year == today.year - 1 and rng.random() < 0.12:
                continue
            try:
                services.member_rate(
                    member=m,
                    year=year,
                    level=rng.choice(["tot", "tot", "tot", "hoan_thanh", "xuat_sac"]),
                    decision=f"Kết luận xếp loại năm {year}",
                    actor=SYSTEM,
                )
            except ValidationError:
                services.member_rate(
                    member=m,
                    year=year,
                    level="tot",
                    decision=f"Kết luận xếp loại năm {year}",
                    actor=SYSTEM,
                )
        if m.is_active and rng.random() < 0.8:
            award = date(today.year - 1, 9, 2)
            years = rules.badge_due(
                m.party_age_from, award, [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90], []
            )
            if years:
                services.badge_award(
                    member=m, years=years, on=award, decision="Quyết định số 15-QĐ/TU", actor=SYSTEM
                )
    log(
        f"Đã ghi {Member.objects.filter(organization__path__startswith=province.path).count()} "
        f"đảng viên mẫu qua các nghiệp vụ trong {time.perf_counter() - started:.0f} giây."
    )


# --- bulk generation ---------------------------------------------------------------------

MEMBER_COLUMNS = [
    "id",
    "full_name",
    "other_names",
    "sex",
    "birth_date",
    "ethnicity",
    "religion",
    "home_town",
    "residence",
    "phone",
    "citizen_id",
    "education",
    "professional_level",
    "theory_level",
    "occupation",
    "positions",
    "card_number",
    "organization_id",
    "host_organization_id",
    "status",
    "exit_kind",
    "admitted_on",
    "ceremony_on",
    "official_on",
    "probation_ends_on",
    "exited_on",
    "readmitted_on",
    "party_age_from",
    "badge_years",
    "search_text",
    "given_key",
    "positions_text",
    "scope",
    "created_at",
]
EVENT_COLUMNS = [
    "id",
    "member_id",
    "kind",
    "on",
    "decision",
    "organization_id",
    "other_org_id",
    "transfer_id",
    "badge_years",
    "rating_year",
    "rating_level",
    "discipline_form",
    "posthumous",
    "reason",
    "annuls_id",
    "note",
    "actor_id",
    "recorded_at",
]
SPAN_COLUMNS = [
    "member_id",
    "organization_id",
    "valid_from",
    "valid_to",
    "status",
    "sex",
    "birth_year",
    "ethnicity",
    "religion",
    "education",
    "theory_level",
    "exempt",
    "scope_from",
    "scope_to",
]
TRANSFER_COLUMNS = [
    "id",
    "member_id",
    "kind",
    "from_org_id",
    "to_org_id",
    "on",
    "decision",
    "until",
    "state",
    "confirmed_on",
    "returned_on",
]


class _Writer:
    """Rows into a table in large batches: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, model: Any, columns: list[str]) -> None:
        self.table = model._meta.db_table
        self.columns = columns
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)
        if len(self.rows) >= 100_000:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        cols = ", ".join(f'"{c}"' for c in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.table} ({cols}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {self.table} ({cols}) VALUES ({marks})", self.rows)
        self.count += len(self.rows)
        self.rows = []


BULK_MODELS = (Member, MembershipEvent, MemberSpan)


def _drop_indexes() -> None:
    """Secondary indexes are rebuilt once after the load: far cheaper than kept row by row."""
    with connection.cursor() as cursor:
        for model in BULK_MODELS:
            for index in model._meta.indexes:
                cursor.execute(f"DROP INDEX IF EXISTS {index.name}")


def _create_indexes(log: Callable[[str], None]) -> None:
    t = time.perf_counter()
    with connection.schema_editor() as editor:
        for model in BULK_MODELS:
            for index in model._meta.indexes:
                editor.add_index(model, index)
    log(f"  chỉ mục: {time.perf_counter() - t:.0f} giây")


def _next_id(model: Any) -> int:
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def _cells_by_province(provinces: list[Organization]) -> Iterator[tuple[Organization, list[int]]]:
    for p in provinces:
        low, high = paths.subtree_bounds(p.path)
        yield (
            p,
            list(
                Organization.objects.filter(
                    path__gte=low, path__lt=high, kind__in=CELL_KINDS, dissolved_on__isnull=True
                ).values_list("pk", flat=True)
            ),
        )


def _bulk(provinces: list[Organization], per_province: int, log: Callable[[str], None]) -> None:
    low, high = paths.subtree_bounds(provinces[0].path)
    if Member.objects.filter(organization__path__gte=low, organization__path__lt=high).exists():
        log("Đảng viên quy mô lớn đã có; không tạo lại.")
        return
    started = time.perf_counter()
    rng = random.Random(2025)
    today = timezone.localdate()
    now = timezone.now()
    probation = 12
    milestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
    members = _Writer(Member, MEMBER_COLUMNS)
    events = _Writer(MembershipEvent, EVENT_COLUMNS)
    spans = _Writer(MemberSpan, SPAN_COLUMNS)
    transfers = _Writer(Transfer, TRANSFER_COLUMNS)
    mid, eid, tid = _next_id(Member), _next_id(MembershipEvent), _next_id(Transfer)
    eth, rel, edu = _Picker(ETHNIC), _Picker(RELIGION), _Picker(EDUCATION)
    prof, theo, rate = _Picker(PROFESSIONAL), _Picker(THEORY), _Picker(RATINGS)
    fam = _Picker([(f, w) for f, w in FAMILY])
    folded: dict[str, str] = {}

    def f(text: str) -> str:
        out = folded.get(text)
        if out is None:
            out = folded[text] = fold(text)
        return out

    last_year = today.year - 1
    award = date(last_year, 9, 2)
    decision = "Quyết định (dữ liệu mẫu)"
    _drop_indexes()
    if connection.vendor == "sqlite":
        # The generator makes consistent rows; checking each foreign key row by row costs
        # more than the insert itself (it is back on for everything else).
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = OFF")
    with transaction.atomic():
        for p_index, (province, cells) in enumerate(_cells_by_province(provinces)):
            if not cells:
                continue
            code = 1 + p_index * 2  # 34 provinces: distinct CCCD province codes 1..67
            low, high = paths.subtree_bounds(province.path)
            versions: dict[int, list[OrgVersion]] = {pk: [] for pk in cells}
            for v in OrgVersion.objects.filter(path__gte=low, path__lt=high):
                if v.organization_id in versions:
                    versions[v.organization_id].append(v)
            scope_now = {
                pk: scope_of(max(vs, key=lambda v: v.valid_from).path) if vs else None
                for pk, vs in versions.items()
            }
            serials: dict[str, int] = {}
            for _ in range(per_province):
                female = rng.random() < 0.4
                birth, admitted = _birth_and_admission(rng, today)
                cell = cells[int(rng.random() * len(cells))]
                family = fam(rng)
                middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
                given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
                name = (
                    f"{family} {given}" if family.endswith(" Thị") else f"{family} {middle} {given}"
                )
                sex = "nu" if female else "nam"
                prefix = rules.citizen_id_prefix(code, female, birth.year)
                serials[prefix] = serials.get(prefix, 0) + 1
                cid = f"{prefix}{serials[prefix]:06d}"
                card = f"{code:02d}{mid:09d}"
                ethnicity, religion, education = eth(rng), rel(rng), edu(rng)
                theory = theo(rng)
                positions = rng.choice(POSITIONS)
                name_f = f(family) + " " + (f(middle) + " " if not family.endswith(" Thị") else "")
                full_f = (name_f + f(given)).strip()
                ends = rules.add_months(admitted, probation)
                status, official = tl.PROBATIONARY, None
                if ends <= today and rng.random() > 0.004:
                    status, official = tl.OFFICIAL, ends
                org, exit_kind, exited = cell, "", None
                timeline: list[tuple[str, date, int, int | None, int | None]] = [
                    (tl.ADMIT, admitted, cell, None, None)
                ]
                if official:
                    timeline.append((tl.RECOGNIZE, official, cell, None, None))
                member_spans: list[tuple[int, date, date | None, str]] = []
                span_start, span_status = admitted, tl.PROBATIONARY
                if official:
                    member_spans.append((cell, admitted, official, tl.PROBATIONARY))
                    span_start, span_status = official, tl.OFFICIAL
                # one official transfer for some, inside the province
                if official and rng.random() < 0.06:
                    out_on = official + timedelta(
                        days=rng.randint(30, max(31, (today - official).days - 30))
                    )
                    if out_on < today - timedelta(days=15):
                        in_on = out_on + timedelta(days=rng.randint(1, 14))
                        target = cells[int(rng.random() * len(cells))]
                        if target != cell:
                            transfers.add(
                                (
                                    tid,
                                    mid,
                                    "chinh_thuc",
                                    cell,
                                    target,
                                    out_on,
                                    "Giấy giới thiệu (dữ liệu mẫu)",
                                    None,
                                    Transfer.State.CONFIRMED,
                                    in_on,
                                    None,
                                )
                            )
                            timeline.append((tl.TRANSFER_OUT, out_on, cell, target, tid))
                            timeline.append((tl.TRANSFER_IN, in_on, target, cell, tid))
                            member_spans.append((cell, span_start, in_on, span_status))
                            span_start, org = in_on, target
                            tid += 1
                roll = rng.random()
                age_now = today.year - birth.year
                if official and (roll < 0.03 or (age_now > 75 and roll < 0.15)):
                    last = max(d for _, d, *_ in timeline)
                    day = last + timedelta(days=rng.randint(1, max(2, (today - last).days - 1)))
                    if day < today:
                        kind = (
                            tl.DEATH
                            if age_now > 60 and rng.random() < 0.7
                            else rng.choice([tl.LEAVE, tl.STRIKE_OFF, tl.STRIKE_OFF, tl.EXPEL])
                        )
                        timeline.append((kind, day, org, None, None))
                        member_spans.append((org, span_start, day, span_status))
                        span_start = None  # type: ignore[assignment]
                        status = tl.DECEASED if kind == tl.DEATH else tl.EXITED
                        exit_kind = "" if kind == tl.DEATH else kind
                        exited = day
                if span_start is not None:
                    member_spans.append((org, span_start, None, span_status))
                badge = 0
                active = status in tl.ACTIVE
                if active:
                    if admitted.year <= last_year and rng.random() < 0.95:
                        timeline.append((tl.RATING, date(last_year, 12, 31), org, None, None))
                    reached = rules.badge_due(admitted, award, milestones, [])
                    if reached and rng.random() < 0.9:
                        badge = reached
                        timeline.append((tl.BADGE, award, org, None, None))
                for kind, on, where, other, transfer in timeline:
                    events.add(
                        (
                            eid,
                            mid,
                            kind,
                            on,
                            decision,
                            where,
                            other,
                            transfer,
                            badge if kind == tl.BADGE else None,
                            last_year if kind == tl.RATING else None,
                            rate(rng) if kind == tl.RATING else "",
                            "",
                            False,
                            "",
                            None,
                            "",
                            None,
                            now,
                        )
                    )
                    eid += 1
                birth_year = birth.year
                for where, vf, vt, st in member_spans:
                    spans.add(
                        (
                            mid,
                            where,
                            vf,
                            vt,
                            st,
                            sex,
                            birth_year,
                            ethnicity,
                            religion,
                            education,
                            theory,
                            False,  # the demo's members are not exempt
                            *span_scopes(versions[where], vf, vt),
                        )
                    )
                members.add(
                    (
                        mid,
                        name,
                        "",
                        sex,
                        birth,
                        ethnicity,
                        religion,
                        "",
                        "",
                        "",
                        cid,
                        education,
                        prof(rng),
                        theory,
                        rng.choice(OCCUPATIONS),
                        positions,
                        card,
                        org,
                        None,
                        status,
                        exit_kind,
                        admitted,
                        None,
                        official,
                        ends if status == tl.PROBATIONARY else None,
                        exited,
                        None,
                        admitted,
                        badge,
                        f"{full_f} {card}",
                        f"{f(given)} {name_f.strip()}".strip(),
                        f(positions),
                        scope_now[org],
                        now,
                    )
                )
                mid += 1
            for w in (members, transfers, events, spans):
                w.flush()
            log(
                f"  {province.name}: {members.count:,} đảng viên, {events.count:,} sự kiện "
                f"({time.perf_counter() - started:.0f} giây)"
            )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys = ON")
    _create_indexes(log)
    _reset_sequences()
    log(
        f"Đã ghi {members.count:,} đảng viên, {events.count:,} sự kiện, {spans.count:,} giai "
        f"đoạn sinh hoạt trong {time.perf_counter() - started:.0f} giây; đang tổng hợp số liệu…"
    )
    t = time.perf_counter()
    services.counters_rebuild()
    log(f"  số liệu hôm nay: {time.perf_counter() - t:.0f} giây")
    t = time.perf_counter()
    services.snapshots_rebuild(first_month=date(2025, 7, 1))
    services.mark_tree_followed()
    log(f"  số liệu đầu tháng: {time.perf_counter() - t:.0f} giây")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the bulk-loaded organizations too
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    log(f"Xong đảng viên quy mô lớn sau {time.perf_counter() - started:.0f} giây.")


def _reset_sequences() -> None:
    from django.core.management.color import no_style

    sql = connection.ops.sequence_reset_sql(no_style(), [Member, MembershipEvent, Transfer])
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def populate(scale: str, log: Callable[[str], None], context: dict[str, Any]) -> None:
    province = context.get("province")
    if province is None:
        return
    if scale == "demo":
        _demo(province, log)
        services.snapshots_rebuild()
        services.mark_tree_followed()
        return
    provinces = list(
        Organization.objects.filter(
            kind=OrgKind.PROVINCE, dissolved_on__isnull=True, parent_id=province.parent_id
        ).order_by("path")
    )
    if scale == "province":
        provinces = [province]
    per_province = 5_600_000 // 34 + 6_000  # the exits and deaths are on top of the active
    _bulk(provinces, per_province, log)
