"""The API object: version 1, its routers, its errors and its OpenAPI schema."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from . import problems
from .auth import TokenAuth
from .routers import (
    changes,
    corrections,
    documents,
    drafting,
    members,
    orgs,
    reporting,
    restructure,
    tracking,
)

DESCRIPTION = """
Giao diện lập trình của Đảng vụ cho các hệ thống khác (CSDL đảng viên, sổ tay đảng viên điện
tử, hệ thống điều hành tác nghiệp của tỉnh). Mọi lời gọi đi qua cùng các quy tắc, phạm vi và
nhật ký thao tác như các trang.

* **Xác thực**: `Authorization: Bearer <mã>`, mã tạo ở trang *Mã truy cập API*. Lời gọi
  hành động như chính người tạo mã, trong phạm vi đơn vị và vai trò của người đó; mã
  “Chỉ đọc” không ghi được.
* **Phân trang**: `page`, `page_size` (≤ 500); trả về `items`, `total`, `page`, `pages`.
* **Ngày** theo ISO 8601 (`2023-06-29`).
* **Lỗi**: tài liệu `application/problem+json` (RFC 9457) với thông báo tiếng Việt
  (`detail`) và trường có lỗi (`field`, `errors`).
* **Đồng bộ**: mỗi phản hồi đọc có `ETag` (gửi lại trong `If-None-Match` để nhận 304);
  `/api/v1/changes?since=` cho các thay đổi từ nhật ký thao tác.
* **Ghi lặp an toàn**: gửi tiêu đề `Idempotency-Key` với mỗi yêu cầu tạo mới; gửi lại cùng
  khóa trong vòng 24 giờ trả lại đúng phản hồi cũ, không ghi thêm; sau 24 giờ phản hồi lưu
  bị xóa và khóa đó được coi là yêu cầu mới.
* **Giới hạn**: mỗi mã gọi tối đa một số lần mỗi phút (mặc định 120); quá thì nhận 429 và
  `Retry-After`.
"""

ERROR_STATUSES = {  # what every operation may answer besides its own replies
    "400": "Dữ liệu không hợp lệ (thông báo và trường có lỗi).",
    "401": "Thiếu mã truy cập, mã sai, đã thu hồi hoặc hết hạn.",
    "403": "Ngoài phạm vi đơn vị, vai trò không được làm, hoặc mã chỉ đọc.",
    "404": "Không có đối tượng này.",
    "409": "Yêu cầu cùng Idempotency-Key đang được xử lý.",
    "413": "Nội dung gửi lên (tệp) quá lớn: từ chối trước khi đọc.",
    "422": "Idempotency-Key đã dùng cho một yêu cầu khác.",
    "429": "Quá số lần gọi mỗi phút của mã (xem Retry-After).",
}


class DangvuAPI(NinjaAPI):
    """Every operation also documents its refusals (problem documents) and, for reads, the
    304 of a matching ETag: they are the same everywhere, so they are added here once."""

    def get_openapi_operation_id(self, operation: Any) -> str:
        """`<router module>_<function>` as ninja does, the module taken at the subject
        (`dangvu.api.routers.members`, even for `...members.writes`): the ids that clients
        generate their method names from stay the same when a router becomes a package."""
        module = ".".join(operation.view_func.__module__.split(".")[:4])
        return f"{module}_{operation.view_func.__name__}".replace(".", "_")

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem = problems.Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(problem.pop("$defs", {}))
        components["Problem"] = problem
        body = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for item in schema["paths"].values():
            for method, operation in item.items():
                responses = operation.setdefault("responses", {})
                for status, text in ERROR_STATUSES.items():
                    own = responses.get(int(status))
                    if own is not None:  # the operation's own reply (the import's row errors)
                        own.setdefault("content", {}).update(body)
                    else:
                        responses[int(status)] = {"description": text, "content": body}
                if method == "get":
                    responses[304] = {"description": "Không đổi (If-None-Match)."}
        return schema


api = DangvuAPI(
    title="Đảng vụ API",
    version="1",
    description=DESCRIPTION,
    auth=TokenAuth(),
    urls_namespace="api_v1",
    docs_url=None,  # the documentation page is ours: login required, assets served locally
    openapi_url="/openapi.json",
)
problems.install(api)
api.add_router("", orgs.router)
api.add_router("", restructure.router)
api.add_router("", members.router)
api.add_router("", documents.router)
api.add_router("", corrections.router)
api.add_router("", tracking.router)
api.add_router("", reporting.router)
api.add_router("", drafting.router)
api.add_router("", changes.router)
