"""Writes to the organization tree. Every change is dated, names its deciding document,
keeps history (versions are closed, never edited away) and writes the audit log.

The timeline only grows forward: a change may not take effect before a change already
recorded for any organization it touches. That keeps every "as of" answer stable.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.core.text import fold

from . import paths, rules
from .models import Organization, OrgKind, OrgVersion, Restructuring, RestructuringKind
from .selectors import covering, version_on

__all__ = [
    "NewOrgSpec",
    "org_create",
    "org_dissolve",
    "org_merge",
    "org_move",
    "org_rename",
    "org_split",
]

_VERSION_FIELDS = ("name", "committee_name", "kind", "code", "issuer_code")

# What other areas must do when an organization ends (merged, split or dissolved), called
# inside the same transaction, in this order, as f(org=..., on=..., successor=..., actor=...).
# `successor` is the organization it merged into, or None (split, dissolution). A handler
# moves its records to the successor, or refuses with a ValidationError when it cannot.
ORG_ENDING_HANDLERS: tuple[str, ...] = ()


def _run_ending_handlers(
    org: Organization, on: date, successor: Organization | None, actor: Any
) -> None:
    from django.utils.module_loading import import_string

    for dotted in ORG_ENDING_HANDLERS:
        import_string(dotted)(org=org, on=on, successor=successor, actor=actor)


@dataclass(frozen=True)
class NewOrgSpec:
    """An organization to be formed by a merge or a split."""

    name: str
    kind: str
    code: str
    committee_name: str = ""
    issuer_code: str = ""
    parent: Organization | None = None


# --- checks ---------------------------------------------------------------------------


def _authorize(actor: Any, org: Organization, *, strictly_below: bool = True) -> None:
    """Services check scope themselves, so no caller can skip it. No actor: the system."""
    if actor is None or actor.is_superuser:
        return
    own = actor.organization
    allowed = (
        actor.can_edit
        and own is not None
        and paths.is_within(org.path, own.path)
        and not (strictly_below and org.pk == own.pk)
    )
    if not allowed:
        raise PermissionDenied(
            f"Bạn không có quyền thay đổi “{org.name}”: tổ chức này không thuộc phạm vi đơn vị "
            "của bạn, hoặc vai trò của bạn không được ghi thay đổi."
        )


def _require_text(value: str | None, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: f"{label} không được để trống."})
    return value


def _require_decision(decision: str) -> str:
    return _require_text(
        decision, "decision", "Văn bản quyết định (ví dụ: Quyết định số 123-QĐ/TU)"
    )


def _require_kind(kind: str) -> str:
    if kind not in OrgKind.values:
        raise ValidationError({"kind": f"Loại hình “{kind}” không có trong danh mục."})
    return kind


def _require_exists_on(org: Organization, on: date, field: str = "effective_on") -> None:
    if on < org.founded_on:
        raise ValidationError(
            {
                field: f"Ngày hiệu lực {fmt(on)} trước ngày thành lập của “{org.name}” "
                f"({fmt(org.founded_on)}): hãy chọn ngày từ {fmt(org.founded_on)} trở đi."
            }
        )
    if org.dissolved_on is not None and on >= org.dissolved_on:
        raise ValidationError(
            {field: f"“{org.name}” đã chấm dứt hoạt động từ ngày {fmt(org.dissolved_on)}."}
        )


def _require_open_versions(versions: Iterable[OrgVersion], on: date, *, closing: bool) -> None:
    """No recorded change may lie after `on` for the organizations a change touches."""
    for v in versions:
        if v.valid_from > on or (closing and v.valid_from == on) or v.valid_to is not None:
            later = v.valid_to if v.valid_to is not None and v.valid_from <= on else v.valid_from
            raise ValidationError(
                {
                    "effective_on": f"“{v.name}” đã có thay đổi ghi nhận từ ngày {fmt(later)}; "
                    f"thay đổi mới phải có hiệu lực sau ngày đó."
                }
            )


def _latest_versions_in(path: str) -> list[OrgVersion]:
    low, high = paths.subtree_bounds(path)
    return list(OrgVersion.objects.filter(path__gte=low, path__lt=high, valid_to__isnull=True))


def _later_versions_in(path: str, on: date) -> list[OrgVersion]:
    low, high = paths.subtree_bounds(path)
    return list(OrgVersion.objects.filter(path__gte=low, path__lt=high, valid_from__gt=on)[:1])


def _require_subtree_settled(root: OrgVersion, on: date) -> list[OrgVersion]:
    """The subtree of `root` on `on`, refused if anything in it changes after `on`."""
    _require_open_versions(_later_versions_in(root.path, on), on, closing=False)
    low, high = paths.subtree_bounds(root.path)
    subtree = list(covering(OrgVersion.objects.filter(path__gte=low, path__lt=high), on))
    _require_open_versions(subtree, on, closing=False)
    return subtree


def _require_may_contain(parent_kind: str | None, child_kind: str, child_name: str) -> None:
    if not rules.may_contain(parent_kind, child_kind):
        parent_label = OrgKind(parent_kind).label if parent_kind else "cấp cao nhất"
        raise ValidationError(
            {
                "parent": f"“{child_name}” ({OrgKind(child_kind).label}) không thể trực thuộc "
                f"{parent_label.lower()}: hãy chọn tổ chức cấp trên phù hợp."
            }
        )


def _require_code_free(
    parent: Organization | None, code: str, on: date, *, ignore: Sequence[int] = ()
) -> None:
    if parent is None:
        return
    clash = (
        covering(OrgVersion.objects.filter(parent=parent, code=code), on)
        .exclude(organization_id__in=ignore)
        .first()
    )
    if clash is not None:
        raise ValidationError(
            {
                "code": f"Mã đơn vị “{code}” đã dùng cho “{clash.name}” cùng trực thuộc "
                f"“{parent.name}”: hãy chọn mã khác."
            }
        )


# --- writing versions -------------------------------------------------------------------


def _search_text(name: str, committee_name: str, code: str) -> str:
    return fold(f"{name} {committee_name} {code}")[:600]


def _supersede(version: OrgVersion, on: date, change: Restructuring, **fields: Any) -> OrgVersion:
    """Close `version` at `on` and open its successor with `fields` changed; a version
    that starts on `on` itself is changed in place."""
    if version.valid_from == on:
        for key, value in fields.items():
            setattr(version, key, value)
        version.search_text = _search_text(version.name, version.committee_name, version.code)
        version.save()
        return version
    version.valid_to = on
    version.save(update_fields=["valid_to"])
    new = OrgVersion(
        organization_id=version.organization_id,
        parent_id=version.parent_id,
        name=version.name,
        committee_name=version.committee_name,
        kind=version.kind,
        code=version.code,
        issuer_code=version.issuer_code,
        path=version.path,
        depth=version.depth,
        valid_from=on,
        restructuring=change,
    )
    for key, value in fields.items():
        setattr(new, key, value)
    new.search_text = _search_text(new.name, new.committee_name, new.code)
    new.save()
    return new


def _sync_mirror(org_ids: Iterable[int]) -> None:
    """Copy each organization's latest version onto the organization row."""
    ids = list(set(org_ids))
    latest: dict[int, OrgVersion] = {}
    for v in OrgVersion.objects.filter(organization_id__in=ids).order_by(
        "organization_id", "-valid_from"
    ):
        latest.setdefault(v.organization_id, v)
    orgs = list(Organization.objects.filter(pk__in=ids))
    for org in orgs:
        v = latest[org.pk]
        for field in (*_VERSION_FIELDS, "path", "depth", "search_text"):
            setattr(org, field, getattr(v, field))
        org.parent_id = v.parent_id
    Organization.objects.bulk_update(
        orgs, [*_VERSION_FIELDS, "path", "depth", "search_text", "parent"], batch_size=1000
    )


def _rebase_subtree(
    subtree: list[OrgVersion],
    root: OrgVersion,
    new_parent: Organization,
    new_parent_path: str,
    on: date,
    change: Restructuring,
) -> None:
    """Give `root` a new parent on `on` and every version below it its new path."""
    old_prefix = root.path
    new_prefix = paths.child_path(new_parent_path, root.organization_id)
    depth_shift = paths.depth_of(new_prefix) - root.depth
    to_close = [v.pk for v in subtree if v.valid_from < on]
    in_place = [v for v in subtree if v.valid_from == on]
    OrgVersion.objects.filter(pk__in=to_close).update(valid_to=on)
    new_versions = []
    for v in subtree:
        path = paths.rebase(v.path, old_prefix, new_prefix)
        parent_id = new_parent.pk if v.pk == root.pk else v.parent_id
        if v.valid_from == on:
            v.path, v.depth, v.parent_id = path, v.depth + depth_shift, parent_id
            continue
        new_versions.append(
            OrgVersion(
                organization_id=v.organization_id,
                parent_id=parent_id,
                name=v.name,
                committee_name=v.committee_name,
                kind=v.kind,
                code=v.code,
                issuer_code=v.issuer_code,
                path=path,
                depth=v.depth + depth_shift,
                valid_from=on,
                restructuring=change,
                search_text=v.search_text,
            )
        )
    OrgVersion.objects.bulk_update(in_place, ["path", "depth", "parent"], batch_size=1000)
    OrgVersion.objects.bulk_create(new_versions, batch_size=2000)
    _sync_mirror(v.organization_id for v in subtree)


def _close(
    org: Organization, version: OrgVersion, on: date, successor: Organization | None, actor: Any
) -> None:
    _run_ending_handlers(org, on, successor, actor)
    version.valid_to = on
    version.save(update_fields=["valid_to"])
    org.dissolved_on = on
    org.successor = successor
    org.save(update_fields=["dissolved_on", "successor"])


def _new_restructuring(
    kind: str, on: date, decision: str, actor: Any, note: str = ""
) -> Restructuring:
    return Restructuring.objects.create(
        kind=kind,
        effective_on=on,
        decision=decision,
        note=note,
        actor=actor if getattr(actor, "pk", None) else None,
    )


def _snapshot(v: OrgVersion) -> dict[str, Any]:
    return {
        "name": v.name,
        "committee_name": v.committee_name,
        "kind": v.kind,
        "code": v.code,
        "issuer_code": v.issuer_code,
        "parent": v.parent_id,
        "path": v.path,
        "valid_from": v.valid_from,
    }


def _establish(
    spec: NewOrgSpec, on: date, change: Restructuring, *, check_parent: bool = True
) -> Organization:
    name = _require_text(spec.name, "name", "Tên tổ chức")
    code = _require_text(spec.code, "code", "Mã đơn vị")
    kind = _require_kind(spec.kind)
    parent = spec.parent
    parent_version = None
    if parent is not None:
        _require_exists_on(parent, on, field="founded_on")
        parent_version = version_on(parent, on)
        if parent_version is None or parent_version.valid_to is not None:
            raise ValidationError(
                {"founded_on": f"“{parent.name}” không còn hoạt động từ ngày {fmt(on)}."}
            )
        if check_parent:
            _require_open_versions([parent_version], on, closing=False)
    _require_may_contain(parent_version.kind if parent_version else None, kind, name)
    _require_code_free(parent, code, on)
    org = Organization(
        name=name,
        committee_name=spec.committee_name.strip(),
        kind=kind,
        code=code,
        issuer_code=spec.issuer_code.strip(),
        parent=parent,
        path=f"~{uuid.uuid4().hex}",
        founded_on=on,
    )
    org.full_clean(exclude=["path"])
    org.save()
    org.path = paths.child_path(parent_version.path if parent_version else "", org.pk)
    org.depth = paths.depth_of(org.path)
    org.search_text = _search_text(org.name, org.committee_name, org.code)
    org.save(update_fields=["path", "depth", "search_text"])
    OrgVersion.objects.create(
        organization=org,
        parent=parent,
        name=org.name,
        committee_name=org.committee_name,
        kind=org.kind,
        code=org.code,
        issuer_code=org.issuer_code,
        path=org.path,
        depth=org.depth,
        valid_from=on,
        restructuring=change,
        search_text=org.search_text,
    )
    return org


# --- the restructurings -----------------------------------------------------------------


@transaction.atomic
def org_create(
    *,
    name: str,
    kind: str,
    code: str,
    parent: Organization | None,
    founded_on: date,
    decision: str,
    actor: Any,
    committee_name: str = "",
    issuer_code: str = "",
    note: str = "",
) -> Organization:
    """Establish an organization under `parent` from `founded_on`."""
    if parent is not None:
        _authorize(actor, parent, strictly_below=False)
    elif actor is not None and not actor.is_superuser:
        raise PermissionDenied("Chỉ quản trị hệ thống được tạo tổ chức cấp cao nhất.")
    decision = _require_decision(decision)
    change = _new_restructuring(RestructuringKind.ESTABLISH, founded_on, decision, actor, note)
    spec = NewOrgSpec(name, kind, code, committee_name, issuer_code, parent)
    org = _establish(spec, founded_on, change)
    change.results.add(org)
    audit_record(
        actor=actor,
        action="orgs.org_create",
        obj=org,
        organization=org,
        summary=f"Thành lập “{org.name}” từ ngày {fmt(founded_on)} ({decision})",
        after=_snapshot(org.versions.get()),
    )
    return org


@transaction.atomic
def org_rename(
    *,
    org: Organization,
    on: date,
    decision: str,
    actor: Any,
    name: str | None = None,
    committee_name: str | None = None,
    code: str | None = None,
    issuer_code: str | None = None,
    kind: str | None = None,
) -> Organization:
    """Change an organization's name (and, with it, its committee name, code, symbol or
    kind) from `on`."""
    _authorize(actor, org)
    decision = _require_decision(decision)
    _require_exists_on(org, on)
    current = version_on(org, on)
    assert current is not None
    _require_open_versions([current], on, closing=False)
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = _require_text(name, "name", "Tên tổ chức")
    if code is not None:
        changes["code"] = _require_text(code, "code", "Mã đơn vị")
    if committee_name is not None:
        changes["committee_name"] = committee_name.strip()
    if issuer_code is not None:
        changes["issuer_code"] = issuer_code.strip()
    if kind is not None:
        changes["kind"] = _require_kind(kind)
    changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changes:
        raise ValidationError("Không có gì thay đổi: hãy nhập tên, mã hoặc loại hình mới.")
    if "kind" in changes:
        parent_kind = current.parent.kind if current.parent else None
        _require_may_contain(parent_kind, changes["kind"], current.name)
        for child in covering(OrgVersion.objects.filter(parent=org), on):
            _require_may_contain(changes["kind"], child.kind, child.name)
    if "code" in changes:
        _require_code_free(current.parent, changes["code"], on, ignore=[org.pk])
    before = _snapshot(current)
    change = _new_restructuring(RestructuringKind.RENAME, on, decision, actor)
    change.sources.add(org)
    change.results.add(org)
    new = _supersede(current, on, change, **changes)
    _sync_mirror([org.pk])
    org.refresh_from_db()
    audit_record(
        actor=actor,
        action="orgs.org_rename",
        obj=org,
        organization=org,
        summary=f"Đổi tên “{before['name']}” thành “{new.name}” từ ngày {fmt(on)} ({decision})",
        before=before,
        after=_snapshot(new),
    )
    return org


def _move_checks(
    org: Organization, new_parent: Organization, on: date
) -> tuple[OrgVersion, OrgVersion, list[OrgVersion]]:
    _require_exists_on(org, on)
    _require_exists_on(new_parent, on)
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
    _require_open_versions([target], on, closing=False)
    subtree = _require_subtree_settled(current, on)
    _require_may_contain(target.kind, current.kind, current.name)
    _require_code_free(new_parent, current.code, on, ignore=[org.pk])
    return current, target, subtree


@transaction.atomic
def org_move(
    *, org: Organization, new_parent: Organization, on: date, decision: str, actor: Any
) -> Organization:
    """Place an organization, with everything under it, under another parent from `on`."""
    _authorize(actor, org)
    _authorize(actor, new_parent, strictly_below=False)
    decision = _require_decision(decision)
    current = version_on(org, on) if org.exists_on(on) else None
    if current is not None and current.parent_id == new_parent.pk:
        raise ValidationError(
            {"new_parent": f"“{org.name}” đã trực thuộc “{new_parent.name}” vào ngày {fmt(on)}."}
        )
    current, target, subtree = _move_checks(org, new_parent, on)
    before = _snapshot(current)
    change = _new_restructuring(RestructuringKind.MOVE, on, decision, actor)
    change.sources.add(org)
    change.results.add(org)
    _rebase_subtree(subtree, current, new_parent, target.path, on, change)
    org.refresh_from_db()
    audit_record(
        actor=actor,
        action="orgs.org_move",
        obj=org,
        organization=org,
        summary=f"Chuyển “{org.name}” về trực thuộc “{new_parent.name}” từ ngày {fmt(on)} "
        f"({decision}); {len(subtree) - 1} tổ chức trực thuộc chuyển theo",
        before=before,
        after=_snapshot(version_on(org, on)),  # type: ignore[arg-type]
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
        subtree = _require_subtree_settled(child, on)
        _require_may_contain(target_version.kind, child.kind, child.name)
        try:
            _require_code_free(target, child.code, on, ignore=[child.organization_id])
        except ValidationError as exc:
            raise ValidationError(
                f"Mã “{child.code}” của “{child.name}” trùng với một đơn vị của “{target.name}”: "
                "hãy đổi mã một trong hai đơn vị trước khi ghi thay đổi này."
            ) from exc
        _rebase_subtree(subtree, child, target, target_version.path, on, change)
        moved += 1
    return moved


@transaction.atomic
def org_merge(
    *,
    sources: Sequence[Organization],
    on: date,
    decision: str,
    actor: Any,
    into: Organization | None = None,
    new: NewOrgSpec | None = None,
) -> Organization:
    """Merge `sources` into an existing organization (`into`) or a new one (`new`) from
    `on`: their subordinate organizations pass to it and the sources end that day."""
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
        _authorize(actor, src)
        _require_exists_on(src, on)
    decision = _require_decision(decision)
    source_versions = [version_on(s, on) for s in sources]
    _require_open_versions(source_versions, on, closing=True)  # type: ignore[arg-type]
    if into is not None:
        _authorize(actor, into, strictly_below=False)
        _require_exists_on(into, on)
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
        _authorize(actor, new.parent, strictly_below=False)
    change = _new_restructuring(RestructuringKind.MERGE, on, decision, actor)
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
        target = _establish(new, on, change)
    else:
        assert into is not None
        target = into
    change.results.add(target)
    moved = 0
    for src, sv in zip(sources, source_versions, strict=True):
        moved += _move_children(src, target, on, change)
        sv = version_on(src, on)
        assert sv is not None
        before = _snapshot(sv)
        _close(src, sv, on, target, actor)
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
    actor: Any,
    parts: Sequence[NewOrgSpec],
    assignment: dict[int, int],
) -> list[Organization]:
    """Split `org` into new organizations under the same parent from `on`.
    `assignment` maps each subordinate organization's id to the index of its new part."""
    _authorize(actor, org)
    decision = _require_decision(decision)
    if len(parts) < 2:
        raise ValidationError({"parts": "Hãy nhập ít nhất hai tổ chức mới khi chia tách."})
    codes = [p.code.strip() for p in parts]
    if len(set(codes)) != len(codes):
        raise ValidationError({"parts": "Các tổ chức mới phải có mã đơn vị khác nhau."})
    _require_exists_on(org, on)
    current = version_on(org, on)
    assert current is not None
    _require_open_versions([current], on, closing=True)
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
    change = _new_restructuring(RestructuringKind.SPLIT, on, decision, actor)
    change.sources.add(org)
    before = _snapshot(current)
    _close(org, current, on, None, actor)
    created = [
        _establish(
            NewOrgSpec(p.name, p.kind, p.code, p.committee_name, p.issuer_code, parent), on, change
        )
        for p in parts
    ]
    change.results.add(*created)
    for child in children:
        target = created[assignment[child.organization_id]]
        target_version = version_on(target, on)
        assert target_version is not None
        subtree = _require_subtree_settled(child, on)
        _require_may_contain(target_version.kind, child.kind, child.name)
        _require_code_free(target, child.code, on, ignore=[child.organization_id])
        _rebase_subtree(subtree, child, target, target_version.path, on, change)
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
def org_dissolve(*, org: Organization, on: date, decision: str, actor: Any) -> Organization:
    """End an organization on `on`. It must have no subordinate organizations left."""
    _authorize(actor, org)
    decision = _require_decision(decision)
    _require_exists_on(org, on)
    current = version_on(org, on)
    assert current is not None
    _require_open_versions([current], on, closing=True)
    remaining = covering(OrgVersion.objects.filter(parent=org), on).count()
    if remaining:
        raise ValidationError(
            f"“{org.name}” còn {remaining} tổ chức trực thuộc vào ngày {fmt(on)}: hãy chuyển, "
            "hợp nhất hoặc giải thể các tổ chức đó trước."
        )
    change = _new_restructuring(RestructuringKind.DISSOLVE, on, decision, actor)
    change.sources.add(org)
    before = _snapshot(current)
    _close(org, current, on, None, actor)
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
