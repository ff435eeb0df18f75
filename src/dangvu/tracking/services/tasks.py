"""Creating tasks from a document: resolve the units on the issue date, one assignment
each, and mark done at once the units whose implementing document is already in the
register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.documents.models import Document, DocumentStatus
from dangvu.orgs import paths
from dangvu.orgs.models import Organization, OrgVersion
from dangvu.orgs.selectors import covering, descendants_on, version_on

from .. import rules
from ..models import Assignment, Task, TaskKind, UnitRuleChoice
from .follow import reconcile_documents


def resolve_units(
    *, rule: str, root: Organization, on: date, listed: Sequence[Organization] = ()
) -> list[int]:
    """The ids of the units `rule` takes below `root` as the tree stood on `on`."""
    spec = rules.rule_for(rule)
    root_version = version_on(root, on)
    if root_version is None:
        raise ValidationError(
            {
                "rule_root": f"“{root.name}” không hoạt động vào ngày {fmt(on)}: hãy chọn "
                "đơn vị khác hoặc sửa ngày giao."
            }
        )
    if spec.listed:
        if not listed:
            raise ValidationError({"listed": "Hãy chọn ít nhất một đơn vị thực hiện."})
        ids = list(dict.fromkeys(o.pk for o in listed))
        versions = {
            v.organization_id: v
            for v in covering(OrgVersion.objects.filter(organization_id__in=ids), on)
        }
        for org in listed:
            v = versions.get(org.pk)
            if v is None:
                raise ValidationError(
                    {
                        "listed": f"“{org.name}” không hoạt động vào ngày {fmt(on)}: "
                        "hãy bỏ đơn vị này."
                    }
                )
            if v.organization_id == root.pk or not paths.is_within(v.path, root_version.path):
                raise ValidationError(
                    {
                        "listed": f"“{org.name}” không trực thuộc “{root_version.name}” vào ngày "
                        f"{fmt(on)}: chỉ chọn đơn vị cấp dưới."
                    }
                )
        return ids
    qs = descendants_on(root, on)
    if spec.relative_depth is not None:
        qs = qs.filter(depth=root_version.depth + spec.relative_depth)
    if spec.kinds is not None:
        qs = qs.filter(kind__in=spec.kinds)
    return list(qs.order_by("path").values_list("organization_id", flat=True))


def _authorize(actor: Actor, source: Document, root: Organization) -> None:
    if not access.may_write(actor):
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được giao việc.")
    if not access.can_change(actor, source.owner):
        raise PermissionDenied(
            "Chỉ cấp ủy ban hành văn bản hoặc cấp trên của cấp ủy đó được giao việc từ văn bản này."
        )
    if not access.can_change(actor, root):
        raise PermissionDenied("Chỉ giao việc cho các đơn vị thuộc phạm vi của bạn.")


@transaction.atomic
def task_create(
    *,
    source: Document,
    title: str,
    kind: str,
    issued_on: date,
    due_dates: Sequence[date],
    unit_rule: str,
    rule_root: Organization,
    actor: Actor,
    listed: Sequence[Organization] = (),
    description: str = "",
    asks_sessions: bool = False,
    asks_participants: bool = False,
) -> list[Task]:
    """Tasks from `source`, one per round (lần 1, lần 2 ... by `due_dates`), each with an
    assignment for every unit `unit_rule` takes below `rule_root` on `issued_on`."""
    _authorize(actor, source, rule_root)
    errors: dict[str, list[str]] = {}
    if source.status != DocumentStatus.ISSUED:
        errors["source"] = [
            "Chỉ giao việc từ văn bản đã ban hành có trong sổ văn bản (không phải dự thảo hay "
            "văn bản chờ)."
        ]
    if not title.strip():
        errors["title"] = ["Hãy ghi nội dung công việc, ví dụ “Xây dựng kế hoạch thực hiện”."]
    if kind not in TaskKind.values:
        errors["kind"] = ["Hãy chọn loại việc."]
    if unit_rule not in UnitRuleChoice.values:
        errors["unit_rule"] = ["Hãy chọn đơn vị thực hiện theo một quy tắc."]
    if issued_on is None:
        errors["issued_on"] = ["Hãy nhập ngày giao việc, ví dụ 04/4/2023."]
    elif source.date is not None and issued_on < source.date:
        errors["issued_on"] = [
            f"Ngày giao việc không thể trước ngày ban hành văn bản ({fmt(source.date)})."
        ]
    if issued_on is not None:
        problems = rules.check_rounds(issued_on, list(due_dates))
        if problems:
            errors["due_on"] = problems
    if errors:
        raise ValidationError(errors)
    unit_ids = resolve_units(rule=unit_rule, root=rule_root, on=issued_on, listed=listed)
    if not unit_ids:
        raise ValidationError(
            {
                "unit_rule": f"Không có đơn vị nào như vậy dưới “{rule_root.name}” vào ngày "
                f"{fmt(issued_on)}: hãy chọn quy tắc khác hoặc chọn đơn vị theo danh sách."
            }
        )
    created_by = access.user_of(actor)
    tasks: list[Task] = []
    head: Task | None = None
    for n, due in enumerate(due_dates, start=1):
        task = Task(
            source=source,
            owner=source.owner,
            title=title.strip(),
            description=description.strip(),
            kind=kind,
            issued_on=issued_on,
            due_on=due,
            unit_rule=unit_rule,
            rule_root=rule_root,
            asks_sessions=asks_sessions,
            asks_participants=asks_participants,
            series=head,
            round=n,
            created_by=created_by,
        )
        task.full_clean()
        task.save()
        if head is None and len(due_dates) > 1:
            head = task
            task.series = task
            task.save(update_fields=["series"])
        Assignment.objects.bulk_create(
            [Assignment(task=task, organization_id=pk) for pk in unit_ids], batch_size=5000
        )
        rounds = f" (lần {n}/{len(due_dates)})" if len(due_dates) > 1 else ""
        audit_record(
            actor=actor,
            action="tracking.task_create",
            obj=task,
            organization=task.owner,
            summary=f"Giao việc “{task.title}”{rounds} từ {source}, hạn {fmt(due)}, cho "
            f"{len(unit_ids)} đơn vị ({task.get_unit_rule_display().lower()} của "
            f"“{rule_root.name}”)",
            after={
                "source": source.pk,
                "kind": kind,
                "issued_on": issued_on,
                "due_on": due,
                "unit_rule": unit_rule,
                "rule_root": rule_root.pk,
                "units": len(unit_ids),
                "round": n,
            },
        )
        tasks.append(task)
    for task in tasks:
        if task.kind == TaskKind.ISSUE_DOCUMENT:
            reconcile_documents(task, actor)
    return tasks
