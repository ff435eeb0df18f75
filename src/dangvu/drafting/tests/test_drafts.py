"""Drafts from data: every bound figure equals its source; edits keep bindings; redraft
shows what changed; issuing numbers, renders and registers it, and the register's
extractor reads back the number, date, references and figures; scope."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.documents.models import Document, DocumentStatus
from dangvu.documents.readers import read_bytes
from dangvu.drafting.models import Draft, DraftStatus, Genre
from dangvu.drafting.render import render_docx
from dangvu.drafting.serialize import report_from_dict
from dangvu.drafting.services import draft_create, draft_edit_block, draft_issue, draft_redraft
from dangvu.drafting.services.drafts import editable_text
from dangvu.extract import extract
from dangvu.tracking.selectors import missing_units, progress_of

from .helpers import ON, directive_task, done

pytestmark = pytest.mark.django_db


def _directive(tree, users, **kw):
    task = directive_task(users, tree)
    draft = draft_create(
        genre=Genre.DIRECTIVE,
        owner=tree.a,
        source={"task": task.pk, "on": ON.isoformat()},
        actor=users.a_officer,
        today=ON,
    )
    return task, draft


def _report(draft):
    return report_from_dict(draft.content)


def test_directive_report_binds_completion_and_sessions_to_the_task(tree, users):
    task, draft = _directive(tree, users)
    report = _report(draft)
    bound = {f.source: f.text for f in report.figures}
    progress = progress_of(task, tree.a, ON).summary
    assert (progress.done, progress.total, progress.sessions) == (1, 2, 3)
    assert bound[f"task:{task.pk}:done"] == "1/2 chi, đảng bộ"
    assert bound[f"task:{task.pk}:sessions"] == "3 buổi"
    assert bound[f"task:{task.pk}:missing"] == "1 đơn vị"
    text = "\n".join(b.text for b in report.blocks)
    assert (
        "Đến ngày 10/7/2023, đã có 1/2 chi, đảng bộ trực thuộc hoàn thành, tổ chức 3 buổi" in text
    )
    assert [a.organization.name for a in missing_units(task, tree.a)] == [
        "Chi bộ Thôn 2 xã Việt Thành"
    ]
    assert "chưa hoàn thành: Chi bộ Thôn 2 xã Việt Thành." in text
    assert "trước ngày 10/12/2023" in text  # the task's next round
    assert report.header.superior == "Đảng bộ huyện Trấn Yên"
    assert report.header.issuer == "Đảng ủy xã Việt Thành"
    assert report.header.issuer_code == "ĐU" and report.header.place == "Yên Bái"
    # the footnote gives the cited plan's full title from the register
    assert report.footnotes == (
        "Kế hoạch số 126-KH/TU, ngày 04/4/2023 của Tỉnh ủy Yên Bái triển khai đợt sinh hoạt "
        "chính trị, tư tưởng.",
    )
    assert report.blocks[0].spans[0].footnote == 1
    assert draft.figures["values"] == bound
    assert AuditEntry.objects.filter(action="drafting.draft_create").count() == 1


def test_editing_a_sentence_keeps_its_figures_bound(tree, users):
    task, draft = _directive(tree, users)
    report = _report(draft)
    index = next(i for i, b in enumerate(report.blocks) if "Đến ngày" in b.text)
    new = editable_text(report.blocks[index]).replace("Đến ngày 10/7/2023", "Tính đến 10/7/2023")
    draft = draft_edit_block(draft=draft, index=index, text=new, actor=users.a_officer)
    block = _report(draft).blocks[index]
    assert block.text.startswith("Tính đến 10/7/2023, đã có 1/2 chi, đảng bộ")
    assert {f.source for f in block.figures} == {
        f"task:{task.pk}:done",
        f"task:{task.pk}:sessions",
        f"task:{task.pk}:on_time",
    }
    # the footnote mark stays where the officer keeps [1]
    first = editable_text(_report(draft).blocks[0])
    assert "[1]" in first
    draft = draft_edit_block(
        draft=draft, index=0, text=first.replace("Thực hiện", "Căn cứ"), actor=users.a_officer
    )
    assert _report(draft).blocks[0].spans[0].footnote == 1


def test_editing_refuses_an_empty_sentence_and_an_unknown_footnote(tree, users):
    _task, draft = _directive(tree, users)
    with pytest.raises(ValidationError, match="không được để trống"):
        draft_edit_block(draft=draft, index=1, text="  ", actor=users.a_officer)
    with pytest.raises(ValidationError, match=r"Không có chú thích \[7\]"):
        draft_edit_block(draft=draft, index=0, text="Xem [7].", actor=users.a_officer)
    with pytest.raises(ValidationError, match="Không có đoạn số 99"):
        draft_edit_block(draft=draft, index=98, text="Một câu.", actor=users.a_officer)


def test_redraft_after_the_data_changed_updates_figures_and_lists_the_changes(tree, users):
    task, draft = _directive(tree, users)
    done(task, tree.a2, users, sessions=5, on=date(2023, 7, 5))
    draft = draft_redraft(draft=draft, actor=users.a_officer, today=ON)
    changes = {c["source"]: (c["before"], c["after"]) for c in draft.changes}
    assert changes[f"task:{task.pk}:done"] == ("1/2 chi, đảng bộ", "2/2 chi, đảng bộ")
    assert changes[f"task:{task.pk}:sessions"] == ("3 buổi", "8 buổi")
    assert changes[f"task:{task.pk}:missing"] == ("1 đơn vị", None)
    text = "\n".join(b.text for b in _report(draft).blocks)
    assert "đã có 2/2 chi, đảng bộ trực thuộc hoàn thành, tổ chức 8 buổi" in text


def test_issuing_numbers_renders_and_registers_the_draft_as_its_own_document(tree, users):
    task, draft = _directive(tree, users)
    draft = draft_issue(
        draft=draft, actor=users.a_officer, on=date(2023, 7, 12), signer="Nguyễn Văn An"
    )
    assert draft.status == DraftStatus.ISSUED
    assert draft.number.symbol == "1-BC/ĐU"
    doc = draft.document
    assert (doc.number, doc.type_code, doc.issuer_code, doc.date) == (
        "1",
        "BC",
        "ĐU",
        date(2023, 7, 12),
    )
    assert doc.owner == tree.a and doc.status == DocumentStatus.ISSUED
    assert doc.file_kind == "docx"
    cited = {r.target_id for r in doc.references.all() if r.target_id}
    assert task.source_id in cited  # linked to the plan it reports on
    with pytest.raises(ValidationError, match="đã ban hành"):
        draft_edit_block(draft=draft, index=0, text="Sửa sau khi ban hành.", actor=users.a_officer)
    second = draft_create(
        genre=Genre.DIRECTIVE,
        owner=tree.a,
        source={"task": task.pk},
        actor=users.a_officer,
        today=ON,
    )
    assert (
        draft_issue(
            draft=second, actor=users.a_officer, on=date(2023, 7, 20), signer="Nguyễn Văn An"
        ).number.symbol
        == "2-BC/ĐU"
    )


def test_the_extractor_reads_back_number_date_references_and_every_bound_figure(tree, users):
    _task, draft = _directive(tree, users)
    draft = draft_issue(
        draft=draft, actor=users.a_officer, on=date(2023, 7, 12), signer="Nguyễn Văn An"
    )
    report = _report(draft)
    data = render_docx(report)
    found = extract(read_bytes("bc.docx", data).text)
    own = found.own_document
    assert (own.number, own.type_code, own.issuer_code, own.date) == (
        "1",
        "BC",
        "ĐU",
        date(2023, 7, 12),
    )
    refs = {(r.type_code, r.number, r.issuer_code, r.date) for r in found.references}
    assert ("KH", "126", "TU", date(2023, 4, 4)) in refs
    figures = {(f.value, f.of) for f in found.figures}
    for f in report.figures:
        head = f.text.split(" ")[0]
        value, _, of = head.partition("/")
        expected = (int(value.replace(".", "")), int(of.replace(".", "")) if of else None)
        assert expected in figures, (f.source, f.text, sorted(figures, key=str))


def test_issuing_needs_the_signers_name(tree, users):
    _task, draft = _directive(tree, users)
    with pytest.raises(ValidationError, match="họ tên người ký"):
        draft_issue(draft=draft, actor=users.a_officer, on=date(2023, 7, 12))
    assert not Document.objects.filter(owner=tree.a, type_code="BC").exists()
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT and draft.number is None


def test_a_commune_drafts_only_for_its_own_subtree(tree, users):
    task = directive_task(users, tree)
    with pytest.raises(PermissionDenied):
        draft_create(
            genre=Genre.DIRECTIVE,
            owner=tree.a,
            source={"task": task.pk},
            actor=users.b_officer,
            today=ON,
        )
    with pytest.raises(PermissionDenied):
        draft_create(
            genre=Genre.DIRECTIVE,
            owner=tree.a,
            source={"task": task.pk},
            actor=users.a_viewer,
            today=ON,
        )
    draft = draft_create(
        genre=Genre.DIRECTIVE,
        owner=tree.a,
        source={"task": task.pk},
        actor=users.a_officer,
        today=ON,
    )
    with pytest.raises(PermissionDenied):
        draft_issue(draft=draft, actor=users.b_officer, signer="X")
    with pytest.raises(PermissionDenied):
        draft_edit_block(draft=draft, index=0, text="X", actor=users.b_officer)
    assert Draft.objects.count() == 1


def test_member_statistics_report_binds_the_registry_counts(tree, users):
    from dangvu.members.selectors import counts_on
    from dangvu.members.tests.helpers import admit_official

    for i in range(3):
        admit_official(tree.a1, name=f"Nguyễn Văn Thứ {i}")
    admit_official(tree.a2, name="Trần Thị Một")
    on = date.today()
    draft = draft_create(
        genre=Genre.MEMBER_STATS,
        owner=tree.a,
        source={"on": on.isoformat()},
        actor=users.a_officer,
        today=on,
    )
    report = _report(draft)
    counts = counts_on(SYSTEM, tree.a, on, today=on)
    total = counts[("status", "chinh_thuc")] + counts.get(("status", "du_bi"), 0)
    assert total == 4
    bound = {f.source.rsplit(":", 1)[1]: f.text for f in report.figures}
    assert bound["total"] == "4 đảng viên"
    assert bound["full"] == f"{counts[('status', 'chinh_thuc')]} đảng viên chính thức"
    by_unit = report.tables[0]
    assert by_unit.columns == ("Đơn vị", "Tổng số", "Chính thức", "Dự bị")
    assert ("Chi bộ Thôn 1 xã Việt Thành", "3", "3", "0") in by_unit.rows
    document = docx.Document(io.BytesIO(render_docx(report)))
    assert any("4 đảng viên" in p.text for p in document.paragraphs)
