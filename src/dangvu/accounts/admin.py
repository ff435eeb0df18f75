from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class DangvuUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "organization", "role", "is_active")
    fieldsets = (*UserAdmin.fieldsets, ("Đơn vị", {"fields": ("organization", "role")}))
