"""Demo documents: the implementation cascade of Nghị quyết 21-NQ/TW in the demo province
(its action program 42-CTr/TU, a district plan, the plans of a few communes, a commune's
six-month report, and, after the 2025 reform, the plan of a new commune), registered
through the services so references are linked and placeholders made as in real use;
then the seed texts of ../shared/seeds, when that folder exists.

Idempotent: documents already in the register are left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q

from dangvu.access import SYSTEM
from dangvu.core.dates import format_long, format_short
from dangvu.orgs.models import Organization, OrgKind

from .models import Document, DocumentStatus
from .readers import UnreadableFile
from .services import document_ingest, document_register

PROGRAM_DATE = date(2022, 12, 28)
NEW_TERM_DATE = date(2025, 8, 15)


@dataclass(frozen=True)
class _Dates:
    program: date
    district: date
    plans: date
    report: date


def _header(superior: str, issuer: str, symbol: str, place: str, on: date) -> str:
    return (
        f"{superior.upper()}\tĐẢNG CỘNG SẢN VIỆT NAM\n"
        f"{issuer.upper()}\n*\n"
        f"Số {symbol}\t{place}, {format_long(on)}\n\n"
    )


def _place(org: Organization) -> str:
    name = org.name.removeprefix("Đảng bộ ")
    for prefix in ("tỉnh ", "thành phố ", "huyện ", "thị xã ", "xã ", "phường "):
        name = name.removeprefix(prefix)
    return name


def _program_text(province: Organization, on: date) -> str:
    place = _place(province)
    committee = province.committee_name or f"Tỉnh ủy {place}"
    return _header("Đảng bộ " + place, committee, "42-CTr/TU", place, on) + (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng "
        "khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng "
        "đội ngũ đảng viên trong giai đoạn mới\n\n"
        "Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng "
        "khóa XIII, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Quán triệt đầy đủ, sâu sắc mục tiêu, quan điểm của Nghị quyết đến toàn thể cán bộ, "
        "đảng viên; cụ thể hóa thành nhiệm vụ, giải pháp phù hợp với thực tiễn của tỉnh.\n\n"
        "II. CHỈ TIÊU ĐẾN NĂM 2025\n"
        "- Hằng năm kết nạp 1.200 đảng viên mới trở lên.\n"
        "- 100% thôn, tổ dân phố có chi bộ; 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Các huyện ủy, đảng ủy trực thuộc xây dựng kế hoạch thực hiện, báo cáo Ban Thường vụ "
        f"Tỉnh ủy trước ngày {format_short(on + timedelta(days=49))}. Ban Tổ chức Tỉnh ủy "
        "theo dõi, đôn đốc, định kỳ sơ kết, báo cáo kết quả.\n\n"
        "Nơi nhận:\n- Ban Tổ chức Trung ương (để báo cáo),\n- Các huyện ủy, đảng ủy trực thuộc,\n"
        "- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
    )


def _district_text(district: Organization, on: date, program_on: date) -> str:
    place = _place(district)
    superior = district.parent.name if district.parent else "Đảng bộ tỉnh"
    return _header(superior, district.committee_name, "05-KH/HU", place, on) + (
        "KẾ HOẠCH\n"
        f"thực hiện Chương trình hành động số 42-CTr/TU, ngày {format_short(program_on)} "
        "của Tỉnh ủy\n\n"
        f"Căn cứ Chương trình hành động số 42-CTr/TU, ngày {format_short(program_on)} của "
        f"Tỉnh ủy, Ban Thường vụ Huyện ủy {place} ban hành kế hoạch thực hiện như sau:\n"
        "1. Tổ chức học tập, quán triệt Nghị quyết đến 100% chi, đảng bộ trong quý I năm 2023.\n"
        "2. Các đảng ủy xã xây dựng kế hoạch, gửi Ban Tổ chức Huyện ủy trước ngày "
        f"{format_short(on + timedelta(days=20))}.\n"
    )


def _plan_text(commune: Organization, superior: str, number: int, on: date, **cited: Any) -> str:
    place = _place(commune)
    program_on = format_short(cited["program"])
    basis = f"Chương trình hành động số 42-CTr/TU, ngày {program_on} của Tỉnh ủy"
    if cited.get("district"):
        basis += f" và Kế hoạch số 05-KH/HU, ngày {format_short(cited['district'])} của Huyện ủy"
    return _header(superior, commune.committee_name, f"{number:02d}-KH/ĐU", place, on) + (
        "KẾ HOẠCH\n"
        f"thực hiện Chương trình hành động số 42-CTr/TU, ngày {format_short(cited['program'])} "
        "của Tỉnh ủy\n\n"
        f"Thực hiện {basis}, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch như sau:\n"
        "1. Quán triệt đến 100% chi bộ trực thuộc; mỗi chi bộ đăng ký ít nhất 01 quần chúng "
        "ưu tú để bồi dưỡng, kết nạp.\n"
        f"2. Phấn đấu kết nạp {8 + number % 7} đảng viên mới trong năm.\n"
        "3. Các chi bộ báo cáo kết quả về Đảng ủy xã trước ngày "
        f"{format_short(on + timedelta(days=160))}.\n"
    )


def _report_text(commune: Organization, superior: str, plan_number: int, on: date) -> str:
    place = _place(commune)
    return _header(superior, commune.committee_name, "27-BC/ĐU", place, on) + (
        "BÁO CÁO\n"
        f"kết quả thực hiện công tác xây dựng Đảng 6 tháng đầu năm {on.year}\n\n"
        f"Thực hiện Kế hoạch số {plan_number:02d}-KH/ĐU của Đảng ủy xã, Ban Thường vụ Đảng ủy "
        "xã báo cáo kết quả như sau:\n\n"
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
        "Đã kết nạp 6 đảng viên mới, đạt 60% chỉ tiêu năm; 11/12 chi bộ tổ chức sinh hoạt "
        "chuyên đề; triển khai Nghị định số 33/2023/NĐ-CP về cán bộ, công chức cấp xã.\n\n"
        "II. HẠN CHẾ\nViệc bồi dưỡng quần chúng ưu tú ở một số thôn còn chậm.\n\n"
        "III. PHƯƠNG HƯỚNG\n"
        f"Hoàn thành báo cáo tổng kết năm trước ngày {format_short(date(on.year, 12, 15))}.\n\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn Thành\n"
    )


def _communes(province: Organization, on: date, limit: int) -> list[Organization]:
    qs = (
        Organization.objects.within(province)
        .filter(
            Q(kind=OrgKind.COMMUNE)
            | Q(kind=OrgKind.GRASSROOTS_COMMITTEE, name__startswith="Đảng bộ xã")
        )
        .filter(issuer_code="ĐU", founded_on__lte=on)
        .order_by("code")
    )
    return [o for o in qs[:50] if o.exists_on(on)][:limit]


def _register(log: Callable[[str], None], **kwargs: Any) -> Document | None:
    try:
        return document_register(actor=SYSTEM, **kwargs).document
    except ValidationError as exc:
        log(f"  bỏ qua: {' '.join(exc.messages)}")
        return None


def _cascade(province: Organization, log: Callable[[str], None]) -> None:
    base = PROGRAM_DATE if province.founded_on <= PROGRAM_DATE else NEW_TERM_DATE
    dates = _Dates(
        program=base,
        district=base + timedelta(days=9),
        plans=base + timedelta(days=13),
        report=base + timedelta(days=174),
    )
    _register(
        log,
        owner=province,
        text=_program_text(province, dates.program),
        type_code="CTr",
        number="42",
        issuer_code="TU",
        date=dates.program,
        place=_place(province),
    )
    communes = _communes(province, dates.plans, 3)
    for n, commune in enumerate(communes, start=1):
        parent = commune.parent
        district_on = None
        if parent is not None and parent.issuer_code == "HU":
            district_on = dates.district
            if not Document.objects.filter(issuer=parent, number="05", type_code="KH").exists():
                _register(
                    log,
                    owner=parent,
                    text=_district_text(parent, district_on, dates.program),
                    type_code="KH",
                    number="05",
                    issuer_code="HU",
                    date=district_on,
                )
        superior = parent.name if parent is not None else province.name
        plan_on = dates.plans + timedelta(days=n)
        _register(
            log,
            owner=commune,
            text=_plan_text(
                commune, superior, 10 + n, plan_on, program=dates.program, district=district_on
            ),
            type_code="KH",
            number=f"{10 + n:02d}",
            issuer_code="ĐU",
            date=plan_on,
        )
        if n == 1:
            _register(
                log,
                owner=commune,
                text=_report_text(commune, superior, 10 + n, dates.report),
                type_code="BC",
                number="27",
                issuer_code="ĐU",
                date=dates.report,
            )
    if base == PROGRAM_DATE:
        # After 1 July 2025 a new commune carries the program on, in a new term's numbering.
        for n, commune in enumerate(_communes(province, NEW_TERM_DATE, 1), start=1):
            _register(
                log,
                owner=commune,
                text=_plan_text(commune, province.name, n, NEW_TERM_DATE, program=dates.program),
                type_code="KH",
                number=f"{n:02d}",
                issuer_code="ĐU",
                date=NEW_TERM_DATE,
            )


def _seeds(province: Organization, log: Callable[[str], None]) -> None:
    folder = Path(settings.BASE_DIR).parent / "shared" / "seeds"
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.txt")):
        try:
            result = document_ingest(
                name=path.name,
                data=path.read_bytes(),
                actor=SYSTEM,
                owner=province,
                status=DocumentStatus.ISSUED,
            )
        except (UnreadableFile, ValidationError, OSError) as exc:
            message = exc.message if isinstance(exc, UnreadableFile) else str(exc)
            log(f"  văn bản mẫu {path.name}: {message}")
            continue
        if result.created:
            log(f"  văn bản mẫu {path.name}: {result.document}")


def populate(scale: str, log: Callable[[str], None], context: dict[str, Any]) -> None:
    province = context.get("province")
    if province is None:
        return
    log("")
    if Document.objects.filter(issuer=province, number="42", type_code="CTr").exists():
        log("Sổ văn bản mẫu đã có; không tạo lại.")
    else:
        _cascade(province, log)
    _seeds(province, log)
    count = Document.objects.filter(owner__in=Organization.objects.within(province)).count()
    log(f"Sổ văn bản mẫu: {count} văn bản của {province.name} (cả văn bản chờ được dẫn chiếu).")
