from django.conf import settings
from django.db import models
from django.utils import timezone

from .dates import format_short
from .fields import PathField


class AuditEntry(models.Model):
    """One write: who, when, what, before and after. Written by each service explicitly."""

    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField("tên người thực hiện", max_length=150, blank=True)
    action = models.CharField("thao tác", max_length=80, db_index=True)
    object_type = models.CharField("loại đối tượng", max_length=80)
    object_id = models.CharField("mã đối tượng", max_length=64)
    object_repr = models.CharField("đối tượng", max_length=255, blank=True)
    # The organization the write belongs to and its tree path at the time: leaders read
    # the entries of their subtree by path prefix.
    organization_id_ref = models.BigIntegerField("mã tổ chức", null=True, blank=True)
    org_path = PathField("đường dẫn tổ chức", blank=True, db_index=True)
    summary = models.TextField("nội dung", blank=True)
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)
    request_id = models.CharField("mã yêu cầu", max_length=32, blank=True)

    class Meta:
        verbose_name = "nhật ký thao tác"
        verbose_name_plural = "nhật ký thao tác"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="core_audit_object_idx")]

    def __str__(self) -> str:
        at = timezone.localtime(self.at)
        return f"{format_short(at)} {at:%H:%M} {self.actor_name} {self.action} {self.object_repr}"
