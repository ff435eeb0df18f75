import axes.apps
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default = True  # the app's own config; AxesConfig below is listed by path in settings
    name = "dangvu.accounts"
    verbose_name = "Tài khoản"


class AxesConfig(axes.apps.AppConfig):
    """django-axes (the login lockout) under a Vietnamese name in the admin; its models'
    and fields' names come from core/locale."""

    default = False
    verbose_name = "Khóa đăng nhập"
