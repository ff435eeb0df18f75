"""The Excel import of members: all or nothing, with the row errors."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, File, Query, Schema, Status
from ninja.files import UploadedFile

from dangvu.documents import readers
from dangvu.members import services
from dangvu.members.services.excel import check_rows, read_rows

from ..common import actor, visible_org
from .base import router


class ImportRowProblem(Schema):
    row: int
    column: str
    message: str


class ImportOut(Schema):
    dry_run: bool
    ready: int = Field(description="Số dòng sẽ được (hoặc đã được) ghi.")
    existing: int = Field(description="Số dòng đã có trong sổ, bỏ qua.")
    added: int
    problems: list[ImportRowProblem]


class ImportParams(Schema):
    organization: int | None = Field(None, description="Đơn vị nhận danh sách.")
    dry_run: bool = Field(False, description="Chỉ kiểm tra, không ghi.")


@router.post(
    "/members/import",
    response={200: ImportOut, 201: ImportOut, 400: ImportOut},
    summary="Nhập danh sách đảng viên từ Excel",
)
def member_import(
    request: HttpRequest, params: Query[ImportParams], file: File[UploadedFile]
) -> Status:
    """Cùng tệp mẫu và cùng kiểm tra như trang Nhập Excel: tất cả hoặc không dòng nào; các
    dòng lỗi được trả về (`problems`: dòng, cột, thông báo). Dòng đã có trong sổ được bỏ qua,
    nên gửi lại cùng tệp không thêm ai hai lần; gửi kèm `Idempotency-Key` để nhận lại đúng
    phản hồi lần trước."""
    user = actor(request)
    if not user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được nhập danh sách đảng viên.")
    within = visible_org(request, params.organization) if params.organization else user.organization
    if within is None:
        raise ValidationError({"organization": "Hãy chọn đơn vị nhận danh sách."})
    if file.size and file.size > readers.max_file_size():  # before a byte is read
        raise ValidationError({"file": readers.too_large_message(file.size)})
    data = file.read()
    rows, problems = read_rows(data)
    check = check_rows(rows, within=within) if not problems else None
    found = problems or (check.problems if check else [])
    out = {
        "dry_run": params.dry_run,
        "ready": len(check.ready) if check else 0,
        "existing": len(check.existing) if check else 0,
        "added": 0,
        "problems": [{"row": p.row, "column": p.column, "message": p.message} for p in found],
    }
    if found:
        return Status(400, out)
    if params.dry_run:
        return Status(200, out)
    out["added"] = services.members_import(
        data=data, within=within, actor=user, filename=file.name or ""
    )
    return Status(201, out)


# --- statistics -----------------------------------------------------------------------------
