"""dangvu remind [--days 7] [--on 29/6/2023]: for cron. Lists per unit what is due within
N days and what is overdue, and records that it reminded them (shown on the unit's page)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dangvu.access import SYSTEM
from dangvu.core.forms import parse_as_of
from dangvu.core.request_id import new_request_id, set_request_id

from ...models import Reminder
from ...services import reminders_send


class Command(BaseCommand):
    help = "Nhắc việc: theo đơn vị, việc quá hạn và việc đến hạn trong N ngày; ghi lại lần nhắc."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7, help="Nhắc trước bao nhiêu ngày (7).")
        parser.add_argument(
            "--on", default="", help="Tính đến ngày (ngày/tháng/năm), mặc định hôm nay."
        )
        parser.add_argument("--quiet", action="store_true", help="Chỉ in dòng tổng kết.")

    def handle(self, *args: Any, days: int, on: str, quiet: bool, **options: Any) -> None:
        set_request_id(f"remind-{new_request_id()}")
        as_of, problem = parse_as_of(on, timezone.localdate())
        if problem:
            raise CommandError(problem)
        try:
            run = reminders_send(on=as_of, within_days=days, actor=SYSTEM)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if not quiet:
            for r in (
                Reminder.objects.filter(run=run)
                .select_related("organization")
                .order_by("organization__path")
                .iterator(chunk_size=2000)
            ):
                self.stdout.write(f"{r.organization.name}: {r.text}")
        # periodic reports due or overdue (the reporting app records its own reminders)
        from dangvu.reporting.services import reports_remind_due

        reports = reports_remind_due(on=as_of, within_days=days, actor=SYSTEM)
        if not quiet:
            for line in reports:
                self.stdout.write(line)
        self.stdout.write(f"Đã nhắc {len(reports)} báo cáo định kỳ đến hạn hoặc quá hạn.")
        self.stdout.write(
            f"Đã nhắc {run.units} đơn vị (tính đến {as_of.day}/{as_of.month}/{as_of.year}, "
            f"trước {days} ngày)."
        )
