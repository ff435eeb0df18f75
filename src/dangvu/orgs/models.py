from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from dangvu.core.dates import format_short
from dangvu.core.fields import PathField, SortKeyField

from . import paths


class OrgKind(models.TextChoices):
    CENTRAL = "central", "Trung ương"
    PROVINCE = "province", "Đảng bộ tỉnh, thành phố"
    DISTRICT = "district", "Đảng bộ huyện, thị xã, thành phố thuộc tỉnh"
    COMMUNE = "commune", "Đảng bộ xã, phường, đặc khu"
    BLOC = "bloc", "Đảng bộ khối"
    PROVINCIAL_AGENCY = "provincial_agency", "Đảng bộ cơ quan cấp tỉnh"
    ARMED_FORCES = "armed_forces", "Đảng bộ quân sự, công an"
    GRASSROOTS_COMMITTEE = "grassroots_committee", "Đảng bộ cơ sở"
    GRASSROOTS_CELL = "grassroots_cell", "Chi bộ cơ sở"
    PARTIAL_COMMITTEE = "partial_committee", "Đảng bộ bộ phận"
    CELL = "cell", "Chi bộ trực thuộc"
    GROUP = "group", "Tổ đảng"


GRASSROOTS_KINDS = (OrgKind.GRASSROOTS_COMMITTEE, OrgKind.GRASSROOTS_CELL)
CELL_KINDS = (OrgKind.GRASSROOTS_CELL, OrgKind.CELL)


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def within_or_merged_into(self, root: Organization) -> OrganizationQuerySet:
        """`root`'s subtree by its latest shape, and the organizations merged into it
        (followed through three merges: the stored `Succession` rows, one index range of
        the subtree's paths, not three self-joins). Who sees what: `dangvu.access`."""
        low, high = paths.subtree_bounds(root.path)
        merged = Succession.objects.filter(
            successor__path__gte=low, successor__path__lt=high
        ).values("organization_id")
        return self.filter(Q(path__gte=low, path__lt=high) | Q(pk__in=merged))

    def within(self, org: Organization) -> OrganizationQuerySet:
        low, high = paths.subtree_bounds(org.path)
        return self.filter(path__gte=low, path__lt=high)


class Organization(models.Model):
    """A party organization, its identity kept through renames and moves.

    The name, kind, parent and path here mirror its latest `OrgVersion` (services keep
    them in step); questions "as of a date" are asked of the versions."""

    name = models.CharField("tên tổ chức", max_length=255)
    committee_name = models.CharField("tên cấp ủy", max_length=255, blank=True)
    kind = models.CharField("loại hình", max_length=32, choices=OrgKind.choices)
    code = models.CharField("mã đơn vị", max_length=32)
    issuer_code = models.CharField("ký hiệu văn bản", max_length=16, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="trực thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="current_children",
    )
    path = PathField("đường dẫn", unique=True)
    depth = models.PositiveSmallIntegerField("cấp", default=0)
    founded_on = models.DateField("ngày thành lập")
    dissolved_on = models.DateField("ngày chấm dứt", null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name="hợp nhất vào",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    search_text = models.CharField("chuỗi tìm kiếm", max_length=600, blank=True)
    sort_key = SortKeyField("khóa sắp xếp theo tên", blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = "tổ chức đảng"
        verbose_name_plural = "tổ chức đảng"
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=models.F("founded_on")),
                name="orgs_organization_dissolved_after_founded",
                violation_error_message="Ngày chấm dứt phải sau ngày thành lập.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_dissolved(self) -> bool:
        return self.dissolved_on is not None

    def exists_on(self, on: Any) -> bool:
        return self.founded_on <= on and (self.dissolved_on is None or on < self.dissolved_on)


MERGE_HOPS = 3  # how far a chain of merges is followed (A into B, B into C, C into D)


class Succession(models.Model):
    """`organization` merged into `successor`, directly (`hops` 1: its `successor` field)
    or through the later merges of its successor (2, 3): the chains of
    `Organization.successor` stored resolved. Rows are only ever added, by the orgs
    services when a merge closes an organization (`versions.close_version`)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    successor = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", db_index=False
    )  # orgs_succession_successor_idx starts with it
    hops = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "hợp nhất (đã giải)"
        verbose_name_plural = "hợp nhất (đã giải)"
        indexes = [
            models.Index(fields=["successor", "organization"], name="orgs_succession_successor_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "hops"],
                name="orgs_succession_one_per_hop",
                violation_error_message="Mỗi bước hợp nhất của một tổ chức chỉ có một tổ chức "
                "nhận.",
            ),
            models.CheckConstraint(
                condition=Q(hops__gte=1) & Q(hops__lte=MERGE_HOPS),
                name="orgs_succession_hops",
                violation_error_message="Số bước hợp nhất từ 1 đến 3.",
            ),
            models.CheckConstraint(
                condition=~Q(organization=models.F("successor")),
                name="orgs_succession_not_itself",
                violation_error_message="Một tổ chức không hợp nhất vào chính nó.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} → {self.successor_id} ({self.hops})"


class RestructuringKind(models.TextChoices):
    ESTABLISH = "establish", "Thành lập"
    RENAME = "rename", "Đổi tên"
    MOVE = "move", "Điều chuyển"
    MERGE = "merge", "Hợp nhất, sáp nhập"
    SPLIT = "split", "Chia tách"
    DISSOLVE = "dissolve", "Giải thể"


class Restructuring(models.Model):
    """One decision that changes the tree, with its effective date and deciding document."""

    kind = models.CharField("loại thay đổi", max_length=16, choices=RestructuringKind.choices)
    effective_on = models.DateField("ngày hiệu lực", db_index=True)
    decision = models.CharField("văn bản quyết định", max_length=255)
    note = models.TextField("ghi chú", blank=True)
    sources = models.ManyToManyField(
        Organization, verbose_name="tổ chức trước thay đổi", related_name="restructurings_out"
    )
    results = models.ManyToManyField(
        Organization, verbose_name="tổ chức sau thay đổi", related_name="restructurings_in"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "thay đổi tổ chức"
        verbose_name_plural = "thay đổi tổ chức"
        ordering = ["-effective_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({format_short(self.effective_on)}, {self.decision})"


class OrgVersion(models.Model):
    """An organization's name, kind, parent and path over [valid_from, valid_to)."""

    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức", on_delete=models.CASCADE, related_name="versions"
    )
    parent = models.ForeignKey(
        Organization,
        verbose_name="trực thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="child_versions",
    )
    name = models.CharField("tên tổ chức", max_length=255)
    committee_name = models.CharField("tên cấp ủy", max_length=255, blank=True)
    kind = models.CharField("loại hình", max_length=32, choices=OrgKind.choices)
    code = models.CharField("mã đơn vị", max_length=32)
    issuer_code = models.CharField("ký hiệu văn bản", max_length=16, blank=True)
    path = PathField("đường dẫn")
    depth = models.PositiveSmallIntegerField("cấp", default=0)
    valid_from = models.DateField("hiệu lực từ")
    valid_to = models.DateField("hiệu lực đến (không kể)", null=True, blank=True)
    restructuring = models.ForeignKey(
        Restructuring,
        verbose_name="theo thay đổi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
    )
    search_text = models.CharField("chuỗi tìm kiếm", max_length=600, blank=True)
    sort_key = SortKeyField("khóa sắp xếp theo tên", blank=True)

    class Meta:
        verbose_name = "phiên bản tổ chức"
        verbose_name_plural = "phiên bản tổ chức"
        ordering = ["path", "valid_from"]
        indexes = [
            models.Index(fields=["path", "valid_from"], name="orgs_version_path_idx"),
            models.Index(fields=["parent", "valid_from"], name="orgs_version_parent_idx"),
            models.Index(fields=["organization", "valid_from"], name="orgs_version_org_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gt=models.F("valid_from")),
                name="orgs_orgversion_valid_range",
                violation_error_message="Ngày kết thúc hiệu lực phải sau ngày bắt đầu.",
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(valid_to__isnull=True),
                name="orgs_orgversion_one_open",
                violation_error_message="Mỗi tổ chức chỉ có một phiên bản đang hiệu lực.",
            ),
            models.UniqueConstraint(
                fields=["parent", "code"],
                condition=Q(valid_to__isnull=True),
                name="orgs_orgversion_unique_code_among_siblings",
                violation_error_message="Mã đơn vị đã được dùng cho một đơn vị cùng cấp.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} [{format_short(self.valid_from)}–{format_short(self.valid_to)}]"

    def covers(self, on: Any) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on < self.valid_to)
