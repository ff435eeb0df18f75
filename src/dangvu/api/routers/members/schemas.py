"""What the member endpoints answer: a member (personal fields only for those who see
them on the pages), its events and transfers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema

from dangvu.members import selectors
from dangvu.members.models import Member, Transfer

from ..common import OrgRef, org_ref

PERSONAL_FIELDS = ("citizen_id", "home_town", "residence", "phone")


class Personal(Schema):
    """Shown only to the officers and leaders whose scope holds the member's own unit, as on
    the member's page; `null` for everyone else."""

    citizen_id: str | None
    home_town: str
    residence: str
    phone: str


class MemberOut(Schema):
    id: int
    full_name: str
    other_names: str
    sex: str
    birth_date: date
    ethnicity: str
    religion: str
    education: str
    professional_level: str
    theory_level: str
    occupation: str
    positions: str
    card_number: str | None
    organization: OrgRef
    host_organization: OrgRef | None
    status: str
    status_label: str
    exit_kind: str
    admitted_on: date
    ceremony_on: date | None
    official_on: date | None
    probation_ends_on: date | None
    exited_on: date | None
    party_age_from: date | None
    badge_years: int
    exempt_since: date | None
    created_at: datetime
    personal: Personal | None


def member_out(member: Member, user: Any) -> dict[str, Any]:
    shown = selectors.can_see_personal(user, member)
    return {
        "id": member.pk,
        "full_name": member.full_name,
        "other_names": member.other_names,
        "sex": member.sex,
        "birth_date": member.birth_date,
        "ethnicity": member.ethnicity,
        "religion": member.religion,
        "education": member.education,
        "professional_level": member.professional_level,
        "theory_level": member.theory_level,
        "occupation": member.occupation,
        "positions": member.positions,
        "card_number": member.card_number,
        "organization": org_ref(member.organization),
        "host_organization": org_ref(member.host_organization),
        "status": member.status,
        "status_label": member.get_status_display(),
        "exit_kind": member.exit_kind,
        "admitted_on": member.admitted_on,
        "ceremony_on": member.ceremony_on,
        "official_on": member.official_on,
        "probation_ends_on": member.probation_ends_on,
        "exited_on": member.exited_on,
        "party_age_from": member.party_age_from,
        "badge_years": member.badge_years,
        "exempt_since": member.exempt_since,
        "created_at": member.created_at,
        "personal": {f: getattr(member, f) for f in PERSONAL_FIELDS} if shown else None,
    }


class EventOut(Schema):
    id: int
    kind: str
    kind_label: str
    on: date
    decision: str
    organization: OrgRef
    other_org: OrgRef | None
    annuls_id: int | None
    annulled: bool
    rating_year: int | None
    rating_level: str
    badge_years: int | None
    discipline_form: str
    posthumous: bool
    reason: str
    note: str
    recorded_at: datetime


class TransferOut(Schema):
    id: int
    kind: str
    state: str
    state_label: str
    from_org: OrgRef
    to_org: OrgRef
    on: date
    until: date | None
    decision: str
    confirmed_on: date | None
    returned_on: date | None


def transfer_out(t: Transfer) -> dict[str, Any]:
    return {
        "id": t.pk,
        "kind": t.kind,
        "state": t.state,
        "state_label": t.get_state_display(),
        "from_org": org_ref(t.from_org),
        "to_org": org_ref(t.to_org),
        "on": t.on,
        "until": t.until,
        "decision": t.decision,
        "confirmed_on": t.confirmed_on,
        "returned_on": t.returned_on,
    }


class MemberDetailOut(MemberOut):
    events: list[EventOut]
    transfers: list[TransferOut]
