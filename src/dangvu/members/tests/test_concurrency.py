"""No write lost under concurrency: twenty writers at once, each in its own thread and
connection (as a site's workers are), on SQLite (a file in WAL mode, IMMEDIATE transactions)
and on PostgreSQL (row locks). Every write is saved or cleanly refused, none lost, and the
pages read right after a write answer without an error."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from dangvu.access import SYSTEM
from dangvu.core.testing import client_for, in_thread, run_concurrently, threads_share_database
from dangvu.members.models import EventKind, Member, MembershipEvent
from dangvu.members.services import member_rate
from dangvu.orgs.services import org_rename

from .helpers import DECISION, admit_official

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_rows")]
N = 20


def _members(org: Any, n: int = N) -> list[Member]:
    return [admit_official(org, name=f"Nguyễn Văn Thứ {i}") for i in range(n)]


def _ratings(member_ids: list[int]) -> int:
    return MembershipEvent.objects.filter(
        kind=EventKind.RATING, rating_year=2024, member_id__in=member_ids
    ).count()


def _rate(member_id: int, actor: Any) -> Any:
    def call() -> Any:
        member = Member.objects.get(pk=member_id)
        return member_rate(member=member, year=2024, level="tot", decision=DECISION, actor=actor)

    return call


def test_twenty_simultaneous_ratings_of_twenty_members_are_all_saved(tree, users):
    ids = [m.pk for m in _members(tree.a1)]
    with threads_share_database():
        outcomes = run_concurrently([_rate(pk, users.a_officer) for pk in ids])
        assert [o.error for o in outcomes] == [None] * N
        assert in_thread(lambda: _ratings(ids)) == N


def test_twenty_simultaneous_ratings_of_one_member_save_one_and_refuse_the_others(tree, users):
    member = _members(tree.a1, 1)[0]
    with threads_share_database():
        outcomes = run_concurrently([_rate(member.pk, users.a_officer) for _ in range(N)])
        errors = [o.error for o in outcomes if o.error is not None]
        assert len(errors) == N - 1, [repr(e) for e in errors]
        assert all(isinstance(e, ValidationError) for e in errors), errors
        assert all("đã được xếp loại năm 2024" in str(e) for e in errors)
        assert in_thread(lambda: _ratings([member.pk])) == 1


def test_twenty_simultaneous_rating_forms_are_all_saved_without_an_error_page(tree, users):
    ids = [m.pk for m in _members(tree.a1)]
    clients = [client_for(users.a_officer) for _ in ids]
    data = {"year": "2024", "level": "tot", "decision": DECISION}

    def post(client: Any, pk: int) -> Any:
        return lambda: client.post(reverse("members:member_rate", args=[pk]), data).status_code

    with threads_share_database():
        outcomes = run_concurrently([post(c, pk) for c, pk in zip(clients, ids, strict=True)])
        assert [o.unwrap() for o in outcomes] == [302] * N
        assert in_thread(lambda: _ratings(ids)) == N


def test_pages_read_at_once_right_after_a_write_all_answer(tree, users):
    _members(tree.a1, 3)
    org_rename(
        org=tree.a1, name="Chi bộ Thôn Một xã Việt Thành", on=date(2025, 1, 2),
        decision=DECISION, actor=SYSTEM,
    )  # fmt: skip
    clients = [client_for(users.a_officer) for _ in range(N)]
    urls = [reverse("members:member_list"), reverse("members:member_stats")]

    def get(client: Any, url: str) -> Any:
        return lambda: client.get(url).status_code

    with threads_share_database():
        outcomes = run_concurrently([get(c, urls[i % 2]) for i, c in enumerate(clients)])
        assert [o.unwrap() for o in outcomes] == [200] * N
