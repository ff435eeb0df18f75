from django import forms

from .models import TokenAccess


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label="Tên mã",
        max_length=100,
        help_text="Dùng cho hệ thống nào, ví dụ “Đồng bộ CSDL đảng viên 3.0”.",
        error_messages={"required": "Hãy đặt tên cho mã."},
    )
    access = forms.ChoiceField(label="Quyền", choices=TokenAccess.choices, initial=TokenAccess.READ)
    days = forms.IntegerField(
        label="Thời hạn (ngày)",
        min_value=1,
        max_value=366,
        initial=90,
        error_messages={
            "required": "Hãy nhập thời hạn (số ngày, từ 1 đến 366).",
            "invalid": "Thời hạn là một số ngày, từ 1 đến 366.",
            "min_value": "Thời hạn ít nhất 1 ngày.",
            "max_value": "Thời hạn nhiều nhất 366 ngày: hãy tạo mã mới khi hết hạn.",
        },
    )
