"""dangvu members-rebuild: recount the statistics tables from the members and spans."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from dangvu.members import services


class Command(BaseCommand):
    help = "Tính lại số liệu tổng hợp đảng viên (số hôm nay và số đầu tháng) từ dữ liệu gốc."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        services.counters_rebuild()
        services.snapshots_rebuild()
        services.mark_tree_followed()
        self.stdout.write(f"Đã tính lại sau {time.perf_counter() - started:.1f} giây.")
