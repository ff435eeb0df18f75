"""dangvu extract [--json] FILE: what the extractor finds in a .txt, .docx or .pdf file.

The file is read by the register's readers (encodings, Word tables, PDF text layer) and
its text handed to the extractor (`dangvu.documents.extract_file`), which prints the JSON
of the labels (or a readable summary). For a .txt file `dangvu.cli` runs the same code
without starting Django."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangvu.documents.extract_file import extract_file
from dangvu.documents.readers import UnreadableFile


class Command(BaseCommand):
    help = "Trích xuất dẫn chiếu, số liệu, thời hạn, nhân sự, kỳ báo cáo từ tệp .txt/.docx/.pdf."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="tệp .txt, .docx hoặc .pdf")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")

    def handle(self, *args: Any, file: Path, json: bool, **options: Any) -> None:
        try:
            output = extract_file(file, as_json=json)
        except UnreadableFile as exc:
            raise CommandError(f"{file}: {exc.message}") from exc
        self.stdout.write(output, ending="")
