"""The periodic report (báo cáo quý / 6 tháng / 9 tháng / năm) from a reporting round's
consolidation (`dangvu.reporting.selectors.consolidation`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from dangvu.orgs.models import Organization


def periodic_report(*, owner: Organization, source: dict[str, Any], today: date):
    try:
        from dangvu.reporting import selectors  # noqa: F401
    except ImportError:
        raise ValidationError(
            {"genre": "Chưa có kỳ báo cáo để tổng hợp: phần báo cáo định kỳ chưa được cài."}
        ) from None
    raise ValidationError({"genre": "Báo cáo định kỳ chưa soạn được từ kỳ báo cáo này."})
