"""Supervisors: the retention setting, what the purge takes in the next 14 days, and the
reports kept by a legal hold."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports import rules
from reports.models import LegalHold
from reports.pages import staff_page
from reports.retention.services import to_be_purged


def retention(request):
    if not rules.is_supervisor(request.user):
        raise PermissionDenied
    # Listed because no active hold keeps them: their day follows from the closing alone.
    keep = timedelta(days=settings.REPORT_RETENTION_DAYS)
    soon = [(r, timezone.localdate(r.closed_at) + keep) for r in to_be_purged(14)[:500]]
    holds = LegalHold.objects.active().select_related("report", "placed_by").order_by("until")
    return staff_page(
        request, "admin/reports/report/retention.html", title=_("Retention and legal holds"),
        retention_days=settings.REPORT_RETENTION_DAYS, soon=soon, holds=holds,
    )  # fmt: skip
