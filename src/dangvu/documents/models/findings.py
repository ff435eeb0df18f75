"""What was found in a text: figures, deadlines, people, the period."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .choices import FindingKind
from .register import Document


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
