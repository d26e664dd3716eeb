"""Intake: a report received (from the public form, or entered by staff from a call or a
mail), the photos that come with it, and the reporter's answers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from encryption import crypto, sealing
from encryption.sealing import Locked
from reports import rules, search
from reports.audit.services import audit
from reports.errors import ReportError
from reports.intake import form_key
from reports.intake.images import CleanPhoto
from reports.models import (
    AuditEntry,
    Consent,
    Message,
    PendingUpload,
    Report,
    ReportEvent,
    ReportPhoto,
    new_follow_up_code,
)
from reports.notifications import (
    notify_holder_or_inbox,
    notify_staff,
    notify_triage,
)
from reports.retention.jobs import schedule_upload_purge
from reports.rules import Step
from reports.triage import clocks

logger = logging.getLogger("reports.intake")


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
        # Under the browser's own key, as the file: the server alone reads neither.
        details=form_key.seal_value(photo.details, context=f"pending details|{token}"),
    )
    sealed = form_key.seal(photo.data, context=f"pending|{token}")
    upload.file.save("photo.bin", ContentFile(sealed), save=False)
    try:
        upload.save()
    except Exception:
        # No row, no file: never leave an orphan behind.
        upload.file.storage.delete(upload.file.name)
        raise
    transaction.on_commit(schedule_upload_purge)
    return upload


def _attach_pending(report: Report, uploads) -> None:
    """The photos of a form, sealed to the report (its channel: the reporter's and the
    team's) as they join it, opened with the browser's form key (reports.intake.form_key);
    the pending file goes once the photo's row points at its sealed copy. One that does not
    open (its browser's cookie went) is dropped, and logged without anything of it."""
    for upload in uploads:
        try:
            data, details = _opened_pending(upload)
        except (Locked, crypto.DecryptionError, crypto.InvalidToken):
            logger.warning("A photo not sent yet does not open with this browser's key: dropped")
            pending = upload.file.name
            upload.delete()
            transaction.on_commit(partial(upload.file.storage.delete, pending))
            continue
        photo = ReportPhoto(
            report=report,
            content_type=upload.content_type,
            width=upload.width,
            height=upload.height,
            size=upload.size,
            details=details,
        )
        photo.file.save("photo.bin", ContentFile(photo.seal_file(data)), save=False)
        photo.save()
        pending = upload.file.name
        upload.delete()
        transaction.on_commit(partial(upload.file.storage.delete, pending))


def _opened_pending(upload: PendingUpload) -> tuple[bytes, dict]:
    with upload.file.open("rb") as fh:
        sealed = fh.read()
    if not sealing.is_sealed_file(sealed):  # kept before photos were sealed to the browser
        return crypto.decrypt_bytes(sealed), upload.details
    data = form_key.open_sealed(sealed, context=f"pending|{upload.token}")
    return data, form_key.open_value(upload.details, context=f"pending details|{upload.token}")


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
    received_at=None,
    with_code: bool = True,
    entered_by=None,
    consent: str = "",
) -> Receipt:
    """Store a new report with its photos; return its reference and the one-time code."""
    if consent and consent not in Consent.values:
        raise ValueError(f"Unknown consent {consent!r}")
    code = new_follow_up_code()
    with transaction.atomic():
        report = Report(
            location=location, country=country or "", place_kind=place_kind or "", channel=channel
        )
        if received_at is not None:
            report.received_at = received_at
        if not with_code:
            # Nobody follows it up with a code, but the field is unique.
            code = f"STAFF-{new_follow_up_code()}"
            report.follow_up_possible = False
        if entered_by is not None:  # the person who took the call holds it first
            report.assigned_to, report.claimed_at = entered_by, timezone.now()
            report.status = Report.Status.ASSESSING
        report.content = content
        # The reporter's consent, as they chose it (older forms: "ECPAT may contact me").
        report.consent = consent or (
            Consent.ECPAT if content.get("may_contact") else Consent.ANONYMOUS
        )
        report.set_follow_up_code(code)
        urgent = clocks.says_urgent(content)
        if urgent:  # a child in danger now, or still going on: claimed within the hour
            report.priority = Report.Priority.URGENT
        report.clock, report.due_at = clocks.due(report)
        # Sealed with it, indexed in a member's request (reports.search).
        report.search_words = search.words_of(content)
        report.save()
        ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.SUBMITTED)
        _attach_pending(report, PendingUpload.objects.filter(token=upload_token))
        transaction.on_commit(partial(_enqueue, "new", report.pk))
        if urgent and entered_by is None:
            # Day and night: the person on call (the triage inbox if nobody is).
            transaction.on_commit(partial(notify_staff.enqueue, "urgent", report.pk, "on_call"))
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
        recent = report.messages.filter(
            author=Message.Author.REPORTER, created_at__gte=timezone.now() - timedelta(days=1)
        ).count()
        if recent >= settings.REPORTER_REPLY_LIMIT:
            raise ReportError(
                _(
                    "You have sent many messages on this report today: ECPAT will read them. "
                    "You can write again tomorrow."
                )
            )
        if message.strip():
            reply = Message(report=report, author=Message.Author.REPORTER)
            reply.body = message.strip()
            reply.save()
        _attach_pending(report, uploads)
        report.last_reporter_activity_at = report.last_activity_at = timezone.now()
        fields = ["last_reporter_activity_at", "last_activity_at"]
        if report.status == Report.Status.WAITING:
            report.status = Report.Status.ASSESSING
            fields.append("status")
        report.save(update_fields=fields)
        clocks.refresh(report)
        ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.ANSWERED)
        if _first_reply_notice_this_hour(report):
            # To whoever holds the report (the triage inbox when nobody does).
            transaction.on_commit(partial(notify_holder_or_inbox, "reply", report))


def change_consent(
    report: Report, *, consent: str, email: str = "", phone: str = "", notify: bool = False
) -> Report:
    """The reporter changes, from the follow-up page, what they agreed to (dated, on the
    timeline); contact details given with it replace the report's. Refusing every contact
    also stops the notices by email."""
    if consent not in Consent.values:
        raise ReportError(_("Choose whether we may contact you."))
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.status == Report.Status.CLOSED:
            raise ReportError(_("This report is closed: it can no longer receive answers."))
        previous = report.consent
        content = dict(report.content or {})
        if email:
            content["reporter_email"] = email
        if phone:
            content["reporter_phone"] = phone
        if notify and content.get("reporter_email"):
            content["notify_by_email"] = True
            content.setdefault("notice_language", translation.get_language())
        else:
            content.pop("notify_by_email", None)
        content.pop("may_contact", None)  # the older form's answer, now the consent itself
        report.content = content
        report.consent = consent
        report.consent_changed_at = report.last_reporter_activity_at = timezone.now()
        report.save(
            update_fields=["content", "consent", "consent_changed_at", "last_reporter_activity_at"]
        )
        ReportEvent.objects.create(
            report=report,
            kind=ReportEvent.Kind.CONSENT,
            data={"consent": consent, "previous": previous},
        )
    return report


def _first_reply_notice_this_hour(report: Report) -> bool:
    """One mail per report per hour about a reporter's answers, decided in one statement."""
    now = timezone.now()
    since = now - timedelta(minutes=settings.REPLY_NOTICE_MINUTES)
    due = Q(reply_notified_at__isnull=True) | Q(reply_notified_at__lt=since)
    return Report.objects.filter(due, pk=report.pk).update(reply_notified_at=now) == 1


def enter_report(
    *,
    by,
    channel: str,
    location: str,
    country: str,
    place_kind: str,
    content: dict,
    received_at=None,
    upload_token: str = "",
    with_code: bool = False,
    consent: str = "",
) -> Receipt:
    """A report received by phone, email or in person, entered by staff on the public form's
    schema: the person who entered it holds it first; with a code to read out to the caller,
    the caller can follow it up like any reporter."""
    rules.check(by, Step.ENTER)
    if channel == Report.Channel.WEB or channel not in Report.Channel.values:
        raise ReportError(_("Choose how the report was received."))
    if received_at is not None and received_at > timezone.now() + timedelta(minutes=5):
        raise ReportError(_("A report cannot be received in the future."))
    receipt = submit_report(
        location=location, country=country, place_kind=place_kind, content=content,
        upload_token=upload_token, channel=channel, received_at=received_at,
        with_code=with_code, entered_by=by, consent=consent,
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    audit(
        by, AuditEntry.Action.CHANGE, report, detail=f"entered ({channel})",
        data={"step": "entered", "channel": channel},
    )  # fmt: skip
    return receipt
