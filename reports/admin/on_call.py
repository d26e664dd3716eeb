"""The on-call rota: who is alerted, day and night, when a report says a child is in danger
now. Supervisors keep it; officers read it."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.audit.services import audit
from reports.models import AuditEntry, OnCallShift


@admin.register(OnCallShift)
class OnCallShiftAdmin(admin.ModelAdmin):
    list_display = ["person", "starts_at", "ends_at", "now"]
    list_filter = ["person"]
    date_hierarchy = "starts_at"
    fields = ["person", "starts_at", "ends_at"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "person":  # only people who can work reports
            kwargs["queryset"] = (
                get_user_model().objects.filter(is_active=True)
                .filter(groups__permissions__codename="work_report").distinct()
                .order_by("username")
            )  # fmt: skip
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("on call now"), boolean=True)
    def now(self, obj):
        return obj.starts_at <= timezone.now() < obj.ends_at

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        start, end = (timezone.localtime(t).strftime("%Y-%m-%d %H:%M")
                      for t in (obj.starts_at, obj.ends_at))  # fmt: skip
        audit(
            request.user, AuditEntry.Action.STAFF_ACCOUNT, None, detail=f"on-call {obj.pk}",
            data={"change": "on_call", "account": obj.person.get_username(), "start": start,
                  "end": end},
        )  # fmt: skip

    def delete_model(self, request, obj):
        audit(
            request.user, AuditEntry.Action.STAFF_ACCOUNT, None,
            detail=f"on-call {obj.pk} removed",
            data={"change": "on_call_removed", "account": obj.person.get_username()},
        )  # fmt: skip
        super().delete_model(request, obj)
