"""The API object: version 1, its routers, its errors and its OpenAPI schema."""

from __future__ import annotations

from ninja import NinjaAPI

from . import problems
from .auth import TokenAuth
from .routers import members, orgs

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
  khóa trả lại đúng phản hồi cũ, không ghi thêm.
* **Giới hạn**: mỗi mã gọi tối đa một số lần mỗi phút (mặc định 120); quá thì nhận 429 và
  `Retry-After`.
"""

api = NinjaAPI(
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
api.add_router("", members.router)
