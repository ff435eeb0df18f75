"""`dangvu restore FILE`: put a backup back, verified against its manifest."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangvu.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Phục hồi từ tệp sao lưu: kiểm tra mã của từng phần, thay cơ sở dữ liệu và các tệp "
        "tải lên, rồi đối chiếu số dòng và tệp với bảng kê. Dừng trang web trước khi chạy."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            s = restore(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Đã phục hồi từ {file} và đối chiếu bảng kê: {s.tables} bảng, {s.rows} dòng, "
            f"{s.files} tệp."
        )
