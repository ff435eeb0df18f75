"""Reminders: per unit, what is due within N days and what is overdue, recorded."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt

from .. import rules
from ..models import Assignment, Reminder, ReminderRun


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
