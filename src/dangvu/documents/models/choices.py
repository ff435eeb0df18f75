"""The choices of the register: kinds, statuses, visibility, relations, findings, files."""

from __future__ import annotations

from django.db import models


class DocumentKind(models.TextChoices):
    PARTY = "party", "Văn bản của Đảng"
    STATE = "state", "Văn bản của Nhà nước"


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"
    PLACEHOLDER = "placeholder", "Được dẫn chiếu, chưa có văn bản"


class Visibility(models.TextChoices):
    INTERNAL = "internal", "Theo phạm vi tổ chức"
    PUBLIC = "public", "Công khai cho mọi người dùng"


class RelationKind(models.TextChoices):
    IMPLEMENTS = "implements", "Thực hiện"
    REPLACES = "replaces", "Thay thế"
    AMENDS = "amends", "Sửa đổi, bổ sung"
    CANCELS = "cancels", "Bãi bỏ"


class RelationOrigin(models.TextChoices):
    AUTO = "auto", "Nhận ra từ văn bản"
    MANUAL = "manual", "Người dùng ghi"


class FindingKind(models.TextChoices):
    FIGURE = "figure", "Số liệu"
    DEADLINE = "deadline", "Thời hạn"
    PERSON = "person", "Nhân sự"
    PERIOD = "period", "Kỳ báo cáo"


class FileKind(models.TextChoices):
    TXT = "txt", "Văn bản thuần (.txt)"
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF (.pdf)"
