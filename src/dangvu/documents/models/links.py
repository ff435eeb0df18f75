"""What links entries: the references found in a text, the relations stated."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .choices import DocumentKind, RelationKind, RelationOrigin
from .register import Document


class Reference(models.Model):
    """A reference in a document's text to another numbered document, with the key as
    read (type, number, issuer, date) and the register entry it resolved to. A hand
    correction keeps what the extractor read in `extracted`."""

    document = models.ForeignKey(
        Document,
        verbose_name="văn bản dẫn chiếu",
        on_delete=models.CASCADE,
        related_name="references",
    )
    start = models.PositiveIntegerField("vị trí đầu")
    end = models.PositiveIntegerField("vị trí cuối")
    text = models.TextField("đoạn văn")
    kind = models.CharField(
        "khối", max_length=8, choices=DocumentKind.choices, default=DocumentKind.PARTY
    )
    type_name = models.CharField("loại văn bản", max_length=80, blank=True)
    type_code = models.CharField("ký hiệu loại", max_length=16, blank=True)
    number = models.CharField("số", max_length=16)
    year = models.PositiveSmallIntegerField("năm trong số hiệu", null=True, blank=True)
    issuer_code = models.CharField("ký hiệu cơ quan ban hành", max_length=24, blank=True)
    issuer_name = models.CharField("cơ quan ban hành (như viết)", max_length=255, blank=True)
    date = models.DateField("ngày ban hành", null=True, blank=True)
    target = models.ForeignKey(
        Document,
        verbose_name="văn bản được dẫn chiếu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="citations",
    )
    extracted = models.JSONField("bản trích xuất gốc", default=dict, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    corrected_at = models.DateTimeField("sửa lúc", null=True, blank=True)

    class Meta:
        verbose_name = "dẫn chiếu"
        verbose_name_plural = "dẫn chiếu"
        ordering = ["document", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="documents_reference_span_valid",
                violation_error_message="Vị trí cuối của đoạn dẫn chiếu phải sau vị trí đầu.",
            ),
            models.CheckConstraint(
                condition=~Q(target=F("document")),
                name="documents_reference_not_self",
                violation_error_message="Văn bản không dẫn chiếu chính nó.",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:120]

    @property
    def symbol(self) -> str:
        if self.kind == DocumentKind.STATE:
            year = f"/{self.year}" if self.year else ""
            code = f"{self.type_code}-" if self.type_code else ""
            return f"{self.number}{year}/{code}{self.issuer_code}"
        return f"{self.number}-{self.type_code}/{self.issuer_code}"


class DocumentRelation(models.Model):
    """`source` implements, replaces, amends or cancels `target`."""

    source = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="relations_out"
    )
    target = models.ForeignKey(
        Document,
        verbose_name="văn bản liên quan",
        on_delete=models.PROTECT,
        related_name="relations_in",
    )
    kind = models.CharField("quan hệ", max_length=16, choices=RelationKind.choices)
    origin = models.CharField(
        "nguồn", max_length=8, choices=RelationOrigin.choices, default=RelationOrigin.MANUAL
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "quan hệ giữa văn bản"
        verbose_name_plural = "quan hệ giữa văn bản"
        ordering = ["source", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                name="documents_documentrelation_unique",
                violation_error_message="Quan hệ này giữa hai văn bản đã được ghi.",
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="documents_documentrelation_not_self",
                violation_error_message="Một văn bản không thể có quan hệ với chính nó.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} — {self.get_kind_display().lower()} — {self.target}"
