"""The ways offices write a member's values in Excel, read into the registry's values. Pure:
no Django. The alternative spellings are data (`catalog.*_SPELLINGS`); this module reads a
cell with them:

- a date as Excel stores it (a date cell, or its serial number), or as text: 29/6/2023,
  29-06-2023, 29.6.2023, 2023-06-29, 2023/6/29, "ngày 29 tháng 6 năm 2023";
- the school level as a grade out of the system's grades ("12/12", "9/12", "10/10",
  "7/10", "lớp 12") or as a name ("THPT", "cấp 3", "PTCS");
- a catalogue's value in any case, with or without diacritics, hyphens or spaces
  ("nữ", "NU", "Ê-đê", "H'Mông", "Thiên chúa giáo").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from dangvu.core.text import fold

from . import catalog

_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def spelling_key(text: str) -> str:
    """The key a spelling is looked up by: folded, letters and digits only."""
    return _NOT_ALNUM.sub("", fold(text))


# --- dates ---------------------------------------------------------------------------------

_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d")
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1/1/1900 (Excel's 1900 leap-year bug kept)
_SERIALS = range(1, 2958466)  # up to 31/12/9999


def read_date(value: object) -> date | str | None:
    """A cell as a date; None when empty; the text itself when it is not a date (the
    caller names it in its message)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if int(value) in _SERIALS:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return str(value)
    text = " ".join(str(value).split())
    bare = _TIME.sub("", text)  # "2023-06-29 00:00:00", as some tools write a date
    for fmt in _FORMATS:
        try:
            return datetime.strptime(bare, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    words = _WORDS.match(fold(bare))
    if words:
        day, month, year = (int(x) for x in words.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return text
    return text


# --- catalogue values ----------------------------------------------------------------------

_GRADE = re.compile(r"^(?:lop\s*)?(\d{1,2})\s*(?:/\s*(9|10|12))?$")


def education_of_grade(text: str) -> str | None:
    """The school level of a grade written as offices do: "12/12" (the 12-year system),
    "10/10" (the 10-year system of the North before 1981), "9/12", "7/10", "lớp 12", "12";
    None when the text is not a grade. Upper secondary is the last grade; lower secondary
    from grade 9 of 12 (7 of 10, 9 of 9); primary below."""
    match = _GRADE.match(fold(text))
    if not match:
        return None
    grade, system = int(match.group(1)), int(match.group(2) or 12)
    if not 1 <= grade <= system:
        return None
    if grade == system:
        return "thpt"
    lower_secondary = {12: 9, 10: 7, 9: 9}[system]
    return "thcs" if grade >= lower_secondary else "tieu_hoc"


def read_choice(
    text: str, choices: Mapping[str, str], spellings: Mapping[str, str] | None = None
) -> str | None:
    """The code of `text` among `choices` ({code: label}), by its code, its label or one
    of its `spellings` ({spelling key: code}), whatever the case and diacritics; None
    when none matches."""
    if text in choices:
        return text
    key = spelling_key(text)
    for code, label in choices.items():
        if key in (spelling_key(label), spelling_key(code)):
            return code
    return (spellings or {}).get(key)


SPELLINGS: dict[str, Mapping[str, str]] = {
    "sex": catalog.SEX_SPELLINGS,
    "education": catalog.EDUCATION_SPELLINGS,
    "professional_level": catalog.PROFESSIONAL_SPELLINGS,
    "theory_level": catalog.THEORY_SPELLINGS,
}


def read_named(text: str, names: list[str], spellings: Mapping[str, str]) -> str | None:
    """One of `names` (the ethnic groups, the religions) as the catalogue writes it."""
    key = spelling_key(text)
    for name in names:
        if spelling_key(name) == key:
            return name
    return spellings.get(key)


__all__ = [
    "SPELLINGS",
    "education_of_grade",
    "read_choice",
    "read_date",
    "read_named",
    "spelling_key",
]
