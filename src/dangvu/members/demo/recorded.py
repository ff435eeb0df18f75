"""The `demo` scale: a few hundred members of the Yên Bái demo province, recorded through
the services, so their histories and the audit log are real."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.core.names import FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization

from .. import rules, services
from .. import timeline as tl
from ..models import EventKind, Member, Transfer
from .profiles import (
    EDUCATION,
    ETHNIC_NORTH,
    OCCUPATIONS,
    POSITIONS,
    PROFESSIONAL,
    RELIGION,
    THEORY,
    Picker,
    birth_and_admission,
)

__all__ = ["members_record"]


def members_record(province: Organization, log: Callable[[str], None]) -> None:
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
    eth, rel, edu = Picker(ETHNIC_NORTH), Picker(RELIGION), Picker(EDUCATION[:2])
    prof, theo = Picker(PROFESSIONAL), Picker(THEORY)
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
        birth, admitted = birth_and_admission(rng, today)
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
