"""The rules in force, as data with the dates they apply from (editable in the admin).

Figures marked (check) in shared/domain.md are kept here so that an administrator can
change them without a release."""

from datetime import date

from django.db import migrations

RULES = [
    ("probation_months", date(1930, 2, 3), 12, "Điều lệ Đảng, Điều 5"),
    ("review_working_days", date(1930, 2, 3), 30, "Quy định thi hành Điều lệ Đảng (check)"),
    ("admission_min_age_months", date(1930, 2, 3), 18 * 12, "Điều lệ Đảng, Điều 1"),
    ("admission_max_age_months", date(1930, 2, 3), 60 * 12, "Quy định thi hành Điều lệ Đảng"),
    (
        "badge_years",
        date(1930, 2, 3),
        [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
        "Quy định về xét tặng Huy hiệu Đảng (check)",
    ),
    (
        "badge_award_days",
        date(1930, 2, 3),
        [[2, 3], [5, 19], [9, 2], [11, 7]],
        "Quy định về xét tặng Huy hiệu Đảng",
    ),
    ("age_bands", date(1930, 2, 3), [30, 40, 50, 60, 70], "Biểu số N-TCTW (Hướng dẫn 11-HD/BTCTW)"),
    (
        "rating_thresholds",
        date(2025, 1, 1),
        [["xuat_sac", 90], ["tot", 70], ["hoan_thanh", 50], ["khong_hoan_thanh", 0]],
        "Quy định 366-QĐ/TW, 2025",
    ),
    ("excellent_quota_percent", date(2023, 1, 1), 20, "Quy định năm 2023 (check cho 2025)"),
    ("holidays_fixed", date(1930, 2, 3), ["01-01", "04-30", "05-01", "09-02"], "Bộ luật Lao động"),
    (
        "holidays_dated",
        date(1930, 2, 3),
        [
            "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18",
            "2024-09-03",
            "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
            "2025-09-01",
            "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27",
            "2026-09-01",
        ],
        "Tết Nguyên đán, Giỗ Tổ, nghỉ bù theo thông báo hằng năm (check)",
    ),
]


def add_rules(apps, schema_editor):
    Rule = apps.get_model("members", "Rule")
    for name, valid_from, value, source in RULES:
        Rule.objects.get_or_create(
            name=name, valid_from=valid_from, defaults={"value": value, "source": source}
        )


def remove_rules(apps, schema_editor):
    apps.get_model("members", "Rule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(add_rules, remove_rules)]
