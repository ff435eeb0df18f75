"""`dangvu serve`, the production setup: gunicorn workers, static files through WhiteNoise."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as r:
        return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()


@pytest.fixture
def served(tmp_path: Path):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DANGVU_", "DJANGO_", "PYTEST"))
    }
    env["DANGVU_VAR_DIR"] = str(tmp_path)
    subprocess.run([BIN / "dangvu", "migrate", "--noinput", "-v0"], env=env, check=True)
    port = _free_port()
    proc = subprocess.Popen(
        [BIN / "dangvu", "serve", f"--bind=127.0.0.1:{port}", "--workers=2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # collectstatic and worker start on a busy machine
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                _get(base + "/tai-khoan/dang-nhap/")
                break
            except OSError:
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_runs_gunicorn_workers_with_hashed_compressed_static_files(served) -> None:
    status, _, body = _get(served + "/tai-khoan/dang-nhap/")
    assert status == 200
    html = body.decode()
    css = re.search(r'href="(/static/dangvu/app\.[0-9a-f]{12}\.css)"', html)
    assert css, "the page links the collected, hashed stylesheet"
    status, headers, _ = _get(served + css.group(1))
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    assert "max-age=315360000" in headers.get("cache-control", "")
