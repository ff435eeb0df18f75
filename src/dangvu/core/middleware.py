from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .request_id import new_request_id, reset_request_id, set_request_id


class RequestIdMiddleware:
    """Give every request an id, echoed in X-Request-Id and written to the audit log."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = request.headers.get("X-Request-Id", "")[:32] or new_request_id()
        token = set_request_id(rid)
        request.request_id = rid  # type: ignore[attr-defined]
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        response["X-Request-Id"] = rid
        return response
