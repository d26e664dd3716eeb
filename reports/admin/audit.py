"""The audit log, read-only for everyone."""

from __future__ import annotations

from django.contrib import admin

from jedisstop.admin_search import BoundedSearchAdmin
from reports.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(BoundedSearchAdmin):
    list_display = ["created_at", "username", "action", "report_reference", "detail"]
    list_filter = ["action", ("created_at", admin.DateFieldListFilter), "username"]
    search_fields = ["=report_reference", "username"]
    date_hierarchy = "created_at"
    list_select_related = False
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # superusers included: the trail is append-only
