"""Tracking follows the rest of dangvu: the register (a unit's implementing document
marks its task done) and the tree (a merged unit's obligations pass to its successor)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.documents.models import Document, DocumentRelation, DocumentStatus, Reference
from dangvu.orgs.models import Organization, Restructuring, RestructuringKind

from .. import rules
from ..models import (
    Assignment,
    AssignmentState,
    ExemptReason,
    Submission,
    SubmissionDecision,
    Task,
    TaskKind,
)


def _mark_done_by_document(assignment: Assignment, doc: Document, actor: Actor) -> None:
    before = {"state": assignment.state, "completed_on": assignment.completed_on}
    completed = doc.date or timezone.localdate()
    assignment.state = AssignmentState.DONE
    assignment.completed_on = completed
    assignment.evidence_document = doc
    assignment.full_clean(validate_constraints=False)
    assignment.save(update_fields=["state", "completed_on", "evidence_document", "updated_at"])
    Submission.objects.filter(assignment=assignment, decision=SubmissionDecision.PENDING).update(
        decision=SubmissionDecision.CONFIRMED, reviewed_at=timezone.now()
    )
    Submission.objects.create(
        assignment=assignment,
        organization=assignment.organization,
        decision=SubmissionDecision.AUTOMATIC,
        completed_on=completed,
        evidence_document=doc,
        text=f"Đã ban hành {doc}.",
    )
    audit_record(
        actor=actor,
        action="tracking.assignment_done_by_document",
        obj=assignment,
        organization=assignment.organization,
        summary=f"“{assignment.organization.name}” hoàn thành “{assignment.task.title}”: "
        f"{doc} dẫn chiếu {assignment.task.source.symbol or assignment.task.source}",
        before=before,
        after={"state": assignment.state, "completed_on": completed, "document": doc.pk},
    )


def _open_document_tasks(source_ids: set[int]) -> Any:
    return Assignment.objects.filter(
        task__source_id__in=source_ids,
        task__kind=TaskKind.ISSUE_DOCUMENT,
        state__in=rules.OPEN_STATES,
    ).select_related("task", "task__source", "organization")


def assignments_note_document(*, result: Any, actor: Actor) -> None:
    """Called by the register flow (`dangvu.flows.register`): an issued document of a
    unit that cites (or states it implements) a task's source document completes that
    unit's "issue an implementing document" assignment."""
    doc: Document = result.document
    if doc.status != DocumentStatus.ISSUED or doc.copy_of_id is not None:
        return  # a received copy of a superior's document implements nothing
    cited = {r.target_id for r in result.references if r.target_id}
    cited |= {r.target_id for r in result.relations}
    if not cited:
        return
    units = {doc.owner_id, doc.issuer_id} - {None}
    for assignment in _open_document_tasks(cited).filter(organization_id__in=units):
        _mark_done_by_document(assignment, doc, actor)


def reconcile_documents(task: Task, actor: Actor) -> int:
    """Units that registered their implementing document before the task was created
    are done at once. Returns how many."""
    citing = (
        Document.objects.filter(status=DocumentStatus.ISSUED, copy_of__isnull=True)
        .filter(
            Q(pk__in=Reference.objects.filter(target=task.source_id).values("document_id"))
            | Q(pk__in=DocumentRelation.objects.filter(target=task.source_id).values("source_id"))
        )
        .exclude(pk=task.source_id)
    )
    first_by_unit: dict[int, Document] = {}
    for doc in citing.order_by("date", "id").only(
        "pk",
        "date",
        "owner_id",
        "issuer_id",
        "type_code",
        "type_name",
        "number",
        "issuer_code",
        "kind",
        "year",
        "title",
    ):
        for unit in (doc.owner_id, doc.issuer_id):
            if unit is not None:
                first_by_unit.setdefault(unit, doc)
    if not first_by_unit:
        return 0
    done = 0
    open_ones = task.assignments.filter(
        state__in=rules.OPEN_STATES, organization_id__in=list(first_by_unit)
    ).select_related("task", "task__source", "organization")
    for assignment in open_ones:
        _mark_done_by_document(assignment, first_by_unit[assignment.organization_id], actor)
        done += 1
    return done


# --- the tree changes -------------------------------------------------------------------


def _ending_reason(org: Organization, on: date) -> str:
    change = Restructuring.objects.filter(sources=org, effective_on=on).order_by("-id").first()
    if change is not None and change.kind == RestructuringKind.SPLIT:
        return ExemptReason.SPLIT
    return ExemptReason.DISSOLVED


def mark_exempt(
    assignment: Assignment,
    reason: str,
    note: str,
    actor: Actor,
    merged_into: Assignment | None = None,
) -> None:
    before = {"state": assignment.state}
    assignment.state = AssignmentState.EXEMPT
    assignment.exempt_reason = reason
    assignment.exempt_note = note[:255]
    assignment.merged_into = merged_into
    assignment.save(
        update_fields=["state", "exempt_reason", "exempt_note", "merged_into", "updated_at"]
    )
    audit_record(
        actor=actor,
        action="tracking.assignment_exempt",
        obj=assignment,
        organization=assignment.organization,
        summary=f"“{assignment.organization.name}” không phải thực hiện “{assignment.task.title}”"
        f": {assignment.get_exempt_reason_display()}{' — ' + note if note else ''}",
        before=before,
        after={
            "state": assignment.state,
            "reason": reason,
            "merged_into": merged_into.pk if merged_into else None,
        },
    )


def _transfer(assignment: Assignment, successor: Organization, on: date, actor: Actor) -> None:
    before = {"organization": assignment.organization_id}
    source = assignment.organization
    assignment.transferred_from = source
    assignment.transferred_on = on
    assignment.organization = successor
    assignment.save(
        update_fields=["organization", "transferred_from", "transferred_on", "updated_at"]
    )
    audit_record(
        actor=actor,
        action="tracking.assignment_transfer",
        obj=assignment,
        organization=successor,
        summary=f"“{assignment.task.title}” của “{source.name}” chuyển cho “{successor.name}” "
        f"(hợp nhất từ ngày {fmt(on)})",
        before=before,
        after={"organization": successor.pk},
    )


def _open_of(org: Organization) -> list[Assignment]:
    return list(
        Assignment.objects.filter(organization=org, state__in=rules.OPEN_STATES)
        .select_related("task", "organization")
        .order_by("task_id")
    )


def assignments_follow_org_ending(
    *, org: Organization, on: date, successor: Organization | None, actor: Actor
) -> None:
    """Called by the restructure flow (`dangvu.flows.restructure`). When `org` merges
    into `successor`, its open assignments pass to the successor with their submissions;
    where the successor has the same task, the one further along is kept and the other is
    exempt "đã hợp nhất" with a link to it. On dissolution they are exempt. On a split
    nothing is done here: `assignments_follow_split` passes them to the parts."""
    if successor is None and _ending_reason(org, on) == ExemptReason.SPLIT:
        return
    open_ones = _open_of(org)
    if not open_ones:
        return
    if successor is None:
        reason = ExemptReason.DISSOLVED
        note = f"{org.name} chấm dứt hoạt động từ ngày {fmt(on)}"
        for assignment in open_ones:
            mark_exempt(assignment, reason, note, actor)
        return
    theirs = {
        a.task_id: a
        for a in Assignment.objects.filter(
            organization=successor, task_id__in=[a.task_id for a in open_ones]
        )
        .exclude(state=AssignmentState.EXEMPT)
        .select_related("task", "organization")
    }
    note = f"{org.name} hợp nhất vào {successor.name} từ ngày {fmt(on)}"
    for mine in open_ones:
        other = theirs.get(mine.task_id)
        if other is None:
            _transfer(mine, successor, on, actor)
            continue
        if rules.PROGRESS_RANK[mine.state] > rules.PROGRESS_RANK[other.state]:
            mark_exempt(other, ExemptReason.MERGED, note, actor, merged_into=mine)
            _transfer(mine, successor, on, actor)
        else:
            mark_exempt(mine, ExemptReason.MERGED, note, actor, merged_into=other)


def assignments_follow_split(
    *, org: Organization, on: date, parts: list[Organization], actor: Actor
) -> int:
    """Called by the restructure flow once a split has formed its parts:
    every open assignment of the split unit passes to each part (a new assignment, pending,
    `transferred_from` the split unit); the split unit's own is exempt "chia tách" naming
    the parts. What it had done stays with it. Returns how many assignments were created."""
    parts = sorted(parts, key=lambda p: p.path)
    if not parts:
        return 0
    names = ", ".join(p.name for p in parts)
    created = 0
    for mine in _open_of(org):
        taken = set(
            Assignment.objects.filter(task=mine.task, organization__in=parts)
            .exclude(state=AssignmentState.EXEMPT)
            .values_list("organization_id", flat=True)
        )
        note = f"{org.name} chia tách thành {names} từ ngày {fmt(on)}"
        mark_exempt(mine, ExemptReason.SPLIT, note, actor)
        for part in parts:
            if part.pk in taken:
                continue
            theirs = Assignment.objects.create(
                task=mine.task, organization=part, transferred_from=org, transferred_on=on
            )
            created += 1
            audit_record(
                actor=actor,
                action="tracking.assignment_transfer",
                obj=theirs,
                organization=part,
                summary=f"“{mine.task.title}” của “{org.name}” chuyển cho “{part.name}” "
                f"(chia tách từ ngày {fmt(on)})",
                before={"organization": org.pk, "state": mine.state},
                after={"organization": part.pk, "state": theirs.state},
            )
    return created


def assignments_follow_tree(*, actor: Actor, limit_passes: int = 4) -> int:
    """The repair path for open work left on units that ended without the restructure
    flow (the tree changed through the orgs services alone, or a task was created later
    over a tree of a day before the change): each such unit's open assignments are
    followed as the flow would have done on the day it ended (a merge passes them to the
    successor, a split to its parts, a dissolution exempts them), each change audited.
    A successor that ended in turn is followed on the next pass. Returns how many units
    were followed. The whole tree at once: the system, or an administrator, only."""
    if not access.sees_everything(actor):
        raise PermissionDenied(
            "Chỉ quản trị hệ thống được cho việc của đơn vị đã chấm dứt đi theo cây."
        )
    followed = 0
    for _ in range(limit_passes):
        ended = list(
            Organization.objects.filter(
                dissolved_on__isnull=False,
                assignments__state__in=rules.OPEN_STATES,
            )
            .distinct()
            .order_by("path")
        )
        if not ended:
            break
        for org in ended:
            on = org.dissolved_on
            assert on is not None
            change = (
                Restructuring.objects.filter(sources=org, effective_on=on).order_by("-id").first()
            )
            if change is not None and change.kind == RestructuringKind.SPLIT:
                assignments_follow_split(
                    org=org, on=on, parts=list(change.results.exclude(pk=org.pk)), actor=actor
                )
            else:
                successor = org.successor if org.successor_id else None
                assignments_follow_org_ending(org=org, on=on, successor=successor, actor=actor)
            followed += 1
    return followed
