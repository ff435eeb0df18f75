"""Reference data: document types with their codes and issuer codes (domain.md §2).

Rows marked needs_check are believed right but not confirmed; administrators correct
them in the admin (Văn bản › Loại văn bản / Ký hiệu cơ quan ban hành)."""

from django.db import migrations

PARTY_TYPES = [
    # (name, code, needs_check)
    ("Nghị quyết", "NQ", False),
    ("Quyết định", "QĐ", False),
    ("Quy định", "QĐ", False),
    ("Chỉ thị", "CT", False),
    ("Kết luận", "KL", False),
    ("Quy chế", "QC", False),
    ("Hướng dẫn", "HD", False),
    ("Thông báo", "TB", False),
    ("Báo cáo", "BC", False),
    ("Kế hoạch", "KH", False),
    ("Chương trình hành động", "CTr", True),
    ("Chương trình", "CTr", True),
    ("Chương trình hành động (mẫu địa phương)", "CTHĐ", True),
    ("Tờ trình", "TTr", True),
    ("Đề án", "ĐA", True),
    ("Công văn", "CV", False),
    ("Thông tri", "TT", True),
    ("Bản sao", "BS", False),
    ("Quy định (2018–2019)", "QĐi", False),
    ("Cương lĩnh", "", True),
    ("Điều lệ", "", True),
    ("Chiến lược", "", True),
    ("Thông cáo", "", True),
    ("Tuyên bố", "", True),
    ("Lời kêu gọi", "", True),
    ("Quy hoạch", "", True),
    ("Phương án", "", True),
    ("Dự án", "", True),
    ("Biên bản", "", True),
]
STATE_TYPES = [
    ("Luật", "", False),
    ("Bộ luật", "", False),
    ("Pháp lệnh", "", False),
    ("Nghị định", "NĐ", False),
    ("Nghị quyết", "NQ", False),
    ("Quyết định", "QĐ", False),
    ("Thông tư", "TT", False),
    ("Thông tư liên tịch", "TTLT", False),
    ("Chỉ thị", "CT", False),
    ("Công điện", "CĐ", False),
    ("Kế hoạch", "KH", False),
    ("Thông báo", "TB", False),
    ("Báo cáo", "BC", False),
    ("Tờ trình", "TTr", False),
    ("Hướng dẫn", "HD", False),
    ("Công văn", "", False),
]
PARTY_ISSUERS = [
    ("TW", "Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư", False),
    ("VPTW", "Văn phòng Trung ương Đảng", False),
    ("BTCTW", "Ban Tổ chức Trung ương", False),
    ("UBKTTW", "Ủy ban Kiểm tra Trung ương", False),
    ("BCĐTW", "Ban Chỉ đạo Trung ương", False),
    ("BTGTW", "Ban Tuyên giáo Trung ương", True),
    ("BTGDVTW", "Ban Tuyên giáo và Dân vận Trung ương", True),
    ("TU", "Tỉnh ủy, Thành ủy (cả Ban Thường vụ)", False),
    ("BTCTU", "Ban Tổ chức Tỉnh ủy", False),
    ("VPTU", "Văn phòng Tỉnh ủy", False),
    ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", False),
    ("BTGDVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy (từ 2025)", False),
    ("BTGTU", "Ban Tuyên giáo Tỉnh ủy (trước 2025)", False),
    ("BDVTU", "Ban Dân vận Tỉnh ủy (trước 2025)", True),
    ("HU", "Huyện ủy, Thị ủy, Thành ủy thuộc tỉnh (đến 30/6/2025)", False),
    ("ĐU", "Đảng ủy (xã, phường, đặc khu; cơ sở)", False),
    ("ĐUK", "Đảng ủy Khối", False),
    ("BTCĐU", "Ban Tổ chức Đảng ủy", False),
    ("UBKTĐU", "Ủy ban Kiểm tra Đảng ủy", True),
    ("BCSĐ", "Ban cán sự đảng", True),
    ("ĐĐ", "Đảng đoàn", True),
    ("CB", "Chi bộ", True),
]
STATE_ISSUERS = [
    ("CP", "Chính phủ", False),
    ("TTg", "Thủ tướng Chính phủ", False),
    ("VPCP", "Văn phòng Chính phủ", False),
    ("UBND", "Ủy ban nhân dân", False),
    ("HĐND", "Hội đồng nhân dân", False),
    ("BNV", "Bộ Nội vụ", False),
    ("BTC", "Bộ Tài chính", False),
    ("BCA", "Bộ Công an", False),
    ("BQP", "Bộ Quốc phòng", False),
    ("BGDĐT", "Bộ Giáo dục và Đào tạo", False),
    ("BYT", "Bộ Y tế", False),
    ("BTP", "Bộ Tư pháp", False),
    ("UBTVQH", "Ủy ban Thường vụ Quốc hội", False),
    ("QH", "Quốc hội (QH14, QH15: khóa)", False),
]


def load(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    IssuerCode = apps.get_model("documents", "IssuerCode")
    for kind, rows in (("party", PARTY_TYPES), ("state", STATE_TYPES)):
        for order, (name, code, check) in enumerate(rows):
            DocumentType.objects.update_or_create(
                kind=kind,
                name=name,
                defaults={"code": code, "needs_check": check, "sort_order": order * 10},
            )
    for kind, rows in (("party", PARTY_ISSUERS), ("state", STATE_ISSUERS)):
        for code, name, check in rows:
            IssuerCode.objects.update_or_create(
                kind=kind, code=code, defaults={"name": name, "needs_check": check}
            )


def unload(apps, schema_editor):
    apps.get_model("documents", "DocumentType").objects.all().delete()
    apps.get_model("documents", "IssuerCode").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
