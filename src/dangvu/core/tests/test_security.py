"""Deployment settings from the environment, the headers every page sends, and Vietnamese
error pages: no bad query parameter answered with a 500."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from dangvu.core.security import CONTENT_SECURITY_POLICY
from dangvu.core.testing import TEST_PASSWORD, client_for
from dangvu.core.views import server_error

SRC = Path(__file__).resolve().parents[2]
HUGE = "99999999999999999999"


def _production_env(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DANGVU_")
        and k != "DJANGO_ALLOW_ASYNC_UNSAFE"  # set by the browser tests
    }
    env.update(
        DANGVU_HTTPS="1",
        DANGVU_DEBUG="0",
        DANGVU_SECRET_KEY="k" * 10 + "Zq8#Lw2!Rt6@Ym4$Pv0%Nc5^Hb3&Xf7*Gd1(Js9)",
        DANGVU_ALLOWED_HOSTS="dangvu.tinhuy.vn",
        DANGVU_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="dangvu.settings",
    )
    if "DANGVU_DATABASE_URL" in os.environ:
        env["DANGVU_DATABASE_URL"] = os.environ["DANGVU_DATABASE_URL"]
    return env


def test_check_deploy_is_clean_with_production_environment(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "dangvu.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_environment_turns_on_hsts_redirect_and_secure_cookies(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE)"
    )
    env = _production_env(tmp_path)
    on = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    env.pop("DANGVU_HTTPS")
    off = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert on.stdout.split() == ["31536000", "True", "True", "True"], on.stderr
    assert off.stdout.split() == ["0", "False", "False", "False"], off.stderr


def test_pages_and_exports_send_a_strict_csp_and_no_store(users):
    client = client_for(users.a_officer)
    for url in ["/", "/dang-vien/", "/dang-vien/xuat-excel/", "/tai-khoan/dang-nhap/"]:
        response = client.get(url)
        assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        assert response["Cache-Control"] == "no-store", url
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_no_template_has_an_inline_script_handler_or_style():
    # a JSON data block (type="application/json") is not run, so the CSP allows it
    inline = re.compile(
        r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>|\son[a-z]+=|\sstyle=|javascript:",
        re.I,
    )
    found = [
        f"{path.relative_to(SRC)}: {m.group(0)}"
        for path in SRC.rglob("templates/**/*.html")
        for m in inline.finditer(path.read_text())
    ]
    assert found == []


def test_not_found_page_is_vietnamese(users):
    response = client_for(users.a_officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_server_error_page_is_vietnamese_and_needs_no_context():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Lỗi hệ thống" in response.content.decode()


def test_csrf_failure_page_is_vietnamese(users):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": "chuyenvien.a", "password": TEST_PASSWORD}
    )
    assert response.status_code == 403
    assert "mã bảo vệ CSRF không khớp" in response.content.decode()


def test_a_nul_byte_in_the_query_is_answered_400_in_vietnamese(users):
    client = client_for(users.a_officer)
    for url in ["/to-chuc/?q=a%00b", "/theo-doi/?q=a%00b", "/dang-vien/?q=%00"]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert "ký tự rỗng (NUL)" in response.content.decode()


def _routes(patterns: list, prefix: str = "") -> list[str]:
    out: list[str] = []
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if not route.startswith("quan-tri"):
                out += _routes(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            out.append(re.sub(r"<(?:(\w+):)?\w+>", lambda m: HUGE if m[1] == "int" else "x", route))
    return out


BAD_QUERY = (
    f"?page={HUGE}&don-vi={HUGE}&don_vi={HUGE}&to_chuc={HUGE}&van-ban={HUGE}&ngay={HUGE}"
    f"&thang=13/{HUGE}&nam={HUGE}&tu_ngay=99/99/{HUGE}&q=" + "x" * 5000
)


# digits Python's str.isdigit() accepts and int() refuses
ODD_DIGITS = "?" + "&".join(
    f"{k}=²" for k in ("page", "don-vi", "don_vi", "to_chuc", "van-ban", "ngay", "nam")
)


@pytest.mark.parametrize("who", ["province_leader", "a_officer"])
def test_no_url_answers_500_to_huge_numbers_and_bad_parameters(users, who):
    client = client_for(getattr(users, who))
    client.raise_request_exception = False
    failures = []
    for route in _routes(get_resolver().url_patterns):
        url = "/" + route
        for query in ("", BAD_QUERY, ODD_DIGITS, "?page=-1", "?page=abc"):
            response = client.get(url + query)
            if response.status_code >= 500:
                failures.append(f"{url}{query[:40]} → {response.status_code}")
    assert failures == []


def test_every_paginated_page_clamps_a_huge_page_number(tree, users):
    from dangvu.tracking.tests.helpers import make_task, plan_126

    source = plan_126(users.province_leader)
    task = make_task(users.province_leader, source, tree.province)
    client = client_for(users.province_leader)
    pages = [
        "/dang-vien/",
        "/van-ban/",
        "/theo-doi/",
        "/nhat-ky/",
        f"/theo-doi/van-ban/{source.pk}/",
        f"/theo-doi/viec/{task.pk}/",
        f"/van-ban/{source.pk}/",
    ]
    for url in pages:
        for page in (HUGE, "²", "-5", "0", "1e9"):
            response = client.get(f"{url}?page={page}&don-vi={HUGE}")
            assert response.status_code == 200, f"{url}?page={page}"
