"""The `province` and `nation` scales: histories generated with a seeded random and written
in large batches (COPY on PostgreSQL, executemany on SQLite), then the statistics tables
rebuilt in set-based SQL.

The load is one transaction. The secondary indexes of the tables it fills (and, on
PostgreSQL, their foreign keys, checked row by row otherwise) are dropped first and made
again once at the end; SQLite writes without its journal on disk and with a large page
cache meanwhile (the settings of the connection are put back after)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from dangvu.core.names import FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
from dangvu.core.text import fold
from dangvu.orgs import paths
from dangvu.orgs import rules as org_rules
from dangvu.orgs.models import CELL_KINDS, Organization, OrgKind, OrgVersion

from .. import rules, services
from .. import timeline as tl
from ..models import Member, MembershipEvent, MemberSpan, RuleName, Transfer
from ..selectors.rules import holidays, rule_value
from ..services.profile import PROFILE_FIELDS, name_order
from ..services.stats import SPAN_ROW_FIELDS, scope_of, span_scopes
from .loading import Dates, Writer, loading, next_id, reset_sequences, sqlite_fast, took
from .profiles import RATINGS, RELIGION, Calendar, PersonMaker, Picker, ethnic_of

__all__ = ["demo_calendar", "members_bulk"]

REFORM_DAY = date(2025, 7, 1)  # districts dissolved: communes decide admissions from then

MEMBER_COLUMNS = [
    "id",
    *PROFILE_FIELDS,  # the rows below carry the profile in this order
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
    "name_order",
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
    *SPAN_ROW_FIELDS,  # the rows below carry a span in this order
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


def _cells_by_province(
    provinces: list[Organization],
) -> Iterator[tuple[Organization, list[int], dict[int, list[OrgVersion]], dict[int, OrgVersion]]]:
    """Each province's living cells, their versions, and for each the version of the
    committee above grassroots it is under today (its commune, or the provincial agency)."""
    for p in provinces:
        low, high = paths.subtree_bounds(p.path)
        cells = list(
            Organization.objects.filter(
                path__gte=low, path__lt=high, kind__in=CELL_KINDS, dissolved_on__isnull=True
            ).values_list("pk", flat=True)
        )
        versions: dict[int, list[OrgVersion]] = {pk: [] for pk in cells}
        above: dict[int, OrgVersion] = {}
        for v in OrgVersion.objects.filter(path__gte=low, path__lt=high, valid_to__isnull=True):
            if v.organization_id in versions:
                versions[v.organization_id].append(v)
            elif org_rules.LEVEL.get(v.kind) == 2:
                above[v.organization_id] = v
        for v in OrgVersion.objects.filter(
            path__gte=low, path__lt=high, valid_to__isnull=False, organization_id__in=cells
        ):
            versions[v.organization_id].append(v)
        deciders = {}
        for pk, vs in versions.items():
            latest = max(vs, key=lambda v: v.valid_from)
            deciders[pk] = next(above[i] for i in reversed(paths.ids_of(latest.path)) if i in above)
        yield p, cells, versions, deciders


class _Decisions:
    """The decision of an admission, a recognition or an exit on a day: by the district's
    committee (the bloc's, for the provincial agencies' cells) before 1 July 2025, which
    this tree does not hold, by the standing committee of the cell's commune (or agency)
    since."""

    BEFORE = {
        issuer: [f"Quyết định số {n}-QĐ/{issuer}" for n in range(1, 400)]
        for issuer in ("HU", "ĐUK")
    }

    def __init__(self, rng: random.Random, deciders: dict[int, OrgVersion]) -> None:
        self.random = rng.random
        self.before = {
            pk: self.BEFORE["ĐUK" if v.kind == OrgKind.PROVINCIAL_AGENCY else "HU"]
            for pk, v in deciders.items()
        }
        self.committee = {pk: v.committee_name for pk, v in deciders.items()}
        self.number = 0

    def __call__(self, cell: int, on: date) -> str:
        if on < REFORM_DAY:
            pool = self.before[cell]
            return pool[int(self.random() * len(pool))]
        self.number += 1
        number, body = self.number % 900 + 1, self.committee[cell]
        return f"Quyết định số {number}-QĐ/ĐU của Ban Thường vụ {body}"


def demo_calendar(today: date, first_year: int) -> Calendar:
    """The working days and the admission rules of today, read once."""
    return Calendar(
        first_year,
        today,
        holidays(range(first_year, today.year + 1), today),
        min_age_months=rule_value(RuleName.ADMISSION_MIN_AGE_MONTHS, today),
        max_age_months=rule_value(RuleName.ADMISSION_MAX_AGE_MONTHS, today),
        probation_months=rule_value(RuleName.PROBATION_MONTHS, today),
    )


def members_bulk(
    provinces: list[Organization], per_province: int, log: Callable[[str], None]
) -> None:
    low, high = paths.subtree_bounds(provinces[0].path)
    if Member.objects.filter(organization__path__gte=low, organization__path__lt=high).exists():
        log("Đảng viên quy mô lớn đã có; không tạo lại.")
        return
    started, started_cpu = time.perf_counter(), time.process_time()
    with sqlite_fast():
        with loading(log):
            counts = _generate(provinces, per_province, log, started, started_cpu)
        reset_sequences()
        log(
            f"Đã ghi {counts[0]:,} đảng viên, {counts[1]:,} sự kiện, {counts[2]:,} giai "
            f"đoạn sinh hoạt trong {took(started, started_cpu)}; đang tổng hợp số liệu…"
        )
        t, cpu = time.perf_counter(), time.process_time()
        services.counters_rebuild()
        log(f"  số liệu hôm nay: {took(t, cpu)}")
        t, cpu = time.perf_counter(), time.process_time()
        services.snapshots_rebuild(first_month=REFORM_DAY)
        services.mark_tree_followed()
        log(f"  số liệu đầu tháng: {took(t, cpu)}")
        t, cpu = time.perf_counter(), time.process_time()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the bulk-loaded organizations too
        log(f"  ANALYZE: {took(t, cpu)}")
    log(f"Xong đảng viên quy mô lớn sau {took(started, started_cpu)}.")


def _generate(
    provinces: list[Organization],
    per_province: int,
    log: Callable[[str], None],
    started: float,
    started_cpu: float,
) -> tuple[int, int, int]:
    rng = random.Random(2025)
    today = timezone.localdate()
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    cal = demo_calendar(today, today.year - 55)
    maker = PersonMaker(cal, today, first_year=today.year - 55, latest=today - timedelta(days=45))
    milestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]
    members = Writer(Member, MEMBER_COLUMNS)
    events = Writer(MembershipEvent, EVENT_COLUMNS)
    spans = Writer(MemberSpan, SPAN_COLUMNS)
    transfers = Writer(Transfer, TRANSFER_COLUMNS)
    add_member, add_event, add_span = members.add, events.add, spans.add
    mid, eid, tid = next_id(Member), next_id(MembershipEvent), next_id(Transfer)
    rel, rate = Picker(RELIGION), Picker(RATINGS)
    fam = Picker([(f, w) for f, w in FAMILY])
    random_ = rng.random
    iso = Dates()
    prefixes: dict[tuple[int, bool, int], str] = {}
    middles = {False: MIDDLE_MALE, True: MIDDLE_FEMALE}
    givens = {False: GIVEN_MALE, True: GIVEN_FEMALE}
    folded: dict[str, str] = {}

    def f(text: str) -> str:
        out = folded.get(text)
        if out is None:
            out = folded[text] = fold(text)
        return out

    ordered: dict[str, str] = {}

    def order_of(full_name: str) -> str:
        out = ordered.get(full_name)
        if out is None:
            family_middle, _, given = full_name.rpartition(" ")
            out = ordered[full_name] = name_order(given, family_middle)
        return out

    badges: dict[date, int] = {}
    last_year = today.year - 1
    award = date(last_year, 9, 2)
    rated_on = date(last_year, 12, 31)
    rating_note = f"Kết luận xếp loại chất lượng đảng viên năm {last_year}"
    badge_decisions = [f"Quyết định số {n}-QĐ/TU về tặng Huy hiệu Đảng" for n in range(1, 60)]
    transfer_letters = [f"Giấy giới thiệu số {n}-GGT/ĐU" for n in range(1, 200)]
    death_note = "Giấy báo tử"
    for p_index, (province, cells, versions, deciders) in enumerate(_cells_by_province(provinces)):
        if not cells:
            continue
        code = 1 + p_index * 2  # 34 provinces: distinct CCCD province codes 1..67
        eth = Picker(ethnic_of(province.name))
        scope_now = {
            pk: scope_of(max(vs, key=lambda v: v.valid_from).path) if vs else None
            for pk, vs in versions.items()
        }
        # A cell with one open version (every cell of the bulk tree): its span scopes inline.
        single = {
            pk: (vs[0].valid_from, scope_now[pk])
            for pk, vs in versions.items()
            if len(vs) == 1 and vs[0].valid_to is None
        }
        decided = _Decisions(rng, deciders)
        serials: dict[str, int] = {}
        n_cells = len(cells)
        for _ in range(per_province):
            person = maker.person(rng)
            female, birth, admitted, ceremony = person[0], person[1], person[2], person[3]
            education, professional, theory, occupation, age_now = person[4:9]
            cell = cells[int(random_() * n_cells)]
            family = fam(rng)
            pool = middles[female]
            middle = pool[int(random_() * len(pool))]
            pool = givens[female]
            given = pool[int(random_() * len(pool))]
            thi = family.endswith(" Thị")
            name = f"{family} {given}" if thi else f"{family} {middle} {given}"
            sex = "nu" if female else "nam"
            birth_year = birth.year
            prefix = prefixes.get((code, female, birth_year))
            if prefix is None:
                prefix = prefixes[(code, female, birth_year)] = rules.citizen_id_prefix(
                    code, female, birth_year
                )
            serials[prefix] = serial = serials.get(prefix, 0) + 1
            cid = f"{prefix}{serial:06d}"
            card = f"{code:02d}{mid:09d}"
            ethnicity, religion = eth(rng), rel(rng)
            name_f = f(family) + " " + (f(middle) + " " if not thi else "")
            full_f = (name_f + f(given)).strip()
            ends = cal.probation_end(ceremony)
            status, official = tl.PROBATIONARY, None
            # recognized from the day the 12 months end; a few of the last months not yet
            if ends <= today and (ends < today - timedelta(days=180) or random_() > 0.05):
                status, official = tl.OFFICIAL, ends
            org, exit_kind, exited = cell, "", None
            admission = decided(cell, admitted)
            timeline: list[tuple[str, date, int, int | None, int | None, str]] = [
                (tl.ADMIT, admitted, cell, None, None, admission),
                (tl.CEREMONY, ceremony, cell, None, None, admission),
            ]
            if official:
                timeline.append((tl.RECOGNIZE, official, cell, None, None, decided(cell, official)))
            member_spans: list[tuple[int, date, date | None, str]] = []
            span_start, span_status = admitted, tl.PROBATIONARY
            if official:
                member_spans.append((cell, admitted, official, tl.PROBATIONARY))
                span_start, span_status = official, tl.OFFICIAL
            # one official transfer for some, inside the province
            if official and random_() < 0.06:
                out_on = official + timedelta(
                    days=rng.randint(30, max(31, (today - official).days - 30))
                )
                if out_on < today - timedelta(days=15):
                    in_on = out_on + timedelta(days=1 + int(random_() * 14))
                    target = cells[int(random_() * n_cells)]
                    if target != cell:
                        letter = transfer_letters[int(random_() * len(transfer_letters))]
                        transfers.add(
                            (
                                tid,
                                mid,
                                "chinh_thuc",
                                cell,
                                target,
                                out_on,
                                letter,
                                None,
                                Transfer.State.CONFIRMED,
                                in_on,
                                None,
                            )
                        )
                        timeline.append((tl.TRANSFER_OUT, out_on, cell, target, tid, letter))
                        timeline.append((tl.TRANSFER_IN, in_on, target, cell, tid, letter))
                        member_spans.append((cell, span_start, in_on, span_status))
                        span_start, org = in_on, target
                        tid += 1
            roll = random_()
            if official and (roll < 0.03 or (age_now > 75 and roll < 0.15)):
                last = max(e[1] for e in timeline)
                day = last + timedelta(days=rng.randint(1, max(2, (today - last).days - 1)))
                if day < today:
                    kind = (
                        tl.DEATH
                        if age_now > 60 and random_() < 0.7
                        else rng.choice([tl.LEAVE, tl.STRIKE_OFF, tl.STRIKE_OFF, tl.EXPEL])
                    )
                    note = death_note if kind == tl.DEATH else decided(org, day)
                    timeline.append((kind, day, org, None, None, note))
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
                if admitted.year <= last_year and random_() < 0.95:
                    timeline.append((tl.RATING, rated_on, org, None, None, rating_note))
                reached = badges.get(admitted)
                if reached is None:
                    reached = badges[admitted] = (
                        rules.badge_due(admitted, award, milestones, []) or 0
                    )
                if reached and random_() < 0.9:
                    badge = reached
                    pool = badge_decisions
                    timeline.append(
                        (tl.BADGE, award, org, None, None, pool[int(random_() * len(pool))])
                    )
            for kind, on, where, other, transfer, decision in timeline:
                add_event(
                    (
                        eid,
                        mid,
                        kind,
                        iso[on],
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
            for where, vf, vt, st in member_spans:
                one = single.get(where)
                if one is None:
                    scopes = span_scopes(versions[where], vf, vt)
                else:
                    begins, scope = one
                    scopes = (
                        scope if vf >= begins else None,
                        scope if vt is not None and vt > begins else None,
                    )
                add_span(
                    (
                        mid,
                        where,
                        iso[vf],
                        None if vt is None else iso[vt],
                        st,
                        sex,
                        birth_year,
                        ethnicity,
                        religion,
                        education,
                        theory,
                        False,  # the demo's members are not exempt
                        *scopes,
                    )
                )
            positions = (
                maker.position(
                    rng,
                    female=female,
                    official=status == tl.OFFICIAL,
                    occupation=occupation,
                    age=age_now,
                )
                if active
                else ""
            )
            add_member(
                (
                    mid,
                    name,
                    "",
                    sex,
                    iso[birth],
                    ethnicity,
                    religion,
                    "",
                    "",
                    "",
                    cid,
                    education,
                    professional,
                    theory,
                    occupation,
                    positions,
                    card,
                    org,
                    None,
                    status,
                    exit_kind,
                    iso[admitted],
                    iso[ceremony],
                    None if official is None else iso[official],
                    iso[ends] if status == tl.PROBATIONARY else None,
                    None if exited is None else iso[exited],
                    None,
                    iso[admitted],
                    badge,
                    f"{full_f} {card}",
                    f"{f(given)} {name_f.strip()}".strip(),
                    order_of(name),
                    f(positions),
                    scope_now[org],
                    now,
                )
            )
            mid += 1
            if len(events.rows) >= 200_000:
                for w in (members, transfers, events, spans):
                    w.flush()
        for w in (members, transfers, events, spans):
            w.flush()
        log(
            f"  {province.name}: {members.count:,} đảng viên, {events.count:,} sự kiện "
            f"({took(started, started_cpu)})"
        )
    return members.count, events.count, spans.count
