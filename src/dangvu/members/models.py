"""The member registry: profiles, the append-only history of membership events, transfers
awaiting the receiving unit, the rules in force by date, and the statistics tables derived
from the events (membership spans, counters rolled up the tree, monthly snapshots)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from dangvu.core.dates import format_short
from dangvu.core.fields import PathField

from . import catalog
from . import timeline as tl


class SearchKeyField(PathField):
    """Folded ASCII text searched by prefix ranges: bytewise like a path (C collation)."""


class Sex(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class MemberStatus(models.TextChoices):
    PROBATIONARY = tl.PROBATIONARY, "Dự bị"
    OFFICIAL = tl.OFFICIAL, "Chính thức"
    EXITED = tl.EXITED, "Đã ra khỏi Đảng"
    DECEASED = tl.DECEASED, "Từ trần"


ACTIVE_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)

Education = models.TextChoices("Education", [(c, (c, label)) for c, label in catalog.EDUCATION])
Professional = models.TextChoices(
    "Professional", [(c, (c, label)) for c, label in catalog.PROFESSIONAL]
)
Theory = models.TextChoices("Theory", [(c, (c, label)) for c, label in catalog.THEORY])
RatingLevel = models.TextChoices(
    "RatingLevel", [(c, (c, label)) for c, label in catalog.RATING_LEVELS]
)
DisciplineForm = models.TextChoices(
    "DisciplineForm", [(c, (c, label)) for c, label in catalog.DISCIPLINE_FORMS]
)


class EventKind(models.TextChoices):
    ADMIT = tl.ADMIT, "Kết nạp (dự bị)"
    READMIT = tl.READMIT, "Kết nạp lại"
    CEREMONY = tl.CEREMONY, "Lễ kết nạp"
    RECOGNIZE = tl.RECOGNIZE, "Công nhận đảng viên chính thức"
    PROBATION_FAILED = tl.PROBATION_FAILED, "Xóa tên trong danh sách đảng viên dự bị"
    TRANSFER_OUT = tl.TRANSFER_OUT, "Chuyển sinh hoạt đảng chính thức đi"
    TRANSFER_IN = tl.TRANSFER_IN, "Tiếp nhận sinh hoạt đảng chính thức"
    TRANSFER_CANCEL = tl.TRANSFER_CANCEL, "Hủy giấy giới thiệu chuyển sinh hoạt"
    TEMP_OUT = tl.TEMP_OUT, "Chuyển sinh hoạt đảng tạm thời đi"
    TEMP_IN = tl.TEMP_IN, "Tiếp nhận sinh hoạt đảng tạm thời"
    TEMP_RETURN = tl.TEMP_RETURN, "Kết thúc sinh hoạt tạm thời, trở về"
    ORG_FOLLOW = tl.ORG_FOLLOW, "Chuyển theo tổ chức hợp nhất"
    LEAVE = tl.LEAVE, "Xin ra khỏi Đảng"
    STRIKE_OFF = tl.STRIKE_OFF, "Xóa tên"
    EXPEL = tl.EXPEL, "Khai trừ"
    DEATH = tl.DEATH, "Từ trần"
    RESTORE = tl.RESTORE, "Phục hồi đảng tịch"
    BADGE = tl.BADGE, "Trao Huy hiệu Đảng"
    RATING = tl.RATING, "Xếp loại chất lượng"
    DISCIPLINE = tl.DISCIPLINE, "Kỷ luật"
    EXEMPT = tl.EXEMPT, "Miễn công tác và sinh hoạt đảng"
    EXEMPT_END = tl.EXEMPT_END, "Thôi miễn công tác và sinh hoạt đảng (trở lại sinh hoạt)"
    CORRECTION = tl.CORRECTION, "Đính chính (hủy bỏ sự kiện ghi nhầm)"


EXIT_KINDS = (EventKind.LEAVE, EventKind.STRIKE_OFF, EventKind.EXPEL)


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
    positions_text = models.CharField("chức vụ để tìm", max_length=255, blank=True)
    # The first two segments of the unit's path (the Centre and the province): lists and
    # searches of a province read one index range. Kept by the services and `stats_follow_tree`.
    scope = PathField("phạm vi", max_length=20, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("ngày ghi sổ", auto_now_add=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = "đảng viên"
        verbose_name_plural = "đảng viên"
        ordering = ["given_key", "id"]
        indexes = [
            models.Index(fields=["organization", "status"], name="members_member_org_idx"),
            models.Index(fields=["search_text"], name="members_member_search_idx"),
            models.Index(fields=["given_key"], name="members_member_given_idx"),
            models.Index(fields=["scope", "given_key"], name="members_member_scope_given_idx"),
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


class Transfer(models.Model):
    """A transfer of party activity: the letter from the sending unit and, later, the
    receiving unit's confirmation."""

    class Kind(models.TextChoices):
        OFFICIAL = "chinh_thuc", "Chính thức"
        TEMPORARY = "tam_thoi", "Tạm thời"

    class State(models.TextChoices):
        PENDING = "cho_tiep_nhan", "Chờ nơi đến tiếp nhận"
        CONFIRMED = "da_tiep_nhan", "Đã tiếp nhận"
        CANCELLED = "da_huy", "Đã hủy"
        RETURNED = "da_tro_ve", "Đã trở về"

    member = models.ForeignKey(
        Member, verbose_name="đảng viên", on_delete=models.PROTECT, related_name="transfers"
    )
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    from_org = models.ForeignKey(
        "orgs.Organization",
        verbose_name="nơi đi",
        on_delete=models.PROTECT,
        related_name="transfers_out",
    )
    to_org = models.ForeignKey(
        "orgs.Organization",
        verbose_name="nơi đến",
        on_delete=models.PROTECT,
        related_name="transfers_in",
    )
    on = models.DateField("ngày giới thiệu")
    decision = models.CharField("giấy giới thiệu, quyết định", max_length=255)
    until = models.DateField("sinh hoạt tạm thời đến ngày", null=True, blank=True)
    state = models.CharField("trạng thái", max_length=16, choices=State.choices)
    confirmed_on = models.DateField("ngày tiếp nhận", null=True, blank=True)
    returned_on = models.DateField("ngày trở về", null=True, blank=True)

    class Meta:
        verbose_name = "chuyển sinh hoạt đảng"
        verbose_name_plural = "chuyển sinh hoạt đảng"
        ordering = ["-on", "-id"]
        indexes = [
            models.Index(fields=["to_org", "state"], name="members_transfer_to_idx"),
            models.Index(fields=["state", "kind", "until"], name="members_transfer_until_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=Q(state="cho_tiep_nhan"),
                name="members_transfer_one_pending",
                violation_error_message="Đảng viên đang có một giấy giới thiệu chờ tiếp nhận.",
            ),
            models.CheckConstraint(
                condition=~Q(from_org=models.F("to_org")),
                name="members_transfer_different_units",
                violation_error_message="Nơi đến phải khác nơi đi.",
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gt=models.F("on")),
                name="members_transfer_until_after_on",
                violation_error_message="Hạn sinh hoạt tạm thời phải sau ngày giới thiệu.",
            ),
            models.CheckConstraint(
                condition=Q(confirmed_on__isnull=True) | Q(confirmed_on__gte=models.F("on")),
                name="members_transfer_confirmed_after_on",
                violation_error_message="Ngày tiếp nhận không được trước ngày giới thiệu.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.to_org} ({format_short(self.on)})"


class MembershipEvent(models.Model):
    """One dated step of a member's history, tied to its deciding document. Never edited:
    a mistake is corrected by a later CORRECTION event that annuls it."""

    member = models.ForeignKey(
        Member,
        verbose_name="đảng viên",
        on_delete=models.PROTECT,
        related_name="events",
        db_index=False,  # members_event_member_idx starts with it
    )
    kind = models.CharField("sự kiện", max_length=24, choices=EventKind.choices)
    on = models.DateField("ngày")
    decision = models.CharField("văn bản quyết định", max_length=255)
    organization = models.ForeignKey(
        "orgs.Organization",
        verbose_name="tổ chức",
        on_delete=models.PROTECT,
        related_name="member_events",
        db_index=False,  # members_event_org_idx starts with it
    )
    other_org = models.ForeignKey(
        "orgs.Organization",
        verbose_name="tổ chức liên quan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # never searched by; organizations are not deleted
    )
    transfer = models.ForeignKey(
        Transfer,
        verbose_name="chuyển sinh hoạt",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        db_index=False,  # read from the transfer side only on a member's page
    )
    badge_years = models.PositiveSmallIntegerField(
        "huy hiệu (năm tuổi đảng)", null=True, blank=True
    )
    rating_year = models.PositiveSmallIntegerField("năm xếp loại", null=True, blank=True)
    rating_level = models.CharField(
        "mức xếp loại", max_length=20, choices=RatingLevel.choices, blank=True
    )
    discipline_form = models.CharField(
        "hình thức kỷ luật", max_length=20, choices=DisciplineForm.choices, blank=True
    )
    posthumous = models.BooleanField("truy tặng", default=False)
    reason = models.CharField(
        "lý do", max_length=255, blank=True, help_text="Lý do miễn công tác và sinh hoạt đảng."
    )
    annuls = models.OneToOneField(
        "self",
        verbose_name="hủy bỏ sự kiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="annulled_by",
    )
    note = models.TextField("ghi chú", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # the audit log answers "who recorded what"
    )
    recorded_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)

    class Meta:
        verbose_name = "sự kiện đảng tịch"
        verbose_name_plural = "sự kiện đảng tịch"
        ordering = ["on", "id"]
        indexes = [
            models.Index(fields=["member", "on"], name="members_event_member_idx"),
            models.Index(fields=["kind", "on"], name="members_event_kind_idx"),
            models.Index(fields=["organization", "on"], name="members_event_org_idx"),
            models.Index(fields=["rating_year", "member"], name="members_event_rating_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="xep_loai")
                | (Q(rating_year__isnull=False) & ~Q(rating_level="")),
                name="members_membershipevent_rating_complete",
                violation_error_message="Xếp loại chất lượng phải có năm và mức xếp loại.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="huy_hieu") | Q(badge_years__isnull=False),
                name="members_membershipevent_badge_years",
                violation_error_message="Huy hiệu Đảng phải ghi số năm tuổi đảng.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="dinh_chinh") | Q(annuls__isnull=False),
                name="members_membershipevent_correction_target",
                violation_error_message="Đính chính phải chỉ ra sự kiện bị hủy bỏ.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="mien_sinh_hoat") | ~Q(reason=""),
                name="members_membershipevent_exempt_reason",
                violation_error_message="Miễn công tác và sinh hoạt đảng phải ghi lý do.",
            ),
            models.CheckConstraint(
                condition=~Q(decision=""),
                name="members_membershipevent_has_decision",
                violation_error_message="Sự kiện phải ghi văn bản quyết định.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {format_short(self.on)}: {self.member}"


class Sponsor(models.Model):
    """One of the two sponsors of an admission (người giới thiệu): a member of the registry,
    or, for one outside it (recorded in another province's registry, or a Youth Union
    committee standing as sponsor), the name and unit as written in the file."""

    member = models.ForeignKey(
        Member, verbose_name="người vào Đảng", on_delete=models.PROTECT, related_name="sponsors"
    )
    event = models.ForeignKey(
        MembershipEvent,
        verbose_name="kết nạp",
        on_delete=models.PROTECT,
        related_name="sponsors",
        db_index=False,  # members_sponsor_one_position starts with it
    )
    position = models.PositiveSmallIntegerField("thứ tự")
    sponsor = models.ForeignKey(
        Member,
        verbose_name="đảng viên giới thiệu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sponsored",
    )
    name = models.CharField("họ và tên, đơn vị người giới thiệu", max_length=255)

    class Meta:
        verbose_name = "người giới thiệu vào Đảng"
        verbose_name_plural = "người giới thiệu vào Đảng"
        ordering = ["event", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "position"],
                name="members_sponsor_one_position",
                violation_error_message="Mỗi lần kết nạp có người giới thiệu thứ nhất và thứ hai.",
            ),
            models.UniqueConstraint(
                fields=["event", "sponsor"],
                condition=Q(sponsor__isnull=False),
                name="members_sponsor_distinct",
                violation_error_message="Hai người giới thiệu phải là hai đảng viên khác nhau.",
            ),
            models.CheckConstraint(
                condition=Q(position__in=(1, 2)),
                name="members_sponsor_two_positions",
                violation_error_message="Người vào Đảng có hai người giới thiệu.",
            ),
            models.CheckConstraint(
                condition=~Q(sponsor=models.F("member")),
                name="members_sponsor_not_self",
                violation_error_message="Người giới thiệu không thể là chính người vào Đảng.",
            ),
            models.CheckConstraint(
                condition=~Q(name=""),
                name="members_sponsor_has_name",
                violation_error_message="Hãy ghi họ và tên người giới thiệu.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RuleName(models.TextChoices):
    PROBATION_MONTHS = "probation_months", "Thời gian dự bị (tháng)"
    REVIEW_WORKING_DAYS = "review_working_days", "Hạn xét công nhận chính thức (ngày làm việc)"
    ADMISSION_MIN_AGE_MONTHS = "admission_min_age_months", "Tuổi tối thiểu khi kết nạp (tháng)"
    ADMISSION_MAX_AGE_MONTHS = "admission_max_age_months", "Tuổi tối đa khi kết nạp (tháng)"
    BADGE_YEARS = "badge_years", "Các mốc Huy hiệu Đảng (năm tuổi đảng)"
    BADGE_AWARD_DAYS = "badge_award_days", "Các ngày trao Huy hiệu Đảng ([tháng, ngày])"
    AGE_BANDS = "age_bands", "Giới hạn nhóm tuổi thống kê"
    RATING_THRESHOLDS = "rating_thresholds", "Điểm tối thiểu từng mức xếp loại"
    EXCELLENT_QUOTA_PERCENT = "excellent_quota_percent", "Tỷ lệ xuất sắc tối đa (% số tốt)"
    HOLIDAYS_FIXED = "holidays_fixed", "Ngày lễ dương lịch cố định (MM-DD)"
    HOLIDAYS_DATED = "holidays_dated", "Ngày nghỉ theo từng năm (YYYY-MM-DD)"


class Rule(models.Model):
    """A number the Party's rules fix, with the day it applies from: rules are data."""

    name = models.CharField("quy định", max_length=40, choices=RuleName.choices)
    valid_from = models.DateField("áp dụng từ")
    value = models.JSONField("giá trị")
    source = models.CharField("căn cứ", max_length=255, blank=True)

    class Meta:
        verbose_name = "quy định về đảng viên"
        verbose_name_plural = "quy định về đảng viên"
        ordering = ["name", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "valid_from"],
                name="members_rule_one_per_day",
                violation_error_message="Quy định này đã có giá trị áp dụng từ ngày đó.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_name_display()} từ {format_short(self.valid_from)}: {self.value}"


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
