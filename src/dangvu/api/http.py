"""What every API call gets around the operation itself: ETags on reads (a 304 when the
client has the same reply), Idempotency-Key on creates (a retry gets the stored reply and
writes nothing), and an audit row for every write. Applied to the URL patterns of the API,
so no endpoint can forget it."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import re_path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from dangvu.documents import readers

from .auth import SAFE_METHODS, Refused, resolve
from .models import IdempotentReply
from .problems import problem_response
from .services import api_write_record

IDEMPOTENCY_HEADER = "Idempotency-Key"
IN_PROGRESS = 0
# A stored reply is kept this long: a retry within it gets the reply again, a key sent
# later is a new request. Expired rows are deleted on the next idempotent write (any
# user's: one indexed DELETE), so the table holds about a day of creates.
IDEMPOTENCY_KEPT = timedelta(hours=24)


def idempotency_cleanup() -> int:
    """Delete the stored replies older than IDEMPOTENCY_KEPT; the number deleted."""
    cutoff = timezone.now() - IDEMPOTENCY_KEPT
    deleted, _ = IdempotentReply.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def _etag(response: HttpResponse) -> str:
    return '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if response.status_code != 200 or response.streaming:
        return response
    tag = _etag(response)
    wanted = [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]
    if tag in wanted or f"W/{tag}" in wanted:
        not_modified = HttpResponseNotModified()
        not_modified["ETag"] = tag
        return not_modified
    response["ETag"] = tag
    response.setdefault("Cache-Control", "private, no-cache")
    return response


def _token_of(request: HttpRequest) -> Any:
    value = request.headers.get("Authorization", "")
    scheme, _, secret = value.partition(" ")
    if scheme.lower() != "bearer" or not secret:
        return None
    try:
        return resolve(request, secret)
    except Refused:
        return None  # the operation's own authentication answers with the reason


# What a multipart body may add to its file (boundaries, part headers, small fields).
MULTIPART_ALLOWANCE = 64 * 1024


def max_body_size() -> int:
    """The largest request body the API reads: the upload limit of the pages' readers
    (DOCUMENTS_MAX_FILE_SIZE, 20 MB by default) and the multipart wrapping around it."""
    return readers.max_file_size() + MULTIPART_ALLOWANCE


def _too_large(request: HttpRequest) -> HttpResponse | None:
    """A refusal judged on the Content-Length header alone, before a byte of the body is
    read (Django's multipart parser would otherwise spool the whole upload first)."""
    raw = request.META.get("CONTENT_LENGTH") or "0"
    try:
        length = int(raw)
    except ValueError:
        length = -1
    if length < 0:
        return problem_response(
            request,
            400,
            "Tiêu đề Content-Length không hợp lệ: hãy gửi lại yêu cầu với độ dài đúng.",
            errors={"Content-Length": ["Độ dài không hợp lệ."]},
        )
    if length <= max_body_size():
        return None
    return problem_response(
        request,
        413,
        readers.too_large_message(length),
        errors={"file": ["Tệp quá lớn."]},
    )


def _fingerprint(request: HttpRequest) -> str:
    """A digest of the request. A multipart body is read as Django parsed it (the fields,
    then each file in chunks), so a large upload is not held in memory twice."""
    digest = hashlib.sha256()
    for part in (request.method or "", request.get_full_path(), request.content_type or ""):
        digest.update(part.encode() + b"\0")
    if request.content_type == "multipart/form-data":
        for name, values in sorted(request.POST.lists()):
            digest.update(name.encode() + b"\0" + "\0".join(values).encode() + b"\1")
        for name, files in sorted(request.FILES.lists()):
            for file in files:
                digest.update(f"{name}\0{file.name}\0{file.size}\0".encode())
                for chunk in file.chunks():
                    digest.update(chunk)
                file.seek(0)
    else:
        digest.update(request.body)
    return digest.hexdigest()


def _replay(stored: IdempotentReply) -> HttpResponse:
    response = HttpResponse(bytes(stored.body), status=stored.status)
    response["Content-Type"] = stored.content_type
    response["Idempotent-Replayed"] = "true"
    return response


def _idempotent(request: HttpRequest, key: str, call: Callable[[], HttpResponse]) -> HttpResponse:
    token = _token_of(request)
    if token is None:
        return call()
    if not 1 <= len(key) <= 100:
        return problem_response(
            request,
            400,
            "Khóa Idempotency-Key phải dài từ 1 đến 100 ký tự (ví dụ một UUID).",
            errors={IDEMPOTENCY_HEADER: ["Khóa không hợp lệ."]},
        )
    fingerprint = _fingerprint(request)
    idempotency_cleanup()  # an expired reply under this key goes too: the key is new again
    try:
        with transaction.atomic():
            slot = IdempotentReply.objects.create(
                user=token.user,
                key=key,
                fingerprint=fingerprint,
                status=IN_PROGRESS,
                content_type="",
                body=b"",
            )
    except IntegrityError:
        stored = IdempotentReply.objects.get(user=token.user, key=key)
        if stored.fingerprint != fingerprint:
            return problem_response(
                request,
                422,
                "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác: hãy dùng khóa mới "
                "cho mỗi yêu cầu khác nhau.",
                errors={IDEMPOTENCY_HEADER: ["Khóa đã dùng cho yêu cầu khác."]},
            )
        if stored.status == IN_PROGRESS:
            return problem_response(
                request,
                409,
                "Yêu cầu với khóa Idempotency-Key này đang được xử lý: hãy chờ rồi gửi lại.",
                headers={"Retry-After": "2"},
            )
        return _replay(stored)
    response = call()
    if 200 <= response.status_code < 300 and not response.streaming:
        slot.status = response.status_code
        slot.content_type = response.get("Content-Type", "")
        slot.body = response.content
        slot.save(update_fields=["status", "content_type", "body"])
    else:  # a refusal is not kept: the retry is judged afresh
        slot.delete()
    return response


def _not_allowed(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    allowed = response.get("Allow", "")
    problem = problem_response(
        request,
        405,
        f"Đường dẫn này không nhận phương thức {request.method}: chỉ nhận {allowed}.",
    )
    problem["Allow"] = allowed
    return problem


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any other path under /api/v1/: a problem document, not the site's HTML page."""
    return problem_response(
        request, 404, "Không có đường dẫn này trong API: xem /api/v1/openapi.json."
    )


def wrap(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = _handle(request, *args, **kwargs)
        if response.status_code == 405 and "problem" not in response.get("Content-Type", ""):
            return _not_allowed(request, response)
        return response

    def _handle(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method in SAFE_METHODS:
            return _conditional(request, view(request, *args, **kwargs))
        refused = _too_large(request)
        if refused is not None:
            return refused
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if key is not None and request.method == "POST":
            response = _idempotent(request, key.strip(), lambda: view(request, *args, **kwargs))
        else:
            response = view(request, *args, **kwargs)
        token = getattr(request, "api_token", None)
        if (
            token is not None
            and response.status_code < 500
            and "Idempotent-Replayed" not in response
        ):
            api_write_record(
                token=token,
                method=request.method or "",
                path=request.path,
                status=response.status_code,
            )
        return response

    return wrapped


def wrapped_urls(urls: tuple[list[Any], str, str]) -> tuple[list[Any], str, str]:
    patterns, app_name, namespace = urls
    for pattern in patterns:
        if hasattr(pattern, "callback"):
            pattern.callback = wrap(pattern.callback)
    patterns.append(re_path(r"^.+$", csrf_exempt(not_found), name="not-found"))
    return patterns, app_name, namespace
