"""A first triage view of reports (the full workplace comes with the triage issue).

Reports are read-only here: they change only through the workflow services.
"""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "received_at",
        "location",
        "country",
        "place_kind",
        "status",
        "priority",
    ]
    list_filter = ["status", "priority", "location"]
    search_fields = ["reference"]
    ordering = ["priority", "received_at"]
    fields = [
        "reference",
        "received_at",
        "status",
        "priority",
        "location",
        "country",
        "place_kind",
        "channel",
        "reported_content",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("What the reporter wrote"))
    def reported_content(self, obj):
        items = sorted(obj.content.items())
        return format_html_join("\n", "<p><strong>{}</strong>: {}</p>", ((k, v) for k, v in items))
