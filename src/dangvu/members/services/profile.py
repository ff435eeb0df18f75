"""Checking a member's profile: every problem named by field, in Vietnamese, with the fix."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from dangvu.core.collation import vi_sort_key
from dangvu.core.dates import format_short as fmt
from dangvu.core.text import fold

from .. import catalog, rules, spellings
from ..models import Education, Member, Professional, Sex, Theory
from . import identifiers

PROFILE_FIELDS = (
    "full_name",
    "other_names",
    "sex",
    "birth_date",
    "ethnicity",
    "religion",
    "home_town",
    "residence",
    "phone",
    "citizen_id",
    "education",
    "professional_level",
    "theory_level",
    "occupation",
    "positions",
    "card_number",
)
# The levels of a profile: field, choices, label, the value when the cell is empty.
_LEVELS: tuple[tuple[str, Any, str, str], ...] = (
    ("education", Education, "Giáo dục phổ thông", "thpt"),
    ("professional_level", Professional, "Chuyên môn", "khong"),
    ("theory_level", Theory, "Lý luận chính trị", "khong"),
)
_PHONE = re.compile(r"\+?\d{9,12}")
_CARD = re.compile(r"[0-9A-Za-z.\-]{4,20}")
_SPACES = re.compile(r"\s+")


def _text(value: Any) -> str:
    return _SPACES.sub(" ", str(value or "")).strip()


def _choice(value: str, choices: Any, label: str, errors: dict[str, str], field: str) -> str:
    """The code of `value`: a code, a label or a usual spelling of one (`spellings`)."""
    code = spellings.read_choice(value, dict(choices.choices), spellings.SPELLINGS.get(field))
    if code is None and field == "education":
        code = spellings.education_of_grade(value)
    if code is None:
        allowed = ", ".join(lbl for _, lbl in choices.choices)
        errors[field] = f"{label} “{value}” không có trong danh mục: hãy chọn một trong {allowed}."
        return value
    return str(code)


def clean_profile(
    data: dict[str, Any],
    *,
    member: Member | None = None,
    actor: Any = None,
    clashes: bool = True,
) -> dict[str, Any]:
    """The profile, normalized; a ValidationError naming each bad field otherwise. A number
    already in the registry is refused naming the member only inside `actor`'s scope
    (`identifiers`); the error lists the refusals outside it in `outside_scope`.
    `clashes=False`: the caller looked the numbers up itself (the import, for a whole file
    in two queries)."""
    errors: dict[str, str] = {}
    outside: list[tuple[str, str]] = []

    def clash(field: str, value: str) -> None:
        if not clashes:
            return
        others = Member.objects.filter(**{field: value})
        if member is not None:
            others = others.exclude(pk=member.pk)
        if identifiers.lookups_left(actor) <= 0:
            errors[field] = identifiers.too_many_message()
            return
        other = others.first()
        if other is None:
            return
        errors[field] = identifiers.clash_message(
            actor=actor, field=field, value=value, other=other
        )
        if not identifiers.in_scope(actor, other):
            outside.append((field, value))

    out: dict[str, Any] = {}
    today = timezone.localdate()
    name = _text(data.get("full_name"))
    if not name or len(name.split(" ")) < 2:
        errors["full_name"] = "Hãy nhập đủ họ và tên (ít nhất hai chữ, ví dụ Nguyễn Văn An)."
    out["full_name"] = name
    out["other_names"] = _text(data.get("other_names"))
    out["sex"] = _choice(_text(data.get("sex")), Sex, "Giới tính", errors, "sex")
    birth = data.get("birth_date")
    if not isinstance(birth, date):
        errors["birth_date"] = "Hãy nhập ngày sinh (ví dụ 29/6/1985)."
    elif birth > today:
        errors["birth_date"] = (
            f"Ngày sinh {fmt(birth)} ở tương lai: hãy nhập ngày đến hôm nay ({fmt(today)})."
        )
    out["birth_date"] = birth
    ethnicity = _text(data.get("ethnicity")) or "Kinh"
    known = spellings.read_named(ethnicity, catalog.ETHNIC_GROUPS, catalog.ETHNIC_SPELLINGS)
    if known is None:
        errors["ethnicity"] = (
            f"Dân tộc “{ethnicity}” không có trong danh mục 54 dân tộc: hãy ghi đúng tên "
            "(ví dụ Kinh, Tày, Thái, Mường, Mông, Dao)."
        )
    out["ethnicity"] = known or ethnicity
    religion = _text(data.get("religion")) or "Không"
    named = spellings.read_named(religion, catalog.RELIGIONS, catalog.RELIGION_SPELLINGS)
    out["religion"] = named or religion
    if named is None:
        errors["religion"] = (
            f"Tôn giáo “{religion}” không có trong danh mục: hãy chọn "
            + ", ".join(catalog.RELIGIONS)
            + "."
        )
    for field in ("home_town", "residence", "occupation"):
        out[field] = _text(data.get(field))
    phone = re.sub(r"[\s.\-]", "", _text(data.get("phone")))
    if phone and not _PHONE.fullmatch(phone):
        errors["phone"] = f"Số điện thoại “{phone}” không hợp lệ: hãy nhập 10 chữ số."
    out["phone"] = phone
    citizen_id = rules.normalize_citizen_id(_text(data.get("citizen_id")))
    if citizen_id:
        problem = rules.citizen_id_problem(
            citizen_id,
            female=None if out["sex"] not in Sex.values else out["sex"] == Sex.FEMALE,
            birth_year=birth.year if isinstance(birth, date) else None,
        )
        if problem:
            errors["citizen_id"] = f"Số CCCD “{citizen_id}” không hợp lệ: {problem}."
        else:
            clash("citizen_id", citizen_id)
    out["citizen_id"] = citizen_id or None
    for field, choices, label, default in _LEVELS:
        out[field] = _choice(_text(data.get(field)) or default, choices, label, errors, field)
    positions = [p.strip() for p in re.split(r"[;,\n]", str(data.get("positions") or ""))]
    out["positions"] = "; ".join(p for p in positions if p)
    card = _text(data.get("card_number")).replace(" ", "")
    if card:
        if not _CARD.fullmatch(card):
            errors["card_number"] = f"Số thẻ đảng viên “{card}” không hợp lệ."
        else:
            clash("card_number", card)
    out["card_number"] = card or None
    if errors:
        exc = ValidationError(errors)
        exc.outside_scope = outside  # type: ignore[attr-defined]
        raise exc
    return out


def name_order(given: str, family_middle: str) -> str:
    """The key members are listed by: the given name first, then the family and middle
    names, in Vietnamese alphabetical order (the order of a unit's roll)."""
    return vi_sort_key(f"{given} {family_middle}".strip())[:200]


def search_fields(profile: dict[str, Any]) -> dict[str, str]:
    name = fold(profile["full_name"])
    family_middle, _, given = name.rpartition(" ")
    written_family_middle, _, written_given = profile["full_name"].strip().rpartition(" ")
    return {
        "search_text": " ".join(
            x
            for x in (
                name,
                fold(profile.get("other_names") or ""),
                profile.get("card_number") or "",
            )
            if x
        )[:300],
        "given_key": f"{given} {family_middle}".strip()[:160],
        "name_order": name_order(written_given, written_family_middle),
        "positions_text": fold(profile.get("positions") or "")[:255],
    }
