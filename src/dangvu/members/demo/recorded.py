"""The `demo` scale: a few hundred members of the Yên Bái demo province, recorded through
the services, so their histories and the audit log are real.

Each decision names the body that took it on its day, read from the tree through time:
the district committee (or the bloc's) before 1 July 2025, the new commune's since; an
admission older than the tree's records names the body of their first day. Profiles and
dates follow the rules of `profiles.py`."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.core.names import FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import CELL_KINDS, Organization, OrgVersion
from dangvu.orgs.selectors import ancestors_on

from .. import rules, services
from .. import timeline as tl
from ..models import EventKind, Member, Transfer
from .bulk import demo_calendar
from .profiles import ETHNIC_NORTH, RELIGION, PersonMaker, Picker

__all__ = ["deciding_body", "members_record"]


def deciding_body(cell: Organization, on: date) -> OrgVersion:
    """The committee above grassroots the cell was under on `on` (a district, the bloc, a
    commune, a provincial agency), or on its founding day for an earlier date."""
    chain = ancestors_on(cell, max(on, cell.founded_on))
    return next(v for v in reversed(chain) if org_rules.LEVEL.get(v.kind) == 2)


def _decision(rng: random.Random, cell: Organization, on: date) -> str:
    body = deciding_body(cell, on)
    return (
        f"Quyết định số {rng.randint(1, 400)}-QĐ/{body.issuer_code} "
        f"của Ban Thường vụ {body.committee_name}"
    )


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
    eth, rel = Picker(ETHNIC_NORTH), Picker(RELIGION)
    cal = demo_calendar(today, today.year - 55)
    latest = today - timedelta(days=60)
    maker = PersonMaker(cal, today, first_year=today.year - 55, latest=latest, female_share=0.38)
    serial = 0
    members: list[Member] = []

    def profile(female: bool, birth: date, official: bool) -> dict[str, Any]:
        nonlocal serial
        serial += 1
        family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
        middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        name = f"{family} {given}" if family.endswith(" Thị") else f"{family} {middle} {given}"
        education, professional, theory, occupation = maker.profile(rng, birth, female)
        age = rules.age_in_years(birth, today)
        return {
            "full_name": name,
            "sex": "nu" if female else "nam",
            "birth_date": birth,
            "ethnicity": eth(rng),
            "religion": rel(rng),
            "education": education,
            "professional_level": professional,
            "theory_level": theory,
            "occupation": occupation,
            "positions": maker.position(
                rng, female=female, official=official, occupation=occupation, age=age
            ),
            "home_town": f"xã {rng.choice(['Việt Thành', 'Hòa Cuông', 'Đông Cuông', 'Y Can'])}",
            "residence": f"Thôn {rng.randint(1, 9)}, tỉnh Yên Bái",
            "phone": f"09{rng.randint(10000000, 99999999)}",
            "citizen_id": rules.citizen_id_prefix(15, female, birth.year) + f"{serial:06d}",
            "card_number": f"15{serial:06d}",
        }

    def admit(cell: Organization, birth: date, on: date, ceremony: date, female: bool) -> Member:
        official = cal.probation_end(ceremony) <= today - timedelta(days=10)
        return services.member_admit(
            organization=cell,
            admitted_on=on,
            decision=_decision(rng, cell, on),
            actor=SYSTEM,
            ceremony_on=ceremony,
            **profile(female, birth, official),
        )

    # Members of long standing and of recent years, in the cells that existed when admitted
    # (those of the tree's first day for an admission older than its records).
    for _ in range(320):
        person = maker.person(rng)
        day = max(person.admitted, province.founded_on)
        pool = [c for c in cells if c.exists_on(day)]
        cell = rng.choice(pool)
        m = admit(cell, person.birth, person.admitted, person.ceremony, person.female)
        ends = m.probation_ends_on
        if ends is not None and ends <= today - timedelta(days=10):
            services.member_recognize(member=m, decision=_decision(rng, cell, ends), actor=SYSTEM)
        members.append(m)
    # Probationers due and overdue on today's date.
    for months_ago in (11, 12, 13, 14):
        for _ in range(2):
            female = rng.random() < 0.5
            index = cal.index_of(
                rules.add_months(today, -months_ago) - timedelta(days=rng.randint(30, 50))
            )
            on = cal.day(index)
            ceremony = maker.ceremony_for(rng, index)
            birth = maker.birth_for(rng, on)
            members.append(admit(rng.choice(living), birth, on, ceremony, female))
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
    for m in active:
        m.refresh_from_db()
        last = m.events.aggregate(last=Max("on"))["last"]
        if m.organization.exists_on(date(2025, 6, 10)) and last < date(2025, 6, 10):
            break
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
    # Exits and deaths (of members holding no post: a cell's secretary would be replaced).
    for m in rng.sample(active, 24):
        m.refresh_from_db()
        if not m.is_active or m.host_organization_id or m.positions:
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
                decision=_decision(rng, m.organization, day),
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
