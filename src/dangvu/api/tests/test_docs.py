"""The documentation page and the schema: served from our own static files, no CDN."""

import re

from django.contrib.staticfiles import finders

from dangvu.core.testing import client_for


def test_docs_page_loads_swagger_ui_from_local_static_files_only(users):
    r = client_for(users.a_viewer).get("/api/tai-lieu/")
    assert r.status_code == 200
    html = r.content.decode()
    assert 'lang="vi"' in html and "Tài liệu API" in html
    assert re.findall(r"(?:src|href)=\"(https?:)?//", html) == []
    for path in re.findall(r"(?:src|href)=\"/static/([^\"]+)\"", html):
        assert finders.find(path), path
    assert '"validatorUrl": null' in html


def test_the_schema_is_openapi_3_with_vietnamese_descriptions(db):
    schema = client_for(None).get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Đảng vụ API"
    assert "/api/v1/members" in schema["paths"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
