"""dangvu ingest FILE... : register .txt, .docx and .pdf files (folders: every such file
in them), from their headers, with references linked and findings stored for review.

Each file is its own transaction: a bad file is reported and the others go on; the
command exits with an error when any file was refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dangvu.access import SYSTEM, Actor
from dangvu.accounts.models import User
from dangvu.documents.models import DocumentStatus, Visibility
from dangvu.documents.readers import ACCEPTED_SUFFIXES, UnreadableFile, check_name_and_size
from dangvu.flows.register import document_ingest
from dangvu.orgs.models import Organization


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ACCEPTED_SUFFIXES
            )
        else:
            yield path


def _organization(value: str) -> Organization:
    if value.isdigit():
        org = Organization.objects.filter(pk=int(value)).first()
        if org is not None:
            return org
    found = list(Organization.objects.filter(code=value)[:5])
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(f"Không có đơn vị mã “{value}”.")
    names = "; ".join(f"{o.pk}: {o.name}" for o in found)
    raise CommandError(f"Mã “{value}” trùng ở nhiều đơn vị, hãy dùng số hiệu: {names}.")


class Command(BaseCommand):
    help = "Ghi các tệp văn bản (.txt, .docx, .pdf) vào sổ văn bản."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="tệp hoặc thư mục")
        parser.add_argument("--user", help="tên đăng nhập người ghi (mặc định: hệ thống)")
        parser.add_argument(
            "--org", help="đơn vị ghi văn bản: số hiệu hoặc mã (mặc định: đơn vị của --user)"
        )
        parser.add_argument(
            "--status",
            choices=[DocumentStatus.DRAFT, DocumentStatus.ISSUED],
            help="trạng thái (mặc định: đã ban hành nếu có số, ký hiệu; dự thảo nếu không)",
        )
        parser.add_argument("--public", action="store_true", help="công khai cho mọi người dùng")

    def handle(self, *args: Any, **options: Any) -> None:
        actor: Actor = SYSTEM
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Không có người dùng “{options['user']}”.")
            actor = user
        owner = _organization(options["org"]) if options["org"] else None
        if actor is SYSTEM and owner is None:
            raise CommandError("Hãy cho biết đơn vị ghi văn bản: --org hoặc --user.")
        visibility = Visibility.PUBLIC if options["public"] else Visibility.INTERNAL
        failed = 0
        for path in _files(options["files"]):
            try:
                check_name_and_size(path.name, path.stat().st_size)
                result = document_ingest(
                    name=path.name,
                    data=path.read_bytes(),
                    actor=actor,
                    owner=owner,
                    status=options["status"],
                    visibility=visibility,
                )
            except UnreadableFile as exc:
                failed += 1
                self.stderr.write(f"✗ {path}: {exc.message}")
                continue
            except OSError as exc:
                failed += 1
                self.stderr.write(f"✗ {path}: không mở được tệp ({exc.strerror or exc}).")
                continue
            except ValidationError as exc:
                failed += 1
                self.stderr.write(f"✗ {path}: {' '.join(exc.messages)}")
                continue
            except PermissionDenied as exc:
                failed += 1
                self.stderr.write(f"✗ {path}: {exc}")
                continue
            doc = result.document
            if not result.created:
                self.stdout.write(f"= {path}: đã có trong sổ — {doc} (mã {doc.pk})")
                continue
            linked = sum(1 for r in result.references if r.target and not r.target.is_placeholder)
            notes = [
                f"{len(result.references)} dẫn chiếu ({linked} tới văn bản đã có)",
                f"{len(result.placeholders)} văn bản chờ mới",
            ]
            if result.completed_placeholder:
                notes.append("bổ sung cho văn bản chờ")
            if result.extraction_failed:
                notes.append("KHÔNG trích xuất được nội dung")
            self.stdout.write(f"✓ {path}: {doc} (mã {doc.pk}) — {', '.join(notes)}")
        if failed:
            raise CommandError(f"{failed} tệp không ghi được vào sổ.")
