"""Page pagination with totals: `?page=2&page_size=50` → items, total, page, pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from ninja import Field, Schema

T = TypeVar("T")
MAX_PAGE_SIZE = 500


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Trang (từ 1).")
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="Số dòng mỗi trang (≤ 500).")


class Page(Schema, Generic[T]):
    items: list[T]
    total: int = Field(description="Tổng số dòng khớp bộ lọc.")
    page: int
    page_size: int
    pages: int


def paginate(
    rows: QuerySet[Any] | Sequence[Any],
    params: PageParams,
    *,
    convert: Callable[[Any], Any] | None = None,
) -> dict[str, Any]:
    """One page of `rows` with the total; asking past the last page is refused by name."""
    if isinstance(rows, QuerySet):
        total = rows.select_related(None).order_by().count()
    else:
        total = len(rows)
    pages = max((total + params.page_size - 1) // params.page_size, 1)
    if params.page > pages:
        raise ValidationError({"page": f"Chỉ có {pages} trang: hãy chọn trang từ 1 đến {pages}."})
    start = (params.page - 1) * params.page_size
    items = list(rows[start : start + params.page_size])
    if convert is not None:
        items = [convert(item) for item in items]
    return {
        "items": items,
        "total": total,
        "page": params.page,
        "page_size": params.page_size,
        "pages": pages,
    }
