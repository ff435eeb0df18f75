"""The register's entries (see the package for how one is identified)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from dangvu.core.dates import format_short
from dangvu.core.fields import SortKeyField

from .choices import DocumentKind, DocumentStatus, FileKind, Visibility

# --- the register ----------------------------------------------------------------------


def original_upload_to(instance: Document, filename: str) -> str:
    # Content-addressed: the same bytes are stored once whoever registers them.
    return f"van-ban/{instance.sha256[:2]}/{instance.sha256}.{instance.file_kind}"


class Document(models.Model):
    kind = models.CharField(
        "khối", max_length=8, choices=DocumentKind.choices, default=DocumentKind.PARTY
    )
    type_code = models.CharField("ký hiệu loại", max_length=16, blank=True)
    type_name = models.CharField("loại văn bản", max_length=80, blank=True)
    number = models.CharField("số", max_length=16, blank=True, help_text="Như viết: 05 vẫn là 05.")
    year = models.PositiveSmallIntegerField(
        "năm trong số hiệu", null=True, blank=True, help_text="Văn bản nhà nước: 13/2023/NĐ-CP."
    )
    issuer_code = models.CharField("ký hiệu cơ quan ban hành", max_length=24, blank=True)
    issuer = models.ForeignKey(
        "orgs.Organization",
        verbose_name="tổ chức ban hành",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    issuer_name = models.CharField("cơ quan ban hành (như viết)", max_length=255, blank=True)
    # Vietnamese alphabetical order of `issuer_label`, kept by the services' set_keys.
    issuer_order = SortKeyField("thứ tự theo cơ quan ban hành", max_length=300, blank=True)
    area = models.ForeignKey(
        "orgs.Organization",
        verbose_name="địa bàn",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Văn bản của cơ quan nhà nước địa phương (UBND, HĐND): tỉnh hoặc xã ban hành.",
    )
    area_name = models.CharField(
        "địa bàn (như viết)",
        max_length=120,
        blank=True,
        help_text="Khi địa bàn không có trong cây tổ chức: tên đã chuẩn hóa, như “tinh lao cai”.",
    )
    date = models.DateField("ngày ban hành", null=True, blank=True, db_index=True)
    title = models.TextField("trích yếu", blank=True)
    place = models.CharField("địa danh", max_length=80, blank=True)
    text = models.TextField("nội dung", blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.ISSUED
    )
    visibility = models.CharField(
        "phạm vi xem", max_length=16, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    owner = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị quản lý",
        on_delete=models.PROTECT,
        related_name="documents",
    )
    copy_of = models.ForeignKey(
        "self",
        verbose_name="bản gốc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="received_copies",
        help_text=(
            "Bản nhận (văn bản đến): bản của một văn bản do cấp ủy cấp trên hoặc Trung ương "
            "ban hành mà đơn vị nhận được. Bản gốc chỉ do đơn vị ban hành bổ sung, sửa."
        ),
    )
    original_file = models.FileField(
        "tệp gốc", upload_to=original_upload_to, max_length=255, blank=True
    )
    original_name = models.CharField("tên tệp gốc", max_length=255, blank=True)
    file_kind = models.CharField("loại tệp", max_length=8, choices=FileKind.choices, blank=True)
    file_size = models.PositiveBigIntegerField("cỡ tệp (byte)", null=True, blank=True)
    sha256 = models.CharField("mã băm SHA-256", max_length=64, blank=True, db_index=True)
    encoding = models.CharField("bảng mã", max_length=24, blank=True)
    # Identity (see the module docstring); written by the services, never by hand.
    number_key = models.CharField("số (chuẩn hóa)", max_length=16, blank=True)
    match_key = models.CharField("khóa số hiệu", max_length=200, blank=True, db_index=True)
    identity_key = models.CharField("khóa định danh", max_length=220, null=True, blank=True)
    search_text = models.TextField("chuỗi tìm kiếm", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = [F("date").desc(nulls_last=True), "-id"]
        indexes = [
            models.Index(fields=["owner", "status"], name="documents_doc_owner_status_idx"),
            models.Index(fields=["type_code", "date"], name="documents_doc_type_date_idx"),
            models.Index(fields=["issuer_order"], name="documents_doc_issuer_order_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["identity_key"],
                name="documents_document_unique_identity",
                violation_error_message=(
                    "Văn bản cùng số, ký hiệu và ngày ban hành đã có trong sổ văn bản."
                ),
            ),
            models.UniqueConstraint(
                fields=["owner", "sha256"],
                condition=~Q(sha256=""),
                name="documents_document_unique_file_per_owner",
                violation_error_message="Tệp này đã có trong sổ văn bản của đơn vị.",
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.PLACEHOLDER) | ~Q(number=""),
                name="documents_document_placeholder_has_number",
                violation_error_message="Văn bản chờ (được dẫn chiếu) phải có số, ký hiệu.",
            ),
            models.UniqueConstraint(
                fields=["owner", "copy_of"],
                condition=Q(copy_of__isnull=False),
                name="documents_document_one_copy_per_owner",
                violation_error_message="Đơn vị đã có bản nhận của văn bản này.",
            ),
            models.CheckConstraint(
                condition=Q(copy_of__isnull=True)
                | (Q(status=DocumentStatus.ISSUED) & Q(identity_key__isnull=True)),
                name="documents_document_copy_is_issued_and_unkeyed",
                violation_error_message=(
                    "Bản nhận là văn bản đã ban hành và không mang số hiệu trong sổ của đơn vị."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status=DocumentStatus.PLACEHOLDER) | Q(sha256=""),
                name="documents_document_placeholder_has_no_file",
                violation_error_message="Văn bản chờ không có tệp gốc.",
            ),
        ]

    def __str__(self) -> str:
        kind = self.type_name or "Văn bản"
        if self.symbol:
            head = f"{kind} số {self.symbol}"
        else:
            title = self.title if len(self.title) <= 80 else self.title[:79] + "…"
            head = f"{kind} “{title}”" if title else f"{kind} không số"
        return f"{head}, ngày {format_short(self.date)}" if self.date else head

    @property
    def symbol(self) -> str:
        """The number and symbol as written in Vietnamese documents: 42-CTr/TU, 13/2023/NĐ-CP."""
        if not self.number:
            return ""
        if self.kind == DocumentKind.STATE:
            year = f"/{self.year}" if self.year else ""
            if self.type_code:
                return f"{self.number}{year}/{self.type_code}-{self.issuer_code}"
            return f"{self.number}{year}/{self.issuer_code}"
        return f"{self.number}-{self.type_code}/{self.issuer_code}"

    @property
    def issuer_label(self) -> str:
        """The issuer as the register names it: the committee of the issuing organization
        (Đảng ủy xã Việt Thành), else the name as written, else its code (TW)."""
        if self.issuer_id is not None and self.issuer is not None:
            return self.issuer.committee_name or self.issuer.name
        return self.issuer_name or self.issuer_code

    @property
    def is_placeholder(self) -> bool:
        return self.status == DocumentStatus.PLACEHOLDER

    @property
    def is_received_copy(self) -> bool:
        return self.copy_of_id is not None

    def fields_for_audit(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "type_code": self.type_code,
            "type_name": self.type_name,
            "number": self.number,
            "year": self.year,
            "issuer_code": self.issuer_code,
            "issuer": self.issuer_id,
            "area": self.area_id,
            "area_name": self.area_name,
            "date": self.date,
            "title": self.title[:300],
            "place": self.place,
            "status": self.status,
            "visibility": self.visibility,
            "owner": self.owner_id,
            "copy_of": self.copy_of_id,
            "original_name": self.original_name,
            "sha256": self.sha256,
        }
