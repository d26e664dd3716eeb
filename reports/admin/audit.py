"""The audit log, read-only for everyone: what happened in the reader's language, at local
time, with a link to the report, filtered by report or person."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reports.audit.describe import describe
from reports.audit.export import audit_csv
from reports.audit.services import audit
from reports.models import AuditEntry
from sitewide.admin_search import BoundedSearchAdmin


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

    def get_urls(self):
        return [
            path(
                "export.csv",
                self.admin_site.admin_view(self.export_view),
                name="reports_auditentry_export",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """The list as it is filtered, searched and sorted, as CSV. Exporting is audited."""
        if not self.has_view_permission(request):
            raise PermissionDenied  # unreachable: the gate answers 404 to anyone else first
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect(f"{reverse('admin:reports_auditentry_changelist')}?{ERROR_FLAG}=1")
        entries = changelist.get_queryset(request)
        rows = entries.count()
        export = audit(
            request.user, AuditEntry.Action.EXPORT_AUDIT,
            detail=f"export: {rows}", data={"rows": rows, "filters": request.GET.urlencode()[:300]},
        )  # fmt: skip
        lines = audit_csv(entries.exclude(pk=export.pk), language=translation.get_language())
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        name = f"jedisstop-audit-{timezone.localtime():%Y%m%d-%H%M}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response

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
