"""``extract [--json] FILE``: the command behind ``dangvu extract`` and ``python -m``.

``main(argv)`` is pure apart from reading the file and writing to ``stdout``, so the
Django management command only forwards its arguments here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .pipeline import extract
from .serialize import extraction_to_dict, summary

__all__ = ["build_parser", "main", "render"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Trích xuất văn bản dẫn chiếu, số liệu, thời hạn, nhân sự từ tệp .txt",
    )
    parser.add_argument("file", type=Path, help="tệp văn bản UTF-8")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run the command; return the exit status."""
    out = stdout if stdout is not None else sys.stdout
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Không đọc được tệp {path}: {exc}", file=sys.stderr)
        return 2
    out.write(render(text, source=path.name, as_json=args.json))
    return 0


def render(text: str, *, source: str, as_json: bool) -> str:
    """What the command prints for ``text`` read from the file named ``source``."""
    result = extract(text)
    if as_json:
        data = extraction_to_dict(result, source=source)
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return summary(result) + "\n"
