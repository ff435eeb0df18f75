"""Periodic reporting: forms × units × periods → values.

A `ReportForm` (versioned) lists its `Indicator`s and the `FormRule`s between cells. A
committee opens a `Round` of a form for a period; each unit the rule takes gets an
entry `Submission`, and each committee between them and the round's root a consolidated
one. A submission's `Value`s are its cells (an indicator's total or one part of its grid).
`Rollup` holds, for each organization above the entry units on the period's end tree, the
running sums of the approved values (kept by approve and reopen, in their transaction), so
a province's or the nation's consolidation is a read of a few dozen rows.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from dangvu.core.fields import PathField

from . import periods, rules
from .rules import FormSpec


class ValueType(models.TextChoices):
    INTEGER = rules.INTEGER, rules.VALUE_TYPES[rules.INTEGER]
    DECIMAL = rules.DECIMAL, rules.VALUE_TYPES[rules.DECIMAL]
    PERCENT = rules.PERCENT, rules.VALUE_TYPES[rules.PERCENT]
    YES_NO = rules.YES_NO, rules.VALUE_TYPES[rules.YES_NO]
    TEXT = rules.TEXT, rules.VALUE_TYPES[rules.TEXT]


class TreeRollup(models.TextChoices):
    SUM = rules.TREE_SUM, rules.TREE_ROLLUPS[rules.TREE_SUM]
    LAST = rules.TREE_LAST, rules.TREE_ROLLUPS[rules.TREE_LAST]
    NONE = rules.TREE_NONE, rules.TREE_ROLLUPS[rules.TREE_NONE]


class TimeRollup(models.TextChoices):
    SUM = rules.TIME_SUM, rules.TIME_ROLLUPS[rules.TIME_SUM]
    END = rules.TIME_END, rules.TIME_ROLLUPS[rules.TIME_END]


class PeriodKind(models.TextChoices):
    MONTH = periods.MONTH, periods.KIND_LABELS[periods.MONTH]
    QUARTER = periods.QUARTER, periods.KIND_LABELS[periods.QUARTER]
    HALF = periods.HALF, periods.KIND_LABELS[periods.HALF]
    NINE_MONTHS = periods.NINE_MONTHS, periods.KIND_LABELS[periods.NINE_MONTHS]
    YEAR = periods.YEAR, periods.KIND_LABELS[periods.YEAR]
    TERM = periods.TERM, periods.KIND_LABELS[periods.TERM]
    ROUND = periods.ROUND, periods.KIND_LABELS[periods.ROUND]


class ReportForm(models.Model):
    code = models.CharField("mã biểu", max_length=32)
    version = models.PositiveSmallIntegerField("phiên bản", default=1)
    title = models.CharField("tên biểu", max_length=255)
    description = models.TextField("mô tả", blank=True)
    narratives = models.JSONField("các phần lời văn", default=list)
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)

    class Meta:
        verbose_name = "biểu mẫu báo cáo"
        verbose_name_plural = "biểu mẫu báo cáo"
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"],
                name="reporting_reportform_unique_version",
                violation_error_message="Biểu mẫu đã có phiên bản này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code}, phiên bản {self.version})"

    @cached_property
    def spec(self) -> FormSpec:
        """The form as the pure rules read it (two queries, cached on the instance)."""
        return rules.FormSpec(
            code=self.code,
            version=self.version,
            title=self.title,
            description=self.description,
            indicators=tuple(i.spec for i in self.indicators.order_by("position")),
            rules=tuple(
                rules.RuleSpec(r.left, r.op, r.right, r.label)
                for r in self.rules.order_by("position")
            ),
            narratives=tuple((c, t) for c, t in self.narratives),
        )

    @cached_property
    def indicator_ids(self) -> dict[str, int]:
        return dict(self.indicators.values_list("code", "pk"))


class Indicator(models.Model):
    form = models.ForeignKey(
        ReportForm, verbose_name="biểu mẫu", on_delete=models.CASCADE, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField("thứ tự")
    code = models.CharField("mã chỉ tiêu", max_length=16)
    label = models.CharField("tên chỉ tiêu", max_length=255)
    section = models.CharField("mục", max_length=255)
    unit = models.CharField("đơn vị tính", max_length=32, blank=True)
    value_type = models.CharField("kiểu giá trị", max_length=16, choices=ValueType.choices)
    tree = models.CharField("tổng hợp qua các đơn vị", max_length=8, choices=TreeRollup.choices)
    time = models.CharField("tổng hợp theo thời gian", max_length=8, choices=TimeRollup.choices)
    parts = models.JSONField("các cột “trong đó”", default=list, blank=True)
    numerator = models.CharField("tử số (ô)", max_length=24, blank=True)
    denominator = models.CharField("mẫu số (ô)", max_length=24, blank=True)
    prefill = models.CharField("nguồn số liệu tự tính", max_length=48, blank=True)
    note = models.CharField("ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["form", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["form", "code"],
                name="reporting_indicator_unique_code",
                violation_error_message="Mã chỉ tiêu đã có trong biểu này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"

    @property
    def spec(self) -> rules.IndicatorSpec:
        return rules.IndicatorSpec(
            code=self.code,
            label=self.label,
            section=self.section,
            unit=self.unit,
            value_type=self.value_type,
            tree=self.tree,
            time=self.time,
            parts=tuple(self.parts),
            numerator=self.numerator,
            denominator=self.denominator,
            prefill=self.prefill,
            note=self.note,
        )


class FormRule(models.Model):
    form = models.ForeignKey(
        ReportForm, verbose_name="biểu mẫu", on_delete=models.CASCADE, related_name="rules"
    )
    position = models.PositiveSmallIntegerField("thứ tự")
    left = models.CharField("vế trái", max_length=255)
    op = models.CharField("phép so sánh", max_length=2)
    right = models.CharField("vế phải", max_length=255)
    label = models.CharField("quy tắc", max_length=255)

    class Meta:
        verbose_name = "quy tắc kiểm tra"
        verbose_name_plural = "quy tắc kiểm tra"
        ordering = ["form", "position"]

    def __str__(self) -> str:
        return self.label


class Round(models.Model):
    """A form asked of the units a rule takes, for one period, with its dates."""

    form = models.ForeignKey(
        ReportForm, verbose_name="biểu mẫu", on_delete=models.PROTECT, related_name="rounds"
    )
    owner = models.ForeignKey(
        "orgs.Organization",
        verbose_name="cấp ủy yêu cầu báo cáo",
        on_delete=models.PROTECT,
        related_name="report_rounds",
    )
    title = models.CharField("tên đợt báo cáo", max_length=255)
    period_kind = models.CharField("loại kỳ", max_length=16, choices=PeriodKind.choices)
    period_key = models.CharField("kỳ báo cáo", max_length=32, db_index=True)
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    data_until = models.DateField("số liệu tính đến ngày", null=True, blank=True)
    unit_rule = models.CharField("đơn vị báo cáo", max_length=16)
    opens_on = models.DateField("ngày mở")
    due_on = models.DateField("hạn báo cáo")
    locks_on = models.DateField("ngày khóa sổ")
    task = models.ForeignKey(
        "tracking.Task",
        verbose_name="việc theo dõi (số buổi, lượt tham dự)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    units = models.PositiveIntegerField("số đơn vị phải báo cáo", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người mở",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm mở", auto_now_add=True)

    class Meta:
        verbose_name = "đợt báo cáo"
        verbose_name_plural = "đợt báo cáo"
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("opens_on")),
                name="reporting_round_due_after_open",
                violation_error_message="Hạn báo cáo phải từ ngày mở trở đi.",
            ),
            models.CheckConstraint(
                condition=Q(locks_on__gte=F("due_on")),
                name="reporting_round_lock_after_due",
                violation_error_message="Ngày khóa sổ phải từ hạn báo cáo trở đi.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="reporting_round_period_order",
                violation_error_message="Kỳ báo cáo phải kết thúc sau khi bắt đầu.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form.title} {self.period.label}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:round_detail", args=[self.pk])

    @property
    def period(self) -> periods.Period:
        title = self.title if self.period_kind == periods.ROUND else ""
        return periods.from_key(self.period_key, title=title, data_until=self.data_until)

    @property
    def as_of(self) -> object:
        return self.data_until or self.period_end


class SubmissionKind(models.TextChoices):
    ENTRY = "entry", "Đơn vị báo cáo"
    CONSOLIDATED = "consolidated", "Báo cáo tổng hợp"


class SubmissionState(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa báo cáo"
    DRAFT = "draft", "Đang nhập (bản nháp)"
    SUBMITTED = "submitted", "Đã gửi, chờ duyệt"
    RETURNED = "returned", "Bị trả lại"
    APPROVED = "approved", "Đã duyệt"
    EXCUSED = "excused", "Được miễn báo cáo"


OPEN_STATES = (SubmissionState.NOT_STARTED, SubmissionState.DRAFT, SubmissionState.RETURNED)
REPORTED_STATES = (SubmissionState.SUBMITTED, SubmissionState.APPROVED)


class Submission(models.Model):
    """One unit's report in one round. `path` and `depth` are the unit's place on the
    period's end tree (where it is counted, whatever happened to the tree since)."""

    round = models.ForeignKey(
        Round, verbose_name="đợt báo cáo", on_delete=models.CASCADE, related_name="submissions"
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="report_submissions",
    )
    kind = models.CharField("loại", max_length=16, choices=SubmissionKind.choices)
    path = PathField("vị trí cuối kỳ")
    depth = models.PositiveSmallIntegerField("cấp cuối kỳ")
    name = models.CharField("tên đơn vị cuối kỳ", max_length=255)
    state = models.CharField(
        "tình trạng",
        max_length=16,
        choices=SubmissionState.choices,
        default=SubmissionState.NOT_STARTED,
    )
    narratives = models.JSONField("lời văn", default=dict, blank=True)
    submitted_on = models.DateField("ngày gửi", null=True, blank=True)
    submitted_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người gửi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("thời điểm duyệt, trả lại", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt, trả lại",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField("ý kiến của cấp trên", blank=True)
    reopened_until = models.DateField("mở lại cho nhập đến ngày", null=True, blank=True)
    excuse_reason = models.CharField("lý do miễn báo cáo", max_length=255, blank=True)
    reminded_at = models.DateTimeField("lần nhắc gần nhất", null=True, blank=True)
    reminders = models.PositiveSmallIntegerField("số lần được nhắc", default=0)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "báo cáo của đơn vị"
        verbose_name_plural = "báo cáo của đơn vị"
        ordering = ["round", "path"]
        indexes = [
            models.Index(fields=["round", "path"], name="reporting_sub_round_path_idx"),
            models.Index(fields=["organization", "state"], name="reporting_sub_org_state_idx"),
            # completeness reads the subtree's entry reports from this index alone
            models.Index(
                fields=["round", "kind", "path", "state", "submitted_on", "depth"],
                name="reporting_sub_tally_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organization"],
                name="reporting_submission_one_per_unit",
                violation_error_message="Đơn vị đã có báo cáo trong đợt này.",
            ),
            models.CheckConstraint(
                condition=~Q(state="returned") | ~Q(comment=""),
                name="reporting_submission_return_has_comment",
                violation_error_message="Khi trả lại báo cáo, hãy ghi ý kiến để đơn vị sửa.",
            ),
            models.CheckConstraint(
                condition=~Q(state="excused") | ~Q(excuse_reason=""),
                name="reporting_submission_excuse_has_reason",
                violation_error_message="Hãy ghi lý do đơn vị được miễn báo cáo.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.round}"

    @property
    def is_late(self) -> bool:
        return self.submitted_on is not None and self.submitted_on > self.round.due_on


class Value(models.Model):
    """One cell of a submission: an indicator's total (`part` empty) or one part of its
    grid. `computed` is what dangvu counted (shown beside it); `reason` why the unit
    entered something else."""

    submission = models.ForeignKey(
        Submission, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="+"
    )
    part = models.CharField("cột", max_length=8, blank=True)
    number = models.DecimalField("giá trị", max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.CharField("giá trị chữ", max_length=500, blank=True)
    computed = models.DecimalField(
        "số liệu tự tính", max_digits=18, decimal_places=4, null=True, blank=True
    )
    reason = models.CharField("lý do sửa số liệu tự tính", max_length=500, blank=True)

    class Meta:
        verbose_name = "số liệu"
        verbose_name_plural = "số liệu"
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator", "part"],
                name="reporting_value_one_per_cell",
                violation_error_message="Ô này đã có số liệu.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}{'.' + self.part if self.part else ''} = {self.number}"

    @property
    def cell(self) -> str:
        return f"{self.indicator.code}.{self.part}" if self.part else self.indicator.code

    @property
    def overridden(self) -> bool:
        return self.computed is not None and self.number != self.computed


class Rollup(models.Model):
    """The sum of the approved values of one cell below one organization, on the round's
    period-end tree. Kept by `submission_approve` and `submission_reopen`; checked against
    the values by `rollup_rebuild` and the tests."""

    round = models.ForeignKey(
        Round, verbose_name="đợt báo cáo", on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(
        "orgs.Organization", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="+"
    )
    part = models.CharField("cột", max_length=8, blank=True)
    total = models.DecimalField("tổng", max_digits=20, decimal_places=4, default=0)
    units = models.PositiveIntegerField("số đơn vị đã duyệt", default=0)

    class Meta:
        verbose_name = "số liệu tổng hợp"
        verbose_name_plural = "số liệu tổng hợp"
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organization", "indicator", "part"],
                name="reporting_rollup_one_per_cell",
                violation_error_message="Ô tổng hợp đã có.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.indicator_id}{self.part}: {self.total}"


class Target(models.Model):
    """A yearly target of one organization for one indicator of a form."""

    organization = models.ForeignKey(
        "orgs.Organization", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+"
    )
    form_code = models.CharField("mã biểu", max_length=32)
    indicator_code = models.CharField("mã chỉ tiêu", max_length=16)
    year = models.PositiveSmallIntegerField("năm")
    value = models.DecimalField("chỉ tiêu năm", max_digits=18, decimal_places=4)

    class Meta:
        verbose_name = "chỉ tiêu năm"
        verbose_name_plural = "chỉ tiêu năm"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "form_code", "indicator_code", "year"],
                name="reporting_target_unique",
                violation_error_message="Đơn vị đã có chỉ tiêu năm này.",
            ),
            models.CheckConstraint(
                condition=Q(value__gt=0),
                name="reporting_target_positive",
                violation_error_message="Chỉ tiêu năm phải lớn hơn 0.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_code} {self.year}: {self.value}"


class RoundReminder(models.Model):
    """A committee reminded the units of a round that have not reported."""

    round = models.ForeignKey(
        Round, verbose_name="đợt báo cáo", on_delete=models.CASCADE, related_name="reminders"
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="cấp ủy nhắc",
        on_delete=models.CASCADE,
        related_name="+",
    )
    units = models.PositiveIntegerField("số đơn vị được nhắc")
    unit_names = models.TextField("các đơn vị được nhắc", blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhắc",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField("thời điểm nhắc", auto_now_add=True)

    class Meta:
        verbose_name = "lần nhắc báo cáo"
        verbose_name_plural = "lần nhắc báo cáo"
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"Nhắc {self.units} đơn vị"
