"""Reminders: per unit, what is due within N days and what is overdue, recorded."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt

from .. import rules
from ..models import Assignment, AssignmentState, Reminder, ReminderRun


@transaction.atomic
def reminders_send(*, on: date, within_days: int, actor: Actor) -> ReminderRun:
    """Record, for every unit with open work due by `on + within_days` (or overdue), what
    it is reminded of. One pass over the open assignments, bulk-written."""
    if not 0 <= within_days <= 365:
        raise ValidationError({"within_days": "Số ngày nhắc trước phải từ 0 đến 365."})
    horizon = on + timedelta(days=within_days)
    rows = (
        Assignment.objects.filter(state__in=rules.OVERDUE_STATES, task__due_on__lte=horizon)
        .values_list("pk", "organization_id", "task__due_on", "task__title")
        .order_by("organization_id", "task__due_on", "pk")
    )
    per_unit: dict[int, list[tuple[int, date, str]]] = defaultdict(list)
    for pk, org_id, due, title in rows.iterator(chunk_size=5000):
        per_unit[org_id].append((pk, due, title))
    run = ReminderRun.objects.create(
        as_of=on,
        within_days=within_days,
        units=len(per_unit),
        actor=access.user_of(actor),
    )
    reminders = []
    for org_id, items in per_unit.items():
        overdue = [i for i in items if i[1] < on]
        soon = [i for i in items if i[1] >= on]
        parts = []
        if overdue:
            parts.append(
                f"{len(overdue)} việc quá hạn (sớm nhất: “{overdue[0][2][:80]}”, hạn "
                f"{fmt(overdue[0][1])})"
            )
        if soon:
            parts.append(
                f"{len(soon)} việc đến hạn trong {within_days} ngày (gần nhất: “{soon[0][2][:80]}”"
                f", {rules.describe_due(soon[0][1], on)})"
            )
        reminders.append(
            Reminder(
                run=run,
                organization_id=org_id,
                due_soon=len(soon),
                overdue=len(overdue),
                assignment_ids=[i[0] for i in items],
                text="; ".join(parts),
            )
        )
    Reminder.objects.bulk_create(reminders, batch_size=5000)
    audit_record(
        actor=actor,
        action="tracking.reminders_send",
        obj=run,
        summary=f"Nhắc việc ngày {fmt(on)}: {len(per_unit)} đơn vị có việc quá hạn hoặc đến hạn "
        f"trong {within_days} ngày",
        after={
            "units": len(per_unit),
            "overdue": sum(r.overdue for r in reminders),
            "due_soon": sum(r.due_soon for r in reminders),
        },
    )
    return run


NOTE_LIMIT = 300


@transaction.atomic
def assignment_remind(
    *, assignment: Assignment, actor: Actor, on: date, note: str = ""
) -> Reminder:
    """The “Nhắc việc” button of a task's page: remind one unit that has not done its
    part, recorded as a run of one (the unit sees it on its list of work, as the runs of
    `dangvu remind`) and audited. An officer or leader of a committee above the unit
    only; not a part done, exempt or waiting for the superior, not twice the same day."""
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("task", "organization")
        .get(pk=assignment.pk)
    )
    org = assignment.organization
    if not access.can_change(actor, org, strictly_below=True):
        raise PermissionDenied(
            "Chỉ chuyên viên, lãnh đạo của cấp ủy cấp trên được nhắc việc đơn vị này."
        )
    if assignment.state == AssignmentState.SUBMITTED:
        raise ValidationError(
            f"“{org.name}” đã báo cáo việc này, đang chờ cấp trên xác nhận: hãy xác nhận "
            "hoặc trả lại báo cáo thay vì nhắc việc."
        )
    if assignment.state not in rules.OVERDUE_STATES:
        raise ValidationError(
            f"Phần việc của “{org.name}” đã ở trạng thái “{assignment.get_state_display()}”: "
            "không cần nhắc."
        )
    note = note.strip()
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            {"note": f"Lời nhắn dài {len(note)} ký tự, quá {NOTE_LIMIT}: hãy viết ngắn lại."}
        )
    earlier = Reminder.objects.filter(organization=org, run__as_of=on, run__within_days=0)
    if any(assignment.pk in r.assignment_ids for r in earlier):
        raise ValidationError(
            f"“{org.name}” đã được nhắc việc này ngày {fmt(on)}: mỗi ngày nhắc một lần."
        )
    task = assignment.task
    overdue = task.due_on < on
    text = f"Nhắc việc “{task.title[:120]}” ({rules.describe_due(task.due_on, on)})"
    if note:
        text += f": {note}"
    run = ReminderRun.objects.create(as_of=on, within_days=0, units=1, actor=access.user_of(actor))
    reminder = Reminder.objects.create(
        run=run,
        organization=org,
        overdue=int(overdue),
        due_soon=int(not overdue),
        assignment_ids=[assignment.pk],
        text=text,
    )
    audit_record(
        actor=actor,
        action="tracking.assignment_remind",
        obj=assignment,
        organization=org,
        summary=f"Nhắc “{org.name}” việc “{task.title}” ({rules.describe_due(task.due_on, on)})",
        after={"reminder": reminder.pk, "note": note},
    )
    return reminder
