"""Hand review: correcting findings and references (the extractor's reading is kept),
relations, editing an entry's details, and the citation chain both ways."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.documents.models import Document, DocumentRelation, FindingKind, RelationKind
from dangvu.documents.selectors import (
    citation_chain,
    documents_citing,
    documents_implementing,
)
from dangvu.documents.services import (
    document_update,
    finding_correct,
    reference_correct,
    relation_add,
    relation_remove,
)

from .helpers import ingest_text, register
from .texts import PLAN_15, PROGRAM_42, REPORT_27

# --- findings --------------------------------------------------------------------------


def test_correcting_a_figure_keeps_what_was_read(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    figure = report.findings.get(kind=FindingKind.FIGURE, data__of=20)
    read = dict(figure.data)
    finding_correct(
        finding=figure,
        actor=users.a_leader,
        values={"value": "17", "of": "20", "unit": "chi bộ", "what": "sinh hoạt chuyên đề"},
    )
    figure.refresh_from_db()
    assert figure.data == read
    assert figure.value == {"value": 17, "of": 20, "unit": "chi bộ", "what": "sinh hoạt chuyên đề"}
    assert figure.corrected_by == users.a_leader and figure.corrected_at is not None
    entry = AuditEntry.objects.get(action="documents.finding_correct")
    assert entry.after["corrected"]["value"] == 17 and entry.before["corrected"] is None


def test_rejecting_a_finding_marks_it_without_deleting_it(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    person = report.findings.get(kind=FindingKind.PERSON)
    finding_correct(finding=person, actor=users.a_officer, rejected=True)
    person.refresh_from_db()
    assert person.rejected and person.corrected is None and person.data["name"] == "Hoàng Văn Sơn"


@pytest.mark.parametrize(
    ("kind", "values", "field"),
    [
        (FindingKind.FIGURE, {"value": "mười"}, "value"),
        (FindingKind.FIGURE, {"value": "21", "of": "20"}, "of"),
        (FindingKind.DEADLINE, {"date": ""}, "date"),
        (FindingKind.PERIOD, {"value": "nửa năm"}, "value"),
        (FindingKind.PERSON, {"name": " "}, "name"),
    ],
)
def test_bad_correction_is_refused_naming_the_field(tree, users, kind, values, field) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    finding = report.findings.filter(kind=kind).first()
    with pytest.raises(ValidationError) as exc:
        finding_correct(finding=finding, actor=users.a_officer, values=values)
    assert field in exc.value.message_dict
    finding.refresh_from_db()
    assert finding.corrected is None


def test_correcting_the_period(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    period = report.findings.get(kind=FindingKind.PERIOD)
    finding_correct(finding=period, actor=users.a_officer, values={"value": "2023-q2"})
    period.refresh_from_db()
    assert period.value == {"value": "2023-Q2"} and period.data == {"value": "2023-H1"}


def test_another_unit_may_not_correct_findings(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    figure = report.findings.filter(kind=FindingKind.FIGURE).first()
    with pytest.raises(PermissionDenied):
        finding_correct(finding=figure, actor=users.b_officer, values={"value": 1})
    with pytest.raises(PermissionDenied):
        finding_correct(finding=figure, actor=users.a_viewer, values={"value": 1})
    finding_correct(finding=figure, actor=users.province_officer, values={"value": 10})


# --- references ------------------------------------------------------------------------


def test_correcting_a_reference_links_it_again_and_drops_the_orphan(tree, users) -> None:
    program = ingest_text(PROGRAM_42, users.province_officer).document
    plan = ingest_text(PLAN_15, users.a_officer).document
    ref = plan.references.get(type_code="NQ")
    wrong = ref.target
    assert wrong.symbol == "21-NQ/TW"
    # Suppose the plan really cited the province's program of a different number.
    reference_correct(
        reference=ref,
        actor=users.a_officer,
        type_code="CTr",
        number="42",
        issuer_code="TU",
        date=date(2022, 12, 28),
    )
    ref.refresh_from_db()
    assert ref.target == program
    assert ref.extracted["number"] == "21" and ref.extracted["type_code"] == "NQ"
    assert ref.corrected_by == users.a_officer
    # the program still cites 21-NQ/TW, so its placeholder stays
    assert Document.objects.filter(pk=wrong.pk).exists()


def test_reference_correction_removes_a_placeholder_nothing_else_names(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    ref = report.references.get(type_code="NĐ")
    orphan = ref.target
    reference_correct(
        reference=ref,
        actor=users.a_officer,
        kind="state",
        type_code="NĐ",
        number="33",
        issuer_code="CP",
        date=None,
        year=2023,
    )
    ref.refresh_from_db()
    assert ref.target == orphan  # the same number: still the same placeholder
    reference_correct(
        reference=ref,
        actor=users.a_officer,
        kind="state",
        type_code="NĐ",
        number="34",
        issuer_code="CP",
        date=None,
        year=2023,
    )
    ref.refresh_from_db()
    assert ref.target.symbol == "34/2023/NĐ-CP"
    assert not Document.objects.filter(pk=orphan.pk).exists()
    assert AuditEntry.objects.filter(action="documents.placeholder_drop").count() == 1


# --- relations -------------------------------------------------------------------------


def test_relation_added_by_hand_and_its_refusals(tree, users) -> None:
    old = register(users.a_officer, "09-KH/ĐU", date(2022, 2, 1), title="kế hoạch cũ")
    plan = ingest_text(PLAN_15, users.a_officer).document
    relation = relation_add(
        source=plan, target=old, kind=RelationKind.REPLACES, actor=users.a_officer
    )
    assert relation.origin == "manual"
    with pytest.raises(ValidationError):
        relation_add(source=plan, target=old, kind=RelationKind.REPLACES, actor=users.a_officer)
    with pytest.raises(ValidationError):
        relation_add(source=plan, target=plan, kind=RelationKind.AMENDS, actor=users.a_officer)
    other = register(users.b_officer, "03-KH/ĐU", date(2022, 2, 1), status="draft")
    with pytest.raises(PermissionDenied):
        relation_add(source=plan, target=other, kind=RelationKind.AMENDS, actor=users.a_officer)
    with pytest.raises(PermissionDenied):
        relation_add(source=plan, target=old, kind=RelationKind.AMENDS, actor=users.b_officer)
    relation_remove(relation=relation, actor=users.a_officer)
    assert not DocumentRelation.objects.filter(pk=relation.pk).exists()


# --- editing details -------------------------------------------------------------------


def test_fixing_a_number_to_that_of_a_placeholder_takes_over_its_references(tree, users) -> None:
    report = ingest_text(REPORT_27, users.a_officer).document
    placeholder = report.references.get(type_code="KH").target
    typo = register(users.a_officer, "51-KH/ĐU", date(2023, 1, 10), title="kế hoạch gõ nhầm số")
    document_update(document=typo, actor=users.a_officer, number="15")
    assert not Document.objects.filter(pk=placeholder.pk).exists()
    assert report.references.get(type_code="KH").target == typo
    assert AuditEntry.objects.filter(action="documents.placeholder_drop").count() == 1
    # the relation read from the report's opening follows its reference
    assert report.relations_out.get().target == typo


def test_fixing_a_number_and_date_to_those_of_a_placeholder_absorbs_it(tree, users) -> None:
    plan = ingest_text(PLAN_15, users.a_officer).document
    placeholder = plan.references.filter(type_code="CTr").first().target
    assert placeholder.date == date(2022, 12, 28)
    typo = register(users.province_officer, "43-CTr/TU", date(2022, 12, 28))
    document_update(document=typo, actor=users.province_officer, number="42")
    assert not Document.objects.filter(pk=placeholder.pk).exists()
    assert {r.target for r in plan.references.filter(type_code="CTr")} == {typo}
    assert plan.relations_out.get().target == typo
    assert AuditEntry.objects.filter(action="documents.placeholder_absorb").count() == 1


def test_update_refuses_the_number_of_another_registered_document(tree, users) -> None:
    ingest_text(PLAN_15, users.a_officer)
    other = register(users.a_officer, "16-KH/ĐU", date(2023, 1, 10))
    with pytest.raises(ValidationError) as exc:
        document_update(document=other, actor=users.a_officer, number="15")
    assert "number" in exc.value.message_dict
    other.refresh_from_db()
    assert other.number == "16"


def test_update_by_another_unit_is_refused(tree, users) -> None:
    plan = ingest_text(PLAN_15, users.a_officer).document
    with pytest.raises(PermissionDenied):
        document_update(document=plan, actor=users.b_officer, title="sửa trộm")


# --- the citation chain ----------------------------------------------------------------


@pytest.fixture
def cascade(tree, users):
    """21-NQ/TW ← 42-CTr/TU ← plans of communes A and B ← A's report."""
    program = ingest_text(PROGRAM_42, users.province_officer).document
    plan_a = ingest_text(PLAN_15, users.a_officer).document
    plan_b = register(
        users.b_officer,
        "11-KH/ĐU",
        date(2023, 1, 9),
        title="thực hiện Chương trình hành động số 42-CTr/TU",
        text="KẾ HOẠCH\nthực hiện Chương trình hành động số 42-CTr/TU của Tỉnh ủy\n",
    )
    report_a = ingest_text(REPORT_27, users.a_officer).document
    resolution = program.references.first().target
    return resolution, program, plan_a, plan_b, report_a


def test_chain_runs_both_ways_through_the_cascade(tree, users, cascade) -> None:
    resolution, program, plan_a, plan_b, report_a = cascade
    chain = citation_chain(program, user=users.province_leader)
    assert [(n.document, n.depth) for n in chain.up] == [(resolution, 1)]
    down = {(n.document, n.depth, n.via) for n in chain.down}
    assert (plan_a, 1, "implements") in down and (plan_b, 1, "implements") in down
    assert (report_a, 2, "implements") in down
    # from the report up: its plan, then what the plan cites (the program, and the
    # resolution the plan also names directly), each document once
    up = citation_chain(report_a, user=users.a_officer).up
    assert {(n.document, n.depth) for n in up} >= {(plan_a, 1), (program, 2), (resolution, 2)}
    assert len({n.document.pk for n in up}) == len(up)
    assert [n.document for n in up if n.parent_id == plan_a.pk] == [resolution, program]


def test_chain_is_scoped_to_the_user(tree, users, cascade) -> None:
    resolution, program, plan_a, plan_b, _ = cascade
    seen_by_a = [n.document for n in citation_chain(resolution, user=users.a_officer).down]
    assert program in seen_by_a and plan_a in seen_by_a and plan_b not in seen_by_a
    seen_by_b = [n.document for n in citation_chain(resolution, user=users.b_officer).down]
    assert plan_b in seen_by_b and plan_a not in seen_by_b


def test_chain_depth_is_bounded(tree, users, cascade) -> None:
    resolution = cascade[0]
    chain = citation_chain(resolution, user=users.province_leader, depth=1)
    assert {n.depth for n in chain.down} == {1}
    assert chain.truncated


def test_documents_citing_and_implementing(tree, users, cascade) -> None:
    resolution, program, plan_a, plan_b, _ = cascade
    assert set(documents_citing(program, user=SYSTEM)) == {plan_a, plan_b}
    assert set(documents_implementing(program, user=SYSTEM)) == {plan_a, plan_b}
    assert set(documents_implementing(program, user=users.a_officer)) == {plan_a}
    assert set(documents_citing(resolution, user=SYSTEM)) == {program, plan_a}
