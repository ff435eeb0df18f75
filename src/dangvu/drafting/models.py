"""Drafts of official reports and the outgoing register (sổ văn bản đi) that numbers them.

A numbering series belongs to an issuing body, a document type and a year: its numbers run
from 1 without gaps or repeats (the series row is locked while a number is taken); a
cancelled number stays in the register, marked so, and is not given again.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Genre(models.TextChoices):
    PERIODIC = "periodic", "Báo cáo định kỳ (quý, 6 tháng, 9 tháng, năm)"
    DIRECTIVE = "directive", "Báo cáo kết quả thực hiện văn bản chỉ đạo"
    MEMBER_STATS = "member_stats", "Báo cáo số lượng đảng viên (biểu tổng hợp)"


class DraftStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"


class NumberStatus(models.TextChoices):
    TAKEN = "taken", "Đã cấp"
    CANCELLED = "cancelled", "Đã hủy"


class NumberSeries(models.Model):
    issuer = models.ForeignKey(
        "orgs.Organization", verbose_name="cơ quan ban hành", on_delete=models.PROTECT
    )
    type_code = models.CharField("ký hiệu loại", max_length=16)
    year = models.PositiveSmallIntegerField("năm")
    last_number = models.PositiveIntegerField("số đã cấp cuối cùng", default=0)

    class Meta:
        verbose_name = "sổ văn bản đi"
        verbose_name_plural = "sổ văn bản đi"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "type_code", "year"],
                name="drafting_numberseries_unique",
                violation_error_message="Cơ quan này đã có sổ văn bản đi cho loại và năm này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.type_code}/{self.issuer.issuer_code} năm {self.year}"


class OutgoingNumber(models.Model):
    series = models.ForeignKey(
        NumberSeries, verbose_name="sổ", on_delete=models.PROTECT, related_name="numbers"
    )
    number = models.PositiveIntegerField("số")
    symbol = models.CharField("số, ký hiệu", max_length=40)
    status = models.CharField(
        "trạng thái", max_length=16, choices=NumberStatus.choices, default=NumberStatus.TAKEN
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lấy số",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    taken_at = models.DateTimeField("lấy số lúc", auto_now_add=True)
    cancel_reason = models.CharField("lý do hủy", max_length=255, blank=True)

    class Meta:
        verbose_name = "số văn bản đi"
        verbose_name_plural = "số văn bản đi"
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                name="drafting_outgoingnumber_unique",
                violation_error_message="Số này đã được cấp trong sổ văn bản đi.",
            ),
            models.CheckConstraint(
                condition=Q(number__gt=0),
                name="drafting_outgoingnumber_positive",
                violation_error_message="Số văn bản bắt đầu từ 1.",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol


class Draft(models.Model):
    """A report in the making: the report object (`content`, blocks whose figures name
    their sources), the figures as read from the data when drafted (`figures`, to show
    what changed when redrafted), and once issued its number and register entry."""

    owner = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị soạn",
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    genre = models.CharField("thể loại", max_length=16, choices=Genre.choices)
    source = models.JSONField("nguồn số liệu", default=dict)
    title = models.TextField("trích yếu")
    content = models.JSONField("nội dung")
    figures = models.JSONField("số liệu khi soạn", default=dict)
    changes = models.JSONField("số liệu đã đổi khi soạn lại", default=list, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=DraftStatus.choices, default=DraftStatus.DRAFT
    )
    number = models.OneToOneField(
        OutgoingNumber, verbose_name="số", null=True, blank=True, on_delete=models.PROTECT
    )
    document = models.ForeignKey(
        "documents.Document",
        verbose_name="văn bản trong sổ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người soạn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "dự thảo văn bản"
        verbose_name_plural = "dự thảo văn bản"
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_genre_display()}: {self.title[:80]}"


class OfficeTemplate(models.Model):
    """An office's own .docx template of a genre, used for its drafts and those of the
    units below that have none (checked on upload: every placeholder must exist)."""

    owner = models.ForeignKey(
        "orgs.Organization", verbose_name="đơn vị", on_delete=models.CASCADE, related_name="+"
    )
    genre = models.CharField("thể loại", max_length=16, choices=Genre.choices)
    data = models.BinaryField("tệp mẫu (.docx)")
    original_name = models.CharField("tên tệp", max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now=True)

    class Meta:
        verbose_name = "mẫu văn bản của đơn vị"
        verbose_name_plural = "mẫu văn bản của đơn vị"
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "genre"],
                name="drafting_officetemplate_unique",
                violation_error_message="Đơn vị đã có mẫu cho thể loại này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_genre_display()} — {self.original_name}"
