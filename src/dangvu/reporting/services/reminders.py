"""`dangvu remind`'s part for periodic reports: every unit with a report due within N
days, or overdue, in an open round is reminded (recorded on its report, counted per round)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dangvu.access import Actor, user_of
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.tracking.rules import describe_due

from ..models import OPEN_STATES, RoundReminder, Submission, SubmissionKind


@transaction.atomic
def reports_remind_due(*, on: date, within_days: int, actor: Actor) -> list[str]:
    """Lines "unit: report, due ..." for the units reminded, soonest due first."""
    horizon = on + timedelta(days=within_days)
    due = Submission.objects.filter(
        kind=SubmissionKind.ENTRY,
        state__in=OPEN_STATES,
        round__opens_on__lte=on,
        round__due_on__lte=horizon,
        round__locks_on__gte=on,
    )
    rows = list(
        due.values_list("pk", "round_id", "name", "round__title", "round__due_on").order_by(
            "round__due_on", "path"
        )
    )
    if not rows:
        return []
    due.update(reminded_at=timezone.now(), reminders=F("reminders") + 1)
    per_round: dict[int, list[str]] = defaultdict(list)
    lines = []
    for _pk, round_id, name, title, due_on in rows:
        per_round[round_id].append(name)
        lines.append(f"{name}: báo cáo “{title}”, hạn {fmt(due_on)} ({describe_due(due_on, on)})")
    from ..models import Round

    for r in Round.objects.filter(pk__in=list(per_round)).select_related("owner"):
        reminder = RoundReminder.objects.create(
            round=r,
            organization=r.owner,
            units=len(per_round[r.pk]),
            unit_names="\n".join(per_round[r.pk][:500]),
            sent_by=user_of(actor),
        )
        audit_record(
            actor=actor,
            action="reporting.reports_remind_due",
            obj=reminder,
            organization=r.owner,
            summary=f"Nhắc báo cáo (dangvu remind): {reminder.units} đơn vị, {r.title}",
            after={"units": reminder.units, "on": on},
        )
    return lines
