"""Checking the rows of an import as the admission form would: every problem named by row,
column and a Vietnamese message with the fix; the implausible rows as warnings the officer
confirms (nothing is written before); a member already in the registry (same citizen ID or
card number) skipped, so a file imported twice adds no one. The two optional sponsor
columns hold a card number or citizen ID (a member of the registry or of the same file) or
the name and unit of a sponsor outside the registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from dangvu.core.dates import format_short as fmt
from dangvu.core.text import fold
from dangvu.orgs import paths
from dangvu.orgs.models import CELL_KINDS, Organization

from ... import rules, spellings
from ...models import Member, RuleName
from ...selectors.rules import holidays, rule_value, rules_read_once
from .. import identifiers
from ..profile import PROFILE_FIELDS, clean_profile
from .books import EXAMPLE
from .read import HEADER_OF, REQUIRED, Problem, Rows, cell_text

# An official date this long after the probation's end is shown as a warning: a member is
# official from the day the probation ends, however late the review.
LATE_RECOGNITION_MONTHS = 12
OLD_AGE = 100  # a member older than this today is shown as a warning


@dataclass
class ImportCheck:
    ready: list[dict[str, Any]] = field(default_factory=list)
    existing: list[tuple[int, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # to confirm before writing
    # numbers held by members outside the user's scope (refused, audited by the caller)
    outside: list[tuple[str, str]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems


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
    from ...selectors.scope import members_visible_to

    if getattr(actor, "pk", None) and not actor.is_superuser:
        return members_visible_to(actor)
    return Member.objects.all()  # the system, an administrator


def _namesakes(rows: Rows, visible: Any) -> set[tuple[str, date]]:
    """(folded name, birth date) of the members in the scope who share both with a row."""
    read = (spellings.read_date(r.get("birth_date")) for _, r in rows)
    births = sorted({b for b in read if isinstance(b, date)})
    if not births:
        return set()
    names = {fold(str(r.get("full_name") or "")) for _, r in rows}
    found = set()
    for start in range(0, len(births), 500):
        part = births[start : start + 500]
        for name, birth in visible.filter(birth_date__in=part).values_list(
            "full_name", "birth_date"
        ):
            if fold(name) in names:
                found.add((fold(name), birth))
    return found


def check_rows(rows: Rows, *, within: Organization, actor: Any = None) -> ImportCheck:
    """Check the rows as the admission form would for `actor`: sponsors and duplicates
    are looked up in the actor's scope only, and a number held outside it is refused
    without naming anyone (`identifiers`), counted toward the hourly limit."""
    with rules_read_once():
        return _check_rows(rows, within=within, actor=actor)


def _check_rows(rows: Rows, *, within: Organization, actor: Any) -> ImportCheck:
    result = ImportCheck()
    cells = _cells_within(within)
    seen_ids: dict[str, int] = {}
    seen_people: dict[tuple[str, date], int] = {}
    ids = [
        rules.normalize_citizen_id(cell_text("citizen_id", r.get("citizen_id"))) for _, r in rows
    ]
    cards = [cell_text("card_number", r.get("card_number")).replace(" ", "") for _, r in rows]
    visible = _visible(actor)
    known_ids, foreign_ids = _known("citizen_id", ids, visible)
    known_cards, foreign_cards = _known("card_number", cards, visible)
    result.outside = [("citizen_id", v) for v in sorted(foreign_ids)] + [
        ("card_number", v) for v in sorted(foreign_cards)
    ]
    if result.outside and len(result.outside) > identifiers.lookups_left(actor):
        result.problems.append(Problem(0, "", identifiers.too_many_message()))
        return result
    namesakes = _namesakes(rows, visible)
    sponsor_keys = _sponsor_lookup(rows, ids, cards, visible)
    today = timezone.localdate()
    review_days = rule_value(RuleName.REVIEW_WORKING_DAYS, today)
    days_off = holidays(range(today.year - 30, today.year + 2), today)
    for (number, record), cid, card in zip(rows, ids, cards, strict=True):
        problems: list[Problem] = []

        def add(
            field_: str, message: str, number: int = number, bucket: list[Problem] = problems
        ) -> None:
            bucket.append(Problem(number, HEADER_OF.get(field_, field_), message))

        def warn(field_: str, message: str, number: int = number) -> None:
            result.warnings.append(Problem(number, HEADER_OF.get(field_, field_), message))

        if (cid and cid in known_ids) or (card and card in known_cards):
            result.existing.append((number, str(record.get("full_name") or "")))
            continue
        for field_, value, foreign in (
            ("citizen_id", cid, foreign_ids),
            ("card_number", card, foreign_cards),
        ):
            if value and value in foreign:
                add(field_, identifiers.outside_message(field=field_, value=value))
        if cid == EXAMPLE["citizen_id"] and fold(str(record.get("full_name") or "")) == fold(
            EXAMPLE["full_name"]
        ):
            add("full_name", "Đây là dòng ví dụ của tệp mẫu: hãy xóa dòng này.")
        if problems:
            result.problems.extend(problems)
            continue
        if cid:
            if cid in seen_ids:
                add("citizen_id", f"Số CCCD {cid} trùng với dòng {seen_ids[cid]} trong tệp.")
            seen_ids[cid] = number
        data = {k: cell_text(k, v) if k not in _DATES else v for k, v in record.items()}
        data["citizen_id"], data["card_number"] = cid, card
        for key in _DATES:
            parsed = spellings.read_date(data.get(key))
            if isinstance(parsed, str):
                add(
                    key,
                    f"“{parsed}” không phải ngày: hãy ghi ngày/tháng/năm (ví dụ 29/6/2023) "
                    "hoặc định dạng ô là ngày.",
                )
                parsed = None
            data[key] = parsed
        for key in REQUIRED:
            named = any(p.column == HEADER_OF[key] for p in problems)  # an unreadable date
            if data.get(key) in (None, "") and not named:
                add(key, f"Thiếu {HEADER_OF[key].lower()}: hãy ghi vào ô này.")
        profile = {k: data.get(k) for k in PROFILE_FIELDS}
        try:
            profile = clean_profile(profile, actor=None, clashes=False)  # looked up above
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                if not any(p.column == HEADER_OF.get(key) for p in problems):
                    add(key, " ".join(messages))
        if profile.get("education") == "tieu_hoc":
            add("education", "Người vào Đảng phải tốt nghiệp ít nhất trung học cơ sở (9/12).")
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
        approval = str(data.get("over_age_approval") or "").strip()
        if isinstance(birth, date) and rules.age_in_months(birth, today) > OLD_AGE * 12:
            warn(
                "birth_date",
                f"Sinh ngày {fmt(birth)}: nay đã hơn {OLD_AGE} tuổi. Hãy kiểm tra năm sinh.",
            )
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
                    if problem and not ("quá" in problem and approval):
                        add(
                            "admitted_on",
                            f"Khi vào Đảng ({fmt(admitted)}) người này {problem}"
                            + (
                                ": ghi số văn bản đồng ý vào cột “"
                                + HEADER_OF["over_age_approval"]
                                + "”."
                                if "quá" in problem
                                else "."
                            ),
                        )
            months = rule_value(RuleName.PROBATION_MONTHS, admitted)
            ends = rules.probation_end(admitted, None, months)
            if isinstance(official, date):
                if official < ends:
                    add(
                        "official_on",
                        f"Ngày chính thức {fmt(official)} trước khi hết {months} "
                        f"tháng dự bị ({fmt(ends)}).",
                    )
                elif official > today:
                    add("official_on", f"Ngày chính thức {fmt(official)} ở tương lai.")
                elif official > rules.add_months(ends, LATE_RECOGNITION_MONTHS):
                    warn(
                        "official_on",
                        f"Ngày chính thức {fmt(official)} muộn hơn {LATE_RECOGNITION_MONTHS} "
                        f"tháng sau ngày hết dự bị ({fmt(ends)}): đảng viên được công nhận "
                        "chính thức từ ngày hết dự bị. Hãy kiểm tra ngày.",
                    )
            elif official is None and admitted <= today:
                due = rules.recognition_due(
                    admitted,
                    None,
                    today,
                    probation_months=months,
                    review_working_days=review_days,
                    holidays=days_off,
                )
                if due.overdue:
                    years = rules.full_months(due.official_from, today) // 12
                    late = f"{years} năm" if years else "chưa tới một năm"
                    warn(
                        "official_on",
                        f"Vào Đảng {fmt(admitted)} mà chưa có ngày chính thức: sẽ ghi là đảng "
                        f"viên dự bị quá hạn công nhận chính thức ({late}, hết dự bị "
                        f"{fmt(due.official_from)}). Nếu đã được công nhận, hãy ghi ngày "
                        "chính thức.",
                    )
        if isinstance(birth, date) and profile.get("full_name"):
            person = (fold(str(profile["full_name"])), birth)
            if person in namesakes and not cid and not card:
                warn(
                    "full_name",
                    f"Trong sổ đã có đảng viên {profile['full_name']} sinh ngày {fmt(birth)}: "
                    "có thể là cùng một người (dòng không có số CCCD, số thẻ để đối chiếu).",
                )
            elif person in seen_people:
                warn(
                    "full_name",
                    f"Cùng họ tên, ngày sinh với dòng {seen_people[person]}: có thể ghi hai "
                    "lần một người.",
                )
            seen_people.setdefault(person, number)
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
                    "over_age_approval": approval,
                }
            )
    _check_file_sponsors(result)
    return result


_DATES = ("birth_date", "admitted_on", "official_on")
SPONSOR_FIELDS = ("sponsor1", "sponsor2")
_LETTER = re.compile(r"[^\W\d_]")


def _check_file_sponsors(result: ImportCheck) -> None:
    """A sponsor given as a row of this file: that row is written too and is official by
    the applicant's admission (the rows are written by date of admission)."""
    by_row = {item["row"]: item for item in result.ready}
    keep = []
    for item in result.ready:
        wrong = ""
        for position, (kind, target) in enumerate(item["sponsors"]):
            if kind != "row":
                continue
            sponsor = by_row.get(target)
            column = HEADER_OF[SPONSOR_FIELDS[position]]
            if sponsor is None:
                wrong = f"Người giới thiệu ở dòng {target} của tệp chưa ghi được (dòng đó có lỗi)."
            elif sponsor["official_on"] is None or sponsor["official_on"] > item["admitted_on"]:
                wrong = (
                    f"Người giới thiệu ở dòng {target} chưa là đảng viên chính thức vào ngày "
                    f"vào Đảng {fmt(item['admitted_on'])}: người giới thiệu phải là đảng viên "
                    "chính thức khi đó."
                )
            if wrong:
                result.problems.append(Problem(item["row"], column, wrong))
                break
        if not wrong:
            keep.append(item)
    result.ready = keep


def _sponsor_lookup(
    rows: Rows, ids: list[str], cards: list[str], visible: Any
) -> dict[str, tuple[str, Any]]:
    """Numbers written in the sponsor columns → ("member", a member of the registry the
    user may see, as the form's sponsor search offers) or ("row", the row of this file that
    holds that card number or citizen ID)."""
    wanted = {
        cell_text(f, r.get(f)).replace(" ", "")
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
    unit of a sponsor outside the registry."""
    raw = [str(data.get(f) or "").strip() for f in SPONSOR_FIELDS]
    if not any(raw):
        return []
    if not all(raw):
        missing = SPONSOR_FIELDS[raw.index("")]
        add(missing, "Thiếu người giới thiệu: hãy ghi đủ hai người, hoặc để trống cả hai cột.")
        return []
    out: list[tuple[str, Any]] = []
    own_name = fold(str(data.get("full_name") or ""))
    for field_, text in zip(SPONSOR_FIELDS, raw, strict=True):
        if _LETTER.search(text):
            name = " ".join(text.split())
            if len(name) > 255:
                add(field_, "Họ tên, đơn vị người giới thiệu quá 255 ký tự: hãy ghi gọn.")
            elif fold(name) == own_name:
                add(
                    field_,
                    "Người giới thiệu trùng họ tên với người vào Đảng: nếu là người trùng tên, "
                    "hãy ghi kèm đơn vị (ví dụ: Nguyễn Văn An, Chi bộ thôn 2 xã Bảo Hà).",
                )
            out.append(("name", name))
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
