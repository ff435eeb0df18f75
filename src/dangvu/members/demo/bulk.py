"""The `province` and `nation` scales: histories generated with a seeded random and written
in large batches (COPY on PostgreSQL, executemany on SQLite), then the statistics tables
rebuilt in set-based SQL."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from dangvu.core.names import FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE
from dangvu.core.text import fold
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization, OrgVersion

from .. import rules, services
from .. import timeline as tl
from ..models import Member, MembershipEvent, MemberSpan, Transfer
from ..services.profile import PROFILE_FIELDS, name_order
from ..services.stats import SPAN_ROW_FIELDS, scope_of, span_scopes
from .profiles import (
    EDUCATION,
    ETHNIC,
    OCCUPATIONS,
    POSITIONS,
    PROFESSIONAL,
    RATINGS,
    RELIGION,
    THEORY,
    Picker,
    birth_and_admission,
)

__all__ = ["members_bulk"]

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


def members_bulk(
    provinces: list[Organization], per_province: int, log: Callable[[str], None]
) -> None:
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
    eth, rel, edu = Picker(ETHNIC), Picker(RELIGION), Picker(EDUCATION)
    prof, theo, rate = Picker(PROFESSIONAL), Picker(THEORY), Picker(RATINGS)
    fam = Picker([(f, w) for f, w in FAMILY])
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
                birth, admitted = birth_and_admission(rng, today)
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
                        order_of(name),
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
