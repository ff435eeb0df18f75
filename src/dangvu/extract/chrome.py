"""Page chrome of a web page pasted as text: a line that is one Markdown link, alone or
as an item of a list (``- [Trao Huy hiệu Đảng cho 12 đảng viên](/tin/huy-hieu)``), is
the headline of another article (``Tin cùng chuyên mục``, ``Bài viết liên quan``), not
the text's own content: its numbers are no figures of the text.
"""

from __future__ import annotations

import re

__all__ = ["in_link_line"]

_LINK_LINE = re.compile(
    r"[ \t]*(?:[-*+\u2022]|[0-9]{1,2}[.)])?[ \t]*\[[^\]\n]*\]\([^)\n]*\)[ \t.]*"
)


def in_link_line(original: str, pos: int) -> bool:
    """Is ``pos`` (an offset of the input) on a line that is one Markdown link?"""
    start = original.rfind("\n", 0, pos) + 1
    end = original.find("\n", pos)
    end = len(original) if end < 0 else end
    return (
        original.find("](", start, end) >= 0
        and _LINK_LINE.fullmatch(original, start, end) is not None
    )
