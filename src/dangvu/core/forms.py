"""Form pieces shared by every area."""

from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class VietDateField(forms.DateField):
    """A date typed as 29/6/2023 (or picked in the browser's date picker)."""

    # A text box, not the browser's date picker: the picker shows the browser's language
    # (mm/dd/yyyy on an English Chrome), users type 29/6/2023 whatever their browser.
    widget = forms.DateInput(
        attrs={"placeholder": "ngày/tháng/năm", "inputmode": "numeric", "size": 12},
        format="%d/%m/%Y",
    )

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Hãy nhập ngày (ví dụ 29/6/2023).",
                "invalid": "Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 29/6/2023.",
            },
        )
        super().__init__(**kwargs)


def parse_as_of(value: str | None, default: date) -> tuple[date, str | None]:
    """The "as of" date of a page (?ngay=...), or the default with a message if unreadable."""
    if not value:
        return default, None
    for fmt in DATE_INPUT_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date(), None  # noqa: DTZ007
        except ValueError:
            continue
    return default, (
        f"Ngày “{value}” không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 30/6/2023. "
        "Đang hiển thị theo ngày hôm nay."
    )


def apply_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form fields it names."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
