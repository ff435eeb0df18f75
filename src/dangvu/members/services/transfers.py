"""Transfers of party activity (official and temporary), the receiving unit's confirmation,
and members following their cell when it ends in a merge."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization, OrgKind, Restructuring
from dangvu.orgs.selectors import version_on

from ..models import ACTIVE_STATUSES, EventKind, Member, Transfer
from ..selectors.transfers import province_of
from .base import (
    audit_event,
    authorize,
    lock_member,
    record_event,
    refresh,
    require_active,
    require_after_last_change,
    require_cell,
    require_decision,
    require_past,
)


@transaction.atomic
def member_transfer(
    *,
    member: Member,
    to_org: Organization,
    on: date,
    decision: str,
    actor: Actor,
    kind: str = Transfer.Kind.OFFICIAL,
    until: date | None = None,
) -> Transfer:
    """The sending unit issues the transfer letter; the member moves when the receiving
    unit confirms (`transfer_confirm`). The receiving unit may be in another province."""
    authorize(actor, member.organization, action="chuyển sinh hoạt cho")
    lock_member(member)
    decision = require_decision(decision)
    require_active(member, "chuyển sinh hoạt")
    if kind not in Transfer.Kind.values:
        raise ValidationError({"kind": "Hãy chọn chuyển chính thức hoặc tạm thời."})
    pending = member.transfers.filter(state=Transfer.State.PENDING).first()
    if pending is not None:
        raise ValidationError(
            f"{member.full_name} đang có giấy giới thiệu đến “{pending.to_org.name}” (ngày "
            f"{fmt(pending.on)}) chờ tiếp nhận: hãy hủy giấy đó trước."
        )
    host = member.host_organization if member.host_organization_id else None
    if kind == Transfer.Kind.TEMPORARY and host is not None:
        raise ValidationError(
            f"{member.full_name} đang sinh hoạt tạm thời ở “{host.name}”: hãy ghi trở về trước."
        )
    require_past(on)
    require_after_last_change(member, on)
    if to_org.pk == member.organization_id:
        raise ValidationError({"to_org": "Nơi đến trùng với chi bộ đang sinh hoạt."})
    _require_destination(member, to_org, on)
    if kind == Transfer.Kind.TEMPORARY:
        if until is None or until <= on:
            raise ValidationError(
                {"until": "Chuyển sinh hoạt tạm thời phải có thời hạn sau ngày giới thiệu."}
            )
    else:
        until = None
    transfer = Transfer(
        member=member,
        kind=kind,
        from_org=member.organization,
        to_org=to_org,
        on=on,
        decision=decision,
        until=until,
        state=Transfer.State.PENDING,
    )
    transfer.full_clean()
    transfer.save()
    out_kind = EventKind.TRANSFER_OUT if kind == Transfer.Kind.OFFICIAL else EventKind.TEMP_OUT
    event = record_event(member, out_kind, on, decision, actor, other_org=to_org, transfer=transfer)
    refresh(member)
    audit_event(
        event,
        actor,
        f"Giới thiệu {member.full_name} chuyển sinh hoạt "
        f"{'tạm thời ' if kind == Transfer.Kind.TEMPORARY else ''}từ “{transfer.from_org.name}” "
        f"đến “{to_org.name}”",
        transfer=transfer.pk,
        to_org=to_org.pk,
    )
    return transfer


def _require_destination(member: Member, to_org: Organization, on: date) -> None:
    """Inside the sender's province a letter names the receiving cell. A letter out of the
    province goes from the province's Ban Tổ chức to the receiving committee (of the
    province, a commune, a grassroots organization), which places the member in a cell
    when it confirms; a cell of the other province may be named directly too."""
    home = province_of(member.organization)
    outside = home is None or not paths.is_within(to_org.path, home.path)
    version = version_on(to_org, on)
    if outside and version is not None and version.kind not in CELL_KINDS:
        if version.kind in (OrgKind.CENTRAL, OrgKind.GROUP):
            raise ValidationError(
                {
                    "to_org": f"“{version.name}” là {version.get_kind_display().lower()}: hãy "
                    "chọn cấp ủy hoặc chi bộ nơi đến."
                }
            )
        return
    try:
        require_cell(to_org, on, field="to_org")
    except ValidationError as exc:
        raise ValidationError(
            {
                "to_org": "Nơi đến trong tỉnh phải là một chi bộ có trong sổ và đang hoạt động "
                "(ra ngoài tỉnh: chi bộ hoặc cấp ủy nơi đến): " + " ".join(exc.messages)
            }
        ) from exc


def _receiving_cell(transfer: Transfer, on: date, cell: Organization | None) -> Organization:
    """The cell the member joins: the one the letter names, or, for a letter addressed to
    a committee, the cell of its subtree that the receiving unit chooses."""
    to_org = transfer.to_org
    if cell is None or cell.pk == to_org.pk:
        version = version_on(to_org, on)
        if version is not None and version.kind not in CELL_KINDS:
            raise ValidationError(
                {
                    "cell": f"Giấy giới thiệu gửi “{version.name}”: hãy chọn chi bộ thuộc "
                    f"“{version.name}” nơi đảng viên sinh hoạt."
                }
            )
        require_cell(to_org, on, field="on")
        return to_org
    if not paths.is_within(cell.path, to_org.path):
        raise ValidationError(
            {
                "cell": f"“{cell.name}” không thuộc “{to_org.name}” (nơi giấy giới thiệu gửi "
                f"đến): hãy chọn chi bộ thuộc “{to_org.name}”."
            }
        )
    require_cell(cell, on, field="cell")
    return cell


@transaction.atomic
def transfer_confirm(
    *, transfer: Transfer, on: date, actor: Actor, cell: Organization | None = None
) -> Transfer:
    """The receiving unit confirms: from `on` the member is active there (officially, or
    temporarily while the record stays at home). A letter addressed to a committee needs
    the `cell` of its subtree the member joins; the event records it."""
    authorize(actor, transfer.to_org, action="tiếp nhận")
    if transfer.state != Transfer.State.PENDING:
        raise ValidationError(f"Giấy giới thiệu này {transfer.get_state_display().lower()}.")
    if on < transfer.on:
        raise ValidationError(
            {"on": f"Ngày tiếp nhận {fmt(on)} trước ngày giới thiệu {fmt(transfer.on)}."}
        )
    require_past(on)
    target = _receiving_cell(transfer, on, cell)
    member = transfer.member
    require_active(member, "tiếp nhận")
    transfer.state = Transfer.State.CONFIRMED
    transfer.confirmed_on = on
    transfer.full_clean()
    transfer.save()
    official = transfer.kind == Transfer.Kind.OFFICIAL
    event = record_event(
        member,
        EventKind.TRANSFER_IN if official else EventKind.TEMP_IN,
        on,
        transfer.decision,
        actor,
        organization=target,
        other_org=transfer.from_org,
        transfer=transfer,
    )
    refresh(member)
    audit_event(
        event,
        actor,
        f"“{transfer.to_org.name}” tiếp nhận {member.full_name} từ “{transfer.from_org.name}” "
        f"ngày {fmt(on)}"
        + (f", sinh hoạt tại “{target.name}”" if target.pk != transfer.to_org_id else ""),
        transfer=transfer.pk,
        cell=target.pk,
    )
    return transfer


@transaction.atomic
def transfer_cancel(*, transfer: Transfer, on: date, decision: str, actor: Actor) -> Transfer:
    """The sending unit withdraws a letter not yet confirmed."""
    authorize(actor, transfer.from_org, action="hủy chuyển sinh hoạt của")
    decision = require_decision(decision)
    if transfer.state != Transfer.State.PENDING:
        raise ValidationError("Chỉ hủy được giấy giới thiệu đang chờ tiếp nhận.")
    if on < transfer.on:
        raise ValidationError({"on": f"Ngày hủy phải từ ngày giới thiệu {fmt(transfer.on)}."})
    require_past(on)
    transfer.state = Transfer.State.CANCELLED
    transfer.save(update_fields=["state"])
    event = record_event(
        transfer.member,
        EventKind.TRANSFER_CANCEL,
        on,
        decision,
        actor,
        organization=transfer.from_org,
        other_org=transfer.to_org,
        transfer=transfer,
    )
    refresh(transfer.member)
    audit_event(
        event, actor, f"Hủy giấy giới thiệu của {transfer.member.full_name}", transfer=transfer.pk
    )
    return transfer


@transaction.atomic
def transfer_return(*, transfer: Transfer, on: date, decision: str, actor: Actor) -> Transfer:
    """A temporary transfer ends: the member is active at home again. Either unit records it."""
    member = transfer.member
    try:
        authorize(actor, transfer.from_org, action="ghi trở về cho")
    except PermissionDenied:
        authorize(actor, transfer.to_org, action="ghi trở về cho")
    decision = require_decision(decision)
    if transfer.kind != Transfer.Kind.TEMPORARY or transfer.state != Transfer.State.CONFIRMED:
        raise ValidationError("Chỉ ghi trở về cho đảng viên đang sinh hoạt tạm thời.")
    assert transfer.confirmed_on is not None
    if on < transfer.confirmed_on:
        raise ValidationError({"on": f"Ngày trở về phải từ {fmt(transfer.confirmed_on)}."})
    require_past(on)
    transfer.state = Transfer.State.RETURNED
    transfer.returned_on = on
    transfer.save(update_fields=["state", "returned_on"])
    event = record_event(
        member,
        EventKind.TEMP_RETURN,
        on,
        decision,
        actor,
        organization=member.organization,
        other_org=transfer.to_org,
        transfer=transfer,
    )
    refresh(member)
    audit_event(
        event,
        actor,
        f"{member.full_name} trở về sinh hoạt tại “{member.organization}”",
        transfer=transfer.pk,
    )
    return transfer


def members_follow_org_ending(
    *, org: Organization, on: date, successor: Organization | None, actor: Actor
) -> None:
    """Called by the restructure flow (`dangvu.flows.restructure`) in its transaction
    when `org` ends on `on`: its active members (and those it hosts or expects) move to
    `successor`, as events; without a successor the change is refused while members
    remain."""
    members = list(Member.objects.filter(organization=org, status__in=ACTIVE_STATUSES))
    hosted = list(Member.objects.filter(host_organization=org).exclude(organization=org))
    incoming = list(Transfer.objects.filter(to_org=org, state=Transfer.State.PENDING))
    count = len(members) + len(hosted)
    if not (count or incoming):
        return
    if successor is None:
        raise ValidationError(
            f"“{org.name}” còn {count} đảng viên đang sinh hoạt"
            + (f" và {len(incoming)} giấy giới thiệu chờ tiếp nhận" if incoming else "")
            + f" vào ngày {fmt(on)}: hãy chuyển sinh hoạt trước."
        )
    require_cell(successor, on, field="into")
    change = Restructuring.objects.filter(sources=org, effective_on=on).order_by("-id").first()
    decision = change.decision if change else f"Hợp nhất vào {successor.name}"
    for member in [*members, *hosted]:
        event = record_event(
            member,
            EventKind.ORG_FOLLOW,
            on,
            decision,
            actor,
            organization=successor,
            other_org=org,
        )
        refresh(member)
        audit_event(
            event,
            actor,
            f"{member.full_name} chuyển theo “{org.name}” hợp nhất vào “{successor.name}”",
            from_org=org.pk,
            to_org=successor.pk,
        )
    for transfer in incoming:
        before = transfer.to_org_id
        transfer.to_org = successor
        transfer.save(update_fields=["to_org"])
        audit_record(
            actor=actor,
            action="members.transfer_redirect",
            obj=transfer.member,
            organization=successor,
            summary=f"Giấy giới thiệu của {transfer.member.full_name} đến “{org.name}” chuyển "
            f"về “{successor.name}” (hợp nhất ngày {fmt(on)})",
            before={"to_org": before},
            after={"to_org": successor.pk},
        )
