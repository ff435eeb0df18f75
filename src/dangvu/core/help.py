"""The help pages, one per area, as data: the address segment, the title and the URL
namespaces whose pages link to it (the “Hướng dẫn” link of the top bar). The texts are
templates, core/help/<segment>.html."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HELP_AREAS", "HelpArea", "area_for_namespace"]


@dataclass(frozen=True)
class HelpArea:
    slug: str
    title: str
    namespaces: tuple[str, ...]


HELP_AREAS: tuple[HelpArea, ...] = (
    HelpArea("dang-vien", "Đảng viên", ("members",)),
    HelpArea("to-chuc", "Tổ chức đảng", ("orgs",)),
    HelpArea("van-ban", "Văn bản", ("documents",)),
    HelpArea("theo-doi", "Theo dõi thực hiện", ("tracking",)),
    HelpArea("bao-cao", "Báo cáo định kỳ", ("reporting",)),
    HelpArea("soan-thao", "Soạn thảo văn bản", ("drafting",)),
    HelpArea("tai-khoan", "Tài khoản", ("accounts", "api")),
)


def area_for_namespace(namespace: str) -> HelpArea | None:
    """The area whose help a page of `namespace` links to (None: the help index)."""
    return next((a for a in HELP_AREAS if namespace in a.namespaces), None)
