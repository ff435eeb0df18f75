"""The rules in force by date (ages, months of probation, ...), editable data."""

from __future__ import annotations

from django.db import models

from dangvu.core.dates import format_short


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
