"""``dangvu extract [--json] FILE``: read a file as the register reads it, print what the
extractor finds.

Pure of Django (``readers`` imports it only to read a size setting or format a size),
so that ``dangvu.cli`` can run the command for a ``.txt`` file without starting Django:
the process starts in a tenth of the time. The management command ``extract`` calls the
same ``extract_file``, so both print the same thing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .readers import UnreadableFile, read_path

__all__ = ["extract_file", "fast_path_applies", "main"]


def extract_file(path: Path, *, as_json: bool) -> str:
    """The output for ``path``; raises ``UnreadableFile`` with the reader's message."""
    text = read_path(path).text
    # imported once the file is read: a refused file is reported without compiling the
    # extractor's patterns (a tenth of a second)
    from dangvu.extract.cli import render

    return render(text, source=path.name, as_json=as_json)


def fast_path_applies(argv: Sequence[str]) -> bool:
    """Arguments of ``extract`` that need no Django: a ``.txt`` path and ``--json`` at
    most (Django's own options, ``--help`` and other file kinds go through Django)."""
    paths = [a for a in argv if a != "--json"]
    return (
        len(paths) == 1
        and len(argv) - len(paths) <= 1
        and not paths[0].startswith("-")
        and paths[0].lower().endswith(".txt")
    )


def main(argv: Sequence[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run ``extract`` as the management command would; return the exit status."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = argparse.ArgumentParser(prog="dangvu extract")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(list(argv))
    try:
        output = extract_file(args.file, as_json=args.json)
    except UnreadableFile as exc:
        # the management command's CommandError, as Django prints it
        err.write(f"CommandError: {args.file}: {exc.message}\n")
        return 1
    out.write(output)
    return 0
