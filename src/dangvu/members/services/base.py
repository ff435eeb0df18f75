"""What every member service shares: scope checks, date checks, recording an event and
bringing the member's state and the statistics tables in line with the events."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.orgs.models import CELL_KINDS, Organization
from dangvu.orgs.selectors import version_on

from .. import rules
from .. import timeline as tl
from ..models import EventKind, Member, MembershipEvent, RuleName
from ..selectors.rules import rule_value
from . import stats


def authorize(actor: Actor, org: Organization, *, action: str = "ghi") -> None:
    """Services check scope themselves, so no caller can skip it."""
    if not access.can_change(actor, org):
        raise PermissionDenied(
            f"Bạn không có quyền {action} đảng viên của “{org.name}”: đơn vị này không thuộc phạm "
            "vi của bạn, hoặc vai trò của bạn chỉ được xem."
        )


def lock_member(member: Member) -> None:
    """Take the member's row lock for the rest of the transaction and reload it, so two
    writes for one member (two ratings of one year, an exit beside a transfer) run one after
    the other on PostgreSQL, each checking what the other wrote. SQLite needs no row lock:
    its IMMEDIATE transactions already run one writer at a time."""
    if member.pk is not None:
        member.refresh_from_db(from_queryset=Member.objects.select_for_update(of=("self",)))


def begin_member_write(member: Member, decision: str, actor: Actor) -> str:
    """The opening of a write about one member: the actor's scope over the member's unit
    checked, the member's row locked and reloaded, the decision's text cleaned (returned)."""
    authorize(actor, member.organization)
    lock_member(member)
    return require_decision(decision)


def lock_organization(org: Organization) -> None:
    """Lock an organization's row: writes checked against a whole cell (the quota of
    excellent ratings) wait for each other."""
    list(Organization.objects.select_for_update().filter(pk=org.pk).values_list("pk"))


def require_decision(decision: str) -> str:
    decision = (decision or "").strip()
    if not decision:
        raise ValidationError(
            {"decision": "Hãy ghi văn bản quyết định (ví dụ: Quyết định số 12-QĐ/ĐU)."}
        )
    return decision


def require_past(on: date, field: str = "on", label: str = "Ngày") -> None:
    today = timezone.localdate()
    if on > today:
        raise ValidationError(
            {field: f"{label} {fmt(on)} ở tương lai: hãy nhập ngày đến hôm nay ({fmt(today)})."}
        )


def require_cell(
    org: Organization, on: date, field: str = "organization", *, historical: bool = False
) -> None:
    """Members are kept in a party cell (chi bộ) that exists on the date. `historical`:
    a member admitted before the registry's record of the cell begins (old members entered
    from their files) is kept in it from the admission, checked on the founding day."""
    if historical and on < org.founded_on:
        on = org.founded_on
    version = version_on(org, on)
    if version is None:
        raise ValidationError(
            {
                field: f"“{org.name}” không hoạt động vào ngày {fmt(on)} (thành lập "
                f"{fmt(org.founded_on)}"
                + (f", chấm dứt {fmt(org.dissolved_on)}" if org.dissolved_on else "")
                + "): hãy chọn chi bộ đang hoạt động."
            }
        )
    if version.kind not in CELL_KINDS:
        raise ValidationError(
            {
                field: f"“{version.name}” là {version.get_kind_display().lower()}, không phải chi "
                "bộ: đảng viên sinh hoạt ở chi bộ cơ sở hoặc chi bộ trực thuộc."
            }
        )


def require_active(member: Member, action: str) -> None:
    if not member.is_active:
        raise ValidationError(
            f"Không thể {action}: {member.full_name} {member.get_status_display().lower()} "
            f"từ ngày {fmt(member.exited_on)}."
        )


def last_change_on(member: Member) -> date | None:
    """The date of the member's latest event that changed status or unit."""
    changing = [
        k
        for k in EventKind.values
        if k not in (tl.BADGE, tl.RATING, tl.DISCIPLINE, tl.CORRECTION, tl.CEREMONY)
    ]
    event = (
        member.events.filter(kind__in=changing, annulled_by__isnull=True)
        .order_by("-on", "-id")
        .first()
    )
    return event.on if event else None


def require_after_last_change(member: Member, on: date, field: str = "on") -> None:
    last = last_change_on(member)
    if last is not None and on < last:
        raise ValidationError(
            {
                field: f"Ngày {fmt(on)} trước sự kiện đã ghi gần nhất của {member.full_name} "
                f"({fmt(last)}): hãy nhập ngày từ {fmt(last)} trở đi, hoặc đính chính sự kiện "
                "đó trước."
            }
        )


def record_event(
    member: Member,
    kind: str,
    on: date,
    decision: str,
    actor: Actor,
    *,
    organization: Organization | None = None,
    **fields: Any,
) -> MembershipEvent:
    event = MembershipEvent(
        member=member,
        kind=kind,
        on=on,
        decision=decision,
        organization=organization or member.organization,
        actor=access.user_of(actor),
        **fields,
    )
    event.full_clean()
    event.save()
    return event


def to_timeline(events: list[MembershipEvent]) -> list[tl.Event]:
    annulled = {e.annuls_id for e in events if e.kind == tl.CORRECTION}
    return [
        tl.Event(
            kind=e.kind,
            on=e.on,
            seq=e.pk,
            org_id=e.organization_id,
            other_org_id=e.other_org_id,
            badge_years=e.badge_years,
            annulled=e.pk in annulled,
        )
        for e in events
    ]


def member_state(member: Member, *, until: date | None = None) -> tl.State:
    events = list(MembershipEvent.objects.filter(member=member).order_by("on", "id"))
    return tl.replay(to_timeline(events), until=until)


_FROM_DB: Any = object()


def refresh(member: Member, *, new: bool = False, before: Any = _FROM_DB) -> tl.State:
    """Bring the member row and the statistics tables in line with the events. The
    counters change by the difference between `before` (the stored row's contribution
    unless given) and the new state."""
    if new:
        before = None
    elif before is _FROM_DB:
        before = stats.contribution(Member.objects.get(pk=member.pk))
    state = member_state(member)
    assert state.org_id is not None, "an admitted member always has a unit"
    unit_path = Organization.objects.filter(pk=state.org_id).values_list("path", flat=True)
    apply_state(member, state, unit_path.first())
    member.save()
    stats.replace_spans(member, state.spans)
    stats.apply_contribution(before, stats.contribution(member))
    return state


def apply_state(member: Member, state: tl.State, unit_path: str | None) -> None:
    """Set the member row's fields from the state its events replay to (`unit_path`: the
    path of the state's unit), unsaved."""
    first_admission = state.admitted_on
    assert first_admission is not None, "a member always has an admission event"
    assert state.org_id is not None, "an admitted member always has a unit"
    member.status = state.status
    member.scope = stats.scope_of(unit_path)
    member.organization_id = state.org_id
    member.host_organization_id = state.host_org_id
    member.exit_kind = state.exit_kind
    member.exited_on = state.exited_on
    member.admitted_on = first_admission
    member.readmitted_on = state.readmitted_on
    member.ceremony_on = state.ceremony_on
    member.official_on = state.official_on
    member.badge_years = max(state.badges, default=0)
    member.exempt_since = state.exempt_since
    member.party_age_from = rules.party_age_from(first_admission, state.gaps)
    if state.status == tl.PROBATIONARY:
        start = state.readmitted_on or first_admission
        months = rule_value(RuleName.PROBATION_MONTHS, start)
        member.probation_ends_on = rules.probation_end(start, state.ceremony_on, months)
    else:
        member.probation_ends_on = None


def record_change(
    member: Member,
    kind: str,
    on: date,
    decision: str,
    actor: Actor,
    *,
    summary: str,
    organization: Organization | None = None,
) -> MembershipEvent:
    """Record an event that changes the member's state, bring the member row and the
    statistics in line, and write the audit row."""
    event = record_event(member, kind, on, decision, actor, organization=organization)
    refresh(member)
    audit_event(event, actor, summary)
    return event


def audit_event(event: MembershipEvent, actor: Actor, summary: str, **after: Any) -> None:
    member = event.member
    audit_record(
        actor=actor,
        action=f"members.{event.kind}",
        obj=member,
        organization=event.organization,
        summary=f"{summary} ({event.decision})",
        after={"event": event.pk, "kind": event.kind, "on": event.on, **after},
    )
