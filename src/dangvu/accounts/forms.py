from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    password = forms.CharField(label="Mật khẩu", strip=False, widget=forms.PasswordInput)
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại "
        "(sau 5 lần sai liên tiếp, tài khoản sẽ bị khóa 15 phút).",
        "inactive": "Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị viên.",
    }


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form with the labels offices use; the change goes through the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mật khẩu hiện tại"
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.fields["new_password2"].help_text = ""
