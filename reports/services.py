"""Workflow steps on reports: each in one transaction, notifications enqueued on commit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import crypto
from reports.images import CleanPhoto
from reports.models import Message, PendingUpload, Report, ReportPhoto, new_follow_up_code
from reports.tasks import notify_triage, schedule_upload_purge


class ReportError(Exception):
    """A step that cannot be done; the message is translated and shown to the person."""


@dataclass
class Receipt:
    reference: str
    code: str


def store_pending_upload(token: str, photo: CleanPhoto) -> PendingUpload:
    upload = PendingUpload(
        token=token,
        content_type=photo.content_type,
        width=photo.width,
        height=photo.height,
        size=len(photo.data),
        details_encrypted=crypto.encrypt_json(photo.details),
    )
    upload.file.save("photo.bin", ContentFile(crypto.encrypt_bytes(photo.data)), save=False)
    upload.save()
    transaction.on_commit(schedule_upload_purge)
    return upload


def _attach_pending(report: Report, uploads) -> None:
    for upload in uploads:
        # The encrypted file stays where it is: the photo takes it over, nothing is copied.
        ReportPhoto.objects.create(
            report=report,
            file=upload.file.name,
            content_type=upload.content_type,
            width=upload.width,
            height=upload.height,
            size=upload.size,
            details_encrypted=upload.details_encrypted,
        )
        upload.delete()


def _enqueue(kind: str, report_id: int) -> None:
    notify_triage.enqueue(kind, report_id)


def submit_report(
    *,
    location: str,
    country: str,
    place_kind: str,
    content: dict,
    upload_token: str,
    channel: str = Report.Channel.WEB,
) -> Receipt:
    """Store a new report with its photos; return its reference and the one-time code."""
    code = new_follow_up_code()
    with transaction.atomic():
        report = Report(
            location=location, country=country or "", place_kind=place_kind or "", channel=channel
        )
        report.content = content
        report.set_follow_up_code(code)
        report.save()
        _attach_pending(report, PendingUpload.objects.filter(token=upload_token))
        transaction.on_commit(partial(_enqueue, "new", report.pk))
    return Receipt(reference=report.reference, code=code)


def find_report_by_code(code: str) -> Report | None:
    from reports.models import code_lookup

    report = Report.objects.filter(code_lookup=code_lookup(code)).first()
    if report is None or not report.check_follow_up_code(code):
        return None
    return report


def add_reporter_reply(report: Report, *, message: str, upload_token: str) -> None:
    """The reporter answers or adds information from the follow-up page."""
    uploads = PendingUpload.objects.filter(token=upload_token)
    if not message.strip() and not uploads.exists():
        raise ReportError(_("Write a message or add a photo before sending."))
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status == Report.Status.CLOSED:
            raise ReportError(_("This report is closed: it can no longer receive answers."))
        if message.strip():
            reply = Message(report=report, author=Message.Author.REPORTER)
            reply.body = message.strip()
            reply.save()
        _attach_pending(report, uploads)
        report.last_reporter_activity_at = timezone.now()
        fields = ["last_reporter_activity_at"]
        if report.status == Report.Status.WAITING:
            report.status = Report.Status.ASSESSING
            fields.append("status")
        report.save(update_fields=fields)
        transaction.on_commit(partial(_enqueue, "reply", report.pk))


def purge_expired_uploads() -> int:
    count = 0
    for upload in PendingUpload.objects.expired():
        upload.file.delete(save=False)
        upload.delete()
        count += 1
    return count
