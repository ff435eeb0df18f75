"""Errors as RFC 9457 problem documents (application/problem+json), in Vietnamese.

Every refusal of the API has the same shape: `type`, `title`, `status`, `detail` (the
Vietnamese message), and, when the request named a field, `field` and `errors` (one entry per
field: its name and its messages), so a client shows the message next to the right input.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

CONTENT_TYPE = "application/problem+json"
TYPE_BASE = "/api/v1/loi/"

TITLES = {
    400: "Dữ liệu không hợp lệ",
    401: "Chưa xác thực",
    403: "Không có quyền",
    404: "Không tìm thấy",
    405: "Phương thức không được hỗ trợ",
    409: "Xung đột",
    412: "Dữ liệu đã thay đổi",
    413: "Nội dung quá lớn",
    422: "Yêu cầu không xử lý được",
    429: "Quá nhiều yêu cầu",
}
SLUGS = {
    400: "du-lieu-khong-hop-le",
    401: "chua-xac-thuc",
    403: "khong-co-quyen",
    404: "khong-tim-thay",
    405: "phuong-thuc",
    409: "xung-dot",
    412: "da-thay-doi",
    413: "qua-lon",
    422: "khong-xu-ly-duoc",
    429: "qua-nhieu-yeu-cau",
}


class FieldError(Schema):
    field: str
    messages: list[str]


class Problem(Schema):
    """An RFC 9457 problem document."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    field: str | None = None
    errors: list[FieldError] = []


def problem_response(
    request: HttpRequest | None,
    status: int,
    detail: str,
    *,
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    errors = {k: v for k, v in (errors or {}).items() if v}
    named = [k for k in errors if k != "__all__"]
    body: dict[str, Any] = {
        "type": TYPE_BASE + SLUGS.get(status, "loi"),
        "title": TITLES.get(status, "Lỗi"),
        "status": status,
        "detail": detail,
        "instance": request.path if request is not None else None,
        "field": named[0] if named else None,
        "errors": [{"field": k, "messages": v} for k, v in errors.items()],
    }
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = {field: list(msgs) for field, msgs in exc.message_dict.items()}
        detail = " ".join(m for msgs in errors.values() for m in msgs)
    else:
        errors = {"__all__": list(exc.messages)}
        detail = " ".join(exc.messages)
    return problem_response(request, 400, detail, errors=errors)


_BAD_MOMENT = "Thời điểm không hợp lệ: hãy ghi theo ISO 8601, ví dụ 2023-06-29T08:00:00+07:00."
# Pydantic's messages are English: the usual ones get a Vietnamese message naming the fix.
PYDANTIC_MESSAGES = {
    "missing": "Thiếu trường bắt buộc này.",
    "date_from_datetime_parsing": "Ngày không hợp lệ: hãy ghi theo ISO 8601, ví dụ 2023-06-29.",
    "date_parsing": "Ngày không hợp lệ: hãy ghi theo ISO 8601, ví dụ 2023-06-29.",
    "date_from_datetime_inexact": "Hãy ghi ngày, không ghi giờ: ví dụ 2023-06-29.",
    "datetime_parsing": _BAD_MOMENT,
    "datetime_from_date_parsing": _BAD_MOMENT,
    "int_parsing": "Phải là một số nguyên.",
    "int_type": "Phải là một số nguyên.",
    "int_from_float": "Phải là một số nguyên.",
    "bool_parsing": "Phải là true hoặc false.",
    "string_type": "Phải là một chuỗi chữ.",
    "string_too_long": "Chuỗi quá dài.",
    "string_too_short": "Chuỗi quá ngắn.",
    "greater_than_equal": "Giá trị quá nhỏ.",
    "less_than_equal": "Giá trị quá lớn.",
    "literal_error": "Giá trị không nằm trong danh sách cho phép.",
    "enum": "Giá trị không nằm trong danh sách cho phép.",
    "json_invalid": "Nội dung gửi lên không phải JSON hợp lệ.",
    "model_attributes_type": "Nội dung gửi lên phải là một đối tượng JSON.",
    "dict_type": "Nội dung gửi lên phải là một đối tượng JSON.",
    "list_type": "Phải là một danh sách.",
}


def _ninja_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "form")]
        # ninja nests a body or query schema under its parameter name
        field = ".".join(loc[1:] if len(loc) > 1 and loc[0] in ("payload", "filters") else loc)
        message = PYDANTIC_MESSAGES.get(error.get("type", ""), "Giá trị không hợp lệ.")
        errors.setdefault(field or "__all__", []).append(message)
    detail = "; ".join(
        f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v) for k, v in errors.items()
    )
    return problem_response(request, 400, detail, errors=errors)


def _permission(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return problem_response(
        request, 403, str(exc) or "Bạn không có quyền làm việc này trong phạm vi đơn vị mình."
    )


def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    message = str(exc)
    if not message or message.startswith("No ") or "matches the given query" in message:
        message = "Không tìm thấy đối tượng này."
    return problem_response(request, 404, message)


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    headers = {}
    if isinstance(exc, Throttled):
        wait = getattr(exc, "wait", None) or 60
        headers["Retry-After"] = str(int(wait))
        message = (
            f"Mã truy cập này đã gọi quá số lần cho phép trong một phút: hãy chờ {int(wait)} "
            "giây rồi gọi lại."
        )
    elif isinstance(exc, AuthenticationError) and exc.message == "Unauthorized":
        message = (
            "Thiếu mã truy cập: hãy gửi tiêu đề “Authorization: Bearer <mã>” với mã tạo ở "
            "trang Mã truy cập API."
        )
    else:
        message = exc.message
    if exc.status_code == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="dangvu"'
    return problem_response(request, exc.status_code, message, headers=headers)


def install(api: Any) -> None:
    api.add_exception_handler(DjangoValidationError, lambda r, e: _django_validation(r, e))
    api.add_exception_handler(NinjaValidationError, lambda r, e: _ninja_validation(r, e))
    api.add_exception_handler(PermissionDenied, lambda r, e: _permission(r, e))
    api.add_exception_handler(Http404, lambda r, e: _not_found(r, e))
    api.add_exception_handler(HttpError, lambda r, e: _http_error(r, e))
