"""Forms of the reporting pages: opening a round, deciding on a report, uploading sheets.
The entry sheet itself is read straight from the POST by cell (its cells are data)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from dangvu.core.forms import LONG_TEXT, VietDateField
from dangvu.tracking.models import UnitRuleChoice

from . import periods
from .models import PeriodKind, ReportForm


class RoundForm(forms.Form):
    form = forms.ModelChoiceField(
        label="Biểu mẫu",
        queryset=ReportForm.objects.order_by("code", "-version"),
        empty_label=None,
    )
    period_kind = forms.ChoiceField(label="Loại kỳ", choices=PeriodKind.choices, initial="quarter")
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label="Tháng, quý hoặc nửa năm",
        required=False,
        min_value=1,
        max_value=12,
        help_text="Quý: 1–4; tháng: 1–12; 6 tháng: 1 (đầu năm) hoặc 2 (cuối năm).",
    )
    start = VietDateField(label="Từ ngày (đợt)", required=False)
    end = VietDateField(label="Đến ngày (đợt)", required=False)
    title = forms.CharField(label="Tên đợt báo cáo", required=False, max_length=255)
    data_until = VietDateField(label="Số liệu tính đến ngày", required=False)
    unit_rule = forms.ChoiceField(
        label="Đơn vị phải báo cáo",
        choices=[c for c in UnitRuleChoice.choices if c[0] != "listed"],
        initial="direct",
    )
    opens_on = VietDateField(label="Ngày mở")
    due_on = VietDateField(label="Hạn báo cáo")
    locks_on = VietDateField(label="Ngày khóa sổ")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        kind, year, number = data.get("period_kind"), data.get("year"), data.get("number")
        try:
            if kind == periods.ROUND:
                if not data.get("start") or not data.get("end"):
                    raise periods.PeriodError("Đợt báo cáo cần ngày bắt đầu và ngày kết thúc.")
                period = periods.adhoc(data["start"], data["end"], title=data.get("title") or "")
            elif year is None:
                return data
            elif kind in (periods.MONTH, periods.QUARTER, periods.HALF):
                if number is None:
                    raise periods.PeriodError("Hãy chọn tháng, quý hoặc nửa năm của kỳ báo cáo.")
                make = {periods.MONTH: periods.month, periods.QUARTER: periods.quarter}
                period = make.get(kind, periods.half)(year, number)
            elif kind == periods.NINE_MONTHS:
                period = periods.nine_months(year)
            elif kind == periods.TERM:
                period = periods.term(year)
            else:
                period = periods.year(year)
            data["period"] = period.with_cutoff(data.get("data_until"))
        except periods.PeriodError as exc:
            raise ValidationError(str(exc)) from exc
        return data


class DecideForm(forms.Form):
    ACTIONS = [
        ("approve", "Duyệt"),
        ("return", "Trả lại"),
        ("reopen", "Mở lại"),
        ("excuse", "Miễn báo cáo"),
        ("unlock", "Cho nhập sau khóa sổ"),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    comment = forms.CharField(
        max_length=LONG_TEXT,
        label="Ý kiến",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    until = VietDateField(label="Đến ngày", required=False)


class UploadForm(forms.Form):
    # The metaclass moves declared fields into base_fields: this does not hide `Form.files`.
    files = forms.FileField(  # type: ignore[assignment]
        label="Tệp Excel (.xlsx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
    submit = forms.BooleanField(label="Gửi luôn báo cáo (không chỉ lưu nháp)", required=False)
