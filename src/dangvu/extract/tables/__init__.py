"""Reference data the extractor matches against.

Everything here is plain data: document types with their codes, issuer codes, words that
continue an organization name, counting units, position titles and surnames. Patterns in
the other modules are built from these tables once, behind cached functions, so an
administrator-facing table (later a database table) can replace them without touching
the matching code. Spelling variants (``ủy``/``uỷ``, missing diacritics) are handled by
matching on a folded copy of the text, so each entry is written once, in its usual form.
The tables on people (titles, addresses, surnames) are in ``tables.people``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .people import (
    ADDRESS_QUALIFIERS,
    NOT_PERSON_NAMES,
    PERSON_ADDRESSES,
    POSITION_TITLES,
    SIGNATURE_ONLY_TITLES,
    SIGNATURE_TITLE_SUFFIXES,
    SURNAMES,
    VILLAGE_WORDS,
)

__all__ = [
    "ADDRESS_QUALIFIERS",
    "CAPITALISED_COUNTED",
    "COUNTED_LOOKALIKES",
    "COUNT_UNITS",
    "DEADLINE_ACTIONS",
    "DEADLINE_ASSIGNMENTS",
    "DEADLINE_COLUMNS",
    "DEADLINE_COMPLETIONS",
    "ETHNIC_GROUPS",
    "FIGURE_BLOCKERS",
    "FIGURE_BLOCKER_COMPOUNDS",
    "FIGURE_BLOCKER_LOOKALIKES",
    "FIGURE_CAP_LEADS",
    "FIGURE_LABEL_BLOCKERS",
    "FIGURE_LABEL_LEADS",
    "ISSUED_VERBS",
    "ISSUER_NAME_CODES",
    "LOCALITY_BEFORE_NAME",
    "LOCALITY_WORDS",
    "NOT_COUNTED",
    "NOT_PERSON_NAMES",
    "NUMBERED_BODIES",
    "ORG_SECOND_SYLLABLES",
    "PARTY_DOC_TYPES",
    "PARTY_ISSUER_CODES",
    "PERIOD_CUES",
    "PERIOD_FALLBACK_BY_MONTH",
    "PERSON_ADDRESSES",
    "POSITION_TITLES",
    "REPORTING_TYPES",
    "SIGNATURE_ONLY_TITLES",
    "SIGNATURE_TITLE_SUFFIXES",
    "STATE_DOC_TYPES",
    "STATE_ISSUER_CODES",
    "SURNAMES",
    "VILLAGE_WORDS",
    "DocType",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class DocType:
    """A document type: its full name and the codes used in its number-and-symbol.

    The first type listing a code is the default name for that code when the text gives
    only the symbol (``-QĐ/TW`` alone reads as ``Quyết định``).
    """

    name: str
    codes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


# Party documents: ``Số <n>-<CODE>/<ISSUER>`` (Hướng dẫn 36-HD/VPTW).
PARTY_DOC_TYPES: tuple[DocType, ...] = (
    DocType("Nghị quyết", ("NQ",)),
    DocType("Quyết định", ("QĐ",)),
    DocType("Quy định", ("QĐ", "QĐi")),
    DocType("Chỉ thị", ("CT",)),
    DocType("Kết luận", ("KL",)),
    DocType("Quy chế", ("QC",)),
    DocType("Hướng dẫn", ("HD",)),
    DocType("Thông báo", ("TB",)),
    DocType("Báo cáo", ("BC",)),
    DocType("Kế hoạch", ("KH",)),
    DocType("Chương trình hành động", ("CTr", "CTHĐ")),
    DocType("Chương trình", ("CTr",)),
    DocType("Tờ trình", ("TTr",)),
    DocType("Đề án", ("ĐA",)),
    DocType("Công văn", ("CV",)),
    DocType("Thông tri", ("TT",)),
    DocType("Bản sao", ("BS",)),
    DocType("Thông báo kết luận", ("TB",)),
    DocType("Kế hoạch liên tịch", ("KHLT",)),
    DocType("Hướng dẫn liên tịch", ("HDLT",)),
    DocType("Chương trình phối hợp", ("CTPH",)),
    DocType("Quy chế phối hợp", ("QCPH",)),
    DocType("Nghị quyết liên tịch", ("NQLT",)),
    DocType("Thông cáo"),
    DocType("Tuyên bố"),
    DocType("Lời kêu gọi"),
    DocType("Quy hoạch"),
    DocType("Phương án"),
    DocType("Dự án"),
    DocType("Biên bản"),
    DocType("Cương lĩnh"),
    DocType("Điều lệ"),
    DocType("Chiến lược"),
)

# State documents: ``13/2023/NĐ-CP``, ``41/2019/QĐ-UBND``, ``59/2020/QH14``, ``1234/QĐ-TTg``.
STATE_DOC_TYPES: tuple[DocType, ...] = (
    DocType("Luật"),
    DocType("Bộ luật"),
    DocType("Pháp lệnh", ("PL",)),  # 34/2007/PL-UBTVQH11
    DocType("Nghị định", ("NĐ",)),
    DocType("Nghị quyết", ("NQ",)),
    DocType("Quyết định", ("QĐ",)),
    DocType("Thông tư liên tịch", ("TTLT",)),
    DocType("Thông tư", ("TT",)),
    DocType("Chỉ thị", ("CT",)),
    DocType("Công điện", ("CĐ",)),
    DocType("Kế hoạch", ("KH",)),
    DocType("Thông báo", ("TB",)),
    DocType("Báo cáo", ("BC",)),
    DocType("Tờ trình", ("TTr",)),
    DocType("Hướng dẫn", ("HD",)),
    DocType("Công văn"),
)

# Issuer codes seen in party numbers (domain.md section 2). Codes not listed here are
# still accepted as written when they look like a code (upper case, 2-10 characters).
PARTY_ISSUER_CODES: tuple[str, ...] = _words(
    """TW VPTW BTCTW UBKTTW BCĐTW BTGTW BDVTW BTGDVTW BKTTW BNCTW
    TU BTCTU VPTU UBKTTU BTGDVTU BTGTU BDVTU BNCTU HU QU TXU
    ĐU ĐUK BTCĐU UBKTĐU ĐUKCCQ ĐUKDN BCSĐ ĐĐ CB"""
)

# The issuer code a reference without a symbol takes from the body named after ``của``
# (``Kế hoạch số 203 ngày 14.9.2021 của Ban Thường vụ Huyện ủy`` is a ``HU`` plan): the
# first entry the name contains, so the more specific bodies come first. A name matching
# none (``Thị ủy``, whose code varies) leaves the code unknown.
ISSUER_NAME_CODES: tuple[tuple[str, str], ...] = (
    ("Ban Tổ chức Trung ương", "BTCTW"),
    ("Văn phòng Trung ương", "VPTW"),
    ("Ủy ban Kiểm tra Trung ương", "UBKTTW"),
    ("Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW"),
    ("Ban Tuyên giáo Trung ương", "BTGTW"),
    ("Ban Dân vận Trung ương", "BDVTW"),
    ("Ban Tổ chức Tỉnh ủy", "BTCTU"),
    ("Văn phòng Tỉnh ủy", "VPTU"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU"),
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU"),
    ("Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
    ("Ban Dân vận Tỉnh ủy", "BDVTU"),
    ("Ban Tổ chức Đảng ủy", "BTCĐU"),
    ("Ban Chấp hành Trung ương", "TW"),
    ("Bộ Chính trị", "TW"),
    ("Ban Bí thư", "TW"),
    ("Trung ương", "TW"),
    ("Tỉnh ủy", "TU"),
    ("Thành ủy", "TU"),
    ("Huyện ủy", "HU"),
    ("Quận ủy", "QU"),
    ("Đảng ủy Khối", "ĐUK"),
    ("Đảng ủy", "ĐU"),
    ("Chi bộ", "CB"),
    ("Thủ tướng", "TTg"),
    ("Chính phủ", "CP"),
    ("Ủy ban nhân dân", "UBND"),
    ("UBND", "UBND"),
    ("Hội đồng nhân dân", "HĐND"),
    ("HĐND", "HĐND"),
)

# Verbs that issue a document: ``Ngày 14/3/2024, Ban Bí thư ban hành Quy định số ...``
# dates the document named right after them by the date that opens the sentence.
ISSUED_VERBS: tuple[str, ...] = ("ban hành", "ký ban hành", "ký", "phát hành", "ra")

STATE_ISSUER_CODES: tuple[str, ...] = _words(
    """CP TTg UBND HĐND VPCP BNV BTC BCA BQP BYT BTP BGDĐT BKHĐT BLĐTBXH BTTTT BVHTTDL
    NHNN UBTVQH TANDTC VKSNDTC"""
)

# Lower-case syllables that continue an organization name after a capitalized syllable
# (``Tỉnh ủy``, ``Ban Chấp hành``, ``Bộ Chính trị``, ``Ủy ban``). Folded (no diacritics).
ORG_SECOND_SYLLABLES: frozenset[str] = frozenset(
    _words(
        """uy ban chuc hanh vu truc uong tri tra sat van giao phong phu quoc tran vien tich
        thu tuong truong nghiep quan doan dang an su te tinh dong hoi khoi dao tao duc chinh
        dan nhiem bo nghi co"""
    )
)

# Words that may follow anywhere in an organization name (``Ủy ban nhân dân tỉnh``).
LOCALITY_WORDS: tuple[str, ...] = (
    "nhan dan",
    "thanh pho",
    "thi xa",
    "thi tran",
    "dac khu",
    "tinh",
    "huyen",
    "xa",
    "phuong",
    "quan",
    "thon",
    "xom",
    "khom",
    "buon",
)

# Words that continue an organization name only before a capitalized name: ``Chi bộ bản
# Huổi Lếch``, ``ấp Tân Phú``, ``sóc Ba Xuyên`` (alone they are other words: ``áp dụng``).
LOCALITY_BEFORE_NAME: tuple[str, ...] = ("ban", "ap", "soc", "to", "khu", "lang", "plei")

# Units a figure counts, as written; the value is the unit name reported. Matched
# case-insensitively on folded text except the all-caps abbreviations.
_COUNT_UNIT_LIST = """
    tổ chức cơ sở đảng; TCCSĐ = tổ chức cơ sở đảng; tổ chức đảng; TCĐ = tổ chức đảng;
    đảng viên dự bị; đảng viên mới = đảng viên; đảng viên; ĐV = đảng viên; quần chúng;
    chi, đảng bộ; chi bộ, đảng bộ; đảng bộ, chi bộ; đảng bộ cơ sở; chi bộ cơ sở; chi bộ;
    đảng ủy cơ sở; đảng ủy;
    đảng bộ; cấp ủy viên; cấp ủy; cán bộ; công chức; đồng chí; lượt người; lượt; người;
    buổi; hội nghị; lớp; cuộc; văn bản; nghị quyết; kế hoạch; chương trình; báo cáo;
    hướng dẫn; đại biểu; đơn vị; đầu mối; cơ quan; địa phương; xã, phường; xã; phường;
    thôn; tổ dân phố; hộ; nhóm; nội dung; nhiệm vụ; chỉ tiêu; tập thể; cá nhân;
    trường hợp; vụ; đơn; tin, bài; bài; tin; ý kiến; tài liệu; hồ sơ; học viên;
    đoàn viên; hội viên; Huy hiệu Đảng; huy hiệu; tổ chức; doanh nghiệp; điểm cầu;
    bằng khen; giấy khen; mô hình; sáng kiến; công trình; đề tài; chuyên đề; kiến nghị;
    vụ việc; khu dân cư; gia đình; thành viên; ủy viên; quyết định; đề án; tỷ đồng;
    triệu đồng; đồng
"""


def _units(listing: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for entry in " ".join(listing.split()).split(";"):
        written, _, name = entry.partition("=")
        if written.strip():
            out.append((written.strip(), (name or written).strip()))
    return tuple(out)


COUNT_UNITS: tuple[tuple[str, str], ...] = _units(_COUNT_UNIT_LIST)

# Capitalised nouns a number counts besides document types (``03 Nghị định``): bodies
# set up for a task, written with a capital in reports (``thành lập 05 Đoàn kiểm tra``).
CAPITALISED_COUNTED: tuple[str, ...] = (
    "Đoàn kiểm tra",
    "Đoàn giám sát",
    "Đoàn công tác",
    "Đoàn",
    "Tiểu ban",
    "Tổ công tác",
    "Tổ giúp việc",
    "Tổ",
    "Ban chỉ đạo",
    "Hội đồng",
)

# Words just before a number that make it a label, not a quantity (folded, lower case):
# ``lần 2``, ``khóa 13``, ``thôn 5``, ``mẫu 01``, ``hạng 3``.
FIGURE_BLOCKERS: frozenset[str] = frozenset(
    _words(
        """so lan thu khoa dieu khoan diem muc uong quy thang nam ngay mung mong doan ky phu
        luc bieu trang tiet chuong phan lop tuan dot ban thon ap xom khom khu to mau hang
        loai buoc cau tap pho phuong quan phong lo"""
    )
)

# Words written with their marks that fold onto a blocker but do not label the number
# after them: ``bình quân 18 đồng chí`` (on average) is a count, ``quận 3`` a district.
FIGURE_BLOCKER_LOOKALIKES: frozenset[str] = frozenset({"quân"})

# Nouns a number counts that fold onto a word of ``NOT_COUNTED`` (``chùa`` onto ``chưa``,
# ``đảng`` onto ``đang``, ``con`` onto ``còn``), as written in lower case.
COUNTED_LOOKALIKES: frozenset[str] = frozenset({"chùa", "đảng", "con"})

# Bodies named by a number after them, as document types are (``Ban Chỉ đạo 35``, ``Tổ
# công tác 12``): with a capital, the number is its name, not a count of what follows.
NUMBERED_BODIES: tuple[str, ...] = ("Ban chỉ đạo", "Tổ công tác", "Đoàn công tác", "Tiểu ban")

# Names of Vietnam's ethnic groups, as written: a number after one counts the people of
# that group (``dân tộc Thái 231 đồng chí``, ``Tày 51, Nùng 14``); it is no part of a
# name as the ``1`` of ``xã Hòa Tú 1`` is.
_ETHNIC_GROUP_LIST = """Kinh; Tày; Thái; Mường; Khmer; Hoa; Nùng; Mông; H'Mông; Dao; Jrai;
Chăm; Hrê; Raglai; M'Nông; Mnông; Xtiêng; S'tiêng; Thổ; Giáy; Mạ; Kháng; Lào; Lự; Chứt;
Bahnar; Êđê; Churu; Gia Rai; Ê Đê; Ba Na; Xơ Đăng; Cơ Ho; Cơ Tu; Co Tu; Sán Dìu; Sán Chay;
Chu Ru; Tà Ôi; Chơ Ro; Hà Nhì; Khơ Mú; Vân Kiều; Giẻ Triêng; Pà Thẻn"""
ETHNIC_GROUPS: frozenset[str] = frozenset(n.strip() for n in _ETHNIC_GROUP_LIST.split(";"))

# A blocker that is the second half of a noun with the word before it: ``tổng số 712
# đảng viên`` (the total), ``dân tộc thiểu số 712 đồng chí``, ``đa số`` (folded).
FIGURE_BLOCKER_COMPOUNDS: frozenset[str] = frozenset(
    # "sinh hoạt định kỳ 3/3 kỳ", "tiêu thụ 46 tấn" (not the "thứ" of "lần thứ 4")
    {"tong so", "thieu so", "da so", "dinh ky", "tieu thu"}
)

# Words that, before a number, name an item of a list rather than a count of a result
# (``nhóm 1, nhóm 2``, ``tiêu chí 3``): a number after them is never a labelled figure
# such as ``khiển trách 17, cảnh cáo 9`` (folded, lower case).
FIGURE_LABEL_BLOCKERS: frozenset[str] = frozenset(
    _words("nhom khoi cum vung hinh bang chi tieu tieu muc nghi dinh quyet thong ke")
)

# Words that open a list of labelled counts without being a label: ``xử lý khiển trách
# 2.105, cảnh cáo 347`` labels its first count ``khiển trách`` (folded, lower case).
FIGURE_LABEL_LEADS: tuple[str, ...] = (
    "xu ly",
    "thi hanh ky luat",
    "ky luat",
    "xep loai",
    "trong do",
    "gom",
    "co",
)

# Words that make the number after them a rule's bound, not a result: ``không vượt quá
# 20% số được xếp loại tốt``, ``tối đa 15 người``.
FIGURE_CAP_LEADS: tuple[str, ...] = (
    "không vượt quá",
    "không quá",
    "tối đa",
    "tối thiểu",
    "không dưới",
    "không thấp hơn",
    "không ít hơn",
    "ít nhất",
    "tối đa là",
)

# A number followed by any other lower-case noun phrase counts it (``12 kỳ sinh hoạt``,
# ``1,2 km đường``), unless the word after the number is one of these: a unit of time
# or age (a duration, a clock time), an ordinal, or a word that cannot be what is
# counted (a conjunction, a preposition, a verb of comparison). Folded, lower case.
NOT_COUNTED: frozenset[str] = frozenset(
    _words(
        """nam thang ngay gio phut giay tuan quy tuoi h g lan thu nhiem cap khoa
        va cua tai trong da duoc voi cho o de theo tren dat chiem bang la co tu den vao so
        tang giam gom nhung con hoac thi ma nen nay do khi sau truoc ve se dang khong chua
        cung deu van tro len xuong hay ra toi nua roi"""
    )
)

# Verbs that open the task a deadline is about (folded, lower case).
DEADLINE_ACTIONS: tuple[str, ...] = (
    "bao cao",
    "gui",
    "nop",
    "hoan thanh",
    "hoan thien",
    "tong hop",
    "so ket",
    "tong ket",
    "to chuc",
    "trien khai",
    "xay dung",
    "ban hanh",
    "ra soat",
    "cap nhat",
    "dang ky",
    "trinh",
    "ket thuc",
    "thuc hien",
    "kiem tra",
    "xong",
    "xin y kien",
    "lay y kien",
    "gop y",
)

# Document types that report on a period. A text whose header gives another type (a
# plan, a guidance, a decision, a notice, a letter) reports on none, whatever years it
# names; a text without a header (news) reports on a period only where a cue names it.
REPORTING_TYPES: tuple[str, ...] = ("Báo cáo",)

# Words that make a period phrase the period reported on when they stand before it in
# the same clause: ``kết quả công tác ... quý I``, ``sơ kết ... 6 tháng đầu năm``.
PERIOD_CUES: tuple[str, ...] = (
    "báo cáo",
    "sơ kết",
    "tổng kết",
    "kết quả",
    "tình hình",
    "đánh giá",
    "công tác",
    "hoạt động",
)

# Words that make ``trong quý I năm 2026`` / ``trong tháng 9/2024`` a due period (its
# last day is the deadline) rather than the time something happened (folded).
DEADLINE_COMPLETIONS: tuple[str, ...] = (
    "hoan thanh",
    "hoan thien",
    "xong",
    "ket thuc",
    "dut diem",
)

# Words that make ``trong tháng 10/2018`` after a task a due period in any text (an
# assignment or an obligation: ``giao Ban Tổ chức tham mưu ... trong tháng 10/2018``).
# In a directive (a plan, a notice, a letter), any task before the phrase makes it due.
# Written with diacritics: folded, ``giao`` would be ``giáo`` and ``cần`` ``cán``.
DEADLINE_ASSIGNMENTS: tuple[str, ...] = (
    "giao",
    "đề nghị",
    "yêu cầu",
    "phải",
    "cần",
    "chịu trách nhiệm",
    "tham mưu",
    "chủ trì",
    "phân công",
    "phấn đấu",
    "dự kiến",
    "sẽ",
)

# Column headers of a table whose cells are due dates (``Thời gian``, ``Thời hạn hoàn
# thành``, ``Tiến độ``): a cell ``Tháng 6/2024`` or ``Quý III/2024`` there is a deadline
# for the task its row names (folded, lower case).
DEADLINE_COLUMNS: tuple[str, ...] = ("thoi gian", "thoi han", "han", "tien do", "thoi diem")

# When a report names no period, the month of its own date suggests one: a report dated
# in June or July is a half-year report, one in December a yearly report. Values are
# templates over the year of the date; ``{prev}`` is the year before.
PERIOD_FALLBACK_BY_MONTH: dict[int, str] = {
    1: "{prev}",
    3: "{year}-Q1",
    4: "{year}-Q1",
    6: "{year}-H1",
    7: "{year}-H1",
    9: "{year}-9M",
    10: "{year}-9M",
    11: "{year}",
    12: "{year}",
}
