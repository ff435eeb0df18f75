"""The admin shows tracking read-only: writes go through the services (scope, audit)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Assignment, Reminder, ReminderRun, Submission, Task


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Task)
class TaskAdmin(ReadOnly):
    list_display = ["title", "round", "source", "owner", "kind", "issued_on", "due_on"]
    list_filter = ["kind", "unit_rule"]
    search_fields = ["title"]
    raw_id_fields = ["source", "owner", "rule_root", "series"]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnly):
    list_display = ["task", "organization", "state", "completed_on"]
    list_filter = ["state"]
    raw_id_fields = ["task", "organization", "evidence_document", "merged_into", "transferred_from"]


@admin.register(Submission)
class SubmissionAdmin(ReadOnly):
    list_display = ["assignment", "decision", "submitted_at", "reviewed_at"]
    raw_id_fields = ["assignment", "organization", "evidence_document"]


@admin.register(ReminderRun)
class ReminderRunAdmin(ReadOnly):
    list_display = ["as_of", "within_days", "units", "created_at"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnly):
    list_display = ["run", "organization", "overdue", "due_soon"]
    raw_id_fields = ["run", "organization"]
