from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    password = forms.CharField(label="Mật khẩu", strip=False, widget=forms.PasswordInput)
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại "
        "(sau 5 lần sai liên tiếp, tài khoản sẽ bị khóa 15 phút).",
        "inactive": "Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị viên.",
    }
