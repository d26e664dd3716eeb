"""Retention: what is kept, and for how long. Closed reports are purged after the retention
period (a content-free statistic stays), unless a supervisor placed a legal hold on them for
an investigation in progress; photos of forms never sent go after 24 hours."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import rules
from reports.audit.services import audit
from reports.errors import ReportError
from reports.intake import stash
from reports.models import (
    AuditEntry,
    LegalHold,
    PendingUpload,
    Report,
    ReportPhoto,
    ReportStatistic,
)


def purge_closed_reports(*, older_than_days: int) -> int:
    """Delete closed reports' content, messages and photos; keep a content-free statistic."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    count = 0
    held = Exists(LegalHold.objects.active().filter(report=OuterRef("pk")))
    purgeable = Report.objects.filter(status=Report.Status.CLOSED, closed_at__lt=cutoff)
    for report in purgeable.exclude(held):
        files = [photo.file.name for photo in report.photos.all()]
        storage = ReportPhoto._meta.get_field("file").storage
        with transaction.atomic():
            ReportStatistic.objects.create(
                received_at=report.received_at, claimed_at=report.claimed_at,
                forwarded_at=report.forwarded_at, closed_at=report.closed_at,
                location=report.location, country=report.country.code or "",
                channel=report.channel, outcome=report.outcome,
                place_kind=report.place_kind, assessed_at=report.assessed_at,
                referrals=[
                    {"authority": authority, "outcome": outcome, "sent_at": sent.isoformat()}
                    for authority, outcome, sent in report.referrals.values_list(
                        "authority", "outcome", "sent_at"
                    )
                ],
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


# --- Retention you can see, and legal holds ------------------------------------------------


def purge_date(report: Report):
    """The day `report` will be purged (its closing plus the retention period; the end of an
    active legal hold if later), or None while it is open."""
    if report.status != Report.Status.CLOSED or report.closed_at is None:
        return None
    due = timezone.localdate(report.closed_at) + timedelta(days=settings.REPORT_RETENTION_DAYS)
    hold = LegalHold.objects.active().filter(report=report).order_by("-until").first()
    if hold is not None and hold.until >= due:
        return hold.until + timedelta(days=1)
    return due


def to_be_purged(within_days: int = 14):
    """Closed reports the purge will take within `within_days`, without an active hold."""
    limit = timezone.now() + timedelta(days=within_days)
    cutoff = limit - timedelta(days=settings.REPORT_RETENTION_DAYS)
    held = Exists(LegalHold.objects.active().filter(report=OuterRef("pk")))
    return (
        Report.objects.filter(status=Report.Status.CLOSED, closed_at__lt=cutoff)
        .exclude(held).order_by("closed_at")
    )  # fmt: skip


def place_hold(report: Report, *, by, reason: str, until) -> LegalHold:
    """Keep `report` past its retention until `until`, for an investigation in progress."""
    if not reason.strip():
        raise ReportError(_("Say why the report must be kept."))
    if until <= timezone.localdate():
        raise ReportError(_("Choose an end date after today."))
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        rules.check(by, rules.Step.HOLD, report)
        hold = LegalHold(report=report, until=until, placed_by=by)
        hold.reason = reason.strip()
        hold.save()
        audit(
            by, AuditEntry.Action.CHANGE, report, detail="legal hold",
            data={"step": "hold", "until": until.isoformat()},
        )  # fmt: skip
    return hold


def lift_hold(hold: LegalHold, *, by) -> LegalHold:
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
        rules.check(by, rules.Step.HOLD, hold.report)
        if hold.lifted_at is not None:
            raise ReportError(_("This hold was lifted already."))
        hold.lifted_at, hold.lifted_by = timezone.now(), by
        hold.save(update_fields=["lifted_at", "lifted_by"])
        audit(
            by, AuditEntry.Action.CHANGE, hold.report, detail="legal hold lifted",
            data={"step": "hold_lifted", "until": hold.until.isoformat()},
        )  # fmt: skip
    return hold
