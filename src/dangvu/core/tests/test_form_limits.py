"""Every text field of every form has a length limit."""

from __future__ import annotations

import importlib
import inspect

from django import forms
from django.apps import apps
from django.urls import reverse

from dangvu.core.testing import client_for

APPS = [
    c.name.removeprefix("dangvu.") for c in apps.get_app_configs() if c.name.startswith("dangvu.")
]


def _form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for app in APPS:
        try:
            module = importlib.import_module(f"dangvu.{app}.forms")
        except ModuleNotFoundError:
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def test_every_text_field_of_every_form_has_a_length_limit():
    unlimited = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField)
        and field.max_length is None
        and not isinstance(field.widget, forms.PasswordInput)
    ]
    assert len(_form_classes()) > 20
    assert unlimited == []


def test_a_ten_thousand_character_title_is_refused_and_nothing_changes(tree, users):
    from dangvu.documents.models import Document
    from dangvu.tracking.tests.helpers import plan_126

    doc = plan_126(users.province_leader)
    client = client_for(users.province_leader)
    data = {
        "kind": doc.kind, "type_code": doc.type_code, "number": doc.number,
        "issuer_code": doc.issuer_code, "date": "4/4/2023", "title": "Trích yếu " * 1000,
        "place": "", "status": doc.status, "visibility": doc.visibility,
    }  # fmt: skip
    response = client.post(reverse("documents:document_edit", args=[doc.pk]), data)
    assert response.status_code == 400
    assert "tối đa 1000 kí tự" in response.content.decode()
    assert Document.objects.get(pk=doc.pk).title == doc.title
