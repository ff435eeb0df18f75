"""The two sponsors of an admission (người giới thiệu): official members on the day of the
admission decision, neither of them the applicant, two different people. A sponsor is a
member of the registry, or, for one outside it (a member kept in another province's
registry, a Youth Union committee standing as sponsor), the name and unit as written in the
file: those are recorded as given, since the registry cannot check them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from dangvu.core.dates import format_short as fmt
from dangvu.core.text import fold

from .. import timeline as tl
from ..models import Member, MembershipEvent, Sponsor
from .base import member_state

SponsorSpec = Member | str
ORDINALS = ("thứ nhất", "thứ hai")
FIELDS = ("sponsor1", "sponsor2")


def _not_official(sponsor: Member, on: date) -> str:
    state = member_state(sponsor, until=on)
    if state.status == tl.OFFICIAL:
        return ""
    if state.status == tl.PROBATIONARY:
        later = sponsor.official_on
        return "khi đó là đảng viên dự bị" + (f" (chính thức từ {fmt(later)})" if later else "")
    if state.status in (tl.EXITED, tl.DECEASED):
        return f"đã ra khỏi Đảng hoặc từ trần từ ngày {fmt(state.exited_on)}"
    return f"chưa vào Đảng (vào Đảng ngày {fmt(sponsor.admitted_on)})"


def clean_sponsors(
    sponsors: Sequence[SponsorSpec], *, on: date, applicant: dict[str, Any]
) -> list[tuple[Member | None, str]]:
    """The sponsors as (member, name) pairs, or a ValidationError naming which one is wrong
    and how to fix it. None given: none recorded (older files often lack them)."""
    if not sponsors:
        return []
    if len(sponsors) != 2:
        raise ValidationError(
            {
                "sponsors": f"Người vào Đảng phải có hai người giới thiệu, đã ghi {len(sponsors)}: "
                "hãy ghi đủ hai người (đảng viên chính thức trong sổ, hoặc họ tên, đơn vị "
                "người ngoài sổ)."
            }
        )
    own_name = fold(str(applicant.get("full_name") or ""))
    own_keys = {applicant.get("citizen_id"), applicant.get("card_number")} - {None, ""}
    out: list[tuple[Member | None, str]] = []
    for field, ordinal, spec in zip(FIELDS, ORDINALS, sponsors, strict=True):
        if isinstance(spec, Member):
            if {spec.citizen_id, spec.card_number} & own_keys:
                raise ValidationError(
                    {
                        field: f"Người giới thiệu {ordinal} ({spec.full_name}) là chính người "
                        "vào Đảng: hãy chọn một đảng viên chính thức khác."
                    }
                )
            problem = _not_official(spec, on)
            if problem:
                raise ValidationError(
                    {
                        field: f"Người giới thiệu {ordinal} ({spec.full_name}) chưa phải đảng "
                        f"viên chính thức vào ngày kết nạp {fmt(on)}: {problem}. Hãy chọn "
                        "đảng viên chính thức vào ngày đó."
                    }
                )
            out.append((spec, spec.full_name))
            continue
        name = " ".join(str(spec or "").split())
        if not name:
            raise ValidationError({field: f"Hãy ghi họ tên, đơn vị người giới thiệu {ordinal}."})
        if len(name) > 255:
            raise ValidationError(
                {field: f"Họ tên, đơn vị người giới thiệu {ordinal} quá 255 ký tự: hãy ghi gọn."}
            )
        if own_name and fold(name) == own_name:
            raise ValidationError(
                {
                    field: f"Người giới thiệu {ordinal} trùng họ tên với người vào Đảng: "
                    "người vào Đảng không tự giới thiệu; nếu là người trùng tên, hãy ghi kèm "
                    "đơn vị (ví dụ: Nguyễn Văn An, Chi bộ thôn 2 xã Bảo Hà, tỉnh Lào Cai)."
                }
            )
        out.append((None, name))
    (first, first_name), (second, second_name) = out
    same = (first is not None and second is not None and first.pk == second.pk) or fold(
        first_name
    ) == fold(second_name)
    if same:
        raise ValidationError(
            {
                FIELDS[1]: f"Hai người giới thiệu là cùng một người ({second_name}): hãy chọn "
                "người giới thiệu thứ hai khác."
            }
        )
    return out


def record_sponsors(
    member: Member, event: MembershipEvent, sponsors: list[tuple[Member | None, str]]
) -> list[dict[str, Any]]:
    """Write the checked sponsors of `event`; return them as the audit row's data."""
    rows = [
        Sponsor(member=member, event=event, position=i, sponsor=s, name=name)
        for i, (s, name) in enumerate(sponsors, start=1)
    ]
    for row in rows:
        row.full_clean()
        row.save()
    return [{"position": r.position, "member": r.sponsor_id, "name": r.name} for r in rows]
