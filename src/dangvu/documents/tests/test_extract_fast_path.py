"""`dangvu extract FILE.txt` without Django: the same output as the management command."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dangvu.documents.extract_file import fast_path_applies

from .texts import PROGRAM_42

# Runs `dangvu` as the console script does and says on stderr whether Django was loaded.
_RUN = """
import sys
from dangvu import cli
sys.argv = ["dangvu", *sys.argv[1:]]
try:
    cli.main()
    status = 0
except SystemExit as exc:
    status = exc.code
loaded = any(name == "django" or name.startswith("django.") for name in sys.modules)
print("DJANGO LOADED" if loaded else "NO DJANGO", file=sys.stderr)
sys.exit(status)
"""


def _dangvu(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN, *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("as_json", [True, False])
def test_extract_of_a_txt_prints_what_the_command_prints_without_django(
    tmp_path: Path, as_json: bool
) -> None:
    path = tmp_path / "42-CTr-TU.txt"
    path.write_text(PROGRAM_42, encoding="utf-8")
    flags = ["--json"] if as_json else []
    fast = _dangvu("extract", *flags, str(path))
    assert fast.returncode == 0, fast.stderr
    assert "NO DJANGO" in fast.stderr
    out = StringIO()
    call_command("extract", *flags, str(path), stdout=out)
    assert fast.stdout == out.getvalue()


def test_extract_of_an_empty_txt_gives_the_readers_message_and_status_1(tmp_path: Path) -> None:
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    fast = _dangvu("extract", str(path))
    assert fast.returncode == 1
    assert f"CommandError: {path}: Tệp rỗng (0 byte)" in fast.stderr
    assert "NO DJANGO" in fast.stderr
    with pytest.raises(CommandError, match="Tệp rỗng"):
        call_command("extract", str(path), stdout=StringIO())


@pytest.mark.parametrize(
    ("argv", "applies"),
    [
        (["a.txt"], True),
        (["--json", "B.TXT"], True),
        (["a.docx"], False),
        (["a.pdf", "--json"], False),
        (["--help"], False),
        (["--settings", "x", "a.txt"], False),
        (["a.txt", "b.txt"], False),
        (["--json", "--json", "a.txt"], False),
    ],
)
def test_only_a_txt_path_and_json_skip_django(argv: list[str], applies: bool) -> None:
    assert fast_path_applies(argv) is applies
