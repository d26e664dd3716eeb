"""Retention: what is kept, and for how long. Closed reports are purged after the retention
period (a content-free statistic stays); photos of forms never sent go after 24 hours."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from reports.intake import stash
from reports.models import (
    PendingUpload,
    Report,
    ReportPhoto,
    ReportStatistic,
)


def purge_closed_reports(*, older_than_days: int) -> int:
    """Delete closed reports' content, messages and photos; keep a content-free statistic."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    count = 0
    for report in Report.objects.filter(status=Report.Status.CLOSED, closed_at__lt=cutoff):
        files = [photo.file.name for photo in report.photos.all()]
        storage = ReportPhoto._meta.get_field("file").storage
        with transaction.atomic():
            ReportStatistic.objects.create(
                received_at=report.received_at, claimed_at=report.claimed_at,
                forwarded_at=report.forwarded_at, closed_at=report.closed_at,
                location=report.location, country=report.country.code or "",
                channel=report.channel, outcome=report.outcome,
            )  # fmt: skip
            report.delete()
            for name in files:
                transaction.on_commit(partial(storage.delete, name))
        count += 1
    return count


def purge_expired_uploads() -> int:

    count = 0
    for upload in PendingUpload.objects.expired():
        upload.file.delete(save=False)
        upload.delete()
        count += 1
    # Photos kept while the database was down, never sent: a .meta and a .bin each.
    return count + stash.purge_expired() // 2
