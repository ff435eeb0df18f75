"""Derived tables for statistics (see docs/decisions/0002-member-statistics.md)."""

from __future__ import annotations

from django.db import models

from dangvu.core.fields import PathField

from .member import Member

# --- derived tables for statistics (see docs/decisions/0002-member-statistics.md) ----------


class MemberSpan(models.Model):
    """A period of active membership in one organization with one status, and the profile
    values the statistics count. Rebuilt from the events by the services."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="spans")
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+", db_index=False
    )  # members_span_org_idx starts with it
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12)
    sex = models.CharField(max_length=3)
    birth_year = models.PositiveSmallIntegerField()
    ethnicity = models.CharField(max_length=40)
    religion = models.CharField(max_length=40)
    education = models.CharField(max_length=12)
    theory_level = models.CharField(max_length=12)
    # Exempt from party activity and work during the span (still a member, counted apart).
    exempt = models.BooleanField(default=False, db_default=False)
    # Where the span lies on its first day and on its last day: the first two segments
    # (the Centre and the province) of the path of its unit's version on that day, None
    # when no version covers the day. Past-date statistics of a province read the spans
    # that began or ended in a few days through these (no join through the tree). Kept by
    # the services and, after a restructuring, by `stats_follow_tree`.
    scope_from = PathField(max_length=20, null=True, blank=True)
    scope_to = PathField(max_length=20, null=True, blank=True)

    class Meta:
        verbose_name = "giai đoạn sinh hoạt"
        verbose_name_plural = "giai đoạn sinh hoạt"
        indexes = [
            models.Index(fields=["organization", "valid_from"], name="members_span_org_idx"),
            models.Index(fields=["valid_from", "scope_from"], name="members_span_from_idx"),
            models.Index(fields=["valid_to", "scope_to"], name="members_span_to_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}@{self.organization_id} {self.valid_from}–{self.valid_to}"


class MemberCount(models.Model):
    """Today's active members of an organization's whole subtree, by one dimension and
    value: kept for the organizations at province and commune level and the Centre."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.CharField(max_length=16)
    value = models.CharField(max_length=40)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = "số đảng viên (tổng hợp)"
        verbose_name_plural = "số đảng viên (tổng hợp)"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "dimension", "value"], name="members_membercount_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.dimension}={self.value}: {self.n}"


class MemberSnapshot(models.Model):
    """Active members of a province (or the Centre) on the first day of a month, by
    dimension and value: the base that past-date statistics add the month's changes to."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField()
    dimension = models.CharField(max_length=16)
    value = models.CharField(max_length=40)
    n = models.IntegerField(default=0)

    class Meta:
        verbose_name = "số đảng viên đầu tháng"
        verbose_name_plural = "số đảng viên đầu tháng"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "month", "dimension", "value"],
                name="members_membersnapshot_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.month} {self.dimension}={self.value}: {self.n}"


class StatsState(models.Model):
    """Bookkeeping of the derived tables: the last tree change they follow."""

    key = models.CharField(max_length=40, unique=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "trạng thái số liệu tổng hợp"
        verbose_name_plural = "trạng thái số liệu tổng hợp"

    def __str__(self) -> str:
        return f"{self.key}={self.value}"
