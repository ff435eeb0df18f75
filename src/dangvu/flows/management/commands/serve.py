"""dangvu serve: the production setup on this machine: static files collected (compressed,
hashed names, served by WhiteNoise), then gunicorn with several workers.

Run it on PostgreSQL (DANGVU_DATABASE_URL) behind the office's web server; SQLite works for a
small committee. Database connections persist across requests (CONN_MAX_AGE)."""

import os
import shutil
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


def default_workers() -> int:
    """Gunicorn's rule of thumb, 2 × cores + 1, capped so a small server keeps its memory."""
    return min(2 * (os.cpu_count() or 1) + 1, 9)


class Command(BaseCommand):
    help = "Chạy dangvu như khi triển khai: thu gom tệp tĩnh rồi chạy gunicorn nhiều tiến trình."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="địa chỉ:cổng")
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--timeout", type=int, default=60, help="giây cho một yêu cầu")

    def handle(self, *args: Any, bind: str, workers: int, timeout: int, **options: Any) -> None:
        if workers < 1:
            raise CommandError("--workers phải từ 1 trở lên.")
        env = {**os.environ, "DANGVU_STATIC_MANIFEST": "1"}
        dangvu = os.path.join(os.path.dirname(sys.executable), "dangvu")
        collect = [dangvu, "collectstatic", "--noinput", "-v0"]
        if subprocess.run(collect, env=env, check=False).returncode != 0:
            raise CommandError("Không thu gom được tệp tĩnh (collectstatic).")
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which(
            "gunicorn"
        )
        if gunicorn is None:
            raise CommandError("Không tìm thấy gunicorn: chạy `make install`.")
        argv = [
            gunicorn,
            "dangvu.wsgi:application",
            f"--bind={bind}",
            f"--workers={workers}",
            f"--timeout={timeout}",
            "--max-requests=5000",  # a worker is renewed now and then: memory stays bounded
            "--max-requests-jitter=500",
            "--access-logfile=-",
        ]
        self.stdout.write(f"dangvu: gunicorn {workers} tiến trình tại http://{bind}/")
        sys.stdout.flush()
        os.execve(gunicorn, argv, env)
