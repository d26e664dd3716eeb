from datetime import timedelta

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from maintenance.jobs import ALL_JOBS
from maintenance.models import MaintenanceJob


@admin.register(MaintenanceJob)
class MaintenanceJobAdmin(admin.ModelAdmin):
    """Supervisors see when each daily job last succeeded; nobody edits anything here."""

    list_display = ["job", "succeeded", "last_failed_at", "last_error", "failures_in_a_row"]

    def get_queryset(self, request):
        for name in ALL_JOBS:  # every job is listed, even one that never ran
            MaintenanceJob.objects.get_or_create(name=name)
        return super().get_queryset(request)

    @admin.display(description=_("job"))
    def job(self, obj):
        return ALL_JOBS[obj.name][1] if obj.name in ALL_JOBS else obj.name

    @admin.display(description=_("last succeeded"), ordering="last_succeeded_at")
    def succeeded(self, obj):
        late = obj.last_succeeded_at is None or obj.last_succeeded_at < timezone.now() - timedelta(
            hours=26
        )
        when = (
            timezone.localtime(obj.last_succeeded_at).strftime("%Y-%m-%d %H:%M")
            if (obj.last_succeeded_at)
            else _("never")
        )
        if late:
            return format_html('<strong class="overdue">{} ⚠ {}</strong>', when, _("late"))
        return when

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
