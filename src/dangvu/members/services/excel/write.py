"""Writing checked import rows: many admissions at once, the same rows `member_admit` and
`member_recognize` write one by one (the member, its events, its sponsors, its spans, the
counters and snapshots, an audit row per write), in a few statements per chunk. Tested
against the one-by-one services in test_import_batch.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_many
from dangvu.core.dates import format_short as fmt
from dangvu.orgs import paths
from dangvu.orgs.models import Organization

from ... import timeline as tl
from ...models import EventKind, Member, MembershipEvent, MemberStatus, Sponsor
from .. import stats
from ..base import apply_state, authorize
from ..profile import search_fields

PRIVATE = ("citizen_id", "phone", "residence")  # kept out of the audit row, as member_admit


def admissions_write(
    *, items: list[dict[str, Any]], actor: Actor, written: dict[str, int]
) -> list[Member]:
    """Admit the members of `items` (checked rows: profile, organization, admitted_on,
    official_on, decision, sponsors, over_age_approval), each recognized when official_on
    is given. `written` maps the rows already written (by row number) to their members:
    a sponsor given as a row of the file is looked up there; the rows written here are
    added to it."""
    orgs = Organization.objects.in_bulk({item["organization"].pk for item in items})
    for org in orgs.values():
        authorize(actor, org, action="nhập")
        if org.dissolved_on is not None:
            raise ValidationError(
                f"“{org.name}” đã chấm dứt hoạt động ngày {fmt(org.dissolved_on)} sau khi tệp "
                "được kiểm tra: hãy sửa cột “Chi bộ” rồi tải lại tệp."
            )
    kinds = stats.kinds_of({pk for org in orgs.values() for pk in paths.ids_of(org.path)})
    sponsor_ids = {v for item in items for k, v in item["sponsors"] if k == "member"}
    sponsor_ids |= {
        written[str(v)]
        for item in items
        for k, v in item["sponsors"]
        if k == "row" and str(v) in written
    }
    registry = Member.objects.in_bulk(sponsor_ids)
    user = access.user_of(actor)
    members: list[Member] = []
    states: list[tl.State] = []
    for item in items:
        org = orgs[item["organization"].pk]
        admitted, official = item["admitted_on"], item["official_on"]
        profile = item["profile"]
        member = Member(**profile, **search_fields(profile), organization=org)
        timeline = [tl.Event(kind=tl.ADMIT, on=admitted, seq=1, org_id=org.pk)]
        if official:
            timeline.append(tl.Event(kind=tl.RECOGNIZE, on=official, seq=2, org_id=org.pk))
        state = tl.replay(timeline)
        apply_state(member, state, org.path)
        # the database's constraints check uniqueness; the units were read above
        member.full_clean(
            exclude=["organization", "host_organization"],
            validate_unique=False,
            validate_constraints=False,
        )
        members.append(member)
        states.append(state)
    Member.objects.bulk_create(members, batch_size=1000)
    admits, recognitions = [], []
    for item, member in zip(items, members, strict=True):
        approval = item.get("over_age_approval") or ""
        note = f"Đồng ý của Ban Thường vụ: {approval}" if approval else ""
        admits.append(_event(member, EventKind.ADMIT, item["admitted_on"], item, user, note))
        if item["official_on"]:
            recognitions.append(
                _event(member, EventKind.RECOGNIZE, item["official_on"], item, user)
            )
    MembershipEvent.objects.bulk_create(admits + recognitions, batch_size=1000)
    made = {}
    for item, member in zip(items, members, strict=True):
        written[str(item["row"])] = member.pk
        made[member.pk] = member
    sponsors: list[Sponsor] = []
    sponsored: dict[int, list[dict[str, Any]]] = {}
    for item, member, event in zip(items, members, admits, strict=True):
        for position, (kind, value) in enumerate(item["sponsors"], start=1):
            other = None
            if kind == "member":
                other = registry[value]
            elif kind == "row":
                pk = written[str(value)]
                other = made.get(pk) or registry[pk]
            name = other.full_name if other is not None else str(value)
            sponsors.append(
                Sponsor(member=member, event=event, position=position, sponsor=other, name=name)
            )
            sponsored.setdefault(member.pk, []).append(
                {"position": position, "member": other.pk if other else None, "name": name}
            )
    Sponsor.objects.bulk_create(sponsors, batch_size=1000)
    stats.spans_add([(m, s.spans) for m, s in zip(members, states, strict=True)])
    stats.contributions_add(
        stats.contribution_in(m, orgs[m.organization_id].path, kinds)
        for m in members
        if m.status in (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)
    )
    entries: list[tuple[str, Any, Any, str, dict[str, Any] | None]] = []
    for item, member, event in zip(items, members, admits, strict=True):
        org = orgs[member.organization_id]
        entries.append(
            (
                "members.member_admit",
                member,
                org,
                f"Kết nạp {member.full_name} vào {org.name} ngày {fmt(event.on)} "
                f"({event.decision})",
                {
                    "event": event.pk,
                    **{k: v for k, v in item["profile"].items() if k not in PRIVATE},
                    "sponsors": sponsored.get(member.pk, []),
                },
            )
        )
    by_member = {e.member_id: e for e in recognitions}
    for member in members:
        recognized = by_member.get(member.pk)
        if recognized is not None:
            entries.append(
                (
                    f"members.{recognized.kind}",
                    member,
                    orgs[member.organization_id],
                    f"Công nhận {member.full_name} là đảng viên chính thức từ "
                    f"{fmt(recognized.on)} ({recognized.decision})",
                    {"event": recognized.pk, "kind": recognized.kind, "on": recognized.on},
                )
            )
    audit_many(actor=actor, entries=entries)
    return members


def _event(
    member: Member, kind: str, on: date, item: dict[str, Any], user: Any, note: str = ""
) -> MembershipEvent:
    return MembershipEvent(
        member=member,
        kind=kind,
        on=on,
        decision=item["decision"],
        organization=member.organization,
        actor=user,
        note=note,
    )


def as_json(item: dict[str, Any]) -> dict[str, Any]:
    """A checked row as the batch stores it (dates as ISO text, the unit by its id)."""

    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    return {
        **{k: plain(v) for k, v in item.items() if k not in ("profile", "organization")},
        "profile": {k: plain(v) for k, v in item["profile"].items()},
        "organization": item["organization"].pk,
    }


def from_json(item: dict[str, Any], orgs: dict[int, Organization]) -> dict[str, Any]:
    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    profile = dict(item["profile"])
    profile["birth_date"] = day(profile["birth_date"])
    return {
        **item,
        "profile": profile,
        "organization": orgs[item["organization"]],
        "admitted_on": day(item["admitted_on"]),
        "official_on": day(item["official_on"]),
        "sponsors": [tuple(s) for s in item["sponsors"]],
    }
