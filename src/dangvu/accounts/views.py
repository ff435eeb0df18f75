from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import reverse_lazy

from dangvu.core.forms import apply_service_errors

from .forms import PasswordChangeForm
from .services import user_password_change


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's page, its form checks, and the change itself through the audited service."""

    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            user_password_change(
                user=self.request.user,  # type: ignore[arg-type]
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password1"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
            return self.form_invalid(form)
        update_session_auth_hash(self.request, self.request.user)  # type: ignore[arg-type]
        messages.success(self.request, "Đã đổi mật khẩu.")
        return super(auth_views.PasswordChangeView, self).form_valid(form)
