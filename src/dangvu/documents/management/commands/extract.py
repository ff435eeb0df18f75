"""dangvu extract [--json] FILE: what the extractor finds in a .txt, .docx or .pdf file.

The file is read by the register's readers (encodings, Word tables, PDF text layer) and
handed, as UTF-8 text under its own name, to `dangvu.extract.cli.main`, which prints
the JSON of the labels (or a readable summary)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangvu.documents.readers import UnreadableFile, read_path
from dangvu.extract import cli


class Command(BaseCommand):
    help = "Trích xuất dẫn chiếu, số liệu, thời hạn, nhân sự, kỳ báo cáo từ tệp .txt/.docx/.pdf."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="tệp .txt, .docx hoặc .pdf")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")

    def handle(self, *args: Any, file: Path, json: bool, **options: Any) -> None:
        try:
            text = read_path(file).text
        except UnreadableFile as exc:
            raise CommandError(f"{file}: {exc.message}") from exc
        with tempfile.TemporaryDirectory(prefix="dangvu-extract-") as folder:
            # Same name as the original, so the JSON's "source" names the user's file.
            plain = Path(folder) / file.name
            plain.write_text(text, encoding="utf-8")
            status = cli.main([str(plain), *(["--json"] if json else [])], stdout=self.stdout)
        if status:
            raise CommandError(f"Không trích xuất được {file} (mã lỗi {status}).")
