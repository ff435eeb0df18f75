"""The outgoing register (sổ văn bản đi): the next number of an issuing body's series."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.orgs.models import Organization

from ..models import NumberSeries, NumberStatus, OutgoingNumber
from .scope import authorize

__all__ = ["number_cancel", "number_take"]


@transaction.atomic
def number_take(*, issuer: Organization, type_code: str, year: int, actor: Actor) -> OutgoingNumber:
    """The next number of the issuer's series of `type_code` in `year`: `27-BC/ĐU`. The
    series row is locked (PostgreSQL) or the transaction is the one writer (SQLite's
    IMMEDIATE transactions) until the number is written, so two officers taking a number at
    the same moment get two consecutive numbers."""
    authorize(actor, issuer, action="lấy số văn bản đi")
    if not issuer.issuer_code:
        raise ValidationError(
            {
                "issuer": f"“{issuer.name}” chưa có ký hiệu văn bản (như ĐU, TU): hãy ghi ký "
                "hiệu cho tổ chức trước khi lấy số."
            }
        )
    if not type_code:
        raise ValidationError({"type_code": "Thiếu ký hiệu loại văn bản (như BC)."})
    NumberSeries.objects.get_or_create(issuer=issuer, type_code=type_code, year=year)
    series = NumberSeries.objects.select_for_update().get(
        issuer=issuer, type_code=type_code, year=year
    )
    series.last_number += 1
    series.save(update_fields=["last_number"])
    taken = OutgoingNumber(
        series=series,
        number=series.last_number,
        symbol=f"{series.last_number}-{type_code}/{issuer.issuer_code}",
        taken_by=access.user_of(actor),
    )
    taken.full_clean()
    taken.save()
    audit_record(
        actor=actor,
        action="drafting.number_take",
        obj=taken,
        organization=issuer,
        summary=f"Lấy số {taken.symbol} năm {year}",
        after={"symbol": taken.symbol, "year": year, "status": taken.status},
    )
    return taken


@transaction.atomic
def number_cancel(*, number: OutgoingNumber, reason: str, actor: Actor) -> OutgoingNumber:
    """Mark a taken number cancelled; it stays in the register and is not given again."""
    number = (
        OutgoingNumber.objects.select_for_update()
        .select_related("series__issuer")
        .get(pk=number.pk)
    )
    authorize(actor, number.series.issuer, action="hủy số văn bản đi")
    if not reason.strip():
        raise ValidationError({"reason": "Hãy ghi lý do hủy số (ví dụ: văn bản không ban hành)."})
    if number.status == NumberStatus.CANCELLED:
        raise ValidationError({"number": f"Số {number.symbol} đã được hủy trước đó."})
    number.status = NumberStatus.CANCELLED
    number.cancel_reason = reason.strip()
    number.full_clean()
    number.save(update_fields=["status", "cancel_reason"])
    audit_record(
        actor=actor,
        action="drafting.number_cancel",
        obj=number,
        organization=number.series.issuer,
        summary=f"Hủy số {number.symbol}: {number.cancel_reason}",
        before={"status": NumberStatus.TAKEN},
        after={"status": number.status, "reason": number.cancel_reason},
    )
    return number
