"""The demo register: the cascade is linked as in real use, and a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

from dangvu.access import SYSTEM
from dangvu.documents import demo
from dangvu.documents.models import Document, DocumentStatus, RelationKind
from dangvu.documents.selectors import documents_implementing

from .texts import NEWS


def test_demo_builds_the_cascade_once_and_reads_the_seed_folder(
    tree, settings, tmp_path: Path
) -> None:
    repo = tmp_path / "repo"
    seeds = tmp_path / "shared" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "tin-bai.txt").write_text(NEWS, encoding="utf-8")
    settings.BASE_DIR = repo
    lines: list[str] = []

    demo.populate("demo", lines.append, {"province": tree.province})

    program = Document.objects.get(issuer=tree.province, number="42", type_code="CTr")
    assert program.status == DocumentStatus.ISSUED and program.title.startswith("thực hiện")
    resolution = program.relations_out.get(kind=RelationKind.IMPLEMENTS).target
    assert resolution.symbol == "21-NQ/TW" and resolution.is_placeholder
    implementing = set(
        documents_implementing(program, user=SYSTEM).values_list("issuer__code", flat=True)
    )
    assert {"A", "B", "C", "D1", "D2"} <= implementing
    report = Document.objects.get(number="27", type_code="BC")
    assert report.issuer == tree.a
    assert report.references.get(type_code="KH").target.issuer == tree.a
    news = Document.objects.get(original_name="tin-bai.txt")
    assert news.references.filter(target=program).exists()

    count = Document.objects.count()
    demo.populate("demo", lines.append, {"province": tree.province})
    assert Document.objects.count() == count
    assert any("không tạo lại" in line for line in lines)
