"""Idempotency-Key replies are kept 24 hours, then deleted: the key is a new request again."""

from datetime import timedelta

from django.utils import timezone

from dangvu.api.http import IDEMPOTENCY_KEPT
from dangvu.api.models import IdempotentReply
from dangvu.api.tests.helpers import as_user
from dangvu.drafting.models import Draft

DRAFT = {"genre": "member_stats", "on": "2024-12-31"}


def _age(key: str, by: timedelta) -> None:
    row = IdempotentReply.objects.get(key=key)
    IdempotentReply.objects.filter(pk=row.pk).update(created_at=row.created_at - by)


def test_a_retry_within_the_day_is_replayed(users, tree):
    client = as_user(users.a_officer)
    first = client.post("/api/v1/drafts", DRAFT, headers={"Idempotency-Key": "k-1"})
    _age("k-1", IDEMPOTENCY_KEPT - timedelta(minutes=5))
    again = client.post("/api/v1/drafts", DRAFT, headers={"Idempotency-Key": "k-1"})
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Draft.objects.count() == 1


def test_an_expired_reply_is_deleted_and_its_key_is_a_new_request(users, tree):
    client = as_user(users.a_officer)
    first = client.post("/api/v1/drafts", DRAFT, headers={"Idempotency-Key": "k-2"})
    assert first.status_code == 201
    _age("k-2", IDEMPOTENCY_KEPT + timedelta(minutes=1))
    again = client.post("/api/v1/drafts", DRAFT, headers={"Idempotency-Key": "k-2"})
    assert again.status_code == 201 and "Idempotent-Replayed" not in again
    assert again.json()["id"] != first.json()["id"] and Draft.objects.count() == 2
    kept = IdempotentReply.objects.get(key="k-2")  # the new request's reply, kept afresh
    assert timezone.now() - kept.created_at < timedelta(minutes=5)


def test_any_idempotent_write_deletes_every_users_expired_replies(users, tree):
    as_user(users.b_officer).post("/api/v1/drafts", DRAFT, headers={"Idempotency-Key": "old"})
    _age("old", IDEMPOTENCY_KEPT + timedelta(hours=1))
    as_user(users.a_officer).post("/api/v1/drafts", DRAFT, headers={"Idempotency-Key": "new"})
    assert list(IdempotentReply.objects.values_list("key", flat=True)) == ["new"]
