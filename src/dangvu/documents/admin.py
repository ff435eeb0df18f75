from django.contrib import admin

from .models import Document, DocumentRelation, DocumentType, Finding, IssuerCode, Reference


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "needs_check", "sort_order")
    list_editable = ("code", "needs_check", "sort_order")
    list_filter = ("kind", "needs_check")
    search_fields = ("name", "code")


@admin.register(IssuerCode)
class IssuerCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "local", "needs_check")
    list_editable = ("name", "needs_check")
    list_filter = ("kind", "local", "needs_check")
    search_fields = ("code", "name")


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "document"
    fields = ("text", "type_code", "number", "issuer_code", "date", "target")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Read-mostly: register entries are written through the services (pages, `ingest`)
    so that references are linked and the audit log is kept."""

    list_display = ("__str__", "status", "owner", "issuer", "created_at")
    list_filter = ("status", "kind", "type_code")
    search_fields = ("search_text",)
    readonly_fields = [f.name for f in Document._meta.fields]
    inlines = [ReferenceInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "document", "rejected", "corrected_at")
    list_filter = ("kind", "rejected")
    raw_id_fields = ("document",)

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(DocumentRelation)
class DocumentRelationAdmin(admin.ModelAdmin):
    list_display = ("source", "kind", "target", "origin", "created_at")
    list_filter = ("kind", "origin")
    raw_id_fields = ("source", "target")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
