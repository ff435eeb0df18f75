"""Approval bottom up: a superior approves or returns a unit's report; approved values are
locked (and added to the roll-up); a higher level reopens; a consolidating unit approves
its own report only when every unit below it is approved or excused."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangvu.access import Actor, user_of
from dangvu.core.audit import audit_change, audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.orgs import paths

from ..models import Round, RoundReminder, Submission, SubmissionKind, SubmissionState
from ..scope import require_approve_unit, require_open
from .rollup import rollup_apply

S = SubmissionState


def _lock(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update()
        .select_related("round__form", "organization")
        .get(pk=submission.pk)
    )


def _record(
    actor: Actor, action: str, s: Submission, summary: str, before: str, **after: Any
) -> None:
    audit_record(
        actor=actor,
        action=f"reporting.{action}",
        obj=s,
        organization=s.organization,
        summary=f"{summary}: {s.name}, {s.round.title}",
        before={"state": before},
        after={"state": s.state, **after},
    )


def pending_below(submission: Submission) -> list[Submission]:
    """Reports below a consolidating unit that are neither approved nor excused."""
    low, high = paths.subtree_bounds(submission.path)
    return list(
        Submission.objects.filter(round_id=submission.round_id, path__gt=low, path__lt=high)
        .exclude(state__in=(S.APPROVED, S.EXCUSED))
        .order_by("path")
    )


@transaction.atomic
def submission_approve(*, submission: Submission, actor: Actor) -> Submission:
    s = _lock(submission)
    before = s.state
    if s.kind == SubmissionKind.ENTRY:
        require_approve_unit(actor, s.organization, what="duyệt")
        if s.state != S.SUBMITTED:
            raise ValidationError(
                {
                    "__all__": [
                        f"Chỉ duyệt được báo cáo đã gửi (báo cáo này: {s.get_state_display()})."
                    ]
                }
            )
    else:
        require_approve_unit(actor, s.organization, what="duyệt", own=True)
        if s.state in (S.APPROVED, S.EXCUSED):
            raise ValidationError({"__all__": ["Báo cáo tổng hợp này đã được duyệt."]})
        waiting = pending_below(s)
        if waiting:
            names = ", ".join(w.name for w in waiting[:5])
            more = f" và {len(waiting) - 5} đơn vị khác" if len(waiting) > 5 else ""
            raise ValidationError(
                {
                    "__all__": [
                        f"Chưa duyệt được báo cáo tổng hợp: còn {len(waiting)} báo cáo cấp dưới "
                        f"chưa được duyệt hoặc miễn ({names}{more})."
                    ]
                }
            )
    s.state = S.APPROVED
    s.decided_at = timezone.now()
    s.decided_by = user_of(actor)
    s.full_clean()
    s.save()
    if s.kind == SubmissionKind.ENTRY:
        rollup_apply(s, 1)
    _record(actor, "submission_approve", s, "Duyệt báo cáo", before)
    return s


@transaction.atomic
def submission_return(*, submission: Submission, comment: str, actor: Actor) -> Submission:
    s = _lock(submission)
    require_approve_unit(actor, s.organization, what="trả lại")
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": ["Hãy ghi ý kiến để đơn vị biết cần sửa gì."]})
    if s.kind != SubmissionKind.ENTRY or s.state != S.SUBMITTED:
        raise ValidationError({"__all__": ["Chỉ trả lại được báo cáo đã gửi, chưa duyệt."]})
    before = s.state
    s.state = S.RETURNED
    s.comment = comment
    s.decided_at = timezone.now()
    s.decided_by = user_of(actor)
    s.full_clean()
    s.save()
    _record(actor, "submission_return", s, "Trả lại báo cáo", before, comment=comment)
    return s


@transaction.atomic
def submission_reopen(
    *, submission: Submission, comment: str, actor: Actor, until: date | None = None
) -> Submission:
    """A higher level reopens an approved report: its values leave the roll-up and the
    consolidated reports above it that were approved go back to waiting."""
    s = _lock(submission)
    require_approve_unit(actor, s.organization, what="mở lại")
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": ["Hãy ghi lý do mở lại báo cáo."]})
    if s.state != S.APPROVED:
        raise ValidationError({"__all__": ["Chỉ mở lại được báo cáo đã duyệt."]})
    before = s.state
    today = timezone.localdate()
    if s.kind == SubmissionKind.ENTRY:
        rollup_apply(s, -1)
        s.state = S.RETURNED
    else:
        s.state = S.DRAFT
    s.comment = comment
    if today > s.round.locks_on:
        s.reopened_until = until or today + timedelta(days=7)
    s.decided_at = timezone.now()
    s.decided_by = user_of(actor)
    s.full_clean()
    s.save()
    _record(actor, "submission_reopen", s, "Mở lại báo cáo", before, comment=comment)
    above = paths.ids_of(s.path)[:-1]
    for up in Submission.objects.select_for_update().filter(
        round_id=s.round_id, organization_id__in=above, state=S.APPROVED
    ):
        up.state = S.DRAFT
        up.save(update_fields=["state", "updated_at"])
        _record(
            actor, "submission_reopen", up, "Mở lại báo cáo tổng hợp (cấp dưới mở lại)", S.APPROVED
        )
    return s


@transaction.atomic
def submission_unlock(*, submission: Submission, until: date, actor: Actor) -> Submission:
    """An exception to the lock date for one unit: it may enter until `until`."""
    s = _lock(submission)
    require_open(actor, s.round.owner)
    require_approve_unit(actor, s.organization, what="mở khóa sổ cho")
    today = timezone.localdate()
    if until < today:
        raise ValidationError({"until": ["Ngày mở lại phải từ hôm nay trở đi."]})
    before = s.reopened_until
    s.reopened_until = until
    s.save(update_fields=["reopened_until", "updated_at"])
    summary = f"Cho {s.name} nhập báo cáo sau khóa sổ, đến ngày {fmt(until)}"
    audit_change(actor, "reporting.submission_unlock", s, summary, reopened_until=(before, until))
    return s


@transaction.atomic
def submission_excuse(*, submission: Submission, reason: str, actor: Actor) -> Submission:
    s = _lock(submission)
    require_approve_unit(actor, s.organization, what="miễn")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": ["Hãy ghi lý do miễn báo cáo."]})
    if s.state == S.APPROVED:
        raise ValidationError({"__all__": ["Báo cáo đã duyệt; hãy mở lại trước khi miễn."]})
    before = s.state
    s.state = S.EXCUSED
    s.excuse_reason = reason
    s.full_clean()
    s.save()
    _record(actor, "submission_excuse", s, "Miễn báo cáo", before, reason=reason)
    return s


@transaction.atomic
def round_remind(*, round: Round, organization: Any, actor: Actor) -> RoundReminder:
    """Remind the units below `organization` that have not reported (recorded; each unit
    sees it on its home page)."""
    require_open(actor, organization)
    from ..selectors.completeness import node_path

    low, high = paths.subtree_bounds(node_path(round, organization))
    missing = Submission.objects.filter(
        round=round,
        kind=SubmissionKind.ENTRY,
        path__gte=low,
        path__lt=high,
        state__in=(S.NOT_STARTED, S.DRAFT, S.RETURNED),
    )
    names = list(missing.order_by("path").values_list("name", flat=True)[:500])
    now = timezone.now()
    count = missing.count()
    if not count:
        raise ValidationError({"__all__": ["Mọi đơn vị đã báo cáo; không có ai để nhắc."]})
    from django.db.models import F

    missing.update(reminded_at=now, reminders=F("reminders") + 1)
    reminder = RoundReminder.objects.create(
        round=round,
        organization=organization,
        units=count,
        unit_names="\n".join(names),
        sent_by=user_of(actor),
    )
    audit_record(
        actor=actor,
        action="reporting.round_remind",
        obj=reminder,
        organization=organization,
        summary=f"Nhắc {count} đơn vị chưa báo cáo: {round.title}",
        after={"units": count},
    )
    return reminder


__all__ = [
    "pending_below",
    "round_remind",
    "submission_approve",
    "submission_excuse",
    "submission_reopen",
    "submission_return",
    "submission_unlock",
]
