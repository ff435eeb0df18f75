from django.contrib import admin

from .models import Draft, NumberSeries, OutgoingNumber


@admin.register(NumberSeries)
class NumberSeriesAdmin(admin.ModelAdmin):
    list_display = ("issuer", "type_code", "year", "last_number")
    readonly_fields = ("last_number",)


@admin.register(OutgoingNumber)
class OutgoingNumberAdmin(admin.ModelAdmin):
    list_display = ("symbol", "series", "status", "taken_by", "taken_at")
    list_filter = ("status",)
    readonly_fields = ("series", "number", "symbol", "taken_by", "taken_at")


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ("title", "genre", "owner", "status", "number", "updated_at")
    list_filter = ("genre", "status")
    readonly_fields = ("content", "figures", "changes", "number", "document")
