"""Form pieces shared by every area."""

import re
from datetime import date, datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError

from .audit_actions import ACTION_LABELS, AREA_LABELS
from .dates import format_short
from .selectors import SYSTEM_CHOICE

# Every text field has a length limit (a 10,000-character title was accepted): one line of
# text (names, decisions, searches), a document's summary line, a paragraph.
SHORT_TEXT = 255
TITLE_TEXT = 1000
LONG_TEXT = 4000

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


# ngày 29 tháng 6 năm 2023, as a date line writes it (copied from a document).
_WRITTEN = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)


def parse_date(value: str) -> date | None:
    """A date as users type it (29/6/2023, 29/06/2023, 29 / 6 / 2023, 29-6-2023, 29.6.2023,
    2023-06-29, ngày 29 tháng 6 năm 2023), or None."""
    text = re.sub(r"\s*([/.-])\s*", r"\1", value.strip())
    written = _WRITTEN.fullmatch(text)
    if written:
        day, month, year = (int(g) for g in written.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for fmt in DATE_INPUT_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


class VietDateInput(forms.DateInput):
    """A date box that shows its value as pages do, 3/12/2026, whether it comes from the
    data or as typed (strftime cannot drop the leading zeros portably)."""

    def format_value(self, value: object) -> str | None:
        if isinstance(value, str):
            # a date typed 03/12/2026 comes back from the page as 3/12/2026
            value = parse_date(value) or value
        if isinstance(value, date):
            return format_short(value)
        return super().format_value(value)


class VietDateField(forms.DateField):
    """A date typed as 29/6/2023 (or picked in the browser's date picker)."""

    # A text box, not the browser's date picker: the picker shows the browser's language
    # (mm/dd/yyyy on an English Chrome), users type 29/6/2023 whatever their browser.
    widget = VietDateInput(
        attrs={"placeholder": "ngày/tháng/năm", "inputmode": "numeric", "size": 12}
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

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, str) and value.strip():
            parsed = parse_date(value)
            if parsed is not None:
                return parsed
        return super().to_python(value)


def parse_as_of(value: str | None, default: date) -> tuple[date, str | None]:
    """The "as of" date of a page (?ngay=...), or the default with a message if unreadable."""
    if not value:
        return default, None
    parsed = parse_date(value)
    if parsed is not None:
        return parsed, None
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


def error_messages(form: forms.BaseForm) -> list[str]:
    """A form's errors as plain messages, field by field (for `messages.error` after a
    redirect, where the form itself is not shown again)."""
    return [m for errors in form.errors.as_data().values() for e in errors for m in e.messages]


class AuditFilterForm(forms.Form):
    """The audit page's filters: who, what, which object, from and to which day."""

    nguoi = forms.ChoiceField(label="Người thực hiện", required=False)
    thao_tac = forms.ChoiceField(label="Thao tác", required=False)
    doi_tuong = forms.CharField(label="Đối tượng", required=False, max_length=100)
    tu_ngay = VietDateField(label="Từ ngày", required=False)
    den_ngay = VietDateField(label="Đến ngày", required=False)

    def __init__(self, *args: Any, actors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["nguoi"]).choices = [
            ("", "Tất cả"),
            (SYSTEM_CHOICE, "Hệ thống"),
            *(
                (str(u.pk), f"{u.get_full_name() or u.username} ({u.organization.name})")
                if u.organization
                else (str(u.pk), u.get_full_name() or u.username)
                for u in actors
            ),
        ]
        groups: list[Any] = [("", "Tất cả")]
        for area, area_label in AREA_LABELS.items():
            codes = [(c, lbl) for c, lbl in ACTION_LABELS.items() if c.startswith(area + ".")]
            if codes:
                groups.append(
                    (area_label, [(area + ".", f"Mọi thao tác về {area_label.lower()}"), *codes])
                )
        cast(forms.ChoiceField, self.fields["thao_tac"]).choices = groups
        self.fields["doi_tuong"].widget.attrs.update({"placeholder": "tên hoặc mã", "size": 18})

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and start > end:
            self.add_error("den_ngay", "“Đến ngày” phải không trước “Từ ngày”: hãy đổi lại.")
        return data
