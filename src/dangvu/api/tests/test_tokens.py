"""Personal tokens: made and revoked on a page, stored hashed, refused when revoked,
expired or read-only for a write; rate limited; use audited; ETags on reads."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from dangvu.api.models import ApiToken, TokenAccess
from dangvu.api.services import hash_secret, token_create, token_revoke
from dangvu.api.tests.helpers import ApiClient, as_user, secret_for
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.members.tests.helpers import DECISION, admit


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_a_call_without_a_token_is_a_401_problem(tree):
    r = ApiClient(None).get("/api/v1/organizations")
    assert r.status_code == 401
    assert r["Content-Type"] == "application/problem+json"
    assert "Authorization: Bearer" in r.json()["detail"]
    assert r["WWW-Authenticate"].startswith("Bearer")


def test_a_wrong_token_is_refused(tree):
    r = ApiClient("dv_khong-dung").get("/api/v1/organizations")
    assert r.status_code == 401 and "không đúng" in r.json()["detail"]


def test_only_the_hash_is_stored(users):
    made = token_create(actor=users.a_officer, name="CSDL", days=10)
    stored = ApiToken.objects.get(pk=made.token.pk)
    assert stored.key_hash == hash_secret(made.secret) and made.secret not in stored.key_hash
    assert made.secret.startswith("dv_" + stored.prefix)


def test_a_revoked_token_is_refused(users):
    made = token_create(actor=users.a_officer, name="CSDL", days=10)
    assert ApiClient(made.secret).get("/api/v1/organizations").status_code == 200
    token_revoke(token=made.token, actor=users.a_officer)
    r = ApiClient(made.secret).get("/api/v1/organizations")
    assert r.status_code == 401 and "thu hồi" in r.json()["detail"]


def test_an_expired_token_is_refused(users):
    made = token_create(actor=users.a_officer, name="CSDL", days=1)
    past = timezone.now() - timedelta(days=2)
    ApiToken.objects.filter(pk=made.token.pk).update(
        created_at=past, expires_at=past + timedelta(days=1)
    )
    r = ApiClient(made.secret).get("/api/v1/organizations")
    assert r.status_code == 401 and "hết hạn" in r.json()["detail"]


def test_a_read_only_token_cannot_write(users, tree):
    member = admit(tree.a1)
    client = as_user(users.a_officer, access=TokenAccess.READ)
    assert client.get(f"/api/v1/members/{member.pk}").status_code == 200
    r = client.post(
        f"/api/v1/members/{member.pk}/events", {"kind": "recognize", "decision": DECISION}
    )
    assert r.status_code == 403 and "chỉ được đọc" in r.json()["detail"]
    member.refresh_from_db()
    assert member.status == "du_bi"


def test_a_viewer_cannot_make_a_write_token(users):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        token_create(actor=users.a_viewer, name="x", days=5, access=TokenAccess.WRITE)


def test_the_token_acts_only_within_its_users_scope(users, tree):
    # a province officer's token sees the province; a commune officer's only the commune
    assert as_user(users.a_officer).get(f"/api/v1/organizations/{tree.d1.pk}").status_code == 403
    assert (
        as_user(users.province_officer).get(f"/api/v1/organizations/{tree.d1.pk}").status_code
        == 200
    )


def test_rate_limit_per_token(users, settings):
    settings.API_RATE_LIMIT = 3
    client = as_user(users.a_officer)
    codes = [client.get("/api/v1/organizations").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = client.get("/api/v1/organizations")
    assert int(r["Retry-After"]) >= 1 and "chờ" in r.json()["detail"]
    # another token of the same user has its own count
    assert as_user(users.a_officer).get("/api/v1/organizations").status_code == 200


def test_token_use_is_audited_once_an_hour_and_last_use_kept(users):
    secret = secret_for(users.a_officer)
    for _ in range(3):
        ApiClient(secret).get("/api/v1/organizations")
    assert AuditEntry.objects.filter(action="api.token_use", actor=users.a_officer).count() == 1
    assert ApiToken.objects.get(user=users.a_officer).last_used_at is not None


def test_etag_gives_a_304_when_nothing_changed(users, tree):
    client = as_user(users.a_officer)
    first = client.get(f"/api/v1/organizations/{tree.a.pk}")
    again = client.get(
        f"/api/v1/organizations/{tree.a.pk}", headers={"If-None-Match": first["ETag"]}
    )
    assert again.status_code == 304
    admit(tree.a1)  # the member list changes, its ETag too
    listed = client.get("/api/v1/members")
    admit(tree.a1, name="Người Thứ Hai")
    changed = client.get("/api/v1/members", headers={"If-None-Match": listed["ETag"]})
    assert changed.status_code == 200 and changed.json()["total"] == 2


def test_tokens_are_made_and_revoked_on_a_page(users):
    client = client_for(users.a_officer)
    r = client.post("/api/ma-truy-cap/", {"name": "CSDL đảng viên", "access": "read", "days": 30})
    assert r.status_code == 200
    secret = r.context["secret"]
    assert secret.startswith("dv_") and secret in r.content.decode()
    token = ApiToken.objects.get(user=users.a_officer)
    page = client.get("/api/ma-truy-cap/").content.decode()
    assert secret not in page and token.prefix in page
    client.post(f"/api/ma-truy-cap/{token.pk}/thu-hoi/")
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert AuditEntry.objects.filter(action="api.token_revoke").count() == 1


def test_bad_token_form_input_names_the_field(users):
    r = client_for(users.a_officer).post(
        "/api/ma-truy-cap/", {"name": "", "access": "read", "days": 999}
    )
    assert r.status_code == 400
    assert "Hãy đặt tên cho mã." in r.content.decode()
    assert "366 ngày" in r.content.decode()
    assert not ApiToken.objects.exists()


def test_another_users_token_cannot_be_revoked(users):
    made = token_create(actor=users.a_officer, name="CSDL", days=10)
    r = client_for(users.b_officer).post(f"/api/ma-truy-cap/{made.token.pk}/thu-hoi/")
    assert r.status_code == 404
    assert ApiToken.objects.get(pk=made.token.pk).revoked_at is None


def test_pages_need_a_login(db):
    for url in ("/api/ma-truy-cap/", "/api/tai-lieu/"):
        r = client_for(None).get(url)
        assert r.status_code == 302 and "/tai-khoan/dang-nhap/" in r["Location"]
