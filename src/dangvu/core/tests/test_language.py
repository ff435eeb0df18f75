"""The interface stays Vietnamese whatever language the browser asks for: offices run
English-language Windows as often as Vietnamese ones."""

from django.urls import reverse

from dangvu.core.testing import client_for


def test_an_english_browser_still_gets_vietnamese_messages(client, tree, users) -> None:
    response = client.post(
        "/tai-khoan/dang-nhap/",
        {"username": users.a_officer.username, "password": ""},
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    body = response.content.decode()
    assert 'lang="vi"' in body
    assert "This field is required" not in body
    assert "Trường này là bắt buộc" in body


def test_an_english_browser_gets_years_without_a_thousands_separator(tree, users) -> None:
    client = client_for(users.a_officer)
    response = client.get(
        reverse("tracking:task_calendar"), {"thang": "12/2026"}, HTTP_ACCEPT_LANGUAGE="en-US"
    )
    body = response.content.decode()
    assert "Lịch hạn tháng 12/2026" in body
    assert "2,026" not in body and "2.026" not in body
