from typing import Any

from django.db.models import QuerySet

from .models import AuditEntry


def audit_entries_visible_to(user: Any) -> QuerySet[AuditEntry]:
    """Audit rows of the user's subtree (all rows for a superuser)."""
    qs = AuditEntry.objects.all()
    if user.is_superuser:
        return qs
    org = user.organization
    if org is None:
        return qs.none()
    return qs.filter(org_path__gte=org.path, org_path__lt=org.path + "~")
