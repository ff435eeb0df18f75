from django.contrib import admin

from .models import Organization, OrgVersion, Restructuring


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "code", "issuer_code", "founded_on", "dissolved_on")
    search_fields = ("search_text",)
    list_filter = ("kind",)
    readonly_fields = ("path", "depth", "parent", "successor", "search_text")


@admin.register(OrgVersion)
class OrgVersionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "code", "valid_from", "valid_to")
    list_filter = ("kind",)


@admin.register(Restructuring)
class RestructuringAdmin(admin.ModelAdmin):
    list_display = ("kind", "effective_on", "decision", "recorded_at")
