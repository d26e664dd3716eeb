"""The audit log, read-only for everyone: what happened in the reader's language, at local
time, with a link to the report, filtered by report or person."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from jedisstop.admin_search import BoundedSearchAdmin
from reports.audit.describe import describe
from reports.models import AuditEntry


class ReportReferenceFilter(admin.SimpleListFilter):
    """A box for a report's reference: a list of every reference would be endless. It
    filters on the reference kept in the entry, so a purged report's trail still shows."""

    title = _("report")
    parameter_name = "report"
    template = "admin/reports/auditentry/reference_filter.html"

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return True

    def reference(self) -> str:
        return (self.value() or "").strip().upper()[:16]

    def queryset(self, request, queryset):
        reference = self.reference()
        return queryset.filter(report_reference=reference) if reference else queryset

    def choices(self, changelist):
        keep = [(k, v) for k, v in changelist.params.items() if k != self.parameter_name]
        yield {
            "parameter": self.parameter_name,
            "value": self.reference(),
            "keep": keep,
            "clear": changelist.get_query_string(remove=[self.parameter_name]),
        }


@admin.register(AuditEntry)
class AuditEntryAdmin(BoundedSearchAdmin):
    list_display = ["created_at", "username", "action", "report_link", "description"]
    list_filter = [
        "action",
        ReportReferenceFilter,
        ("user", admin.RelatedOnlyFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["=report_reference", "username"]
    date_hierarchy = "created_at"
    list_select_related = False  # the link needs the report's id and reference: no join
    show_full_result_count = False
    fields = ["created_at", "user", "username", "action", "report_link", "description"]
    readonly_fields = fields

    @admin.display(description=_("report"), ordering="report_reference")
    def report_link(self, obj):
        if obj.report_id is None:
            return obj.report_reference or None  # purged: the reference alone stays
        url = reverse(
            "admin:reports_report_change", args=[obj.report_id], current_app=self.admin_site.name
        )
        return format_html('<a href="{}">{}</a>', url, obj.report_reference)

    @admin.display(description=_("detail"))
    def description(self, obj):
        return describe(obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # superusers included: the trail is append-only
