"""Tasks of a directive and each unit's part in them.

A `Task` comes from a document in the register (Kế hoạch 126-KH/TU) and applies to the
units a rule picked on the tree on its issue date; each unit gets one `Assignment`.
A unit reports through `Submission`s (evidence, figures) that its superior confirms or
returns. Whether an assignment is overdue, on time or late is derived from the due
date, the completion date and today, never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from dangvu.core.dates import format_short

from . import rules


class TaskKind(models.TextChoices):
    ISSUE_DOCUMENT = "issue_document", "Ban hành văn bản thực hiện (kế hoạch, chương trình)"
    HOLD_ACTIVITY = "hold_activity", "Tổ chức học tập, quán triệt, sinh hoạt"
    REPORT = "report", "Báo cáo kết quả"
    OTHER = "other", "Nhiệm vụ khác"


class UnitRuleChoice(models.TextChoices):
    DIRECT = rules.RULE_DIRECT, rules.UNIT_RULES[rules.RULE_DIRECT].label
    GRASSROOTS = rules.RULE_GRASSROOTS, rules.UNIT_RULES[rules.RULE_GRASSROOTS].label
    CELLS = rules.RULE_CELLS, rules.UNIT_RULES[rules.RULE_CELLS].label
    LISTED = rules.RULE_LISTED, rules.UNIT_RULES[rules.RULE_LISTED].label


class AssignmentState(models.TextChoices):
    PENDING = rules.PENDING, "Chưa thực hiện"
    IN_PROGRESS = rules.IN_PROGRESS, "Đang thực hiện"
    SUBMITTED = rules.SUBMITTED, "Đã báo cáo, chờ xác nhận"
    RETURNED = rules.RETURNED, "Bị trả lại"
    DONE = rules.DONE, "Hoàn thành"
    EXEMPT = rules.EXEMPT, "Không phải thực hiện"


class ExemptReason(models.TextChoices):
    DISSOLVED = "dissolved", "giải thể"
    MERGED = "merged", "đã hợp nhất"
    SPLIT = "split", "chia tách"
    OTHER = "other", "lý do khác"


class Task(models.Model):
    source = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản giao việc",
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    owner = models.ForeignKey(
        "orgs.Organization",
        verbose_name="cấp ủy giao việc",
        on_delete=models.PROTECT,
        related_name="tasks_issued",
    )
    title = models.CharField("nội dung công việc", max_length=500)
    description = models.TextField("yêu cầu cụ thể", blank=True)
    kind = models.CharField("loại việc", max_length=20, choices=TaskKind.choices)
    issued_on = models.DateField("ngày giao")
    due_on = models.DateField("hạn hoàn thành", db_index=True)
    unit_rule = models.CharField("đơn vị thực hiện", max_length=16, choices=UnitRuleChoice.choices)
    rule_root = models.ForeignKey(
        "orgs.Organization",
        verbose_name="trong phạm vi",
        on_delete=models.PROTECT,
        related_name="+",
    )
    asks_sessions = models.BooleanField("báo cáo số buổi", default=False)
    asks_participants = models.BooleanField("báo cáo số lượt đảng viên tham dự", default=False)
    series = models.ForeignKey(
        "self",
        verbose_name="lần đầu của việc lặp lại",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rounds",
    )
    round = models.PositiveSmallIntegerField("lần", default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người giao",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "việc được giao"
        verbose_name_plural = "việc được giao"
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("issued_on")),
                name="tracking_task_due_after_issue",
                violation_error_message="Hạn hoàn thành phải từ ngày giao việc trở đi.",
            ),
            models.CheckConstraint(
                condition=Q(round__gte=1),
                name="tracking_task_round_positive",
                violation_error_message="Lần thực hiện bắt đầu từ 1.",
            ),
            models.UniqueConstraint(
                fields=["series", "round"],
                name="tracking_task_unique_round",
                violation_error_message="Việc lặp lại đã có lần này.",
            ),
        ]

    def __str__(self) -> str:
        suffix = f" (lần {self.round})" if self.series_id or self.round > 1 else ""
        return f"{self.title}{suffix}, hạn {format_short(self.due_on)}"

    @property
    def figures(self) -> list[rules.Figure]:
        asked = {"sessions": self.asks_sessions, "participants": self.asks_participants}
        return [f for f in rules.FIGURES if asked[f.code]]


class Assignment(models.Model):
    """One unit's part in one task. `organization` is the unit that holds it now (after
    a merge, the unit merged into); `transferred_from` where it came from."""

    task = models.ForeignKey(
        Task, verbose_name="việc", on_delete=models.CASCADE, related_name="assignments"
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị thực hiện",
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    state = models.CharField(
        "trạng thái",
        max_length=16,
        choices=AssignmentState.choices,
        default=AssignmentState.PENDING,
    )
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    sessions = models.PositiveIntegerField("số buổi", null=True, blank=True)
    participants = models.PositiveIntegerField("số lượt tham dự", null=True, blank=True)
    evidence_document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản của đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments_evidenced",
    )
    exempt_reason = models.CharField(
        "lý do không phải thực hiện", max_length=16, choices=ExemptReason.choices, blank=True
    )
    exempt_note = models.CharField("ghi chú", max_length=255, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="gộp vào",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    transferred_from = models.ForeignKey(
        "orgs.Organization",
        verbose_name="chuyển từ đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    transferred_on = models.DateField("ngày chuyển", null=True, blank=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "phần việc của đơn vị"
        verbose_name_plural = "phần việc của đơn vị"
        ordering = ["task", "organization__path"]
        indexes = [
            models.Index(fields=["task", "state"], name="tracking_asg_task_state_idx"),
            # A subtree's part of a task: the units of the subtree (by path), then each
            # one's assignment of the task (see selectors.completion._scoped).
            models.Index(fields=["organization", "task"], name="tracking_asg_org_task_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "organization"],
                condition=~Q(state=rules.EXEMPT),
                name="tracking_assignment_one_open_per_unit",
                violation_error_message="Đơn vị này đã được giao việc này.",
            ),
            models.CheckConstraint(
                condition=~Q(state=rules.DONE) | Q(completed_on__isnull=False),
                name="tracking_assignment_done_has_date",
                violation_error_message="Việc đã hoàn thành phải có ngày hoàn thành.",
            ),
            models.CheckConstraint(
                condition=~Q(state=rules.EXEMPT) | ~Q(exempt_reason=""),
                name="tracking_assignment_exempt_has_reason",
                violation_error_message="Hãy ghi lý do đơn vị không phải thực hiện.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task.title} — {self.organization.name}"

    def shown(self, today: object) -> str:
        return rules.shown_status(self.state, self.task.due_on, self.completed_on, today)  # type: ignore[arg-type]


class SubmissionDecision(models.TextChoices):
    PROGRESS = "progress", "Cập nhật tiến độ"
    PENDING = "pending", "Chờ cấp trên xác nhận"
    CONFIRMED = "confirmed", "Cấp trên đã xác nhận"
    RETURNED = "returned", "Cấp trên trả lại"
    AUTOMATIC = "automatic", "Tự ghi nhận từ sổ văn bản"


def evidence_upload_to(instance: Submission, filename: str) -> str:
    return f"theo-doi/{instance.assignment_id}/{filename}"


class Submission(models.Model):
    """A unit's update on its assignment: a report text, figures, evidence; and what its
    superior decided about it."""

    assignment = models.ForeignKey(
        Assignment, verbose_name="phần việc", on_delete=models.CASCADE, related_name="submissions"
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị báo cáo",
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField("tình trạng", max_length=16, choices=SubmissionDecision.choices)
    text = models.TextField("nội dung báo cáo", blank=True)
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    sessions = models.PositiveIntegerField("số buổi", null=True, blank=True)
    participants = models.PositiveIntegerField("số lượt tham dự", null=True, blank=True)
    evidence_document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản kèm theo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attachment = models.FileField(
        "tệp đính kèm", upload_to=evidence_upload_to, max_length=255, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người báo cáo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField("thời điểm báo cáo", auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xem xét",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("thời điểm xem xét", null=True, blank=True)
    review_comment = models.TextField("ý kiến của cấp trên", blank=True)

    class Meta:
        verbose_name = "báo cáo của đơn vị"
        verbose_name_plural = "báo cáo của đơn vị"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(decision=SubmissionDecision.RETURNED) | ~Q(review_comment=""),
                name="tracking_submission_return_has_comment",
                violation_error_message="Khi trả lại báo cáo, hãy ghi ý kiến để đơn vị bổ sung.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} — {self.assignment}"


class ReminderRun(models.Model):
    """One run of `dangvu remind`."""

    as_of = models.DateField("tính đến ngày")
    within_days = models.PositiveSmallIntegerField("nhắc trước (ngày)")
    units = models.PositiveIntegerField("số đơn vị được nhắc", default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người chạy",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm", auto_now_add=True)

    class Meta:
        verbose_name = "đợt nhắc việc"
        verbose_name_plural = "đợt nhắc việc"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Nhắc việc ngày {format_short(self.as_of)} ({self.units} đơn vị)"


class Reminder(models.Model):
    """What one unit was reminded of in one run."""

    run = models.ForeignKey(
        ReminderRun, verbose_name="đợt nhắc", on_delete=models.CASCADE, related_name="reminders"
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị",
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    due_soon = models.PositiveIntegerField("sắp đến hạn", default=0)
    overdue = models.PositiveIntegerField("quá hạn", default=0)
    assignment_ids = models.JSONField("các phần việc", default=list)
    text = models.TextField("nội dung nhắc")

    class Meta:
        verbose_name = "lời nhắc"
        verbose_name_plural = "lời nhắc"
        ordering = ["-run__created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "organization"],
                name="tracking_reminder_once_per_run",
                violation_error_message="Đơn vị đã được nhắc trong đợt này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.due_soon} sắp đến hạn, {self.overdue} quá hạn"
