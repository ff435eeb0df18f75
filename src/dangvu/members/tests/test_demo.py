"""The demo's members follow the domain's rules and look like real ones: the small demo
recorded through the services and a sample of the bulk builder's rows (issue 15).

The rules are written here from the domain (domain.md and the rules table), not read back
from the generator's tables, so a generator that drifts from them fails."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

import pytest
from django.utils import timezone

from dangvu.members import rules
from dangvu.members import timeline as tl
from dangvu.members.demo import members_bulk, members_record
from dangvu.members.models import Member, MembershipEvent, MemberSpan, RuleName
from dangvu.members.selectors.rules import holidays, rule_value
from dangvu.orgs.demo import build_bulk, build_demo_province
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import version_on

pytestmark = pytest.mark.django_db

REFORM_DAY = date(2025, 7, 1)  # districts dissolved; commune committees decide since
DEGREES = {"dai_hoc", "thac_si", "tien_si"}
COLLEGE_OR_MORE = {"cao_dang", *DEGREES}
COMMITTEE_POSITIONS = {"Bí thư chi bộ", "Phó Bí thư chi bộ", "Cấp ủy viên"}
DECISION = re.compile(
    r"Quyết định số \d+-QĐ/(?P<issuer>[^\s]+)(?: của Ban Thường vụ (?P<body>.+))?$"
)


def _person_problems(m: Member, today: date, off: frozenset[date]) -> list[str]:
    """What a reader would not believe of this member, or what a rule forbids."""
    out = []
    age = rules.age_in_years(m.birth_date, today)
    low = rule_value(RuleName.ADMISSION_MIN_AGE_MONTHS, m.admitted_on)
    high = rule_value(RuleName.ADMISSION_MAX_AGE_MONTHS, m.admitted_on)
    if rules.admission_age_problem(m.birth_date, m.admitted_on, low, high):
        out.append("admitted outside the age limits")
    if m.education not in ("thcs", "thpt"):
        out.append("admitted below lower-secondary school")
    if m.professional_level in COLLEGE_OR_MORE and m.education != "thpt":
        out.append("a college degree without upper-secondary school")
    job, level = m.occupation, m.professional_level
    if job == "Sinh viên" and age > 30:
        out.append(f"a student of {age}")
    if job == "Hưu trí" and age < 50:
        out.append(f"a pensioner of {age}")
    if job in ("Công chức", "Viên chức", "Giáo viên", "Bác sĩ", "Công nhân") and age > 62:
        out.append(f"{job} at {age}, past the retirement age")
    if job == "Bác sĩ" and (level not in DEGREES or age < 24):
        out.append(f"a doctor of {age} with professional level {level}")
    if job == "Giáo viên" and level not in COLLEGE_OR_MORE:
        out.append(f"a teacher with professional level {level}")
    if job == "Công chức" and level in ("khong", "so_cap"):
        out.append(f"an official with professional level {level}")
    if m.theory_level in ("cao_cap", "cu_nhan") and (level not in DEGREES or age < 27):
        out.append(f"theory {m.theory_level} at {age} with professional level {level}")
    if "phụ nữ" in m.positions and m.sex != "nu":
        out.append("a man heading the women's union")
    if m.positions in COMMITTEE_POSITIONS and m.status != tl.OFFICIAL:
        out.append(f"{m.positions} while {m.status}")
    if m.positions and job == "Sinh viên":
        out.append(f"a student as {m.positions}")
    if m.is_active and age > 100:
        out.append(f"active at {age}")
    if not rules.is_working_day(m.admitted_on, off):
        out.append(f"admitted on a day off ({m.admitted_on})")
    if m.ceremony_on is None:
        out.append("no admission ceremony")
    else:
        if not m.admitted_on <= m.ceremony_on or (
            rules.working_days_between(m.admitted_on, m.ceremony_on, off) > 30
        ):
            out.append("the ceremony not within 30 working days of the decision")
        months = rule_value(RuleName.PROBATION_MONTHS, m.admitted_on)
        if m.official_on and m.official_on != rules.add_months(m.ceremony_on, months):
            out.append("official on another day than the end of the probation")
    if m.status == tl.PROBATIONARY and m.admitted_on < today - timedelta(days=3 * 365):
        out.append(f"still probationary, admitted {m.admitted_on}")
    return out


def _spread_problems(members: list[Member]) -> list[str]:
    out = []
    days = Counter(m.admitted_on for m in members)
    years = Counter(m.admitted_on.year for m in members)
    day, on_day = days.most_common(1)[0]
    if on_day > max(3, len(members) // 200):
        out.append(f"{on_day} of {len(members)} admitted on {day}")
    year, in_year = years.most_common(1)[0]
    if in_year > len(members) // 10:
        out.append(f"{in_year} of {len(members)} admitted in {year}")
    if len(years) < 30:
        out.append(f"admissions in {len(years)} years only")
    first = min(years)
    following = sum(years[first + k] for k in range(1, 6)) / 5
    if years[first] > 2 * following + 3:
        out.append(f"{years[first]} admitted in {first}, {following:.0f} a year after it")
    jobs = Counter(m.occupation for m in members if m.is_active)
    if len(jobs) < 8 or jobs.most_common(1)[0][1] > len(members) // 3:
        out.append(f"occupations {jobs.most_common()}")
    return out


def _issuer_problems(events: Iterable[MembershipEvent]) -> list[str]:
    """Admissions and recognitions are decided by the committee above grassroots of their
    day: a district's (HU) or the bloc's (ĐUK) before 1 July 2025, a commune's or a
    provincial agency's (ĐU) since."""
    out = []
    for e in events:
        found = DECISION.match(e.decision)
        if found is None:
            out.append(f"{e.kind} {e.on}: no deciding body in “{e.decision}”")
            continue
        expected = {"HU", "ĐUK"} if e.on < REFORM_DAY else {"ĐU"}
        if found["issuer"] not in expected:
            out.append(f"{e.kind} {e.on} decided by {found['issuer']}: “{e.decision}”")
    return out


def _check(members: list[Member]) -> None:
    today = timezone.localdate()
    off = holidays(range(1960, today.year + 1), today)
    problems = [f"{m.full_name}: {p}" for m in members for p in _person_problems(m, today, off)]
    problems += _spread_problems(members)
    decided = MembershipEvent.objects.filter(member__in=members, kind__in=[tl.ADMIT, tl.RECOGNIZE])
    problems += _issuer_problems(decided)
    assert not problems, "\n".join([*problems[:30], f"({len(problems)} in all)"])


def test_recorded_demo_members_follow_the_rules_and_the_tree_of_their_day() -> None:
    province = build_demo_province(lambda _m: None)
    members_record(province, lambda _m: None)
    members = list(Member.objects.all())
    assert len(members) > 300
    _check(members)
    # The body named is the one the cell was under on the day (on the tree's first day for
    # an admission older than the tree's records).
    problems = []
    for e in MembershipEvent.objects.filter(kind__in=[tl.ADMIT, tl.RECOGNIZE]).select_related(
        "organization"
    ):
        found = DECISION.match(e.decision)
        assert found is not None and found["body"], e.decision
        body_name = found["body"]
        day = max(e.on, e.organization.founded_on)
        cell = version_on(e.organization_id, day)
        assert cell is not None
        bodies = [
            v
            for v in OrgVersion.objects.filter(committee_name=body_name, valid_from__lte=day)
            if (v.valid_to is None or v.valid_to > day) and cell.path.startswith(v.path)
        ]
        if not bodies:
            problems.append(f"{e.kind} {e.on} in {cell.name}: {body_name} was not above it")
    assert not problems, "\n".join(problems[:20])
    statuses = Counter(m.status for m in members)
    assert statuses[tl.PROBATIONARY] >= 8 and statuses[tl.DECEASED] + statuses[tl.EXITED] > 0


def test_bulk_members_follow_the_rules_and_replay_to_their_rows() -> None:
    (province,) = build_bulk(1, lambda _m: None)
    members_bulk([province], 4000, lambda _m: None)
    members = list(Member.objects.filter(organization__path__startswith=province.path))
    assert len(members) == 4000
    _check(members)
    # The rows are what the services would make of the events: replayed, each member's
    # status, unit, dates and periods of membership are those written.
    sample = members[::20]
    events = {m.pk: [] for m in sample}
    for e in MembershipEvent.objects.filter(member__in=sample).order_by("on", "id"):
        events[e.member_id].append(
            tl.Event(e.kind, e.on, e.pk, e.organization_id, e.other_org_id, e.badge_years)
        )
    spans = {m.pk: [] for m in sample}
    for s in MemberSpan.objects.filter(member__in=sample).order_by("valid_from"):
        spans[s.member_id].append((s.organization_id, s.valid_from, s.valid_to, s.status))
    for m in sample:
        state = tl.replay(events[m.pk])
        assert (state.status, state.org_id) == (m.status, m.organization_id), m.pk
        assert (state.admitted_on, state.ceremony_on, state.official_on, state.exited_on) == (
            m.admitted_on,
            m.ceremony_on,
            m.official_on,
            m.exited_on,
        ), m.pk
        replayed = [(s.org_id, s.valid_from, s.valid_to, s.status) for s in state.spans]
        assert replayed == spans[m.pk], m.pk
    assert Organization.objects.filter(kind="district").count() == 0  # the 2025 tree only
    # Hà Nội's members are of the peoples of the plains and the north, not the Mekong's
    # Khmer nor the highlands' Ê Đê and Gia Rai.
    peoples = Counter(m.ethnicity for m in members)
    assert peoples["Kinh"] > 0.85 * len(members)
    assert not {"Khmer", "Ê Đê", "Gia Rai"} & set(peoples), peoples
