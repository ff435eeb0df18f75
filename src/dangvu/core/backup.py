"""Backup and restore of the whole site: the database and the uploaded files, in one
archive with a manifest of every table's row count and every file's SHA-256.

The database is copied with the SQLite online backup API (a consistent copy while the site
runs) or with `pg_dump --format=custom` on PostgreSQL; restore checks every checksum of the
archive before it changes anything, puts the database back (the backup API into the live
database; `pg_restore --clean`), replaces the uploaded files, then checks the row counts
and the files against the manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Summary:
    tables: int
    rows: int
    files: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def row_counts() -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        out = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            out[table] = cursor.fetchone()[0]
    return out


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def media_files() -> dict[str, str]:
    root = _media_root()
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): _sha256(p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"Không tìm thấy lệnh {command[0]}: hãy cài gói postgresql-client "
            "(apt-get install postgresql-client) cùng phiên bản với máy chủ PostgreSQL."
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"Lệnh {command[0]} lỗi: {result.stderr.strip()[:2000]}")


def _dump_database(folder: Path) -> str:
    """Write the database into `folder`; return the file name."""
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        with copy:
            connection.connection.backup(copy)
        copy.close()
        return target.name
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        target = folder / "database.dump"
        name = settings.DATABASES["default"]["NAME"]
        _run(["pg_dump", *args, "--format=custom", "--no-owner", f"--file={target}", name], env)
        return target.name
    raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {connection.vendor}.")


def backup(path: Path) -> Summary:
    """Write the archive `path` (.tar.gz)."""
    with tempfile.TemporaryDirectory(prefix="dangvu-backup-") as tmp:
        folder = Path(tmp)
        counts = row_counts()
        files = media_files()
        db_name = _dump_database(folder)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "vendor": connection.vendor,
            "database": {"name": db_name, "sha256": _sha256((folder / db_name).read_bytes())},
            "tables": counts,
            "files": files,
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / db_name, arcname=db_name)
            root = _media_root()
            for rel in files:
                archive.add(root / rel, arcname=f"media/{rel}")
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        partial.replace(path)
    return Summary(tables=len(counts), rows=sum(counts.values()), files=len(files))


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
        manifest = json.loads(member.read()) if member else None
    except (KeyError, ValueError) as exc:
        raise BackupError("Tệp sao lưu không có bảng kê (manifest.json) hợp lệ.") from exc
    if not manifest or manifest.get("format") != FORMAT:
        raise BackupError("Tệp sao lưu không đúng định dạng của Đảng vụ.")
    return manifest  # type: ignore[no-any-return]


def _extract_checked(archive: tarfile.TarFile, manifest: dict[str, Any], folder: Path) -> None:
    """Extract the database and files, refusing any whose checksum differs."""
    wanted = {manifest["database"]["name"]: manifest["database"]["sha256"]}
    wanted.update({f"media/{rel}": sha for rel, sha in manifest["files"].items()})
    for name, sha in wanted.items():
        try:
            member = archive.extractfile(name)
        except KeyError:
            member = None
        if member is None:
            raise BackupError(f"Tệp sao lưu thiếu “{name}”: không phục hồi.")
        data = member.read()
        if _sha256(data) != sha:
            raise BackupError(
                f"“{name}” trong tệp sao lưu bị hỏng (sai mã kiểm tra): không phục hồi."
            )
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _restore_database(folder: Path, name: str) -> None:
    if connection.vendor == "sqlite":
        source = sqlite3.connect(folder / name)
        connection.ensure_connection()
        with source:
            source.backup(connection.connection)
        source.close()
        return
    args, env = _pg_env()
    connection.close()
    db = settings.DATABASES["default"]["NAME"]
    _run(
        ["pg_restore", *args, "--clean", "--if-exists", "--no-owner", "--single-transaction",
         f"--dbname={db}", str(folder / name)],
        env,
    )  # fmt: skip


def restore(path: Path) -> Summary:
    """Put the archive `path` back: database and uploaded files, verified."""
    if not path.exists():
        raise BackupError(f"Không có tệp sao lưu {path}.")
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"Không đọc được tệp sao lưu {path}: {exc}.") from exc
    with archive, tempfile.TemporaryDirectory(prefix="dangvu-restore-") as tmp:
        folder = Path(tmp)
        manifest = _read_manifest(archive)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                f"Tệp sao lưu của cơ sở dữ liệu {manifest['vendor']}, máy này dùng "
                f"{connection.vendor}: không phục hồi chéo được."
            )
        _extract_checked(archive, manifest, folder)
        _restore_database(folder, manifest["database"]["name"])
        root = _media_root()
        if root.exists():
            shutil.rmtree(root)
        if (folder / "media").exists():
            shutil.copytree(folder / "media", root)
    counts, files = row_counts(), media_files()
    if counts != manifest["tables"]:
        wrong = sorted(t for t in set(counts) | set(manifest["tables"])
                       if counts.get(t) != manifest["tables"].get(t))  # fmt: skip
        raise BackupError(f"Sau phục hồi, số dòng khác bảng kê ở các bảng: {', '.join(wrong)}.")
    if files != manifest["files"]:
        raise BackupError("Sau phục hồi, các tệp tải lên khác bảng kê.")
    return Summary(tables=len(counts), rows=sum(counts.values()), files=len(files))
