"""Reference data, editable in the admin: document types and issuer codes."""

from __future__ import annotations

from django.db import models

from .choices import DocumentKind

# --- reference data, editable in the admin ---------------------------------------------


class DocumentType(models.Model):
    """A document type and the code it takes in a number and symbol (data migration
    `0002_reference_data`; domain.md marks some codes "check", so they stay editable)."""

    kind = models.CharField("khối", max_length=8, choices=DocumentKind.choices)
    name = models.CharField("tên loại văn bản", max_length=80)
    code = models.CharField("ký hiệu loại", max_length=16, blank=True)
    needs_check = models.BooleanField("cần kiểm tra lại", default=False)
    sort_order = models.PositiveSmallIntegerField("thứ tự", default=100)

    class Meta:
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"
        ordering = ["kind", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "name"],
                name="documents_documenttype_unique_name",
                violation_error_message="Loại văn bản này đã có trong danh mục.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


class IssuerCode(models.Model):
    """A code of an issuing body as written after the slash (`TU`, `ĐUK`, `NĐ-CP`'s `CP`)."""

    kind = models.CharField("khối", max_length=8, choices=DocumentKind.choices)
    code = models.CharField("ký hiệu cơ quan", max_length=16)
    name = models.CharField("cơ quan ban hành", max_length=255)
    needs_check = models.BooleanField("cần kiểm tra lại", default=False)
    local = models.BooleanField(
        "cơ quan địa phương",
        default=False,
        help_text=(
            "Mỗi tỉnh, mỗi xã đều có cơ quan này (UBND, HĐND): cùng số, ký hiệu ở hai địa "
            "phương là hai văn bản khác nhau."
        ),
    )

    central = models.BooleanField(
        "cơ quan Trung ương",
        default=False,
        help_text=(
            "Văn bản của cơ quan này (TW, VPTW, BTCTW...) do Trung ương ban hành: đơn vị "
            "tải lên chỉ ghi được bản nhận, không bổ sung, sửa bản gốc."
        ),
    )

    class Meta:
        verbose_name = "ký hiệu cơ quan ban hành"
        verbose_name_plural = "ký hiệu cơ quan ban hành"
        ordering = ["kind", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code"],
                name="documents_issuercode_unique_code",
                violation_error_message="Ký hiệu cơ quan này đã có trong danh mục.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"
