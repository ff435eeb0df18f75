"""Checks shared by the restructurings: each refuses with a Vietnamese message."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError

from dangvu import access
from dangvu.access import Actor
from dangvu.core.dates import format_short as fmt

from .. import paths, rules
from ..models import Organization, OrgKind, OrgVersion
from ..selectors import covering


def authorize(actor: Actor, org: Organization, *, strictly_below: bool = True) -> None:
    """Services check scope themselves, so no caller can skip it."""
    if not access.can_change(actor, org, strictly_below=strictly_below):
        raise PermissionDenied(
            f"Bạn không có quyền thay đổi “{org.name}”: tổ chức này không thuộc phạm vi đơn vị "
            "của bạn, hoặc vai trò của bạn không được ghi thay đổi."
        )


def require_text(value: str | None, field: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: f"{label} không được để trống."})
    return value


def require_decision(decision: str) -> str:
    return require_text(decision, "decision", "Văn bản quyết định (ví dụ: Quyết định số 123-QĐ/TU)")


def require_kind(kind: str) -> str:
    if kind not in OrgKind.values:
        raise ValidationError({"kind": f"Loại hình “{kind}” không có trong danh mục."})
    return kind


def require_exists_on(org: Organization, on: date, field: str = "effective_on") -> None:
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


def require_open_versions(versions: Iterable[OrgVersion], on: date, *, closing: bool) -> None:
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


def _later_versions_in(path: str, on: date) -> list[OrgVersion]:
    low, high = paths.subtree_bounds(path)
    return list(OrgVersion.objects.filter(path__gte=low, path__lt=high, valid_from__gt=on)[:1])


def require_subtree_settled(root: OrgVersion, on: date) -> list[OrgVersion]:
    """The subtree of `root` on `on`, refused if anything in it changes after `on`."""
    require_open_versions(_later_versions_in(root.path, on), on, closing=False)
    low, high = paths.subtree_bounds(root.path)
    subtree = list(covering(OrgVersion.objects.filter(path__gte=low, path__lt=high), on))
    require_open_versions(subtree, on, closing=False)
    return subtree


def require_may_contain(parent_kind: str | None, child_kind: str, child_name: str) -> None:
    if not rules.may_contain(parent_kind, child_kind):
        parent_label = OrgKind(parent_kind).label if parent_kind else "cấp cao nhất"
        raise ValidationError(
            {
                "parent": f"“{child_name}” ({OrgKind(child_kind).label}) không thể trực thuộc "
                f"{parent_label.lower()}: hãy chọn tổ chức cấp trên phù hợp."
            }
        )


def require_code_free(
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
