"""Restructuring the tree: establish, rename, move, merge, split and dissolve, through
`dangvu.flows.restructure` as the organization pages do (members and tasks follow, the
statistics are rebuilt, each change audited by the services)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from dangvu.flows import restructure
from dangvu.orgs import selectors, services
from dangvu.orgs.models import Organization, OrgKind

from .common import OrgRef, actor, org_ref, visible_org

router = Router(tags=["Tổ chức đảng"])

DECISION = Field(
    max_length=255,
    description="Số, ký hiệu văn bản quyết định, ví dụ: Quyết định số 123-QĐ/TU, ngày 20/6/2025.",
)


class RestructuredOut(Schema):
    on: date
    organizations: list[OrgRef] = Field(description="Tổ chức sau thay đổi (mới hoặc nhận).")


DONE = {201: RestructuredOut}


def _manageable(request: HttpRequest, pk: int, *, strictly_below: bool = True) -> Organization:
    """As the pages: seen by the user, and changed only from a committee above it (or, to
    add a child, the unit itself)."""
    org = visible_org(request, pk)
    selectors.require_manage(actor(request), org, strictly_below=strictly_below)
    return org


def _other(request: HttpRequest, pk: int, field: str) -> Organization:
    org = Organization.objects.filter(pk=pk).first()
    if org is None:
        raise ValidationError({field: f"Không có tổ chức mã {pk}: hãy kiểm tra lại."})
    return visible_org(request, pk)


def _reply(on: date, *orgs: Organization) -> Status:
    return Status(201, {"on": on, "organizations": [org_ref(o) for o in orgs]})


class ChangeIn(Schema):
    """What every change of the tree carries: the day it takes effect, its decision."""

    on: date
    decision: str = DECISION


def _when(request: HttpRequest, payload: ChangeIn) -> dict[str, Any]:
    return {"on": payload.on, "decision": payload.decision, "actor": actor(request)}


def _kind(value: str, field: str) -> str:
    if value not in OrgKind.values:
        raise ValidationError({field: "Hãy chọn một loại hình tổ chức có trong danh mục."})
    return value


class CreateIn(Schema):
    name: str = Field(max_length=255)
    kind: str
    code: str = Field(max_length=32)
    founded_on: date
    decision: str = DECISION
    committee_name: str = Field("", max_length=255)
    issuer_code: str = Field("", max_length=16)


@router.post("/organizations/{int:pk}/establish", response=DONE, summary="Thành lập")
def organization_create(request: HttpRequest, pk: int, payload: CreateIn) -> Status:
    parent = _manageable(request, pk, strictly_below=False)
    data = payload.dict()
    data["kind"] = _kind(payload.kind, "kind")
    org = restructure.org_create(parent=parent, actor=actor(request), **data)
    return _reply(payload.founded_on, org)


class RenameIn(ChangeIn):
    name: str | None = Field(None, max_length=255)
    committee_name: str | None = Field(None, max_length=255)
    code: str | None = Field(None, max_length=32)
    issuer_code: str | None = Field(None, max_length=16)
    kind: str | None = None


@router.post("/organizations/{int:pk}/rename", response=DONE, summary="Đổi tên, mã")
def organization_rename(request: HttpRequest, pk: int, payload: RenameIn) -> Status:
    """Chỉ các trường gửi lên được đổi, từ ngày `on`."""
    org = _manageable(request, pk)
    changes = payload.dict(exclude_unset=True, exclude={"on", "decision"})
    if changes.get("kind") is not None:
        _kind(changes["kind"], "kind")
    renamed = restructure.org_rename(org=org, **_when(request, payload), **changes)
    return _reply(payload.on, renamed)


class MoveIn(ChangeIn):
    new_parent: int = Field(description="Tổ chức cấp trên mới.")


@router.post("/organizations/{int:pk}/move", response=DONE, summary="Điều chuyển tổ chức")
def organization_move(request: HttpRequest, pk: int, payload: MoveIn) -> Status:
    org = _manageable(request, pk)
    new_parent = _other(request, payload.new_parent, "new_parent")
    moved = restructure.org_move(org=org, new_parent=new_parent, **_when(request, payload))
    return _reply(payload.on, moved)


class NewOrgIn(Schema):
    name: str = Field(max_length=255)
    kind: str
    code: str = Field(max_length=32)
    committee_name: str = Field("", max_length=255)
    issuer_code: str = Field("", max_length=16)


class MergeIn(ChangeIn):
    others: list[int] = Field(
        default_factory=list, max_length=200, description="Các tổ chức cùng hợp nhất với nó."
    )
    into: int | None = Field(None, description="Tổ chức nhận (đã có); hoặc `new`.")
    new: NewOrgIn | None = Field(None, description="Tổ chức mới hình thành; hoặc `into`.")


@router.post("/organizations/{int:pk}/merge", response=DONE, summary="Hợp nhất, sáp nhập")
def organization_merge(request: HttpRequest, pk: int, payload: MergeIn) -> Status:
    """Đảng viên và việc được giao của các tổ chức hợp nhất chuyển sang tổ chức nhận."""
    org = _manageable(request, pk)
    others = [_other(request, o, "others") for o in payload.others]
    into = _other(request, payload.into, "into") if payload.into is not None else None
    new = None
    if payload.new is not None:
        new = services.NewOrgSpec(
            name=payload.new.name,
            kind=_kind(payload.new.kind, "new.kind"),
            code=payload.new.code,
            committee_name=payload.new.committee_name,
            issuer_code=payload.new.issuer_code,
            parent=org.parent,
        )
    target = restructure.org_merge(
        sources=[org, *others], into=into, new=new, **_when(request, payload)
    )
    return _reply(payload.on, target)


class PartIn(Schema):
    name: str = Field(max_length=255)
    code: str = Field(max_length=32)


class SplitIn(ChangeIn):
    parts: list[PartIn] = Field(min_length=2, max_length=50)
    kind: str = Field(description="Loại hình các tổ chức mới.")
    assignment: dict[int, int] = Field(
        default_factory=dict,
        description="Mỗi tổ chức trực thuộc (mã) về phần nào (số thứ tự trong `parts`, từ 0).",
    )


@router.post("/organizations/{int:pk}/split", response=DONE, summary="Chia tách tổ chức")
def organization_split(request: HttpRequest, pk: int, payload: SplitIn) -> Status:
    """Bị từ chối khi tổ chức còn đảng viên (chuyển sinh hoạt trước); mỗi việc đang mở được
    giao cho mọi phần mới."""
    org = _manageable(request, pk)
    kind = _kind(payload.kind, "kind")
    parts = [services.NewOrgSpec(name=p.name, kind=kind, code=p.code) for p in payload.parts]
    created = restructure.org_split(
        org=org, parts=parts, assignment=payload.assignment, **_when(request, payload)
    )
    return _reply(payload.on, *created)


@router.post("/organizations/{int:pk}/dissolve", response=DONE, summary="Giải thể tổ chức")
def organization_dissolve(request: HttpRequest, pk: int, payload: ChangeIn) -> Status:
    """Bị từ chối khi còn tổ chức trực thuộc hoặc đảng viên; các việc đang mở được miễn."""
    ended = restructure.org_dissolve(org=_manageable(request, pk), **_when(request, payload))
    return _reply(payload.on, ended)
