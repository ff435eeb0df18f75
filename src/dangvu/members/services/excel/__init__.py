"""Excel in: the member import. The file is read (`read`), every row checked as the
admission form would (`check`), staged in an `ImportBatch` and written in chunks
(`batch`, `write`); the template to fill in and the marked copy of a file with errors are
`books`. `members_import` does it all at once, for the API and the tests: all or nothing.
The export is services/export.py."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.orgs.models import Organization

from ...selectors.rules import rules_read_once
from ..base import authorize
from .batch import CHUNK, import_check, import_start, import_write_chunk
from .books import import_marked, import_template
from .check import ImportCheck, check_rows
from .read import COLUMNS, HEADER_OF, MAX_ROWS, REQUIRED, Problem, read_rows, read_sheet
from .write import admissions_write

__all__ = [
    "CHUNK",
    "COLUMNS",
    "HEADER_OF",
    "MAX_ROWS",
    "REQUIRED",
    "ImportCheck",
    "Problem",
    "check_rows",
    "import_check",
    "import_marked",
    "import_start",
    "import_template",
    "import_write_chunk",
    "members_import",
    "read_rows",
    "read_sheet",
]


@transaction.atomic
def members_import(*, data: bytes, within: Organization, actor: Actor, filename: str = "") -> int:
    """Write the members of a clean file (all or nothing; the warnings are not asked
    about); return how many were added."""
    authorize(actor, within, action="nhập")
    rows, problems = read_rows(data)
    check = (
        check_rows(rows, within=within, actor=actor)
        if not problems
        else ImportCheck(problems=problems)
    )
    if not check.clean:
        raise ValidationError(
            [f"Dòng {p.row}, cột “{p.column}”: {p.message}" for p in check.problems[:50]]
        )
    ready = sorted(check.ready, key=lambda i: (i["admitted_on"], i["row"]))
    if ready:
        with rules_read_once():
            admissions_write(items=ready, actor=actor, written={})
    audit_record(
        actor=actor,
        action="members.members_import",
        obj=within,
        organization=within,
        summary=f"Nhập {len(ready)} đảng viên từ tệp {filename or 'Excel'} "
        f"({len(check.existing)} dòng đã có trong sổ, bỏ qua)",
        after={"added": len(ready), "skipped": len(check.existing), "file": filename},
    )
    return len(ready)
