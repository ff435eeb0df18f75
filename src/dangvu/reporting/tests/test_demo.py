"""`make demo` holds an open round with communes submitted (one approved), one returned,
one late and the rest missing; a 2023 round over the 2023 tree; last year's quarter."""

import pytest
from django.utils import timezone

from dangvu.orgs.demo import build_demo_province
from dangvu.reporting import demo, periods
from dangvu.reporting.models import Round, SubmissionKind, SubmissionState
from dangvu.reporting.scope import SYSTEM
from dangvu.reporting.selectors import completeness, consolidation

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_cycle_at_once() -> None:
    province = build_demo_province(lambda _m: None)
    lines: list[str] = []
    demo.populate("demo", lines.append, {"province": province})
    today = timezone.localdate()
    period = periods.containing(periods.QUARTER, today).previous()
    open_round = Round.objects.get(period_key=period.key)
    entries = open_round.submissions.filter(kind=SubmissionKind.ENTRY)
    states = list(entries.values_list("state", flat=True))
    assert states.count(SubmissionState.RETURNED) == 1
    assert states.count(SubmissionState.APPROVED) == 1
    assert states.count(SubmissionState.SUBMITTED) == 2
    assert states.count(SubmissionState.NOT_STARTED) >= 2
    assert sum(1 for s in entries if s.is_late) == 1
    returned = entries.get(state=SubmissionState.RETURNED)
    assert returned.organization.code == "YB-X01"  # the demo login xa1 sees the comment
    tally = completeness(actor=SYSTEM, round=open_round, organization=province, today=today).tally
    assert tally.reported == 3 and tally.late == 1
    old = Round.objects.get(period_key="2023-Q1")
    assert old.submissions.exclude(state=SubmissionState.APPROVED).count() == 0
    district = old.submissions.get(kind=SubmissionKind.CONSOLIDATED, name="Đảng bộ huyện Trấn Yên")
    k = consolidation(actor=SYSTEM, round=old, organization=district.organization)
    assert k.units_approved == 9  # its 7 communes and 2 agencies, dissolved since 2025
    assert consolidation(actor=SYSTEM, round=open_round, organization=province).last_year_label
    demo.populate("demo", lines.append, {"province": province})  # idempotent
    assert "đã có" in lines[-1]
