"""Reference data on people: position titles, words that address a person, surnames
(those of ethnic minorities included) and capitalized runs that are no one's name."""

from __future__ import annotations

__all__ = [
    "ADDRESS_QUALIFIERS",
    "NOT_PERSON_NAMES",
    "PERSON_ADDRESSES",
    "POSITION_TITLES",
    "SIGNATURE_ONLY_TITLES",
    "SIGNATURE_TITLE_SUFFIXES",
    "SURNAMES",
    "VILLAGE_WORDS",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Position titles that open a position phrase, longest first when compiled.
POSITION_TITLES: tuple[str, ...] = (
    "Tổng Bí thư",
    "Phó Bí thư",
    "Bí thư",
    "Chủ tịch nước",
    "Phó Chủ tịch",
    "Chủ tịch",
    "Ủy viên",
    "UVTVTU",
    "UVTVHU",
    "UVTVĐU",
    "UVBTV",
    "UVBCH",
    "UVTW",
    "UVTV",
    "UBTV",
    "TUV",
    "HUV",
    "ĐUV",
    "Tỉnh ủy viên",
    "Thành ủy viên",
    "Huyện ủy viên",
    "Đảng ủy viên",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Phó Chánh Văn phòng",
    "Chánh Văn phòng",
    "Phó Chủ nhiệm",
    "Chủ nhiệm",
    "Phó Giám đốc",
    "Giám đốc",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Trưởng đoàn",
    "Trưởng thôn",
    "Trưởng ấp",
    "Trưởng bản",
    "Tổ trưởng",
    "Tổng Thư ký",
    "Chánh án",
    "Viện trưởng",
    "Đại biểu Quốc hội",
    "Tư lệnh",
    "Chỉ huy trưởng",
    "Hiệu trưởng",
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
)

# Words that address a person by name (``đồng chí Nguyễn Văn An``, ``kết nạp quần chúng
# Y Kông Byă``): the name after them is a person even without a position.
PERSON_ADDRESSES: tuple[str, ...] = (
    "đồng chí",
    "ông",
    "bà",
    "anh",
    "chị",
    "quần chúng",
    "quần chúng ưu tú",
    "đảng viên",
    "đảng viên dự bị",
)

# Words that may stand between an address and the name: ``đảng viên trẻ Lò Văn Hùng``.
ADDRESS_QUALIFIERS: tuple[str, ...] = ("trẻ", "mới", "cao tuổi", "tiêu biểu", "ưu tú")

# Places below the commune, as written in lower case: a capitalized run after them names
# the place (``Bí thư Chi bộ thôn Đồng Me``), not a person.
VILLAGE_WORDS: frozenset[str] = frozenset(
    {"thôn", "xóm", "khóm", "buôn", "ấp", "bản", "sóc", "tổ", "khu", "làng", "plei", "phố", "bon"}
)

# Titles that sign the minutes of a meeting (``CHỦ TRÌ``, ``THƯ KÝ``), in capitals over
# the name only: in running text ``chủ trì`` is a verb.
SIGNATURE_ONLY_TITLES: tuple[str, ...] = (
    "Chủ trì",
    "Chủ tọa",
    "Thư ký",
    "Người ghi biên bản",
    "Thư ký hội nghị",
)

# Words that may follow a title in a signature block: ``PHÓ BÍ THƯ THƯỜNG TRỰC``.
SIGNATURE_TITLE_SUFFIXES: tuple[str, ...] = ("Thường trực",)

# Common Vietnamese family names, those of ethnic minorities included (Hmong, Dao, Thai,
# Ede, Jrai, Khmer, Cham; ``Y`` opens Ê Đê men's names, ``H'`` women's, see phrases): a
# capitalized run starting with one of these and two to four syllables long reads as a
# personal name. Written without diacritics (``Nguyen``) they match too.
_SURNAME_WORDS = """
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh
Trương Lâm Phùng Mai Tô Hà Tạ Lưu Lương Cao Đinh Hứa Thái Châu Quách Triệu Tăng Lại Kiều Khổng
Văn Nông Lò Lục Mạc Tôn Thân Giang Khúc Chu Diệp Doãn Hầu Kim Lã Đồng Đàm Quan Từ La Viên
Thạch Ninh Ông Âu Mạnh Chế Y Hồng Tòng Nghiêm Bế Lăng Mẫn Cù Hàn Ma Sầm Vi Đậu Trình Thiều
Phí Nhữ Lữ Khương Cấn Ưng Chử Mông Đường Đồ Mã
Vàng Giàng Sùng Thào Mùa Lầu Hờ Cứ Tráng Sình Sồng Chảo Tẩn Bàn Cầm Quàng Lường Lù Pờ Hạng
Ksor Siu Kpă Rmah Điểu Danh Sơn
Rơ Kpuih Puih Rcom Rah Ly Vừ Chá Thò Sần Phàn Hảng Lừ Néang Neáng Chau Đàng
Cà Lỳ Lò Lìu Ngân Lộc Lạc Nay Niê Êban Mlô Byă Hđơk Ayun Kpor Rahlan Alăng Bhling Briu
Coor Zơrâm Arất Hồ Pơloong Clâu Blúp Pả Ló Sa Sáng Phìn Chẻo Dền Chìu Lầm Hứ Giàng
Lang Vy Vì Khiếu Ôn Bạch Bành Biện Chiêm Cung Đái Điêu Đống Đổng Giáp Hình Khuất Lỗ Nhâm
Tào Tất Tiêu Tống Ung Ứng Đèo Sì Thèn Nùng Chẩu Vần Lềnh Adrơng Knul Kbuôr Hmok Alio Bkrông
Quảng Thiên Thập Trượng Mấu Bon Ka Cil Liêng Kơ Touneh Ya Thị Lự
A
"""
# ``A`` opens the names of Xơ Đăng, Ba Na and Gia Rai men (``A Thút``), as ``Y`` those
# of Ê Đê men and Xơ Đăng women (``Y Xuân``); ``Thị`` those of Khmer and Xtiêng women
# (``Thị Sa Ri``), ``Ka`` and ``Bon`` those of Chu Ru and Cơ Ho (``Ka Hồng``, ``Bon Niêng
# Ha Kiên``); ``Quảng``, ``Thiên`` (``Thiên Sanh``), ``Thập`` are Cham.
SURNAMES: frozenset[str] = frozenset(_words(_SURNAME_WORDS))

# Capitalized runs that look like names but are not people being reported on.
NOT_PERSON_NAMES: frozenset[str] = frozenset(
    {
        "Hồ Chí Minh",
        "Bác Hồ",
        # provinces whose names start like a surname ("Bí thư Tỉnh ủy Lâm Đồng")
        "Lâm Đồng",
        "Cao Bằng",
        "Hà Giang",
        "Hà Nam",
        "Hà Tĩnh",
        "Hà Nội",
        "Thái Bình",
        "Thái Nguyên",
        "Ninh Bình",
        "Ninh Thuận",
        "Đồng Nai",
        "Đồng Tháp",
        "Giang Nam",
        "Lai Châu",
        "Kiên Giang",
        "Hậu Giang",
        "Tiền Giang",
        "Bắc Giang",
        "Hồ Gươm",
        "Sơn La",
        "Điện Biên",
        "A Lưới",
        "Lang Chánh",
    }
)
