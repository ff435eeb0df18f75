"""Yearly targets (chỉ tiêu năm) a committee sets for its indicators."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.orgs.models import Organization

from ..models import Indicator, Target
from ..scope import require_open


@transaction.atomic
def target_set(
    *,
    organization: Organization,
    form_code: str,
    indicator_code: str,
    year: int,
    value: Decimal,
    actor: Actor,
) -> Target:
    require_open(actor, organization)
    if not Indicator.objects.filter(form__code=form_code, code=indicator_code).exists():
        raise ValidationError(
            {"indicator_code": [f"Biểu {form_code} không có chỉ tiêu {indicator_code}."]}
        )
    if value is None or value <= 0:
        raise ValidationError({"value": ["Chỉ tiêu năm phải lớn hơn 0."]})
    target = Target.objects.filter(
        organization=organization, form_code=form_code, indicator_code=indicator_code, year=year
    ).first()
    before = {"value": target.value} if target else None
    if target is None:
        target = Target(
            organization=organization, form_code=form_code, indicator_code=indicator_code, year=year
        )
    target.value = value
    target.full_clean()
    target.save()
    audit_record(
        actor=actor,
        action="reporting.target_set",
        obj=target,
        organization=organization,
        summary=f"Đặt chỉ tiêu năm {year} của {indicator_code}: {value}",
        before=before,
        after={"value": value},
    )
    return target
