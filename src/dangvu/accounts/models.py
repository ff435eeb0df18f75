from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    VIEWER = "viewer", "Xem"
    OFFICER = "officer", "Chuyên viên"
    LEADER = "leader", "Lãnh đạo"


class User(AbstractUser):
    """A staff member of one organization; sees and changes only its subtree."""

    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField("vai trò", max_length=16, choices=Role.choices, default=Role.VIEWER)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_superuser=True) | models.Q(organization__isnull=False),
                name="accounts_user_has_organization",
                violation_error_message="Người dùng phải thuộc một đơn vị.",
            )
        ]

    def get_full_name(self) -> str:
        """Vietnamese order: family and middle names (last_name) before the given name."""
        return f"{self.last_name} {self.first_name}".strip()

    @property
    def can_edit(self) -> bool:
        return self.is_superuser or self.role in {Role.OFFICER, Role.LEADER}

    @property
    def can_approve(self) -> bool:
        return self.is_superuser or self.role == Role.LEADER

    @property
    def can_read_audit(self) -> bool:
        return self.is_superuser or self.role == Role.LEADER
