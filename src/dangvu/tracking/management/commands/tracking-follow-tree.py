"""dangvu tracking-follow-tree: the repair path for open work left on units that ended
(merged, split, dissolved) without the restructure flow. Each such unit's open
assignments pass to its successor or parts, or are exempt, as the flow does; audited."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from dangvu.access import SYSTEM
from dangvu.core.request_id import new_request_id, reset_request_id, set_request_id

from ...services import assignments_follow_tree


class Command(BaseCommand):
    help = (
        "Việc của đơn vị đã chấm dứt: chuyển cho đơn vị kế thừa (hợp nhất, chia tách) "
        "hoặc ghi không phải thực hiện (giải thể), như khi thay đổi cây tổ chức."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        token = set_request_id(f"follow-tree-{new_request_id()}")
        try:
            with transaction.atomic():
                units = assignments_follow_tree(actor=SYSTEM)
        finally:
            reset_request_id(token)
        self.stdout.write(f"Đã cho việc của {units} đơn vị đã chấm dứt đi theo cây tổ chức.")
