"""Demo reporting (scale `demo`): the cycle at a glance.

- quý I năm 2023 over the 2023 tree (districts and their communes), every report
  approved: its consolidation still adds up after the 2025 restructuring;
- the last complete quarter before today, opened for the province's direct units (the
  communes formed in 2025): some communes submitted (one approved), one returned with a
  comment, one late, the rest missing and reminded; the same quarter of last year
  approved, and a yearly target for admissions, so the consolidation shows the change
  and the progress.
Everything through the services, as the system, so the audit log is real."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from . import periods
from .models import ReportForm, Round, Submission, SubmissionKind
from .scope import SYSTEM
from .selectors import prefill
from .services import (
    round_open,
    round_remind,
    submission_approve,
    submission_return,
    submission_save,
    target_set,
)

NARRATIVE = {
    "ket_qua": (
        "Cấp ủy đã bám sát chương trình công tác, lãnh đạo thực hiện tốt công tác phát triển "
        "đảng viên; sinh hoạt chi bộ định kỳ đi vào nền nếp."
    ),
    "han_che": "Việc kết nạp đảng viên ở một số chi bộ thôn còn ít; chất lượng sinh hoạt chưa đều.",
    "phuong_huong": "Tiếp tục tạo nguồn kết nạp đảng viên; nâng cao chất lượng sinh hoạt chi bộ.",
}


def _values(sub: Submission) -> dict[str, Any]:
    """A complete sheet: the computed cells as dangvu counted them, the rest plausible."""
    auto = prefill(sub.round, sub.organization, actor=SYSTEM)
    seed = sub.organization_id
    out: dict[str, Any] = {}
    for ind in sub.round.form.spec.indicators:
        if not ind.entered:
            continue
        for cell in ind.cells():
            if cell in auto:
                out[cell] = auto[cell]
            elif ind.value_type == "text":
                out[cell] = "Sinh hoạt đều đặn, đúng định kỳ"
            elif ind.value_type == "yes_no":
                out[cell] = "có"
            elif "." in cell:
                out[cell] = 0
            else:
                out[cell] = {"KN04": 3 + seed % 5, "KT01": seed % 3}.get(cell, 0)
    return out


def _send(sub: Submission, on: date) -> None:
    submission_save(
        submission=sub,
        values=_values(sub),
        narratives=NARRATIVE,
        submit=True,
        actor=SYSTEM,
        on=on,
    )


def _full_round(form: ReportForm, root: Any, period: periods.Period, rule: str) -> Round:
    r = round_open(
        form=form,
        period=period,
        unit_rule=rule,
        rule_root=root,
        opens_on=period.end,
        due_on=period.end + timedelta(days=10),
        locks_on=period.end + timedelta(days=30),
        actor=SYSTEM,
    )
    entries = r.submissions.filter(kind=SubmissionKind.ENTRY).select_related("organization")
    for sub in entries.order_by("path"):
        _send(sub, period.end + timedelta(days=5))
        submission_approve(submission=sub, actor=SYSTEM)
    for sub in r.submissions.filter(kind=SubmissionKind.CONSOLIDATED).order_by("-depth"):
        submission_approve(submission=sub, actor=SYSTEM)
    return r


def populate(scale: str, log: Callable[[str], None], context: dict[str, Any]) -> None:
    province = context.get("province")
    if province is None or scale != "demo":
        return
    log("")
    if Round.objects.filter(owner=province).exists():
        log("Báo cáo định kỳ mẫu đã có; không tạo lại.")
        return
    form = ReportForm.objects.get(code="TCXD-QUY", version=1)
    today = timezone.localdate()
    old = _full_round(form, province, periods.quarter(2023, 1), "grassroots")
    log(f"Báo cáo quý I năm 2023 (cây tổ chức năm 2023): {old.units} đơn vị, đã duyệt.")
    period = periods.containing(periods.QUARTER, today).previous()
    _full_round(form, province, period.same_period_last_year(), "direct")
    opens = period.end + timedelta(days=1)
    due = max(opens, today - timedelta(days=3))
    r = round_open(
        form=form,
        period=period,
        unit_rule="direct",
        rule_root=province,
        opens_on=opens,
        due_on=due,
        locks_on=today + timedelta(days=20),
        actor=SYSTEM,
    )
    target_set(
        organization=province,
        form_code=form.code,
        indicator_code="KN01",
        year=period.year,
        value=Decimal(40),
        actor=SYSTEM,
    )
    subs = sorted(
        r.submissions.filter(kind=SubmissionKind.ENTRY).select_related("organization"),
        key=lambda s: (s.organization.kind != "commune", s.organization.code),
    )
    # xa1 (first commune) returned, xa2 missing; then approved, waiting, late, missing
    on_time = min(due, opens + timedelta(days=2))
    plan = ["returned", "missing", "approved", "waiting", "late"]
    for sub, what in zip(subs, plan, strict=False):
        if what == "missing":
            continue
        _send(sub, today if what == "late" else on_time)
        if what == "approved":
            submission_approve(submission=sub, actor=SYSTEM)
        elif what == "returned":
            submission_return(
                submission=sub,
                comment="Số kết nạp đảng viên mới chưa khớp với danh sách quyết định; đề nghị "
                "rà soát, bổ sung lý do và gửi lại.",
                actor=SYSTEM,
            )
    round_remind(round=r, organization=province, actor=SYSTEM)
    log(
        f"Đợt báo cáo {period.label}: {len(subs)} đơn vị; 3 đã gửi (1 đã duyệt, 1 muộn), "
        "1 bị trả lại, còn lại chưa báo cáo (đã nhắc)."
    )
