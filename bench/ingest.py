r"""Ingest of large uploads: time against text size, and the peak memory of an inflating .docx.

Usage: ``python bench/ingest.py [--sizes 1,2,4,8] [--seed 7]``.

1. For texts of 1, 2, 4 and 8 MB (synthetic party-committee prose, as in
   ``bench/extract_throughput.py``, saved as .txt), times the full ingest of an upload
   (``dangvu.flows.register.document_ingest``: read, extract, store, link) on a fresh SQLite
   database in a temporary folder, with the length limit and the time budget raised so that
   every size is processed; prints seconds, MB/s and the ratio to the 1 MB time (linear: 2,
   4, 8). Then, with the production limits (2,000,000 characters, 30 s), the time it takes
   to refuse the 8 MB text.
2. Builds a 760 KB .docx that inflates to 190 MB (the one that took 148 s and 4.3 GB before)
   and measures the time and the peak Python memory (tracemalloc) of reading it, and the
   process's peak RSS (``resource``).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def _text_of(megabytes: float, rng: random.Random) -> bytes:
    from extract_throughput import synthetic_text

    target = int(megabytes * 1024 * 1024)
    parts, size = [], 0
    while size < target:
        chunk = synthetic_text(rng) + "\n\n"
        parts.append(chunk)
        size += len(chunk.encode())
    return "".join(parts).encode()[:target].decode(errors="ignore").encode()


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        paragraph = "<w:p><w:r><w:t>" + "Nghị quyết " * 900 + "</w:t></w:r></w:p>"
        body = paragraph * (190 * 1024 * 1024 // len(paragraph))
        archive.writestr("word/document.xml", f"<w:document><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--docx-only", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.docx_only:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangvu.settings")
        os.environ["DANGVU_VAR_DIR"] = tempfile.mkdtemp(prefix="dangvu-bench-docx-")
        import django

        django.setup()
        return docx_only(Path(args.docx_only))
    var = Path(tempfile.mkdtemp(prefix="dangvu-bench-ingest-"))
    os.environ["DANGVU_VAR_DIR"] = str(var)
    os.environ.pop("DANGVU_DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "dangvu.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from dangvu.access import SYSTEM
    from dangvu.documents import readers
    from dangvu.flows.register import document_ingest
    from dangvu.orgs.models import OrgKind
    from dangvu.orgs.services import org_create

    province = org_create(
        name="Đảng bộ tỉnh Yên Bái", kind=OrgKind.PROVINCE, code="P", parent=None,
        founded_on=__import__("datetime").date(2015, 1, 1), decision="Quyết định số 1-QĐ/TW",
        actor=SYSTEM, issuer_code="TU",
    )  # fmt: skip
    rng = random.Random(args.seed)
    settings.DOCUMENTS_MAX_TEXT_CHARS = 50_000_000
    settings.DOCUMENTS_EXTRACT_SECONDS = 3600
    settings.DOCUMENTS_MAX_FILE_SIZE = 50 * 1024 * 1024
    first = None
    texts = {}
    first_cpu = None
    print(f"load average {_load()}")
    print("size   chars      references  seconds  × 1 MB   CPU s  × 1 MB")
    for mb in [float(s) for s in args.sizes.split(",")]:
        data = texts[mb] = _text_of(mb, rng)
        start, start_cpu = time.perf_counter(), _cpu()
        name = f"bao-cao-{mb:g}mb.txt"
        result = document_ingest(name=name, data=data, actor=SYSTEM, owner=province)
        seconds, cpu = time.perf_counter() - start, _cpu() - start_cpu
        first, first_cpu = first or seconds, first_cpu or cpu
        chars = len(result.document.text)
        print(
            f"{mb:3g} MB {chars:>10,} {len(result.references):>10,} {seconds:8.2f} "
            f"{seconds / first:7.2f} {cpu:7.2f} {cpu / first_cpu:7.2f}"
        )
    print(f"load average {_load()}")
    for name in ("DOCUMENTS_MAX_TEXT_CHARS", "DOCUMENTS_EXTRACT_SECONDS"):
        delattr(settings, name)
    biggest = max(texts)
    start = time.perf_counter()
    try:
        document_ingest(name="lon.txt", data=texts[biggest], actor=SYSTEM, owner=province)
        print("production limits: NOT refused")
    except readers.UnreadableFile as exc:
        print(
            f"production limits: {biggest:g} MB refused in {time.perf_counter() - start:.2f} s: "
            f"{exc.message}"
        )
    # The .docx in a fresh process: this one's peak RSS is the large texts' by now.
    # (The bomb is built here: building it takes the 190 MB that reading it must not.)
    bomb = var / "bom.docx"
    bomb.write_bytes(_bomb())
    command = [sys.executable, __file__, "--docx-only", str(bomb)]
    return subprocess.run(command, check=False).returncode


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the extraction runs in
    a forked child): under load, the wall clock says more of the machine than of ingest."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _peak_rss() -> float:
    """This process's peak resident memory in MB (VmHWM: unlike ru_maxrss, not carried
    over from the parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def docx_only(path: Path) -> int:
    from dangvu.documents import readers

    bomb = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        inflated = sum(info.file_size for info in archive.infolist())
    before = _peak_rss()
    tracemalloc.start()
    start = time.perf_counter()
    try:
        readers.read_bytes("bom.docx", bomb)
        outcome = "read (NOT refused)"
    except readers.UnreadableFile as exc:
        outcome = f"refused: {exc.message}"
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = _peak_rss()
    print(
        f"inflating .docx: {len(bomb) / 1024:.0f} KB → {inflated / 1024 / 1024:.0f} MB "
        f"inflated; {outcome}\n"
        f"  {seconds:.3f} s, peak traced memory {peak / 1024 / 1024:.1f} MB, "
        f"process peak RSS {rss:.0f} MB ({before:.0f} MB before reading)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
