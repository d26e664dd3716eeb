"""The daily jobs, by name: what runs them (a dotted path, so nothing here imports the apps
whose work they do) and how they are called in the admin."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

JOBS: dict[str, tuple[str, object]] = {
    "purge_closed_reports": (
        "reports.retention.jobs.purge_closed_reports",
        _("Purge closed reports"),
    ),
    "purge_uploads": (
        "reports.retention.services.purge_expired_uploads",
        _("Remove photos never sent"),
    ),
    "cull_cache": ("maintenance.jobs.cull_cache", _("Remove expired cache rows")),
    "cull_limits": ("limits.throttle.cull", _("Remove expired throttle counters")),
    "clear_sessions": ("maintenance.jobs.clear_sessions", _("End expired sessions")),
    "remind_overdue": ("reports.notifications.remind_overdue", _("Remind staff of late reports")),
    "purge_flagged_photos": (
        "reports.triage.photos.purge_flagged_photos",
        _("Delete photos flagged as possible abuse material after their time"),
    ),
    "refresh_clocks": (
        "reports.triage.clocks.refresh_open_reports",
        _("Recompute the open reports' deadlines"),
    ),
}

# Every quarter of an hour: each report's reminder when its clock runs out, and the
# escalation of an urgent report nobody claimed within the hour.
FREQUENT_JOBS: dict[str, tuple[str, object]] = {
    "remind_due": ("reports.notifications.remind_due", _("Remind staff of each late report")),
}
FREQUENT_INTERVAL_MINUTES = 15

ALL_JOBS = {**JOBS, **FREQUENT_JOBS}


def cull_cache() -> int:
    """Delete the expired rows of every database cache (throttles, pages): the cache itself
    removes them only when it is full."""
    removed = 0
    tables = set(connection.introspection.table_names())
    for alias, options in settings.CACHES.items():
        if not options["BACKEND"].endswith("DatabaseCache"):
            continue
        table = caches[alias]._table
        if table not in tables:
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(table)} WHERE expires < %s",  # noqa: S608
                [timezone.now()],
            )
            removed += cursor.rowcount
    return removed


def clear_sessions() -> int:
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    model = store.get_model_class()
    expired = model.objects.filter(expire_date__lt=timezone.now()).count()
    store.clear_expired()
    return expired
