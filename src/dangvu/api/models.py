"""Personal API tokens and the stored replies of idempotent requests."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class TokenAccess(models.TextChoices):
    READ = "read", "Chỉ đọc"
    WRITE = "write", "Đọc và ghi"


class ApiToken(models.Model):
    """A personal token: calls made with it act as its user, within the user's scope and
    role, and, for a read-only token, only read. Only a SHA-256 hash of the secret is
    stored; the secret is shown once, when the token is made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("tên (dùng cho hệ thống nào)", max_length=100)
    prefix = models.CharField("tiền tố", max_length=12, db_index=True)
    key_hash = models.CharField("mã băm", max_length=64, unique=True)
    access = models.CharField(
        "quyền", max_length=8, choices=TokenAccess.choices, default=TokenAccess.READ
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn")
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)

    class Meta:
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="%(app_label)s_%(class)s_expires_after_creation",
                violation_error_message="Ngày hết hạn phải sau ngày tạo.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def can_write(self) -> bool:
        return self.access == TokenAccess.WRITE


class IdempotentReply(models.Model):
    """The reply to a create sent with an `Idempotency-Key`: a retry with the same key
    gets it again instead of creating twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField("khóa", max_length=100)
    fingerprint = models.CharField("dấu yêu cầu", max_length=64)
    status = models.PositiveSmallIntegerField("mã trạng thái")
    content_type = models.CharField(max_length=100)
    body = models.BinaryField("nội dung")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "phản hồi lưu theo Idempotency-Key"
        verbose_name_plural = "phản hồi lưu theo Idempotency-Key"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"],
                name="%(app_label)s_%(class)s_one_per_key",
                violation_error_message="Khóa Idempotency-Key này đã được dùng.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.status}"
