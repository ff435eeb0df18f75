"""The staged import: the file is read and checked whole into an `ImportBatch` (nothing
written to the registry); a file with errors is refused whole (the marked copy says where);
the warnings are confirmed; then the rows are written in chunks, each chunk its own
transaction, the page asking for one after another and showing the count written.

All or nothing holds for the check: no row is written until every row of the file has
passed it and its warnings were confirmed. A chunk that fails all the same (the registry
changed between the check and the write: the same citizen ID recorded meanwhile, a cell
dissolved) is rolled back and stops the batch, which says how many rows were written and
which were not; a file uploaded again skips those already written (same citizen ID or card
number) and warns of those without one (same name and birth date)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.orgs.models import Organization

from ...models import ImportBatch, Member
from ...selectors.rules import rules_read_once
from ..base import authorize
from ..identifiers import identifier_refusals_record
from .check import ImportCheck, check_rows
from .read import read_rows
from .write import admissions_write, as_json, from_json

CHUNK = 500  # rows written per request: about a second on a loaded two-core machine
KEEP = timedelta(days=1)  # an unfinished batch (its file, personal data) is kept this long


def _user(actor: Actor) -> Any:
    user = access.user_of(actor)
    if user is None:
        raise PermissionDenied("Việc nhập qua trang do một người dùng thực hiện.")
    return user


def import_check(
    *, data: bytes, within: Organization, actor: Actor, filename: str = ""
) -> ImportBatch:
    """Read and check the whole file into a batch; nothing is written to the registry."""
    authorize(actor, within, action="nhập")
    user = _user(actor)
    ImportBatch.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
    rows, problems = read_rows(data)
    check = (
        check_rows(rows, within=within, actor=actor)
        if not problems
        else ImportCheck(problems=problems)
    )
    identifier_refusals_record(actor=actor, refusals=check.outside)
    ready = sorted(check.ready, key=lambda i: (i["admitted_on"], i["row"]))
    batch = ImportBatch.objects.create(
        organization=within,
        actor=user,
        filename=filename[:255],
        state=ImportBatch.State.REFUSED if check.problems else ImportBatch.State.CHECKED,
        data=data,
        rows=len(rows),
        problems=[[p.row, p.column, p.message] for p in check.problems],
        warnings=[[p.row, p.column, p.message] for p in check.warnings],
        existing=[list(e) for e in check.existing],
        items=[] if check.problems else [as_json(i) for i in ready],
        total=0 if check.problems else len(ready),
    )
    audit_record(
        actor=actor,
        action="members.import_check",
        obj=batch,
        organization=within,
        summary=f"Kiểm tra tệp {filename or 'Excel'}: {len(rows)} dòng, "
        f"{len(check.problems)} lỗi, {len(check.warnings)} cảnh báo (chưa ghi vào sổ)",
        after={
            "rows": len(rows),
            "problems": len(check.problems),
            "warnings": len(check.warnings),
            "existing": len(check.existing),
            "file": filename,
        },
    )
    return batch


def _own(batch: ImportBatch, actor: Actor) -> None:
    if batch.actor_id != getattr(actor, "pk", None):
        raise PermissionDenied("Lượt nhập này của người dùng khác.")


@transaction.atomic
def import_start(*, batch: ImportBatch, actor: Actor, confirmed: bool) -> ImportBatch:
    """Begin writing a checked batch; its warnings must be `confirmed`."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _own(batch, actor)
    authorize(actor, batch.organization, action="nhập")
    if batch.state != ImportBatch.State.CHECKED:
        return batch  # already begun (a second click), or refused
    if batch.warnings and not confirmed:
        raise ValidationError(
            f"Tệp có {len(batch.warnings)} cảnh báo: hãy xem từng dòng, đánh dấu “Tôi đã "
            "kiểm tra” rồi ghi, hoặc sửa tệp và tải lại."
        )
    batch.state = ImportBatch.State.WRITING
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["state", "confirmed_at"])
    audit_record(
        actor=actor,
        action="members.import_start",
        obj=batch,
        organization=batch.organization,
        summary=f"Bắt đầu ghi {batch.total} đảng viên từ tệp {batch.filename or 'Excel'}"
        + (f", đã xác nhận {len(batch.warnings)} cảnh báo" if batch.warnings else ""),
        after={"total": batch.total, "warnings_confirmed": len(batch.warnings)},
    )
    return batch


def import_write_chunk(*, batch: ImportBatch, actor: Actor, size: int = CHUNK) -> ImportBatch:
    """Write the next `size` rows of a batch being written, in one transaction; the batch
    as it is after (done, or stopped with the reason)."""
    with transaction.atomic():
        # the file itself is left unread: only the rows are needed
        batch = ImportBatch.objects.select_for_update().defer("data").get(pk=batch.pk)
        _own(batch, actor)
        if batch.state != ImportBatch.State.WRITING:
            return batch
        part = batch.items[batch.done : batch.done + size]
        try:
            with transaction.atomic(), rules_read_once():
                _refuse_taken(part)
                orgs = Organization.objects.in_bulk({i["organization"] for i in part})
                admissions_write(
                    items=[from_json(i, orgs) for i in part], actor=actor, written=batch.written
                )
        except (ValidationError, IntegrityError, PermissionDenied) as exc:
            reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            batch.state = ImportBatch.State.STOPPED
            batch.message = reason
            batch.save(update_fields=["state", "message"])
            _audit_end(batch, actor)
            return batch
        batch.done += len(part)
        fields = ["done", "written"]
        if batch.done >= batch.total:
            batch.state = ImportBatch.State.DONE
            batch.data = b""
            batch.items = []
            fields += ["state", "data", "items"]
            _audit_end(batch, actor)
        batch.save(update_fields=fields)
        return batch


def _refuse_taken(part: list[dict[str, Any]]) -> None:
    """A citizen ID or card number recorded since the check: the row named."""
    for field in ("citizen_id", "card_number"):
        values = {i["profile"][field]: i["row"] for i in part if i["profile"].get(field)}
        taken = Member.objects.filter(**{f"{field}__in": list(values)}).values_list(
            field, flat=True
        )
        for value in taken:
            label = "Số CCCD" if field == "citizen_id" else "Số thẻ đảng viên"
            raise ValidationError(
                f"Dòng {values[value]}: {label} {value} đã được ghi vào sổ sau khi tệp được "
                "kiểm tra (một người dùng khác, hoặc một lượt nhập khác)."
            )


def _audit_end(batch: ImportBatch, actor: Actor) -> None:
    stopped = batch.state == ImportBatch.State.STOPPED
    audit_record(
        actor=actor,
        action="members.members_import",
        obj=batch.organization,
        organization=batch.organization,
        summary=f"Nhập {batch.done} đảng viên từ tệp {batch.filename or 'Excel'} "
        f"({len(batch.existing)} dòng đã có trong sổ, bỏ qua)"
        + (f"; dừng sau {batch.done}/{batch.total} dòng: {batch.message}" if stopped else ""),
        after={
            "added": batch.done,
            "total": batch.total,
            "skipped": len(batch.existing),
            "file": batch.filename,
            "stopped": batch.message if stopped else "",
        },
    )
