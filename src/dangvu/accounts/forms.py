from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm

from dangvu.orgs.models import Organization

from .models import Role


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Tên đăng nhập", max_length=150)
    password = forms.CharField(label="Mật khẩu", strip=False, widget=forms.PasswordInput)
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra lại "
        "(sau 5 lần sai liên tiếp, tài khoản sẽ bị khóa 15 phút).",
        "inactive": "Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị viên.",
        "sprayed": "Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này trong 15 phút (với "
        "nhiều tên đăng nhập khác nhau): tạm dừng đăng nhập từ địa chỉ này, hãy thử lại sau "
        "15 phút hoặc liên hệ quản trị viên.",
    }

    def clean(self) -> dict[str, Any]:
        """Failures from this address across every user name, counted in axes' records
        of the cool-off window: past the limit no password is even checked."""
        if self.request is not None:
            from axes.helpers import get_client_ip_address
            from axes.models import AccessAttempt
            from django.conf import settings
            from django.db.models import Sum
            from django.utils import timezone

            since = timezone.now() - settings.AXES_COOLOFF_TIME
            failures = AccessAttempt.objects.filter(
                ip_address=get_client_ip_address(self.request), attempt_time__gte=since
            ).aggregate(n=Sum("failures_since_start"))["n"]
            if (failures or 0) >= settings.LOGIN_FAILURES_PER_ADDRESS:
                raise forms.ValidationError(self.error_messages["sprayed"], code="sprayed")
        return super().clean()


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form with the labels offices use; the change goes through the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mật khẩu hiện tại"
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.fields["new_password2"].help_text = ""


class UserCreateForm(forms.Form):
    """A new account of the leader's subtree."""

    full_name = forms.CharField(label="Họ và tên", max_length=150)
    username = forms.CharField(
        label="Tên đăng nhập",
        max_length=150,
        help_text="Chữ không dấu, chữ số và . _ - (ví dụ: lan.tran).",
    )
    organization: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label="Đơn vị", queryset=Organization.objects.none()
    )
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices, initial=Role.VIEWER)
    password1 = forms.CharField(
        label="Mật khẩu ban đầu",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Ít nhất 10 ký tự; người dùng nên đổi mật khẩu ở lần đăng nhập đầu.",
    )
    password2 = forms.CharField(label="Nhập lại mật khẩu", strip=False, widget=forms.PasswordInput)

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]
        self.fields["organization"].error_messages["invalid_choice"] = (
            "Đơn vị này không thuộc phạm vi của bạn: hãy chọn trong danh sách."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "Hai mật khẩu không giống nhau: hãy nhập lại.")
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Vai trò", choices=Role.choices)


class PasswordResetForm(forms.Form):
    """A leader sets a new password for an account of the subtree."""

    new_password1 = forms.CharField(
        label="Mật khẩu mới",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Ít nhất 10 ký tự. Báo cho người dùng và nhắc họ đổi lại.",
    )
    new_password2 = forms.CharField(
        label="Nhập lại mật khẩu mới", strip=False, widget=forms.PasswordInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password1") and data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", "Hai mật khẩu không giống nhau: hãy nhập lại.")
        return data
