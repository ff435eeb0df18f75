"""A unit reports on its part; its superior confirms, returns or exempts it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.documents.models import Document, DocumentStatus

from .. import rules
from ..models import (
    Assignment,
    AssignmentState,
    ExemptReason,
    Submission,
    SubmissionDecision,
    TaskKind,
)
from .follow import mark_exempt
from .scope import require_own_unit, require_superior

MAX_ATTACHMENT = 10 * 1024 * 1024


def _lock(assignment: Assignment) -> Assignment:
    return (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("task", "task__source", "organization")
        .get(pk=assignment.pk)
    )


def _snapshot(a: Assignment) -> dict[str, Any]:
    return {
        "state": a.state,
        "completed_on": a.completed_on,
        "sessions": a.sessions,
        "participants": a.participants,
        "evidence_document": a.evidence_document_id,
    }


def _figure(value: int | None, field: str, label: str, *, required: bool) -> int | None:
    if value is None:
        if required:
            raise ValidationError({field: f"Hãy nhập {label.lower()} (ví dụ 3)."})
        return None
    if value < 0:
        raise ValidationError({field: f"{label} không được âm."})
    return value


@transaction.atomic
def assignment_submit(
    *,
    assignment: Assignment,
    actor: Actor,
    text: str = "",
    completed_on: date | None = None,
    sessions: int | None = None,
    participants: int | None = None,
    evidence_document: Document | None = None,
    attachment: UploadedFile | None = None,
    final: bool = True,
) -> Submission:
    """The unit's report on its assignment (`final`: for its superior to confirm), or a
    progress update (`final=False`: in progress, nothing to confirm yet)."""
    assignment = _lock(assignment)
    require_own_unit(actor, assignment.organization)
    task = assignment.task
    today = timezone.localdate()
    if assignment.state == AssignmentState.DONE:
        raise ValidationError("Phần việc này đã hoàn thành; không cần báo cáo thêm.")
    if assignment.state == AssignmentState.EXEMPT:
        raise ValidationError("Đơn vị không phải thực hiện phần việc này.")
    if assignment.state == AssignmentState.SUBMITTED:
        raise ValidationError(
            "Báo cáo trước đang chờ cấp trên xác nhận; hãy đợi xác nhận hoặc trả lại."
        )
    errors: dict[str, str] = {}
    text = text.strip()
    if final:
        completed_on = completed_on or today
        if completed_on > today:
            errors["completed_on"] = "Ngày hoàn thành không thể sau hôm nay."
        elif completed_on < task.issued_on:
            errors["completed_on"] = (
                f"Ngày hoàn thành không thể trước ngày giao việc ({fmt(task.issued_on)})."
            )
        if task.kind == TaskKind.REPORT and not text:
            errors["text"] = "Hãy ghi nội dung báo cáo kết quả."
        if task.kind == TaskKind.ISSUE_DOCUMENT and evidence_document is None and not attachment:
            errors["evidence_document"] = (
                "Hãy chọn văn bản đơn vị đã ban hành (số, ký hiệu) hoặc đính kèm tệp văn bản."
            )
    elif not text and sessions is None and participants is None:
        errors["text"] = "Hãy ghi tình hình thực hiện."
    if errors:
        raise ValidationError(errors)
    sessions = _figure(sessions, "sessions", "Số buổi", required=final and task.asks_sessions)
    participants = _figure(
        participants, "participants", "Số lượt tham dự", required=final and task.asks_participants
    )
    if evidence_document is not None and evidence_document.status == DocumentStatus.PLACEHOLDER:
        raise ValidationError(
            {"evidence_document": "Văn bản này mới chỉ được dẫn chiếu: hãy ghi nó vào sổ trước."}
        )
    if attachment is not None and attachment.size and attachment.size > MAX_ATTACHMENT:
        raise ValidationError({"attachment": "Tệp đính kèm tối đa 10 MB."})
    submission = Submission(
        assignment=assignment,
        organization=assignment.organization,
        decision=SubmissionDecision.PENDING if final else SubmissionDecision.PROGRESS,
        text=text,
        completed_on=completed_on if final else None,
        sessions=sessions,
        participants=participants,
        evidence_document=evidence_document,
        submitted_by=access.user_of(actor),
    )
    if attachment is not None:
        submission.attachment = attachment
    submission.full_clean(exclude=["attachment"])
    submission.save()
    before = _snapshot(assignment)
    assignment.state = AssignmentState.SUBMITTED if final else AssignmentState.IN_PROGRESS
    if sessions is not None:
        assignment.sessions = sessions
    if participants is not None:
        assignment.participants = participants
    assignment.save(update_fields=["state", "sessions", "participants", "updated_at"])
    verb = "báo cáo hoàn thành" if final else "cập nhật tiến độ"
    audit_record(
        actor=actor,
        action="tracking.assignment_submit",
        obj=assignment,
        organization=assignment.organization,
        summary=f"“{assignment.organization.name}” {verb} “{task.title}”",
        before=before,
        after={**_snapshot(assignment), "submission": submission.pk},
    )
    return submission


def _pending(assignment: Assignment) -> Submission:
    if assignment.state != AssignmentState.SUBMITTED:
        raise ValidationError("Phần việc này không có báo cáo nào đang chờ xác nhận.")
    submission = (
        assignment.submissions.filter(decision=SubmissionDecision.PENDING)
        .order_by("-submitted_at", "-id")
        .first()
    )
    if submission is None:
        raise ValidationError("Phần việc này không có báo cáo nào đang chờ xác nhận.")
    return submission


@transaction.atomic
def assignment_confirm(*, assignment: Assignment, actor: Actor, comment: str = "") -> Assignment:
    """A leader of a committee above accepts the unit's report: the assignment is done on
    the date the unit completed it, with its figures and evidence."""
    assignment = _lock(assignment)
    require_superior(actor, assignment.organization, what="xác nhận hoàn thành")
    submission = _pending(assignment)
    before = _snapshot(assignment)
    submission.decision = SubmissionDecision.CONFIRMED
    submission.reviewed_by = access.user_of(actor)
    submission.reviewed_at = timezone.now()
    submission.review_comment = comment.strip()
    submission.save(update_fields=["decision", "reviewed_by", "reviewed_at", "review_comment"])
    assignment.state = AssignmentState.DONE
    assignment.completed_on = submission.completed_on
    assignment.sessions = submission.sessions
    assignment.participants = submission.participants
    assignment.evidence_document = submission.evidence_document or assignment.evidence_document
    assignment.full_clean(validate_constraints=False)
    assignment.save()
    late = rules.is_late(assignment.task.due_on, assignment.completed_on)
    audit_record(
        actor=actor,
        action="tracking.assignment_confirm",
        obj=assignment,
        organization=assignment.organization,
        summary=f"Xác nhận “{assignment.organization.name}” hoàn thành “{assignment.task.title}”"
        f" ngày {fmt(assignment.completed_on)} ({'muộn' if late else 'đúng hạn'})",
        before=before,
        after=_snapshot(assignment),
    )
    return assignment


@transaction.atomic
def assignment_return(*, assignment: Assignment, actor: Actor, comment: str) -> Assignment:
    """A leader of a committee above sends the report back with what to add or correct."""
    assignment = _lock(assignment)
    require_superior(actor, assignment.organization, what="trả lại báo cáo")
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": "Hãy ghi ý kiến: đơn vị cần bổ sung, sửa nội dung gì."})
    submission = _pending(assignment)
    before = _snapshot(assignment)
    submission.decision = SubmissionDecision.RETURNED
    submission.reviewed_by = access.user_of(actor)
    submission.reviewed_at = timezone.now()
    submission.review_comment = comment
    submission.full_clean(exclude=["attachment"])
    submission.save(update_fields=["decision", "reviewed_by", "reviewed_at", "review_comment"])
    assignment.state = AssignmentState.RETURNED
    assignment.save(update_fields=["state", "updated_at"])
    audit_record(
        actor=actor,
        action="tracking.assignment_return",
        obj=assignment,
        organization=assignment.organization,
        summary=f"Trả lại báo cáo “{assignment.task.title}” của “{assignment.organization.name}”"
        f": {comment[:200]}",
        before=before,
        after=_snapshot(assignment),
    )
    return assignment


@transaction.atomic
def assignment_exempt(
    *, assignment: Assignment, actor: Actor, reason: str, note: str = ""
) -> Assignment:
    """A leader of a committee above releases a unit from its part (dissolved, merged,
    or another reason it writes down)."""
    assignment = _lock(assignment)
    require_superior(actor, assignment.organization, what="miễn thực hiện")
    if reason not in ExemptReason.values:
        raise ValidationError({"reason": "Hãy chọn lý do: giải thể, đã hợp nhất, chia tách, khác."})
    note = note.strip()
    if reason == ExemptReason.OTHER and not note:
        raise ValidationError({"note": "Hãy ghi rõ lý do đơn vị không phải thực hiện."})
    if assignment.state == AssignmentState.DONE:
        raise ValidationError("Đơn vị đã hoàn thành phần việc này; không thể miễn.")
    if assignment.state == AssignmentState.EXEMPT:
        raise ValidationError("Đơn vị đã được miễn phần việc này.")
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDenied
    mark_exempt(assignment, reason, note, actor)
    return assignment
