"""Reporting test helpers: rounds opened and reports filled through the real services."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from dangvu.reporting import periods
from dangvu.reporting.models import ReportForm, Round, Submission
from dangvu.reporting.scope import SYSTEM
from dangvu.reporting.selectors import prefill
from dangvu.reporting.services import round_open, submission_save

Q1_2023 = periods.quarter(2023, 1)
SENT_ON = date(2023, 4, 10)


def quarterly_form() -> ReportForm:
    return ReportForm.objects.get(code="TCXD-QUY", version=1)


def study_form() -> ReportForm:
    return ReportForm.objects.get(code="HOC-TAP", version=1)


def open_quarter(
    root: Any,
    *,
    rule: str = "grassroots",
    period: periods.Period = Q1_2023,
    form: ReportForm | None = None,
    actor: Any = SYSTEM,
    due_in: int = 15,
    lock_in: int = 30,
) -> Round:
    """A round opened on the period's last day, due `due_in` days later."""
    return round_open(
        form=form or quarterly_form(),
        period=period,
        unit_rule=rule,
        rule_root=root,
        opens_on=period.end,
        due_on=period.end + timedelta(days=due_in),
        locks_on=period.end + timedelta(days=lock_in),
        actor=actor,
    )


def filled(sub: Submission, **override: Any) -> dict[str, Any]:
    """A complete, valid sheet: the computed cells as computed, the rest zero."""
    spec = sub.round.form.spec
    auto = prefill(sub.round, sub.organization, actor=SYSTEM)
    values: dict[str, Any] = {}
    for ind in spec.indicators:
        if not ind.entered:
            continue
        for cell in ind.cells():
            if ind.value_type == "text":
                values[cell] = "Sinh hoạt đều đặn"
            elif ind.value_type == "yes_no":
                values[cell] = "có"
            else:
                values[cell] = str(auto.get(cell, Decimal(0)))
    values.update(override)
    return values


def send(
    sub: Submission, actor: Any = SYSTEM, *, on: date = SENT_ON, **override: Any
) -> Submission:
    return submission_save(
        submission=sub,
        values=filled(sub, **override),
        narratives={"ket_qua": f"Kết quả của {sub.name}", "han_che": f"Hạn chế của {sub.name}"},
        submit=True,
        actor=actor,
        on=on,
    )


def entry(round: Round, org: Any) -> Submission:
    return Submission.objects.get(round=round, organization=org)


@pytest.fixture
def ns() -> SimpleNamespace:
    return SimpleNamespace()
