"""dangvu demo-data --scale demo|province|nation: realistic data, made without network."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dangvu.core.request_id import new_request_id, set_request_id
from dangvu.flows.demo import demo_populate


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu (idempotent): demo, province (một tỉnh đủ cỡ) hoặc nation (toàn quốc)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=["demo", "province", "nation"], default="demo")

    def handle(self, *args: Any, scale: str, **options: Any) -> None:
        set_request_id(f"demo-{new_request_id()}")
        started = time.perf_counter()
        log = self.stdout.write
        demo_populate(scale, log)
        log(f"Xong dữ liệu mẫu “{scale}” sau {time.perf_counter() - started:.1f} giây.")
