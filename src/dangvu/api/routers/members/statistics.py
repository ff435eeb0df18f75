"""Statistics of a subtree on a date and the flows of a period."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Schema

from dangvu.access import require_view
from dangvu.members import selectors
from dangvu.orgs.models import Organization
from dangvu.orgs.selectors import version_on

from ..common import OrgRef, actor, day, visible_org
from .base import router


class StatsParams(Schema):
    organization: int | None = Field(None, description="Mã tổ chức (mặc định: đơn vị mình).")
    on: date | None = Field(None, description="Số liệu vào ngày (mặc định hôm nay).")
    start: date | None = Field(None, description="Đầu kỳ biến động (mặc định 1/1 năm của `on`).")
    end: date | None = Field(None, description="Cuối kỳ biến động (mặc định `on`).")


class Count(Schema):
    label: str
    count: int


class StatsTable(Schema):
    title: str
    rows: list[Count]


class ChildCounts(Schema):
    organization_id: int
    name: str
    total: int
    official: int
    probationary: int
    female: int


class StatsOut(Schema):
    organization: OrgRef
    on: date
    total: int
    exempt: int = Field(description="Trong đó miễn công tác và sinh hoạt đảng.")
    tables: list[StatsTable]
    children: list[ChildCounts]
    start: date
    end: date
    flows: list[Count]


@router.get("/statistics", response=StatsOut, summary="Thống kê đảng viên của một cây")
def member_stats(request: HttpRequest, params: Query[StatsParams]) -> dict[str, Any]:
    """Số đảng viên của cây dưới `organization` vào ngày `on` (theo tình trạng, giới tính, độ
    tuổi, dân tộc, tôn giáo, trình độ), từng đơn vị trực thuộc, và biến động từ `start` đến
    `end`: như trang Thống kê."""
    user = actor(request)
    if params.organization:
        org = visible_org(request, params.organization)
    elif user.organization is not None:
        org = user.organization
    else:
        root = Organization.objects.filter(parent__isnull=True).order_by("path").first()
        if root is None:
            raise ValidationError({"organization": "Chưa có tổ chức nào."})
        require_view(user, root)
        org = root
    today = timezone.localdate()
    on = day(params.on)
    start = params.start or date(on.year, 1, 1)
    end = params.end or on
    if start > end:
        raise ValidationError({"start": "Đầu kỳ phải trước hoặc bằng cuối kỳ."})
    version = version_on(org, on)
    counts = selectors.counts_on(user, org, on, today=today) or {}
    keys = (("total", ""), ("status", "chinh_thuc"), ("status", "du_bi"), ("sex", "nu"))
    children = selectors.counts_by_child(user, org, on, today=today) if version else []
    return {
        "organization": {"id": org.pk, "name": version.name if version else org.name},
        "on": on,
        "total": counts.get(("total", ""), 0),
        "exempt": counts.get(("exempt", "1"), 0),
        "tables": [
            {"title": t.title, "rows": [{"label": k, "count": n} for k, n in t.rows]}
            for t in (selectors.tables(counts, on) if counts else [])
        ],
        "children": [
            dict(
                zip(
                    ("organization_id", "name", "total", "official", "probationary", "female"),
                    (child.organization_id, child.name, *[c.get(k, 0) for k in keys]),
                    strict=True,
                )
            )
            for child, c in children
        ],
        "start": start,
        "end": end,
        "flows": [
            {"label": label, "count": n}
            for label, n in (selectors.flows(user, org, start, end) if version else [])
        ],
    }
