"""Organizations: the tree as of a date, one organization with its history, search."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from dangvu.orgs import selectors

from ..pagination import Page, PageParams, paginate
from .common import actor, day, visible_org

router = Router(tags=["Tổ chức đảng"])


class OrgVersionOut(Schema):
    organization_id: int
    name: str
    committee_name: str
    kind: str
    kind_label: str
    code: str
    issuer_code: str
    parent_id: int | None
    depth: int
    valid_from: date
    valid_to: date | None = Field(description="Hết hiệu lực từ ngày này (không kể).")
    has_children: bool | None = None


def version_out(v: Any) -> dict[str, Any]:
    return {
        "organization_id": v.organization_id,
        "name": v.name,
        "committee_name": v.committee_name,
        "kind": v.kind,
        "kind_label": v.get_kind_display(),
        "code": v.code,
        "issuer_code": v.issuer_code,
        "parent_id": v.parent_id,
        "depth": v.depth,
        "valid_from": v.valid_from,
        "valid_to": v.valid_to,
        "has_children": getattr(v, "has_children", None),
    }


class SearchHit(OrgVersionOut):
    ancestors: list[str] = Field(description="Tên các tổ chức cấp trên, từ gốc xuống.")


class TreeParams(Schema):
    on: date | None = Field(None, description="Cây tổ chức vào ngày này (mặc định hôm nay).")
    q: str = Field("", max_length=100, description="Tìm theo tên, mã; không cần gõ dấu.")


class TreeOut(Schema):
    on: date
    roots: list[OrgVersionOut] = []
    results: list[SearchHit] = []


@router.get("/organizations", response=TreeOut, summary="Gốc cây tổ chức, hoặc tìm kiếm")
def organization_tree(request: HttpRequest, filters: Query[TreeParams]) -> dict[str, Any]:
    """Không có `q`: các tổ chức gốc trong phạm vi của người dùng vào ngày `on`. Có `q`: các
    tổ chức trong phạm vi có tên, tên cấp ủy hoặc mã chứa mọi từ của `q` (bỏ qua dấu)."""
    on = day(filters.on)
    user = actor(request)
    if filters.q.strip():
        found = selectors.organization_search(user, filters.q, on)
        chains = selectors.ancestors_of_many(found, on)
        results = [
            {**version_out(v), "ancestors": [a.name for a in chains[v.organization_id]]}
            for v in found
        ]
        return {"on": on, "results": results}
    return {"on": on, "roots": [version_out(v) for v in selectors.scope_roots_on(user, on)]}


class OrgOut(Schema):
    id: int
    on: date
    current_name: str
    founded_on: date
    dissolved_on: date | None
    successor_id: int | None
    version: OrgVersionOut | None = Field(description="Phiên bản có hiệu lực vào ngày `on`.")
    ancestors: list[OrgVersionOut]
    versions: list[OrgVersionOut]
    restructurings: list[RestructuringOut]


class RestructuringOut(Schema):
    id: int
    kind: str
    kind_label: str
    effective_on: date
    decision: str
    note: str
    sources: list[int]
    results: list[int]


OrgOut.model_rebuild()


class OnParams(Schema):
    on: date | None = Field(None, description="Ngày xem (mặc định hôm nay).")


@router.get(
    "/organizations/{int:pk}", response=OrgOut, summary="Một tổ chức, các phiên bản và thay đổi"
)
def organization_detail(request: HttpRequest, pk: int, params: Query[OnParams]) -> dict[str, Any]:
    org = visible_org(request, pk)
    on = day(params.on)
    version = selectors.version_on(org, on)
    versions, changes = selectors.history_of(org)
    return {
        "id": org.pk,
        "on": on,
        "current_name": org.name,
        "founded_on": org.founded_on,
        "dissolved_on": org.dissolved_on,
        "successor_id": org.successor_id,
        "version": version_out(version) if version else None,
        "ancestors": [version_out(a) for a in selectors.ancestors_on(org, on)] if version else [],
        "versions": [version_out(v) for v in versions],
        "restructurings": [
            {
                "id": c.pk,
                "kind": c.kind,
                "kind_label": c.get_kind_display(),
                "effective_on": c.effective_on,
                "decision": c.decision,
                "note": c.note,
                "sources": [o.pk for o in c.sources.all()],
                "results": [o.pk for o in c.results.all()],
            }
            for c in changes
        ],
    }


@router.get(
    "/organizations/{int:pk}/children", response=list[OrgVersionOut], summary="Tổ chức trực thuộc"
)
def organization_children(request: HttpRequest, pk: int, params: Query[OnParams]) -> list[Any]:
    org = visible_org(request, pk)
    return [version_out(v) for v in selectors.children_on(org, day(params.on))]


class SubtreeParams(PageParams):
    on: date | None = Field(None, description="Ngày xem (mặc định hôm nay).")


@router.get(
    "/organizations/{int:pk}/subtree",
    response=Page[OrgVersionOut],
    summary="Toàn bộ cây bên dưới một tổ chức vào một ngày",
)
def organization_subtree(
    request: HttpRequest, pk: int, params: Query[SubtreeParams]
) -> dict[str, Any]:
    """Mọi tổ chức dưới tổ chức này vào ngày `on` (kể cả nó), theo thứ tự cây."""
    org = visible_org(request, pk)
    rows = selectors.descendants_on(org, day(params.on), include_self=True).order_by("path")
    return paginate(rows, params, convert=version_out)
