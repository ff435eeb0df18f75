"""Excel in and out. Import: every row checked, every problem named by row, column and a
Vietnamese message, nothing written until the whole file is clean; a member already in the
registry (same citizen ID or card number) is skipped, so a file imported twice adds no one.
The two optional sponsor columns hold a card number or citizen ID (a member of the registry
or of the same file) or the name and unit of a sponsor outside the registry.
The export is in export.py."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from openpyxl import load_workbook

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.dates import format_short as fmt
from dangvu.core.text import fold
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization

from .. import rules
from ..models import Member, RuleName
from ..selectors.rules import rule_value
from . import identifiers
from .admission import member_admit, member_recognize
from .base import authorize
from .profile import PROFILE_FIELDS, clean_profile

# Column header (as users write it) → field. Headers are matched without diacritics.
COLUMNS: list[tuple[str, str]] = [
    ("Họ và tên", "full_name"),
    ("Tên gọi khác", "other_names"),
    ("Giới tính", "sex"),
    ("Ngày sinh", "birth_date"),
    ("Dân tộc", "ethnicity"),
    ("Tôn giáo", "religion"),
    ("Quê quán", "home_town"),
    ("Nơi ở hiện nay", "residence"),
    ("Điện thoại", "phone"),
    ("Số CCCD", "citizen_id"),
    ("Giáo dục phổ thông", "education"),
    ("Chuyên môn", "professional_level"),
    ("Lý luận chính trị", "theory_level"),
    ("Nghề nghiệp", "occupation"),
    ("Chức vụ", "positions"),
    ("Số thẻ đảng viên", "card_number"),
    ("Ngày vào Đảng", "admitted_on"),
    ("Ngày chính thức", "official_on"),
    ("Chi bộ", "cell"),
    ("Quyết định kết nạp", "decision"),
    ("Người giới thiệu 1", "sponsor1"),
    ("Người giới thiệu 2", "sponsor2"),
]
REQUIRED = ("full_name", "sex", "birth_date", "admitted_on", "cell")
HEADER_OF = {f: h for h, f in COLUMNS}
_BY_FOLDED = {fold(h): f for h, f in COLUMNS}
MAX_ROWS = 20000


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass
class ImportCheck:
    ready: list[dict[str, Any]] = field(default_factory=list)
    existing: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # numbers held by members outside the user's scope (refused, audited by the caller)
    outside: list[tuple[str, str]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems


def _date(value: Any) -> date | str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt_ in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt_).date()  # noqa: DTZ007
        except ValueError:
            continue
    return text  # unreadable: reported by the caller


# An .xlsx is a zip whose members declare their inflated sizes: one inflating past this
# (a few kilobytes that would fill gigabytes) is refused before it is opened.
MAX_XLSX_INFLATED = 64 * 1024 * 1024
UNREADABLE = "Không đọc được tệp: hãy mở bằng Excel và lưu lại dạng .xlsx."


def _inflated_size(data: bytes) -> int | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        return None


def read_rows(data: bytes) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    """The data rows of the first sheet as {field: value}, with their Excel row numbers."""
    inflated = _inflated_size(data)
    if inflated is None:
        return [], [Problem(0, "", UNREADABLE)]
    if inflated > MAX_XLSX_INFLATED:
        return [], [
            Problem(
                0,
                "",
                f"Tệp Excel khi giải nén quá lớn ({filesizeformat(inflated)}, tối đa "
                f"{filesizeformat(MAX_XLSX_INFLATED)}): hãy xóa các trang tính, ảnh không cần "
                "thiết hoặc chia nhỏ danh sách.",
            )
        ]
    try:
        return _read_sheet(data)
    except Exception:  # openpyxl raises many kinds on a damaged workbook, also mid-sheet
        return [], [Problem(0, "", UNREADABLE)]


HEADER_SEARCH = 10


def _read_sheet(data: bytes) -> tuple[list[tuple[int, dict[str, Any]]], list[Problem]]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    if not book.worksheets:
        return [], [Problem(0, "", "Tệp Excel không có trang tính nào.")]
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    # The header is the first row naming every required column, within the first
    # HEADER_SEARCH rows (a title block above it, as in dangvu's own export, is passed over).
    # Without one, the row naming the most of them says which are missing.
    fields: list[str | None] = []
    header_at = 0
    for number, header in enumerate(rows, start=1):
        named = [_BY_FOLDED.get(fold(str(h or ""))) for h in header or ()]
        if sum(f in named for f in REQUIRED) > sum(f in fields for f in REQUIRED):
            fields, header_at = named, number
        if all(f in fields for f in REQUIRED) or number >= HEADER_SEARCH:
            break
    missing = [HEADER_OF[f] for f in REQUIRED if f not in fields]
    if missing:
        return [], [
            Problem(
                1,
                h,
                f"Thiếu cột “{h}”: một dòng trong {HEADER_SEARCH} dòng đầu phải có tiêu đề "
                "các cột (Họ và tên, Ngày sinh, ...).",
            )
            for h in missing
        ]
    out = []
    for number, values in enumerate(rows, start=header_at + 1):
        if values is None or all(v in (None, "") for v in values):
            continue
        record = {f: v for f, v in zip(fields, values, strict=False) if f}
        out.append((number, record))
        if len(out) > MAX_ROWS:
            return [], [Problem(number, "", f"Tệp quá {MAX_ROWS} dòng: hãy chia nhỏ.")]
    return out, []


def _cells_within(within: Organization) -> dict[str, list[Organization]]:
    low, high = paths.subtree_bounds(within.path)
    index: dict[str, list[Organization]] = {}
    for org in Organization.objects.filter(
        path__gte=low, path__lt=high, kind__in=CELL_KINDS, dissolved_on__isnull=True
    ):
        for key in {fold(org.code), fold(org.name)}:
            index.setdefault(key, []).append(org)
    return index


def _known(field_: str, values: list[str], visible: Any) -> tuple[set[str], set[str]]:
    """The numbers of `values` already in the registry: (inside the scope, outside it)."""
    wanted = [v for v in values if v]
    found = set(Member.objects.filter(**{f"{field_}__in": wanted}).values_list(field_, flat=True))
    inside = set(visible.filter(**{f"{field_}__in": found}).values_list(field_, flat=True))
    return inside, found - inside


def _visible(actor: Any) -> Any:
    from ..selectors.scope import members_visible_to

    if getattr(actor, "pk", None) and not actor.is_superuser:
        return members_visible_to(actor)
    return Member.objects.all()  # the system, an administrator


def check_rows(
    rows: list[tuple[int, dict[str, Any]]], *, within: Organization, actor: Any = None
) -> ImportCheck:
    """Check the rows as the admission form would for `actor`: sponsors and duplicates
    are looked up in the actor's scope only, and a number held outside it is refused
    without naming anyone (`identifiers`), counted toward the hourly limit."""
    result = ImportCheck()
    cells = _cells_within(within)
    seen_ids: dict[str, int] = {}
    ids = [rules.normalize_citizen_id(str(r.get("citizen_id") or "")) for _, r in rows]
    cards = [str(r.get("card_number") or "").replace(" ", "") for _, r in rows]
    visible = _visible(actor)
    known_ids, foreign_ids = _known("citizen_id", ids, visible)
    known_cards, foreign_cards = _known("card_number", cards, visible)
    result.outside = [("citizen_id", v) for v in sorted(foreign_ids)] + [
        ("card_number", v) for v in sorted(foreign_cards)
    ]
    if result.outside and len(result.outside) > identifiers.lookups_left(actor):
        result.problems.append(Problem(0, "", identifiers.too_many_message()))
        return result
    sponsor_keys = _sponsor_lookup(rows, ids, cards, visible)
    for (number, record), cid, card in zip(rows, ids, cards, strict=True):
        problems: list[Problem] = []

        def add(
            field_: str, message: str, number: int = number, bucket: list[Problem] = problems
        ) -> None:
            bucket.append(Problem(number, HEADER_OF.get(field_, field_), message))

        if (cid and cid in known_ids) or (card and card in known_cards):
            result.existing.append((number, str(record.get("full_name") or "")))
            continue
        for field_, value, foreign in (
            ("citizen_id", cid, foreign_ids),
            ("card_number", card, foreign_cards),
        ):
            if value and value in foreign:
                add(field_, identifiers.outside_message(field=field_, value=value))
        if problems:
            result.problems.extend(problems)
            continue
        if cid:
            if cid in seen_ids:
                add("citizen_id", f"Số CCCD {cid} trùng với dòng {seen_ids[cid]} trong tệp.")
            seen_ids[cid] = number
        data = dict(record)
        for key in ("birth_date", "admitted_on", "official_on"):
            parsed = _date(data.get(key))
            if isinstance(parsed, str):
                add(key, f"“{parsed}” không phải ngày: hãy ghi theo dạng ngày/tháng/năm.")
                parsed = None
            data[key] = parsed
        for key in REQUIRED:
            if data.get(key) in (None, ""):
                add(key, f"Thiếu {HEADER_OF[key].lower()}.")
        profile = {k: data.get(k) for k in PROFILE_FIELDS}
        try:
            profile = clean_profile(profile, actor=None)  # duplicates were checked above
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                if not any(p.column == HEADER_OF.get(key) for p in problems):
                    add(key, " ".join(messages))
        org = None
        cell_key = fold(str(data.get("cell") or ""))
        if cell_key:
            found = cells.get(cell_key, [])
            if not found:
                add(
                    "cell",
                    f"Không có chi bộ “{data.get('cell')}” trong {within.name}: hãy ghi "
                    "đúng mã hoặc tên chi bộ.",
                )
            elif len(found) > 1:
                add("cell", f"Có {len(found)} chi bộ cùng tên “{data.get('cell')}”: hãy ghi mã.")
            else:
                org = found[0]
        admitted, birth, official = data["admitted_on"], data["birth_date"], data["official_on"]
        today = date.today()  # noqa: DTZ011 - a calendar date, as the services use
        if isinstance(admitted, date):
            if admitted > today:
                add("admitted_on", f"Ngày vào Đảng {fmt(admitted)} ở tương lai.")
            elif isinstance(birth, date):
                if admitted <= birth:
                    add(
                        "admitted_on",
                        f"Ngày vào Đảng {fmt(admitted)} trước ngày sinh {fmt(birth)}.",
                    )
                else:
                    problem = rules.admission_age_problem(
                        birth,
                        admitted,
                        rule_value(RuleName.ADMISSION_MIN_AGE_MONTHS, admitted),
                        rule_value(RuleName.ADMISSION_MAX_AGE_MONTHS, admitted),
                    )
                    if problem:
                        add("admitted_on", f"Khi vào Đảng ({fmt(admitted)}) người này {problem}.")
            if isinstance(official, date):
                months = rule_value(RuleName.PROBATION_MONTHS, admitted)
                ends = rules.probation_end(admitted, None, months)
                if official < ends:
                    add(
                        "official_on",
                        f"Ngày chính thức {fmt(official)} trước khi hết {months} "
                        f"tháng dự bị ({fmt(ends)}).",
                    )
                elif official > today:
                    add("official_on", f"Ngày chính thức {fmt(official)} ở tương lai.")
        sponsors = _check_sponsors(data, number, (cid, card), admitted, sponsor_keys, add)
        if problems:
            result.problems.extend(problems)
        else:
            result.ready.append(
                {
                    "row": number,
                    "profile": profile,
                    "organization": org,
                    "admitted_on": admitted,
                    "official_on": official,
                    "decision": str(data.get("decision") or "").strip()
                    or f"Hồ sơ đảng viên (nhập từ Excel, dòng {number})",
                    "sponsors": sponsors,
                }
            )
    return result


SPONSOR_FIELDS = ("sponsor1", "sponsor2")
_LETTER = re.compile(r"[^\W\d_]")


def _sponsor_lookup(
    rows: list[tuple[int, dict[str, Any]]], ids: list[str], cards: list[str], visible: Any
) -> dict[str, tuple[str, Any]]:
    """Numbers written in the sponsor columns → ("member", a member of the registry the
    user may see, as the form's sponsor search offers) or ("row", the row of this file that
    holds that card number or citizen ID)."""
    wanted = {
        str(r.get(f) or "").replace(" ", "")
        for _, r in rows
        for f in SPONSOR_FIELDS
        if r.get(f) not in (None, "") and not _LETTER.search(str(r.get(f)))
    }
    if not wanted:
        return {}
    found: dict[str, tuple[str, Any]] = {}
    for (number, _), cid, card in zip(rows, ids, cards, strict=True):
        for key in (cid, card):
            if key and key in wanted:
                found[key] = ("row", number)
    for m in visible.filter(Q(card_number__in=wanted) | Q(citizen_id__in=wanted)):
        for key in (m.card_number, m.citizen_id):
            if key and key in wanted:
                found[key] = ("member", m)
    return found


def _check_sponsors(
    data: dict[str, Any],
    number: int,
    own: tuple[str, str],
    admitted: Any,
    lookup: dict[str, tuple[str, Any]],
    add: Any,
) -> list[tuple[str, Any]]:
    """The sponsor columns of a row: both empty (none recorded), or two sponsors, each a
    card number or citizen ID of a member (in the registry or in this file) or the name and
    unit of a sponsor outside the registry. The admission service checks the rest."""
    raw = [str(data.get(f) or "").strip() for f in SPONSOR_FIELDS]
    if not any(raw):
        return []
    if not all(raw):
        missing = SPONSOR_FIELDS[raw.index("")]
        add(missing, "Thiếu người giới thiệu: hãy ghi đủ hai người, hoặc để trống cả hai cột.")
        return []
    out: list[tuple[str, Any]] = []
    for field_, text in zip(SPONSOR_FIELDS, raw, strict=True):
        if _LETTER.search(text):
            out.append(("name", text))
            continue
        key = text.replace(" ", "")
        if key in own:
            add(field_, f"Số {key} là của chính người vào Đảng: hãy ghi số của người giới thiệu.")
            continue
        kind, target = lookup.get(key, ("", None))
        if not kind:
            add(
                field_,
                f"Không có đảng viên số thẻ hoặc CCCD {key} trong phạm vi của bạn hay trong "
                "tệp: hãy ghi đúng số, hoặc ghi họ tên, đơn vị nếu người giới thiệu ở ngoài "
                "phạm vi (đơn vị khác, tỉnh khác).",
            )
            continue
        if kind == "member" and isinstance(admitted, date):
            official = target.official_on
            if (
                official is None
                or official > admitted
                or (target.exited_on is not None and target.exited_on <= admitted)
            ):
                add(
                    field_,
                    f"{target.full_name} chưa là đảng viên chính thức vào ngày vào Đảng "
                    f"{fmt(admitted)}: người giới thiệu phải là đảng viên chính thức khi đó.",
                )
                continue
        out.append((kind, target.pk if kind == "member" else target))
    same = [(k, fold(v) if k == "name" else v) for k, v in out]
    if len(same) == 2 and same[0] == same[1]:
        add(SPONSOR_FIELDS[1], "Hai người giới thiệu là cùng một người: hãy ghi người khác.")
    return out


@transaction.atomic
def members_import(*, data: bytes, within: Organization, actor: Actor, filename: str = "") -> int:
    """Write the members of a clean file (all or nothing); return how many were added."""
    authorize(actor, within, action="nhập")
    rows, problems = read_rows(data)
    check = (
        check_rows(rows, within=within, actor=actor)
        if not problems
        else ImportCheck(problems=problems)
    )
    if not check.clean:
        raise ValidationError(
            [f"Dòng {p.row}, cột “{p.column}”: {p.message}" for p in check.problems[:50]]
        )
    registry = {
        m.pk: m
        for m in Member.objects.filter(
            pk__in=[v for item in check.ready for k, v in item["sponsors"] if k == "member"]
        )
    }
    added: dict[int, Member] = {}
    # A sponsor is official before the applicant is admitted: by date of admission, a
    # sponsor listed in the same file is written (and recognized) first.
    for item in sorted(check.ready, key=lambda i: i["admitted_on"]):
        sponsors = [
            registry[v] if k == "member" else added[v] if k == "row" else v
            for k, v in item["sponsors"]
        ]
        try:
            member = member_admit(
                organization=item["organization"],
                admitted_on=item["admitted_on"],
                decision=item["decision"],
                actor=actor,
                sponsors=sponsors,
                **item["profile"],
            )
            if item["official_on"]:
                member_recognize(
                    member=member, on=item["official_on"], decision=item["decision"], actor=actor
                )
        except ValidationError as exc:
            raise ValidationError([f"Dòng {item['row']}: {m}" for m in exc.messages]) from exc
        added[item["row"]] = member
    audit_record(
        actor=actor,
        action="members.members_import",
        obj=within,
        organization=within,
        summary=f"Nhập {len(check.ready)} đảng viên từ tệp {filename or 'Excel'} "
        f"({len(check.existing)} dòng đã có trong sổ, bỏ qua)",
        after={"added": len(check.ready), "skipped": len(check.existing), "file": filename},
    )
    return len(check.ready)
