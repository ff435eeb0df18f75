"""The append-only history: transfers awaiting the receiving unit, membership events,
sponsors of an admission."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from dangvu.core.dates import format_short

from .choices import DisciplineForm, EventKind, RatingLevel
from .member import Member


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
