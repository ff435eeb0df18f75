"""A unit fills its report: a draft or a submission, all cells or none."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangvu.access import Actor, user_of
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt

from .. import rules
from ..models import Submission, SubmissionKind, SubmissionState, Value
from ..scope import require_enter

EDITABLE = (SubmissionState.NOT_STARTED, SubmissionState.DRAFT, SubmissionState.RETURNED)


def entry_open(submission: Submission, on: date) -> str:
    """Why entry is closed on `on` ("" when it is open)."""
    r = submission.round
    if submission.state == SubmissionState.APPROVED:
        return "Báo cáo đã được duyệt và khóa; cần cấp trên mở lại để sửa."
    if submission.state == SubmissionState.SUBMITTED:
        return "Báo cáo đã gửi, đang chờ cấp trên duyệt; cấp trên trả lại thì mới sửa được."
    if submission.state == SubmissionState.EXCUSED:
        return "Đơn vị được miễn báo cáo trong đợt này."
    if on < r.opens_on:
        return f"Đợt báo cáo mở từ ngày {fmt(r.opens_on)}."
    if on > r.locks_on and not (submission.reopened_until and on <= submission.reopened_until):
        return f"Đợt báo cáo đã khóa sổ ngày {fmt(r.locks_on)}: đề nghị cấp trên mở lại cho đơn vị."
    return ""


@transaction.atomic
def submission_save(
    *,
    submission: Submission,
    values: Mapping[str, object],
    actor: Actor,
    reasons: Mapping[str, str] | None = None,
    narratives: Mapping[str, str] | None = None,
    submit: bool = False,
    on: date | None = None,
    at: datetime | None = None,
) -> Submission:
    """Save a unit's cells (raw, as typed: "1.234", "12,5", "có") as a draft, or submit
    them. Every problem is raised at once, by cell, and nothing is saved."""
    from ..selectors.prefill import prefill

    submission = (
        Submission.objects.select_for_update().select_related("round__form").get(pk=submission.pk)
    )
    org = submission.organization
    require_enter(actor, org)
    on = on or timezone.localdate()
    closed = entry_open(submission, on)
    if closed:
        raise ValidationError({"__all__": [closed]})
    form = submission.round.form
    spec = form.spec
    reasons = {k: v.strip() for k, v in (reasons or {}).items() if v and v.strip()}
    errors: dict[str, list[str]] = {}
    parsed: dict[str, Decimal | str | None] = {}
    entering = submission.kind == SubmissionKind.ENTRY
    computed = prefill(submission.round, org, actor=actor) if entering else {}
    by_code = {i.code: i for i in spec.indicators}
    if entering:
        for ind in spec.indicators:
            if not ind.entered:
                continue
            for cell in ind.cells():
                try:
                    parsed[cell] = rules.parse_cell(ind.value_type, values.get(cell))
                except rules.CellError as exc:
                    errors.setdefault(cell, []).append(
                        f"{rules.cell_label(spec, cell, start=True)}: {exc}."
                    )
        for cell, auto in computed.items():
            given = parsed.get(cell)
            if cell in errors or given is None or given == auto or cell in reasons:
                continue
            errors.setdefault(cell, []).append(
                f"{rules.cell_label(spec, cell, start=True)}: dangvu tính được "
                f"{rules.vn_number(auto)} từ dữ liệu đang quản lý; muốn ghi "
                f"{rules.vn_number(Decimal(given))} thì hãy ghi lý do sửa."
            )
        if not errors:
            for problem in rules.validate(spec, parsed, complete=submit):
                errors.setdefault(problem.cell, []).append(problem.message)
    sections = dict(spec.narratives)
    texts = {k: v.strip() for k, v in (narratives or {}).items() if k in sections}
    if submit and not texts.get("ket_qua") and "ket_qua" in sections:
        errors.setdefault("ket_qua", []).append(
            f"Phần “{sections['ket_qua']}” còn trống: hãy viết tóm tắt kết quả trước khi gửi."
        )
    if errors:
        raise ValidationError(errors)
    before = _snapshot(submission)
    if entering:
        submission.values.all().delete()
        ids = form.indicator_ids
        rows = []
        for cell, value in parsed.items():
            if value is None:
                continue
            code, _, part = cell.partition(".")
            is_text = by_code[code].value_type == rules.TEXT
            counted = computed.get(cell)
            rows.append(
                Value(
                    submission=submission,
                    indicator_id=ids[code],
                    part=part,
                    number=None if is_text else value,
                    text=str(value) if is_text else "",
                    computed=counted,
                    reason=reasons.get(cell, "") if counted not in (None, value) else "",
                )
            )
        Value.objects.bulk_create(rows)
    submission.narratives = texts
    if submit:
        submission.state = SubmissionState.SUBMITTED
        submission.submitted_on = on
        submission.submitted_at = at or timezone.now()
        submission.submitted_by = user_of(actor)
    elif submission.state == SubmissionState.NOT_STARTED:
        submission.state = SubmissionState.DRAFT
    submission.full_clean()
    submission.save()
    on_behalf = getattr(actor, "organization_id", None) not in (None, org.pk)
    overridden = sorted(c for c, a in computed.items() if parsed.get(c) not in (None, a))
    audit_record(
        actor=actor,
        action="reporting.submission_submit" if submit else "reporting.submission_save",
        obj=submission,
        organization=org,
        summary=(
            f"{'Gửi' if submit else 'Lưu nháp'} báo cáo {submission.round.period.label} của "
            f"{org.name}{' (cấp trên nhập thay)' if on_behalf else ''}"
            + (f"; sửa số liệu tự tính ở {', '.join(overridden)}" if overridden else "")
        ),
        before=before,
        after=_snapshot(submission),
    )
    return submission


def _snapshot(submission: Submission) -> dict[str, Any]:
    cells = {
        v.cell: (str(v.number) if v.number is not None else v.text)
        for v in submission.values.select_related("indicator")
    }
    return {"state": submission.state, "cells": cells, "narratives": submission.narratives}


__all__ = ["entry_open", "submission_save"]
