"""A line that is one Markdown link (another article's headline under ``Tin cùng chuyên
mục``) gives no figures; a link inside a sentence of the text does. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from dangvu.extract import extract

BODY = "Hội nghị biểu dương 14 chi bộ trong sạch, vững mạnh.\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "- [Kết nạp 9 đảng viên trong đoàn viên thanh niên](/tin/ket-nap-9)",
        "* [Trao Huy hiệu Đảng cho 40 đảng viên](https://example.vn/huy-hieu)",
        "1. [Xã Hòa Lợi có 96% chi bộ xếp loại tốt](/tin/xep-loai)",
        "[Sơ kết 5 năm thực hiện Chỉ thị 05 với 120 đại biểu](/tin/so-ket)",
    ],
)
def test_a_related_articles_headline_gives_no_figures(line: str) -> None:
    text = BODY + "**Tin cùng chuyên mục**\n" + line + "\n"
    assert [(f.value, f.unit) for f in extract(text).figures] == [(14, "chi bộ")]


def test_a_link_inside_a_sentence_keeps_its_figures() -> None:
    text = "Theo [báo cáo](/bao-cao), toàn huyện kết nạp 37 đảng viên.\n"
    assert [(f.value, f.unit) for f in extract(text).figures] == [(37, "đảng viên")]
