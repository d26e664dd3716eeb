"""The retention's scheduled work: run by the worker, booked by the intake and the daily
maintenance (maintenance)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.tasks import default_task_backend, task
from django.utils import timezone

from reports.retention import services


@task
def purge_expired_uploads() -> int:
    """Scheduled 24 h after each upload: removes what was never sent."""
    return services.purge_expired_uploads()


def schedule_upload_purge() -> None:
    """Book the removal of unsent photos once their time is up: one task per hour of
    uploads at most (it removes every expired one), however many photos arrive."""
    if not default_task_backend.supports_defer:
        return
    from django.core.cache import cache

    hours = settings.PENDING_UPLOAD_HOURS
    due = timezone.now() + timedelta(hours=hours, minutes=5)
    bucket = due.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if cache.add(f"upload-purge-booked:{bucket:%Y%m%d%H}", 1, timeout=(hours + 2) * 3600):
        purge_expired_uploads.using(run_after=bucket).enqueue()


def purge_closed_reports() -> int:
    """The retention job (maintenance): closed reports past the retention period."""
    return services.purge_closed_reports(older_than_days=settings.REPORT_RETENTION_DAYS)
