"""Writes to the organization tree. Every change is dated, names its deciding document,
keeps history (versions are closed, never edited away) and writes the audit log.

The timeline only grows forward: a change may not take effect before a change already
recorded for any organization it touches. That keeps every "as of" answer stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt

from .. import paths
from ..models import Organization, OrgVersion, Restructuring, RestructuringKind
from ..selectors import covering, version_on
from .checks import (
    authorize,
    require_code_free,
    require_decision,
    require_exists_on,
    require_kind,
    require_may_contain,
    require_open_versions,
    require_subtree_settled,
    require_text,
)
from .versions import (
    NewOrgSpec,
    close_version,
    establish,
    new_restructuring,
    rebase_subtree,
    snapshot,
    supersede,
    sync_mirror,
)


@transaction.atomic
def org_create(
    *,
    name: str,
    kind: str,
    code: str,
    parent: Organization | None,
    founded_on: date,
    decision: str,
    actor: Actor,
    committee_name: str = "",
    issuer_code: str = "",
    note: str = "",
) -> Organization:
    """Establish an organization under `parent` from `founded_on`."""
    if parent is not None:
        authorize(actor, parent, strictly_below=False)
    elif not access.sees_everything(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống được tạo tổ chức cấp cao nhất.")
    decision = require_decision(decision)
    change = new_restructuring(RestructuringKind.ESTABLISH, founded_on, decision, actor, note)
    spec = NewOrgSpec(name, kind, code, committee_name, issuer_code, parent)
    org = establish(spec, founded_on, change)
    change.results.add(org)
    audit_record(
        actor=actor,
        action="orgs.org_create",
        obj=org,
        organization=org,
        summary=f"Thành lập “{org.name}” từ ngày {fmt(founded_on)} ({decision})",
        after=snapshot(org.versions.get()),
    )
    return org


@transaction.atomic
def org_rename(
    *,
    org: Organization,
    on: date,
    decision: str,
    actor: Actor,
    name: str | None = None,
    committee_name: str | None = None,
    code: str | None = None,
    issuer_code: str | None = None,
    kind: str | None = None,
) -> Organization:
    """Change an organization's name (and, with it, its committee name, code, symbol or
    kind) from `on`."""
    authorize(actor, org)
    decision = require_decision(decision)
    require_exists_on(org, on)
    current = version_on(org, on)
    assert current is not None
    require_open_versions([current], on, closing=False)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = require_text(name, "name", "Tên tổ chức")
    if code is not None:
        changes["code"] = require_text(code, "code", "Mã đơn vị")
    if committee_name is not None:
        changes["committee_name"] = committee_name.strip()
    if issuer_code is not None:
        changes["issuer_code"] = issuer_code.strip()
    if kind is not None:
        changes["kind"] = require_kind(kind)
    changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changes:
        raise ValidationError("Không có gì thay đổi: hãy nhập tên, mã hoặc loại hình mới.")
    if "kind" in changes:
        parent_kind = current.parent.kind if current.parent else None
        require_may_contain(parent_kind, changes["kind"], current.name)
        for child in covering(OrgVersion.objects.filter(parent=org), on):
            require_may_contain(changes["kind"], child.kind, child.name)
    if "code" in changes:
        require_code_free(current.parent, changes["code"], on, ignore=[org.pk])
    before = snapshot(current)
    change = new_restructuring(RestructuringKind.RENAME, on, decision, actor)
    change.sources.add(org)
    change.results.add(org)
    new = supersede(current, on, change, **changes)
    sync_mirror([org.pk])
    org.refresh_from_db()
    audit_record(
        actor=actor,
        action="orgs.org_rename",
        obj=org,
        organization=org,
        summary=f"Đổi tên “{before['name']}” thành “{new.name}” từ ngày {fmt(on)} ({decision})",
        before=before,
        after=snapshot(new),
    )
    return org


def _move_checks(
    org: Organization, new_parent: Organization, on: date
) -> tuple[OrgVersion, OrgVersion, list[OrgVersion]]:
    require_exists_on(org, on)
    require_exists_on(new_parent, on)
    current = version_on(org, on)
    target = version_on(new_parent, on)
    assert current is not None and target is not None
    if paths.is_within(target.path, current.path):
        raise ValidationError(
            {
                "new_parent": f"Không thể chuyển “{current.name}” vào chính nó hoặc vào một "
                f"tổ chức trực thuộc nó (“{target.name}”): cây tổ chức sẽ bị vòng lặp."
            }
        )
    require_open_versions([target], on, closing=False)
    subtree = require_subtree_settled(current, on)
    require_may_contain(target.kind, current.kind, current.name)
    require_code_free(new_parent, current.code, on, ignore=[org.pk])
    return current, target, subtree


@transaction.atomic
def org_move(
    *, org: Organization, new_parent: Organization, on: date, decision: str, actor: Actor
) -> Organization:
    """Place an organization, with everything under it, under another parent from `on`."""
    authorize(actor, org)
    authorize(actor, new_parent, strictly_below=False)
    decision = require_decision(decision)
    current = version_on(org, on) if org.exists_on(on) else None
    if current is not None and current.parent_id == new_parent.pk:
        raise ValidationError(
            {"new_parent": f"“{org.name}” đã trực thuộc “{new_parent.name}” vào ngày {fmt(on)}."}
        )
    current, target, subtree = _move_checks(org, new_parent, on)
    before = snapshot(current)
    change = new_restructuring(RestructuringKind.MOVE, on, decision, actor)
    change.sources.add(org)
    change.results.add(org)
    rebase_subtree(subtree, current, new_parent, target.path, on, change)
    org.refresh_from_db()
    audit_record(
        actor=actor,
        action="orgs.org_move",
        obj=org,
        organization=org,
        summary=f"Chuyển “{org.name}” về trực thuộc “{new_parent.name}” từ ngày {fmt(on)} "
        f"({decision}); {len(subtree) - 1} tổ chức trực thuộc chuyển theo",
        before=before,
        after=snapshot(version_on(org, on)),  # type: ignore[arg-type]
    )
    return org


def _move_children(
    source: Organization, target: Organization, on: date, change: Restructuring
) -> int:
    """Move the organizations directly under `source` on `on` to `target`."""
    target_version = version_on(target, on)
    assert target_version is not None
    moved = 0
    for child in list(covering(OrgVersion.objects.filter(parent=source), on)):
        subtree = require_subtree_settled(child, on)
        require_may_contain(target_version.kind, child.kind, child.name)
        try:
            require_code_free(target, child.code, on, ignore=[child.organization_id])
        except ValidationError as exc:
            raise ValidationError(
                f"Mã “{child.code}” của “{child.name}” trùng với một đơn vị của “{target.name}”: "
                "hãy đổi mã một trong hai đơn vị trước khi ghi thay đổi này."
            ) from exc
        rebase_subtree(subtree, child, target, target_version.path, on, change)
        moved += 1
    return moved


@transaction.atomic
def org_merge(
    *,
    sources: Sequence[Organization],
    on: date,
    decision: str,
    actor: Actor,
    into: Organization | None = None,
    new: NewOrgSpec | None = None,
) -> Organization:
    """Merge `sources` into an existing organization (`into`) or a new one (`new`) from
    `on`: their subordinate organizations pass to it and the sources end that day.
    The tree only: `dangvu.flows.restructure.org_merge` moves their members and tasks."""
    if (into is None) == (new is None):
        raise ValidationError("Hãy chọn tổ chức nhận (đã có) hoặc nhập tổ chức mới, không cả hai.")
    sources = list(dict.fromkeys(sources))
    minimum = 1 if into is not None else 2
    if len(sources) < minimum:
        raise ValidationError(
            {
                "sources": "Hãy chọn ít nhất hai tổ chức để hợp nhất (hoặc một tổ chức để sáp nhập "
                "vào tổ chức đã có)."
            }
        )
    if into is not None and into in sources:
        raise ValidationError(
            {"into": f"“{into.name}” không thể vừa sáp nhập vừa là tổ chức nhận."}
        )
    for src in sources:
        authorize(actor, src)
        require_exists_on(src, on)
    decision = require_decision(decision)
    source_versions = [version_on(s, on) for s in sources]
    require_open_versions(source_versions, on, closing=True)  # type: ignore[arg-type]
    if into is not None:
        authorize(actor, into, strictly_below=False)
        require_exists_on(into, on)
        into_version = version_on(into, on)
        assert into_version is not None
        for sv in source_versions:
            if sv is not None and paths.is_within(into_version.path, sv.path):
                raise ValidationError(
                    {
                        "into": f"“{into.name}” trực thuộc “{sv.name}”: không thể sáp nhập một tổ "
                        "chức vào tổ chức cấp dưới của nó."
                    }
                )
    elif new is not None and new.parent is not None:
        authorize(actor, new.parent, strictly_below=False)
    change = new_restructuring(RestructuringKind.MERGE, on, decision, actor)
    change.sources.add(*sources)
    if new is not None:
        for sv in source_versions:
            if (
                new.parent is not None
                and sv is not None
                and paths.is_within(new.parent.path, sv.path)
            ):
                raise ValidationError(
                    {
                        "parent": f"Tổ chức mới không thể trực thuộc “{sv.name}”, vì “{sv.name}” "
                        "chấm dứt khi hợp nhất."
                    }
                )
        target = establish(new, on, change)
    else:
        assert into is not None
        target = into
    change.results.add(target)
    moved = 0
    for src, sv in zip(sources, source_versions, strict=True):
        moved += _move_children(src, target, on, change)
        sv = version_on(src, on)
        assert sv is not None
        before = snapshot(sv)
        close_version(src, sv, on, target)
        audit_record(
            actor=actor,
            action="orgs.org_merge",
            obj=src,
            organization=src,
            summary=f"“{src.name}” hợp nhất vào “{target.name}” từ ngày {fmt(on)} ({decision})",
            before=before,
            after={"dissolved_on": on, "successor": target.pk},
        )
    audit_record(
        actor=actor,
        action="orgs.org_merge",
        obj=target,
        organization=target,
        summary=f"Hợp nhất {', '.join(f'“{s.name}”' for s in sources)} vào “{target.name}” từ "
        f"ngày {fmt(on)} ({decision}); {moved} tổ chức trực thuộc chuyển về",
        after={"sources": [s.pk for s in sources], "created": new is not None},
    )
    return target


@transaction.atomic
def org_split(
    *,
    org: Organization,
    on: date,
    decision: str,
    actor: Actor,
    parts: Sequence[NewOrgSpec],
    assignment: dict[int, int],
) -> list[Organization]:
    """Split `org` into new organizations under the same parent from `on`.
    `assignment` maps each subordinate organization's id to the index of its new part.
    The tree only: `dangvu.flows.restructure.org_split` passes its tasks to the parts."""
    authorize(actor, org)
    decision = require_decision(decision)
    if len(parts) < 2:
        raise ValidationError({"parts": "Hãy nhập ít nhất hai tổ chức mới khi chia tách."})
    codes = [p.code.strip() for p in parts]
    if len(set(codes)) != len(codes):
        raise ValidationError({"parts": "Các tổ chức mới phải có mã đơn vị khác nhau."})
    require_exists_on(org, on)
    current = version_on(org, on)
    assert current is not None
    require_open_versions([current], on, closing=True)
    children = list(covering(OrgVersion.objects.filter(parent=org), on))
    for child in children:
        index = assignment.get(child.organization_id)
        if index is None or not 0 <= index < len(parts):
            raise ValidationError(
                {
                    "assignment": f"Hãy chọn tổ chức mới cho “{child.name}”: mọi tổ chức trực "
                    "thuộc phải được chuyển khi chia tách."
                }
            )
    parent = current.parent
    change = new_restructuring(RestructuringKind.SPLIT, on, decision, actor)
    change.sources.add(org)
    before = snapshot(current)
    close_version(org, current, on, None)
    created = [
        establish(
            NewOrgSpec(p.name, p.kind, p.code, p.committee_name, p.issuer_code, parent), on, change
        )
        for p in parts
    ]
    change.results.add(*created)
    for child in children:
        target = created[assignment[child.organization_id]]
        target_version = version_on(target, on)
        assert target_version is not None
        subtree = require_subtree_settled(child, on)
        require_may_contain(target_version.kind, child.kind, child.name)
        require_code_free(target, child.code, on, ignore=[child.organization_id])
        rebase_subtree(subtree, child, target, target_version.path, on, change)
    audit_record(
        actor=actor,
        action="orgs.org_split",
        obj=org,
        organization=org,
        summary=f"Chia tách “{org.name}” thành {', '.join(f'“{c.name}”' for c in created)} từ "
        f"ngày {fmt(on)} ({decision})",
        before=before,
        after={"results": [c.pk for c in created]},
    )
    return created


@transaction.atomic
def org_dissolve(*, org: Organization, on: date, decision: str, actor: Actor) -> Organization:
    """End an organization on `on`. It must have no subordinate organizations left.
    The tree only: `dangvu.flows.restructure.org_dissolve` refuses while members remain
    and exempts its tasks."""
    authorize(actor, org)
    decision = require_decision(decision)
    require_exists_on(org, on)
    current = version_on(org, on)
    assert current is not None
    require_open_versions([current], on, closing=True)
    remaining = covering(OrgVersion.objects.filter(parent=org), on).count()
    if remaining:
        raise ValidationError(
            f"“{org.name}” còn {remaining} tổ chức trực thuộc vào ngày {fmt(on)}: hãy chuyển, "
            "hợp nhất hoặc giải thể các tổ chức đó trước."
        )
    change = new_restructuring(RestructuringKind.DISSOLVE, on, decision, actor)
    change.sources.add(org)
    before = snapshot(current)
    close_version(org, current, on, None)
    audit_record(
        actor=actor,
        action="orgs.org_dissolve",
        obj=org,
        organization=org,
        summary=f"Giải thể “{org.name}” từ ngày {fmt(on)} ({decision})",
        before=before,
        after={"dissolved_on": on},
    )
    return org
