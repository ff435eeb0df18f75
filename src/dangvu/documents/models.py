"""The document register: documents, the references between them, and what was found in
their text (figures, deadlines, people, the period), each with its span in the text.

A document is identified by its number and symbol: kind (party or state), issuer code
(and, where known, the issuing organization; for a local state body such as a UBND or
HĐND, the area it governs: `area`, else the place's name `area_name`), type code,
number (leading zeros ignored), the year of a state document's symbol, and the date.
`match_key` is that identity without the date (what an undated reference names);
`identity_key` adds the date and is unique, so the same number in another term is
another document, and a placeholder registered from a reference is completed in place
when the document itself arrives.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from dangvu.core.dates import format_short


class DocumentKind(models.TextChoices):
    PARTY = "party", "Văn bản của Đảng"
    STATE = "state", "Văn bản của Nhà nước"


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"
    PLACEHOLDER = "placeholder", "Được dẫn chiếu, chưa có văn bản"


class Visibility(models.TextChoices):
    INTERNAL = "internal", "Theo phạm vi tổ chức"
    PUBLIC = "public", "Công khai cho mọi người dùng"


class RelationKind(models.TextChoices):
    IMPLEMENTS = "implements", "Thực hiện"
    REPLACES = "replaces", "Thay thế"
    AMENDS = "amends", "Sửa đổi, bổ sung"
    CANCELS = "cancels", "Bãi bỏ"


class RelationOrigin(models.TextChoices):
    AUTO = "auto", "Nhận ra từ văn bản"
    MANUAL = "manual", "Người dùng ghi"


class FindingKind(models.TextChoices):
    FIGURE = "figure", "Số liệu"
    DEADLINE = "deadline", "Thời hạn"
    PERSON = "person", "Nhân sự"
    PERIOD = "period", "Kỳ báo cáo"


class FileKind(models.TextChoices):
    TXT = "txt", "Văn bản thuần (.txt)"
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF (.pdf)"


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
    def is_placeholder(self) -> bool:
        return self.status == DocumentStatus.PLACEHOLDER

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
            "original_name": self.original_name,
            "sha256": self.sha256,
        }


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


class Finding(models.Model):
    """A figure, deadline, person or period found in a document's text. `data` is what
    the extractor read and is never changed; a hand correction goes to `corrected`."""

    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="findings"
    )
    kind = models.CharField("loại", max_length=16, choices=FindingKind.choices)
    start = models.PositiveIntegerField("vị trí đầu")
    end = models.PositiveIntegerField("vị trí cuối")
    text = models.TextField("đoạn văn")
    data = models.JSONField("bản trích xuất", default=dict)
    corrected = models.JSONField("bản đã sửa", null=True, blank=True)
    rejected = models.BooleanField("không đúng, bỏ qua", default=False)
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
        verbose_name = "phát hiện trong văn bản"
        verbose_name_plural = "phát hiện trong văn bản"
        ordering = ["document", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="documents_finding_span_valid",
                violation_error_message="Vị trí cuối của đoạn phải sau vị trí đầu.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:80]}"

    @property
    def value(self) -> dict[str, Any]:
        """The current reading: the correction if any, else what was extracted."""
        return self.corrected if self.corrected is not None else self.data

    @property
    def is_corrected(self) -> bool:
        return self.corrected is not None or self.rejected

    @property
    def extracted_description(self) -> str:
        return self.describe(self.data)

    def describe(self, values: dict[str, Any] | None = None) -> str:
        """The reading in words: "18/20 chi bộ (sinh hoạt chuyên đề)", "hạn 15/12/2023: ..."."""
        v = self.value if values is None else values
        if self.kind == FindingKind.FIGURE:
            amount = _vn_number(v.get("value"))
            if v.get("of") is not None:
                amount += f"/{_vn_number(v['of'])}"
            unit = v.get("unit") or ""
            text = f"{amount}{unit}" if unit == "%" else f"{amount} {unit}".strip()
            return f"{text} ({v['what']})" if v.get("what") and v.get("what") != unit else text
        if self.kind == FindingKind.DEADLINE:
            due = v.get("date") or ""
            shown = "/".join(str(int(p)) for p in reversed(due.split("-"))) if due else "?"
            return f"hạn {shown}: {v.get('what') or ''}".rstrip(": ")
        if self.kind == FindingKind.PERSON:
            positions = ", ".join(v.get("positions") or [])
            return f"{v.get('name', '')} — {positions}" if positions else str(v.get("name", ""))
        return period_label(str(v.get("value", "")))


def _vn_number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "?"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


_QUARTERS = {"Q1": "quý I", "Q2": "quý II", "Q3": "quý III", "Q4": "quý IV"}


def period_label(value: str) -> str:
    """2023-H1 -> "6 tháng đầu năm 2023" (the codes of the labels, in words)."""
    year, _, part = value.partition("-")
    if not part:
        return f"năm {year}" if year else ""
    if part.isdigit():
        return f"nhiệm kỳ {year}–{part}"
    if part in _QUARTERS:
        return f"{_QUARTERS[part]} năm {year}"
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    if part == "9M":
        return f"9 tháng năm {year}"
    if part.startswith("M") and part[1:].isdigit():
        return f"tháng {int(part[1:])}/{year}"
    return value


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
