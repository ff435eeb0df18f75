from __future__ import annotations

from django import forms

from dangvu.core.forms import LONG_TEXT, VietDateField

from .models import Genre


class DraftCreateForm(forms.Form):
    genre = forms.ChoiceField(label="Thể loại", choices=Genre.choices)
    task = forms.IntegerField(label="Việc được giao (mã)", required=False, widget=forms.HiddenInput)
    round = forms.IntegerField(label="Kỳ báo cáo (mã)", required=False, widget=forms.HiddenInput)
    on = VietDateField(label="Số liệu đến ngày", required=False)

    def clean(self):
        data = super().clean()
        genre = data.get("genre")
        if genre == Genre.DIRECTIVE and not data.get("task"):
            self.add_error("task", "Hãy chọn việc được giao (từ trang theo dõi thực hiện).")
        if genre == Genre.PERIODIC and not data.get("round"):
            self.add_error("round", "Hãy chọn kỳ báo cáo (từ trang tổng hợp của kỳ báo cáo).")
        return data


class BlockEditForm(forms.Form):
    index = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    text = forms.CharField(
        max_length=LONG_TEXT,
        label="Đoạn văn",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Đoạn văn không được để trống."},
    )


class IssueForm(forms.Form):
    on = VietDateField(label="Ngày ban hành")
    capacity = forms.CharField(label="Thẩm quyền ký", max_length=60, initial="T/M BAN THƯỜNG VỤ")
    position = forms.CharField(label="Chức vụ người ký", max_length=60, initial="BÍ THƯ")
    signer = forms.CharField(
        label="Họ tên người ký",
        max_length=120,
        error_messages={"required": "Hãy ghi họ tên người ký."},
    )


class TemplateUploadForm(forms.Form):
    genre = forms.ChoiceField(label="Thể loại", choices=Genre.choices)
    file = forms.FileField(
        label="Tệp mẫu Word (.docx)",
        error_messages={"required": "Hãy chọn tệp mẫu .docx để tải lên."},
    )
