"""The tree is read-only in the admin: changes go through the restructuring pages, which
keep the versions and write the audit log."""

from typing import Any

from django.contrib import admin

from .models import Organization, OrgVersion, Restructuring


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "code", "issuer_code", "founded_on", "dissolved_on")
    search_fields = ("search_text",)
    list_filter = ("kind",)


@admin.register(OrgVersion)
class OrgVersionAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "code", "valid_from", "valid_to")
    list_filter = ("kind",)


@admin.register(Restructuring)
class RestructuringAdmin(ReadOnlyAdmin):
    list_display = ("kind", "effective_on", "decision", "recorded_at")
