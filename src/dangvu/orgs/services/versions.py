"""Writing versions: close, reopen, rebase a subtree, keep the organization rows in step."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from dangvu import access
from dangvu.access import Actor
from dangvu.core.collation import vi_sort_key
from dangvu.core.dates import format_short as fmt
from dangvu.core.text import fold

from .. import paths
from ..models import MERGE_HOPS, Organization, OrgVersion, Restructuring, Succession
from ..selectors import version_on
from .checks import (
    require_code_free,
    require_exists_on,
    require_kind,
    require_may_contain,
    require_open_versions,
    require_text,
)

_VERSION_FIELDS = ("name", "committee_name", "kind", "code", "issuer_code")


@dataclass(frozen=True)
class NewOrgSpec:
    """An organization to be formed by a merge or a split."""

    name: str
    kind: str
    code: str
    committee_name: str = ""
    issuer_code: str = ""
    parent: Organization | None = None


def _search_text(name: str, committee_name: str, code: str) -> str:
    return fold(f"{name} {committee_name} {code}")[:600]


def index_names(row: Organization | OrgVersion) -> None:
    """The derived name columns of an organization or version: the folded search text
    and the Vietnamese sort key of the name."""
    row.search_text = _search_text(row.name, row.committee_name, row.code)
    row.sort_key = vi_sort_key(row.name)


_COPIED_FIELDS = (*_VERSION_FIELDS, "organization_id", "parent_id", "path", "depth")


def _next_version(
    version: OrgVersion, on: date, change: Restructuring, **changes: Any
) -> OrgVersion:
    """An unsaved successor of `version` from `on`, with `changes` applied."""
    new = OrgVersion(
        **{f: getattr(version, f) for f in _COPIED_FIELDS}, valid_from=on, restructuring=change
    )
    for key, value in changes.items():
        setattr(new, key, value)
    index_names(new)
    return new


def supersede(version: OrgVersion, on: date, change: Restructuring, **fields: Any) -> OrgVersion:
    """Close `version` at `on` and open its successor with `fields` changed; a version
    that starts on `on` itself is changed in place."""
    if version.valid_from == on:
        for key, value in fields.items():
            setattr(version, key, value)
        index_names(version)
        version.save()
        return version
    version.valid_to = on
    version.save(update_fields=["valid_to"])
    new = _next_version(version, on, change, **fields)
    new.save()
    return new


def sync_mirror(org_ids: Iterable[int]) -> None:
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
        for field in (*_VERSION_FIELDS, "path", "depth", "search_text", "sort_key"):
            setattr(org, field, getattr(v, field))
        org.parent_id = v.parent_id
    Organization.objects.bulk_update(
        orgs,
        [*_VERSION_FIELDS, "path", "depth", "search_text", "sort_key", "parent"],
        batch_size=1000,
    )


def rebase_subtree(
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
            _next_version(
                v, on, change, path=path, depth=v.depth + depth_shift, parent_id=parent_id
            )
        )
    OrgVersion.objects.bulk_update(in_place, ["path", "depth", "parent"], batch_size=1000)
    OrgVersion.objects.bulk_create(new_versions, batch_size=2000)
    sync_mirror(v.organization_id for v in subtree)


def close_version(
    org: Organization, version: OrgVersion, on: date, successor: Organization | None
) -> None:
    version.valid_to = on
    version.save(update_fields=["valid_to"])
    org.dissolved_on = on
    org.successor = successor
    org.save(update_fields=["dissolved_on", "successor"])
    if successor is not None:
        record_succession(org, successor)


def record_succession(org: Organization, successor: Organization) -> None:
    """Store the chains that `org` merging into `successor` makes: `org` and everything
    merged into it (up to MERGE_HOPS) now lead to `successor` and to what `successor` was
    itself merged into (a back-dated merge)."""
    if successor.pk == org.pk:
        raise ValidationError("Một tổ chức không hợp nhất vào chính nó.")
    into_org = Succession.objects.filter(successor=org)
    beyond = Succession.objects.filter(organization=successor)
    before = [(org.pk, 0), *into_org.values_list("organization_id", "hops")]
    after = [
        (successor.pk, 1),
        *((pk, h + 1) for pk, h in beyond.values_list("successor_id", "hops")),
    ]
    if any(pk == org.pk for pk, _ in after) or any(pk == successor.pk for pk, _ in before):
        raise ValidationError(
            f"“{org.name}” không thể hợp nhất vào “{successor.name}”: “{successor.name}” đã "
            "hợp nhất vào nó trước đó."
        )
    Succession.objects.bulk_create(
        [
            Succession(organization_id=a, successor_id=b, hops=ha + hb)
            for a, ha in before
            for b, hb in after
            if ha + hb <= MERGE_HOPS
        ]
    )


def new_restructuring(
    kind: str, on: date, decision: str, actor: Actor, note: str = ""
) -> Restructuring:
    return Restructuring.objects.create(
        kind=kind,
        effective_on=on,
        decision=decision,
        note=note,
        actor=access.user_of(actor),
    )


def snapshot(v: OrgVersion) -> dict[str, Any]:
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


def establish(
    spec: NewOrgSpec, on: date, change: Restructuring, *, check_parent: bool = True
) -> Organization:
    name = require_text(spec.name, "name", "Tên tổ chức")
    code = require_text(spec.code, "code", "Mã đơn vị")
    kind = require_kind(spec.kind)
    parent = spec.parent
    parent_version = None
    if parent is not None:
        require_exists_on(parent, on, field="founded_on")
        parent_version = version_on(parent, on)
        if parent_version is None or parent_version.valid_to is not None:
            raise ValidationError(
                {"founded_on": f"“{parent.name}” không còn hoạt động từ ngày {fmt(on)}."}
            )
        if check_parent:
            require_open_versions([parent_version], on, closing=False)
    require_may_contain(parent_version.kind if parent_version else None, kind, name)
    require_code_free(parent, code, on)
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
    index_names(org)
    org.save(update_fields=["path", "depth", "search_text", "sort_key"])
    OrgVersion.objects.create(
        organization=org,
        **{f: getattr(org, f) for f in (*_VERSION_FIELDS, "parent_id", "path", "depth")},
        valid_from=on,
        restructuring=change,
        search_text=org.search_text,
        sort_key=org.sort_key,
    )
    return org
