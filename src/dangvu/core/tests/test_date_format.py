"""One date format: 3/12/2026 on pages, in form fields and in the admin alike."""

from datetime import date, datetime

from django import forms
from django.template import Context, Template
from django.utils import formats, timezone

from dangvu.core.forms import VietDateField

DAY = date(2026, 12, 3)


class _Form(forms.Form):
    on = VietDateField(label="Ngày")


def test_a_date_field_shows_its_value_as_pages_do() -> None:
    html = str(_Form(initial={"on": DAY})["on"])
    assert 'value="3/12/2026"' in html and "03/12/2026" not in html


def test_templates_and_localized_output_write_dates_without_leading_zeros() -> None:
    assert Template("{{ d|date }}").render(Context({"d": DAY})) == "3/12/2026"
    assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == "3/12/2026"
    moment = timezone.make_aware(datetime(2026, 1, 5, 8, 7))
    assert Template("{{ t|date:'DATETIME_FORMAT' }}").render(Context({"t": moment})) == (
        "5/1/2026 08:07"
    )


def test_a_date_is_accepted_with_or_without_leading_zeros() -> None:
    for typed in (
        "3/12/2026",
        "03/12/2026",
        "3-12-2026",
        "3.12.2026",
        "2026-12-03",
        " 3 / 12 / 2026 ",
        "ngày 03 tháng 12 năm 2026",
        "3 tháng 12 năm 2026",
    ):
        form = _Form(data={"on": typed})
        assert form.is_valid(), (typed, form.errors)
        assert form.cleaned_data["on"] == DAY


def test_an_unreadable_date_is_refused_with_the_expected_form() -> None:
    for typed in ("31/2/2026", "ngày 31 tháng 2 năm 2026", "3/12"):
        assert not _Form(data={"on": typed}).is_valid(), typed
    form = _Form(data={"on": "31/2/2026"})
    assert not form.is_valid()
    assert "ngày/tháng/năm, ví dụ 29/6/2023" in form.errors["on"][0]


def test_a_date_typed_with_leading_zeros_comes_back_without_them() -> None:
    assert 'value="3/12/2026"' in str(_Form(data={"on": "03/12/2026"})["on"])
    assert 'value="31/2/2026"' in str(_Form(data={"on": "31/2/2026"})["on"])  # kept to fix


def test_a_date_written_as_in_a_document_shows_as_pages_do() -> None:
    assert 'value="3/12/2026"' in str(_Form(data={"on": "ngày 03 tháng 12 năm 2026"})["on"])
