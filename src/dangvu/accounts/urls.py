from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=LoginForm
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("nguoi-dung/", views.user_list, name="user_list"),
    path("nguoi-dung/tao/", views.user_create, name="user_create"),
    path("nguoi-dung/<int:pk>/", views.user_detail, name="user_detail"),
    path("nguoi-dung/<int:pk>/vai-tro/", views.user_role, name="user_role"),
    path("nguoi-dung/<int:pk>/khoa/", views.user_disable, name="user_disable"),
    path("nguoi-dung/<int:pk>/mo-lai/", views.user_enable, name="user_enable"),
    path("nguoi-dung/<int:pk>/mo-khoa/", views.user_unlock, name="user_unlock"),
    path(
        "nguoi-dung/<int:pk>/dat-lai-mat-khau/",
        views.user_password_reset,
        name="user_password_reset",
    ),
]
