"""A member's profile and the state derived from its events."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from dangvu.core.fields import PathField, SortKeyField

from .choices import ACTIVE_STATUSES, Education, MemberStatus, Professional, Sex, Theory


class SearchKeyField(PathField):
    """Folded ASCII text searched by prefix ranges: bytewise like a path (C collation)."""


class MemberQuerySet(models.QuerySet["Member"]):
    def active(self) -> MemberQuerySet:
        return self.filter(status__in=ACTIVE_STATUSES)


class Member(models.Model):
    """A party member's profile, with the current state that the events imply (kept in
    step by the services; the events are the record)."""

    full_name = models.CharField("họ và tên", max_length=120)
    other_names = models.CharField("tên gọi khác", max_length=120, blank=True)
    sex = models.CharField("giới tính", max_length=3, choices=Sex.choices)
    birth_date = models.DateField("ngày sinh")
    ethnicity = models.CharField("dân tộc", max_length=40, default="Kinh")
    religion = models.CharField("tôn giáo", max_length=40, default="Không")
    home_town = models.CharField("quê quán", max_length=255, blank=True)
    residence = models.CharField("nơi ở hiện nay", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    citizen_id = models.CharField("số CCCD", max_length=12, null=True, blank=True, unique=True)
    education = models.CharField(
        "giáo dục phổ thông", max_length=12, choices=Education.choices, default="thpt"
    )
    professional_level = models.CharField(
        "chuyên môn, nghiệp vụ", max_length=12, choices=Professional.choices, default="khong"
    )
    theory_level = models.CharField(
        "lý luận chính trị", max_length=12, choices=Theory.choices, default="khong"
    )
    occupation = models.CharField("nghề nghiệp", max_length=120, blank=True)
    positions = models.CharField(
        "chức vụ", max_length=255, blank=True, help_text="Cách nhau bằng dấu chấm phẩy."
    )
    card_number = models.CharField(
        "số thẻ đảng viên", max_length=20, null=True, blank=True, unique=True
    )
    # The state the events imply.
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="chi bộ sinh hoạt",
        on_delete=models.PROTECT,
        related_name="members",
        db_index=False,  # members_member_org_idx starts with it
    )
    host_organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="nơi sinh hoạt tạm thời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_members",
    )
    status = models.CharField(
        "tình trạng", max_length=12, choices=MemberStatus.choices, db_index=True
    )
    exit_kind = models.CharField("hình thức ra khỏi Đảng", max_length=20, blank=True)
    admitted_on = models.DateField("ngày vào Đảng")
    ceremony_on = models.DateField("ngày lễ kết nạp", null=True, blank=True)
    official_on = models.DateField("ngày chính thức", null=True, blank=True)
    probation_ends_on = models.DateField("hết thời gian dự bị", null=True, blank=True)
    exited_on = models.DateField("ngày ra khỏi Đảng / từ trần", null=True, blank=True)
    readmitted_on = models.DateField("ngày kết nạp lại", null=True, blank=True)
    party_age_from = models.DateField(
        "tuổi đảng tính từ", help_text="Ngày vào Đảng, lùi theo thời gian không sinh hoạt."
    )
    badge_years = models.PositiveSmallIntegerField("huy hiệu cao nhất (năm)", default=0)
    exempt_since = models.DateField(
        "miễn công tác và sinh hoạt đảng từ ngày",
        null=True,
        blank=True,
        help_text="Vẫn là đảng viên, được thống kê riêng.",
    )
    # Folded (no diacritics) keys, compared bytewise so that prefix ranges use the index.
    search_text = SearchKeyField("chuỗi tìm kiếm", max_length=300, blank=True)
    given_key = SearchKeyField("tên để tìm", max_length=160, blank=True)
    # The roll's order: given name, then family and middle names, in Vietnamese order.
    name_order = SortKeyField("thứ tự theo tên", max_length=200, blank=True)
    positions_text = models.CharField("chức vụ để tìm", max_length=255, blank=True)
    # The first two segments of the unit's path (the Centre and the province): lists and
    # searches of a province read one index range. Kept by the services and `stats_follow_tree`.
    scope = PathField("phạm vi", max_length=20, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("ngày ghi sổ", auto_now_add=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = "đảng viên"
        verbose_name_plural = "đảng viên"
        ordering = ["name_order", "id"]
        indexes = [
            models.Index(fields=["organization", "status"], name="members_member_org_idx"),
            models.Index(fields=["search_text"], name="members_member_search_idx"),
            models.Index(fields=["given_key"], name="members_member_given_idx"),
            models.Index(fields=["scope", "given_key"], name="members_member_scope_given_idx"),
            models.Index(fields=["name_order"], name="members_member_order_idx"),
            models.Index(fields=["scope", "name_order"], name="members_member_scope_order_idx"),
            models.Index(fields=["scope", "search_text"], name="members_member_scope_text_idx"),
            models.Index(fields=["status", "probation_ends_on"], name="members_member_prob_idx"),
            models.Index(fields=["status", "party_age_from"], name="members_member_age_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(admitted_on__gt=models.F("birth_date")),
                name="members_member_admitted_after_birth",
                violation_error_message="Ngày vào Đảng phải sau ngày sinh.",
            ),
            models.CheckConstraint(
                condition=Q(official_on__isnull=True) | Q(official_on__gte=models.F("admitted_on")),
                name="members_member_official_after_admitted",
                violation_error_message="Ngày chính thức phải sau ngày vào Đảng.",
            ),
            models.CheckConstraint(
                condition=Q(citizen_id__isnull=True) | Q(citizen_id__regex=r"^[0-9]{12}$"),
                name="members_member_citizen_id_12_digits",
                violation_error_message="Số CCCD phải gồm đúng 12 chữ số.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MemberStatus.values),
                name="members_member_status_known",
                violation_error_message="Tình trạng đảng viên không hợp lệ.",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def given_name(self) -> str:
        return self.full_name.rsplit(" ", 1)[-1]

    @property
    def position_list(self) -> list[str]:
        return [p.strip() for p in self.positions.split(";") if p.strip()]
