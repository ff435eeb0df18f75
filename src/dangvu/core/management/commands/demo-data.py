"""dangvu demo-data --scale demo|province|nation: realistic data, made without network."""

import importlib
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dangvu.core.request_id import new_request_id, set_request_id

# Each area adds its own generator here, in dependency order. A module's
# `populate(scale, log, context)` may read what earlier ones put in `context`.
DEMO_MODULES = [
    "dangvu.members.demo",
    "dangvu.accounts.demo",
    "dangvu.documents.demo",
    "dangvu.tracking.demo",
]


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu (idempotent): demo, province (một tỉnh đủ cỡ) hoặc nation (toàn quốc)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", choices=["demo", "province", "nation"], default="demo")

    def handle(self, *args: Any, scale: str, **options: Any) -> None:
        from dangvu.orgs import demo as orgs_demo

        set_request_id(f"demo-{new_request_id()}")
        started = time.perf_counter()
        log = self.stdout.write
        context: dict[str, Any] = orgs_demo.populate(scale, log)
        for name in DEMO_MODULES:
            module = importlib.import_module(name)
            module.populate(scale, log, context)
        log(f"Xong dữ liệu mẫu “{scale}” sau {time.perf_counter() - started:.1f} giây.")
