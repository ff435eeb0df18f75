from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.forms.models import model_to_dict

from dangvu.core.audit import audit_record

from .models import User

AUDITED_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "organization",
    "role",
    "is_active",
    "is_staff",
    "is_superuser",
)


@admin.register(User)
class DangvuUserAdmin(UserAdmin):
    list_display = ("username", "last_name", "first_name", "organization", "role", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Đơn vị", {"fields": ("organization", "role")}))
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        ("Đơn vị", {"fields": ("organization", "role")}),
    )

    def save_model(self, request: Any, obj: User, form: Any, change: bool) -> None:
        before = (
            model_to_dict(User.objects.get(pk=obj.pk), fields=AUDITED_FIELDS) if change else None
        )
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="accounts.user_change" if change else "accounts.user_create",
            obj=obj,
            organization=obj.organization,
            summary=f"Quản trị {'sửa' if change else 'tạo'} tài khoản {obj.username}",
            before=before,
            after=model_to_dict(obj, fields=AUDITED_FIELDS),
        )

    def delete_model(self, request: Any, obj: User) -> None:
        audit_record(
            actor=request.user,
            action="accounts.user_delete",
            obj=obj,
            organization=obj.organization,
            summary=f"Quản trị xóa tài khoản {obj.username}",
            before=model_to_dict(obj, fields=AUDITED_FIELDS),
        )
        super().delete_model(request, obj)


admin.site.site_header = "Trang quản trị dangvu"
admin.site.site_title = "Trang quản trị dangvu"
admin.site.index_title = "Quản trị hệ thống"
