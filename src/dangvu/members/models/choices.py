"""The choices of the registry: sex, status, the catalogues, the kinds of event."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from .. import catalog
from .. import timeline as tl


class Sex(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class MemberStatus(models.TextChoices):
    PROBATIONARY = tl.PROBATIONARY, "Dự bị"
    OFFICIAL = tl.OFFICIAL, "Chính thức"
    EXITED = tl.EXITED, "Đã ra khỏi Đảng"
    DECEASED = tl.DECEASED, "Từ trần"


ACTIVE_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)


def _catalogue_choices(name: str, items: Iterable[tuple[str, str]]) -> type[models.TextChoices]:
    """Choices named, valued and labelled by a catalogue of `catalog` (code, label)."""
    members = [(code, (code, label)) for code, label in items]
    # django-stubs types the functional API with values only, not (value, label) pairs.
    return models.TextChoices(name, members)  # type: ignore[call-overload,no-any-return]


Education = _catalogue_choices("Education", catalog.EDUCATION)
Professional = _catalogue_choices("Professional", catalog.PROFESSIONAL)
Theory = _catalogue_choices("Theory", catalog.THEORY)
RatingLevel = _catalogue_choices("RatingLevel", catalog.RATING_LEVELS)
DisciplineForm = _catalogue_choices("DisciplineForm", catalog.DISCIPLINE_FORMS)


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
