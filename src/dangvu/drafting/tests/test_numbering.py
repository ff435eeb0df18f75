"""The outgoing register: consecutive numbers per issuer, type and year; none lost or
repeated when officers take numbers at the same moment; a cancelled number kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.core.models import AuditEntry
from dangvu.core.testing import in_thread, run_concurrently, threads_share_database
from dangvu.drafting.models import NumberStatus, OutgoingNumber
from dangvu.drafting.services import number_cancel, number_take


@pytest.mark.django_db
def test_numbers_run_from_one_per_issuer_type_and_year(tree, users):
    def take(org, code="BC", year=2025):
        return number_take(issuer=org, type_code=code, year=year, actor=users.a_officer).symbol

    assert [take(tree.a), take(tree.a), take(tree.a)] == ["1-BC/ĐU", "2-BC/ĐU", "3-BC/ĐU"]
    assert take(tree.a, "KH") == "1-KH/ĐU"
    assert take(tree.a, year=2026) == "1-BC/ĐU"
    assert take(tree.a1) == "1-BC/CB"


@pytest.mark.django_db
def test_a_cancelled_number_stays_and_is_not_given_again(tree, users):
    first = number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.a_officer)
    number_cancel(number=first, reason="Văn bản không ban hành", actor=users.a_officer)
    second = number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.a_officer)
    assert second.number == 2
    first.refresh_from_db()
    assert first.status == NumberStatus.CANCELLED
    assert first.cancel_reason == "Văn bản không ban hành"
    assert AuditEntry.objects.filter(action="drafting.number_cancel").count() == 1
    assert AuditEntry.objects.filter(action="drafting.number_take").count() == 2


@pytest.mark.django_db
def test_cancelling_needs_a_reason_and_only_once(tree, users):
    n = number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.a_officer)
    with pytest.raises(ValidationError, match="lý do hủy"):
        number_cancel(number=n, reason="  ", actor=users.a_officer)
    number_cancel(number=n, reason="Trùng số", actor=users.a_officer)
    with pytest.raises(ValidationError, match="đã được hủy"):
        number_cancel(number=n, reason="Lần nữa", actor=users.a_officer)


@pytest.mark.django_db
def test_another_units_officer_cannot_take_its_numbers(tree, users):
    with pytest.raises(PermissionDenied):
        number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.b_officer)
    with pytest.raises(PermissionDenied):
        number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.a_viewer)
    assert not OutgoingNumber.objects.exists()


@pytest.mark.django_db
def test_an_issuer_without_a_symbol_code_is_refused_by_name(tree, users):
    tree.a.issuer_code = ""
    tree.a.save(update_fields=["issuer_code"])
    with pytest.raises(ValidationError, match="chưa có ký hiệu văn bản"):
        number_take(issuer=tree.a, type_code="BC", year=2025, actor=users.a_officer)


N = 16


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("migrated_rows")
def test_simultaneous_takers_get_consecutive_numbers_without_gaps_or_repeats(tree, users):
    """Sixteen officers' requests at once, each in its own thread and connection: on
    PostgreSQL the series row lock, on SQLite (a file, IMMEDIATE transactions) the one
    writer at a time, give 1..16 exactly once each."""
    org_id, actor = tree.a.pk, users.a_officer

    def take():
        from dangvu.orgs.models import Organization

        org = Organization.objects.get(pk=org_id)
        return number_take(issuer=org, type_code="BC", year=2025, actor=actor).number

    with threads_share_database():
        outcomes = run_concurrently([take] * N)
        assert [o.error for o in outcomes] == [None] * N
        assert sorted(o.value for o in outcomes) == list(range(1, N + 1))
        stored = in_thread(lambda: sorted(OutgoingNumber.objects.values_list("number", flat=True)))
        assert stored == list(range(1, N + 1))
