r"""Throughput of the extractor against one plain regex pass over the same text.

Usage: ``python bench/extract_throughput.py [--mb 4] [--seed 7] [SEEDS_DIR]``.
Builds a corpus of synthetic report and news texts written in the style of party
committee documents (plus the seed texts, when present), then times ``extract`` over
every text and a single ``re.finditer(r"\d+")`` pass over the same texts, in the same
run, and prints MB/s for both and their ratio (issue 13 asks for >= 10 MB/s and >= 0.3
of the plain pass). Times are CPU time of this process (``time.process_time``), best of
``--repeat`` runs, so that other work on a shared machine does not move them.

It then times the process start: ``dangvu extract`` on an empty file and on a short
report, as a user runs it (the console script of the virtual environment, else
``python -m dangvu.cli``), best of ``--repeat`` runs, wall-clock and CPU time of the child.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dangvu.extract import extract  # noqa: E402

PLACES = ["Yên Bái", "Quảng Trị", "Đồng Nai", "Lào Cai", "Bắc Ninh", "Phú Thọ", "Cà Mau"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Lan", "Nam", "Thảo", "Toàn", "Tuấn"]
POSITIONS = [
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Ủy viên Ban Thường vụ Tỉnh ủy",
    "Trưởng Ban Tổ chức Tỉnh ủy",
    "Chủ tịch UBND tỉnh",
    "Bí thư Đảng ủy Khối",
    "UVTVTU",
]
PARTY_TYPES = [
    ("Nghị quyết", "NQ"),
    ("Kế hoạch", "KH"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Hướng dẫn", "HD"),
    ("Quy định", "QĐ"),
    ("Chương trình hành động", "CTr"),
]
ISSUERS = [
    ("TW", "Bộ Chính trị"),
    ("TW", "Ban Chấp hành Trung ương Đảng (khóa XIII)"),
    ("TU", "Ban Thường vụ Tỉnh ủy"),
    ("TU", "Tỉnh uỷ"),
    ("ĐUK", "Đảng ủy Khối"),
    ("BTCTW", "Ban Tổ chức Trung ương"),
]
FILLER = [
    "Công tác giáo dục chính trị, tư tưởng được quan tâm và có chuyển biến tích cực.",
    "Các cấp ủy đã tập trung lãnh đạo, chỉ đạo, tổ chức thực hiện nghiêm túc, kịp thời.",
    "Công tác kiểm tra, giám sát được tăng cường, đúng quy trình, quy định.",
    "Việc cụ thể hóa kế hoạch của một số chi, đảng bộ còn chậm, chất lượng chưa cao.",
    "Năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng được nâng lên.",
]


def _date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2018, 2025)
    if rng.random() < 0.3:
        return f"ngày {day:02d} tháng {month} năm {year}"
    return f"ngày {day}/{month}/{year}"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _reference(rng: random.Random) -> str:
    type_name, code = rng.choice(PARTY_TYPES)
    issuer_code, issuer_name = rng.choice(ISSUERS)
    number = rng.randint(1, 400)
    date = f", {_date(rng)}" if rng.random() < 0.6 else ""
    if rng.random() < 0.15:
        return f"Nghị định số {number}/{rng.randint(2015, 2024)}/NĐ-CP {_date(rng)} của Chính phủ"
    return f"{type_name} số {number:02d}-{code}/{issuer_code}{date} của {issuer_name}"


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.25:
        return f"Thực hiện {_reference(rng)}, các chi bộ đã triển khai kịp thời."
    if kind < 0.45:
        whole = rng.randint(20, 120)
        return (
            f"Đến nay có {rng.randint(1, whole)}/{whole} chi, đảng bộ hoàn thành; kết nạp "
            f"{rng.randint(1000, 9000):,} đảng viên mới, đạt {rng.randint(80, 130)}% chỉ tiêu."
        ).replace(",", ".", 1)
    if kind < 0.6:
        return (
            f"Đồng chí {_name(rng)}, {rng.choice(POSITIONS)} phát biểu; "
            f"{rng.choice(POSITIONS)} {_name(rng)} chủ trì hội nghị."
        )
    if kind < 0.7:
        return f"Các chi bộ gửi báo cáo về Ban Tổ chức trước {_date(rng)}."
    return rng.choice(FILLER)


def synthetic_text(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    header = (
        f"ĐẢNG BỘ TỈNH {place.upper()}\n*\nSố {rng.randint(1, 500)}-BC/TU\n\n"
        f"{place}, {_date(rng)}\n\nBÁO CÁO\nkết quả công tác 6 tháng đầu năm "
        f"{rng.randint(2019, 2025)}\n\n"
    )
    body = " ".join(_sentence(rng) for _ in range(rng.randint(20, 60)))
    return header + body + "\n"


def build_corpus(megabytes: float, seed: int, seeds_dir: Path) -> list[str]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    target = int(megabytes * 1_000_000)
    size = sum(len(t.encode("utf-8")) for t in texts)
    while size < target:
        text = synthetic_text(rng)
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seeds", nargs="?", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv[1:])
    texts = build_corpus(args.mb, args.seed, args.seeds)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000

    baseline = re.compile(r"\d+")
    plain_seconds = extract_seconds = float("inf")
    plain_hits = found = 0
    for _ in range(max(1, args.repeat)):
        started = time.process_time()
        plain_hits = sum(1 for text in texts for _ in baseline.finditer(text))
        plain_seconds = min(plain_seconds, time.process_time() - started)

        started = time.process_time()
        found = 0
        for text in texts:
            ex = extract(text)
            found += len(ex.references) + len(ex.figures) + len(ex.deadlines) + len(ex.people)
        extract_seconds = min(extract_seconds, time.process_time() - started)

    plain_rate = megabytes / plain_seconds
    extract_rate = megabytes / extract_seconds
    print(f"corpus: {len(texts)} texts, {megabytes:.2f} MB")
    print(f"plain regex: {plain_rate:10.1f} MB/s  ({plain_hits} numbers, re.finditer(r'\\d+'))")
    print(f"extract:     {extract_rate:10.2f} MB/s  ({found} findings)")
    print(f"ratio: extract runs at {extract_rate / plain_rate:.2f} of one plain regex pass")
    for name, content in (("empty", ""), ("short report", SHORT_REPORT)):
        wall, cpu = start_time(content, args.repeat)
        print(f"start: dangvu extract on {name} file: {wall:.3f} s wall, {cpu:.3f} s CPU")
    return 0


SHORT_REPORT = (
    "HUYỆN ỦY MINH LONG\n*\nSố 75-BC/HU\n\nMinh Long, ngày 10 tháng 10 năm 2024\n\n"
    "BÁO CÁO\nkết quả công tác 9 tháng đầu năm 2024\n"
    "Thực hiện Hướng dẫn số 05-HD/BTCTU ngày 12/01/2024 của Ban Tổ chức Tỉnh ủy, "
    "Huyện ủy đã kết nạp 64 đảng viên, đạt 91,4% kế hoạch.\n"
)


def start_time(content: str, repeat: int) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of ``dangvu extract FILE`` on a file of ``content``."""
    script = Path(sys.executable).with_name("dangvu")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "dangvu.cli"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    best_wall = best_cpu = float("inf")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "van_ban.txt"
        path.write_text(content, encoding="utf-8")
        for _ in range(max(1, repeat)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run([*command, "extract", str(path)], capture_output=True, env=env)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    return best_wall, best_cpu


if __name__ == "__main__":
    sys.exit(main(sys.argv))
