"""Who may open each page of the document register (checked by tests/test_every_url.py).
The document is commune A's issued report: A's users and those above see it, and so do
the units below A (a committee's issued documents reach its units); officers and leaders
of A and above change its entry."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dangvu.documents.models import Document, RelationKind
from dangvu.documents.services import relation_add
from dangvu.tests.matrix import (
    ALL,
    CHANGES_UNIT,
    EVERY_USER,
    WRITERS_EVERYWHERE,
    Allow,
    Who,
    World,
    url_of,
)

from .helpers import ingest_text, register
from .texts import REPORT_27

SEES_ISSUED = Who(own=ALL, descendant=ALL, ancestor=ALL)


def _report(world: World) -> Document:
    return ingest_text(REPORT_27, world.officer).document


def _finding(world: World) -> str:
    finding = _report(world).findings.order_by("id").first()
    assert finding is not None
    return reverse("documents:finding_correct", args=[finding.pk])


def _reference(world: World) -> str:
    reference = _report(world).references.order_by("id").first()
    assert reference is not None
    return reverse("documents:reference_correct", args=[reference.pk])


def _relation(world: World) -> str:
    older = register(world.officer, "09-KH/ĐU", date(2022, 2, 1), title="kế hoạch cũ")
    relation = relation_add(
        source=_report(world), target=older, kind=RelationKind.IMPLEMENTS, actor=world.officer
    )
    return reverse("documents:relation_remove", args=[relation.pk])


PERMISSIONS = [
    Allow("documents:document_list", EVERY_USER, why="each user's register is its own scope"),
    Allow(
        "documents:document_upload",
        WRITERS_EVERYWHERE,
        why="the upload form; the unit a document belongs to is checked by the service",
    ),
    Allow(
        "documents:document_detail", SEES_ISSUED, url=url_of("documents:document_detail", _report)
    ),
    Allow("documents:document_file", SEES_ISSUED, url=url_of("documents:document_file", _report)),
    Allow("documents:document_edit", CHANGES_UNIT, url=url_of("documents:document_edit", _report)),
    Allow("documents:relation_add", CHANGES_UNIT, url=url_of("documents:relation_add", _report)),
    Allow("documents:relation_remove", CHANGES_UNIT, url=_relation, method="post", allowed=302),
    Allow("documents:finding_correct", CHANGES_UNIT, url=_finding),
    Allow("documents:reference_correct", CHANGES_UNIT, url=_reference),
]
