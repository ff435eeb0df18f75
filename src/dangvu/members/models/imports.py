"""An Excel import staged in the database: the uploaded file checked whole, its rows kept
in the order they will be written, then written in chunks that the page asks for one after
another (each chunk its own transaction), so a 10,000-row file shows its progress without a
background worker and no request runs long."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from dangvu.orgs.models import Organization


class ImportBatch(models.Model):
    class State(models.TextChoices):
        CHECKED = "da_kiem_tra", "Đã kiểm tra, chờ ghi"
        REFUSED = "co_loi", "Có lỗi, không ghi"
        WRITING = "dang_ghi", "Đang ghi"
        DONE = "xong", "Đã ghi xong"
        STOPPED = "dung", "Dừng giữa chừng"

    organization = models.ForeignKey(
        Organization, verbose_name="đơn vị nhận", on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField("lúc tải lên", auto_now_add=True)
    filename = models.CharField("tên tệp", max_length=255, blank=True)
    state = models.CharField("trạng thái", max_length=12, choices=State.choices)
    # The uploaded file (for the marked copy), cleared once the rows are written: personal
    # data is kept no longer than the work needs it (Nghị định 13/2023/NĐ-CP).
    data = models.BinaryField("tệp", blank=True, default=b"")
    rows = models.PositiveIntegerField("số dòng", default=0)
    problems = models.JSONField("lỗi", default=list, blank=True)  # [[row, column, message]]
    warnings = models.JSONField("cảnh báo", default=list, blank=True)
    existing = models.JSONField("đã có trong sổ", default=list, blank=True)  # [[row, name]]
    items = models.JSONField("các dòng sẽ ghi", default=list, blank=True)  # cleared when done
    total = models.PositiveIntegerField("số dòng sẽ ghi", default=0)
    done = models.PositiveIntegerField("số dòng đã ghi", default=0)
    written = models.JSONField("thành viên đã ghi theo dòng", default=dict, blank=True)
    confirmed_at = models.DateTimeField("xác nhận lúc", null=True, blank=True)
    message = models.TextField("lý do dừng", blank=True)

    class Meta:
        verbose_name = "lượt nhập Excel"
        verbose_name_plural = "các lượt nhập Excel"
        indexes = [models.Index(fields=["created_at"], name="members_importbatch_created")]

    def __str__(self) -> str:
        return f"Nhập {self.filename or 'Excel'} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def remaining(self) -> int:
        return self.total - self.done
