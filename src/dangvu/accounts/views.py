from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_POST

from dangvu.access import can_approve
from dangvu.core.forms import apply_service_errors

from . import selectors, services
from .forms import PasswordChangeForm, PasswordResetForm, RoleForm, UserCreateForm
from .models import User
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


# --- a unit's leader manages the accounts of its subtree -------------------------------


def _managed(request: HttpRequest, pk: int) -> User:
    """An account the user may manage, or 403 (404 when there is no such account)."""
    user = get_object_or_404(User.objects.select_related("organization"), pk=pk)
    if user.organization is None:
        raise PermissionDenied("Tài khoản quản trị hệ thống chỉ sửa được trong trang quản trị.")
    services.require_manage(request.user, user.organization)  # type: ignore[arg-type]
    return user


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    own = request.user.organization  # type: ignore[union-attr]
    if not request.user.is_superuser and (  # type: ignore[union-attr]
        own is None or not can_approve(request.user, own, strictly_below=False)  # type: ignore[arg-type]
    ):
        raise PermissionDenied("Chỉ lãnh đạo đơn vị được quản lý tài khoản.")
    query = request.GET.get("q", "").strip()
    users = selectors.users_managed_by(request.user, query=query)  # type: ignore[arg-type]
    page_obj = Paginator(users, 50).get_page(request.GET.get("page"))
    locked = services.locked_out_usernames([u.username for u in page_obj.object_list])
    return render(
        request,
        "accounts/user_list.html",
        {
            "page_obj": page_obj,
            "locked": locked,
            "query": query,
            "querystring_base": f"q={query}&" if query else "",
        },
    )


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    organizations = selectors.manageable_organizations(request.user)  # type: ignore[arg-type]
    if not organizations.exists():
        raise PermissionDenied("Chỉ lãnh đạo đơn vị được tạo tài khoản.")
    form = UserCreateForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.require_manage(request.user, d["organization"])  # type: ignore[arg-type]
            user = services.user_create(
                username=d["username"],
                password=d["password1"],
                organization=d["organization"],
                role=d["role"],
                full_name=d["full_name"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            apply_service_errors(form, _password_errors_on(exc, "password1"))
        else:
            messages.success(request, f"Đã tạo tài khoản {user.username}.")
            return redirect("accounts:user_detail", pk=user.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": "Tạo tài khoản",
            "subtitle": "Tài khoản của một đơn vị trong phạm vi bạn quản lý.",
            "submit_label": "Tạo tài khoản",
            "cancel_url": reverse("accounts:user_list"),
        },
    )


def _password_errors_on(exc: ValidationError, field: str) -> ValidationError:
    """The services name the password `password`; the forms call it otherwise."""
    if hasattr(exc, "error_dict") and "password" in exc.error_dict:
        errors = dict(exc.error_dict)
        errors[field] = errors.pop("password")
        return ValidationError(errors)
    return exc


@login_required
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed(request, pk)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": user,
            "locked": services.user_is_locked_out(user),
            "role_form": RoleForm(initial={"role": user.role}),
            "password_form": PasswordResetForm(),
            "is_self": user.pk == request.user.pk,
        },
    )


def _act(
    request: HttpRequest, pk: int, service: Callable[..., object], done: str, **kwargs: Any
) -> HttpResponse:
    """Run an account service on the account `pk` of the user's subtree, then back to it."""
    user = _managed(request, pk)
    try:
        service(user=user, actor=request.user, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done.format(username=user.username))
    return redirect("accounts:user_detail", pk=user.pk)


@login_required
@require_POST
def user_role(request: HttpRequest, pk: int) -> HttpResponse:
    form = RoleForm(request.POST)
    role = form.cleaned_data["role"] if form.is_valid() else ""
    return _act(request, pk, services.user_role_set, "Đã đổi vai trò của {username}.", role=role)


@login_required
@require_POST
def user_disable(request: HttpRequest, pk: int) -> HttpResponse:
    done = "Đã khóa tài khoản {username}: không đăng nhập được nữa."
    return _act(request, pk, services.user_active_set, done, active=False)


@login_required
@require_POST
def user_enable(request: HttpRequest, pk: int) -> HttpResponse:
    done = "Đã mở lại tài khoản {username}."
    return _act(request, pk, services.user_active_set, done, active=True)


@login_required
@require_POST
def user_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, services.user_unlock, "Đã mở khóa đăng nhập của {username}.")


@login_required
def user_password_reset(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed(request, pk)
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_password_reset(
                user=user,
                new_password=form.cleaned_data["new_password1"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            apply_service_errors(form, _password_errors_on(exc, "new_password1"))
        else:
            messages.success(
                request, f"Đã đặt lại mật khẩu của {user.username}; hãy báo cho người dùng."
            )
            return redirect("accounts:user_detail", pk=user.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": f"Đặt lại mật khẩu: {user.get_full_name() or user.username}",
            "subtitle": f"{user.username} · {user.organization.name}",  # type: ignore[union-attr]
            "submit_label": "Đặt lại mật khẩu",
            "cancel_url": reverse("accounts:user_detail", args=[user.pk]),
        },
    )
