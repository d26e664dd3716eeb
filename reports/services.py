"""Workflow steps on reports: each in one transaction, notifications enqueued on commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jedisstop import crypto
from reports import rules
from reports.errors import ReportError
from reports.images import CleanPhoto
from reports.models import (
    AuditEntry,
    Authority,
    Message,
    Outcome,
    PendingUpload,
    Report,
    ReportEvent,
    ReportPhoto,
    ReportStatistic,
    new_follow_up_code,
)
from reports.rules import Step
from reports.tasks import notify_triage, schedule_upload_purge

__all__ = ["ReportError"]  # the services' error, raised by every refused step


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
        details=photo.details,
    )
    upload.file.save("photo.bin", ContentFile(crypto.encrypt_bytes(photo.data)), save=False)
    try:
        upload.save()
    except Exception:
        # No row, no file: never leave an orphan behind.
        upload.file.storage.delete(upload.file.name)
        raise
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
            details=upload.details,
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
        if channel != Report.Channel.WEB:
            # Entered by staff: nobody follows it up with a code, but the field is unique.
            code = f"STAFF-{new_follow_up_code()}"
        report.content = content
        report.set_follow_up_code(code)
        report.save()
        ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.SUBMITTED)
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
        ReportEvent.objects.create(report=report, kind=ReportEvent.Kind.ANSWERED)
        if _first_reply_notice_this_hour(report):
            transaction.on_commit(partial(_enqueue, "reply", report.pk))


def _first_reply_notice_this_hour(report: Report) -> bool:
    """One mail per report per hour about a reporter's answers, decided in one statement."""
    now = timezone.now()
    since = now - timedelta(minutes=settings.REPLY_NOTICE_MINUTES)
    due = Q(reply_notified_at__isnull=True) | Q(reply_notified_at__lt=since)
    return Report.objects.filter(due, pk=report.pk).update(reply_notified_at=now) == 1


def purge_expired_uploads() -> int:
    from reports import stash

    count = 0
    for upload in PendingUpload.objects.expired():
        upload.file.delete(save=False)
        upload.delete()
        count += 1
    # Photos kept while the database was down, never sent: a .meta and a .bin each.
    return count + stash.purge_expired() // 2


# --- Triage: the report's life in staff hands -----------------------------------------
#
# Each step locks the report's row (select_for_update) so that two officers acting at the
# same instant are served one after the other: the second sees the first one's result and
# is told why its step is refused.


def audit(user, action: str, report: Report | None = None, detail: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "get_username", lambda: "")() or "",
        action=action,
        report=report,
        report_reference=report.reference if report else "",
        detail=detail[:200],
    )


def _locked(report: Report) -> Report:
    # No join here: on PostgreSQL a row re-read after waiting for the lock keeps the joined
    # rows of its first read, so the holder is fetched afterwards, as committed.
    return Report.objects.select_for_update().get(pk=report.pk)


def _step(report: Report, kind: str, by, fields: list[str], *, text: str = "", **data) -> None:
    now = timezone.now()
    report.last_activity_at = now
    report.save(update_fields=[*fields, "last_activity_at"])
    event = ReportEvent(report=report, kind=kind, actor=by, created_at=now, data=data)
    event.text = text
    event.save()
    audit(by, AuditEntry.Action.CHANGE, report, detail=kind)


def _refuse_if_closed(report: Report) -> None:
    if report.status == Report.Status.CLOSED:
        raise ReportError(_("This report is closed."))


def claim_report(report: Report, *, by) -> Report:
    with transaction.atomic():
        report = _locked(report)
        if report.assigned_to_id and report.assigned_to_id != by.pk:
            raise ReportError(
                _("%(name)s has already claimed this report.")
                % {"name": report.assigned_to.get_username()}
            )
        rules.check(by, Step.CLAIM, report)
        if report.status != Report.Status.NEW:
            raise ReportError(_("Only a new report can be claimed."))
        report.assigned_to = by
        report.claimed_at = timezone.now()
        report.status = Report.Status.ASSESSING
        _step(report, ReportEvent.Kind.CLAIMED, by, ["assigned_to", "claimed_at", "status"])
    return report


def release_report(report: Report, *, by) -> Report:
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.RELEASE, report)
        if report.status not in (Report.Status.ASSESSING, Report.Status.WAITING):
            raise ReportError(_("Only a report being assessed can be released."))
        report.assigned_to = None
        report.status = Report.Status.NEW
        _step(report, ReportEvent.Kind.RELEASED, by, ["assigned_to", "status"])
    return report


def set_priority(report: Report, *, by, priority: int) -> Report:
    if priority not in Report.Priority.values:
        raise ReportError(_("Choose a priority from the list."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.PRIORITY, report)
        _refuse_if_closed(report)
        report.priority = priority
        _step(report, ReportEvent.Kind.PRIORITY, by, ["priority"], priority=priority)
    return report


def add_note(report: Report, *, by, text: str) -> Report:
    if not text.strip():
        raise ReportError(_("Write the note first."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.NOTE, report)
        _step(report, ReportEvent.Kind.NOTE, by, [], text=text.strip())
    return report


def ask_reporter(report: Report, *, by, question: str) -> Report:
    """The question appears on the reporter's follow-up page; the report waits for them."""
    if not question.strip():
        raise ReportError(_("Write the question first."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.ASK, report)
        if report.status not in (Report.Status.ASSESSING, Report.Status.WAITING):
            raise ReportError(_("Claim the report before asking the reporter a question."))
        message = Message(report=report, author=Message.Author.STAFF, staff_user=by)
        message.body = question.strip()
        message.save()
        report.status = Report.Status.WAITING
        _step(report, ReportEvent.Kind.ASKED, by, ["status"], text=question.strip())
    return report


def forward_report(
    report: Report, *, by, authority: str, reference: str = "", forwarded_on=None
) -> Report:
    if authority not in Authority.values:
        raise ReportError(_("Choose the authority the report goes to."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.FORWARD, report)
        if report.status not in (Report.Status.ASSESSING, Report.Status.WAITING):
            raise ReportError(_("Only a report being assessed can be forwarded."))
        report.status = Report.Status.FORWARDED
        report.authority = authority
        report.authority_reference = reference.strip()
        report.forwarded_at = forwarded_on or timezone.now()
        _step(
            report,
            ReportEvent.Kind.FORWARDED,
            by,
            ["status", "authority", "authority_reference", "forwarded_at"],
            authority=authority,
        )
    return report


def close_report(report: Report, *, by, outcome: str, duplicate_of: Report | None = None) -> Report:
    if outcome not in Outcome.values:
        raise ReportError(_("Choose how the report ends."))
    if outcome == Outcome.DUPLICATE and duplicate_of is None:
        raise ReportError(_("Give the reference of the report this one duplicates."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.CLOSE, report)
        _refuse_if_closed(report)
        if duplicate_of is not None and duplicate_of.pk == report.pk:
            raise ReportError(_("A report cannot duplicate itself."))
        report.status = Report.Status.CLOSED
        report.outcome = outcome
        report.duplicate_of = duplicate_of if outcome == Outcome.DUPLICATE else None
        report.closed_at = timezone.now()
        _step(
            report,
            ReportEvent.Kind.CLOSED,
            by,
            ["status", "outcome", "duplicate_of", "closed_at"],
            outcome=outcome,
        )
    return report


def set_tags(report: Report, *, by, tags) -> Report:
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.TAGS, report)
        report.tags.set(tags)
        _step(report, ReportEvent.Kind.TAGS, by, [], tags=sorted(t.name for t in tags))
    return report


def hand_over_reports(reports, *, by, to) -> int:
    """A supervisor gives an absent officer's reports to another, in one step."""
    rules.check(by, Step.HAND_OVER)
    if not to.is_active or not rules.is_officer(to):
        raise ReportError(_("%(name)s cannot work reports.") % {"name": to.get_username()})
    count = 0
    with transaction.atomic():
        for report in Report.objects.select_for_update().filter(pk__in=[r.pk for r in reports]):
            if report.status == Report.Status.CLOSED:
                continue
            report.assigned_to = to
            fields = ["assigned_to"]
            if report.status == Report.Status.NEW:
                report.status = Report.Status.ASSESSING
                report.claimed_at = timezone.now()
                fields += ["status", "claimed_at"]
            _step(report, ReportEvent.Kind.HANDED_OVER, by, fields, to=to.get_username())
            count += 1
    return count


def enter_report(*, by, channel: str, location: str, country: str, place_kind: str,
                 content: dict) -> Receipt:  # fmt: skip
    """A report received by phone, email or in person, entered by staff."""
    rules.check(by, Step.ENTER)
    if channel == Report.Channel.WEB or channel not in Report.Channel.values:
        raise ReportError(_("Choose how the report was received."))
    receipt = submit_report(
        location=location, country=country, place_kind=place_kind, content=content,
        upload_token="", channel=channel,
    )  # fmt: skip
    report = Report.objects.get(reference=receipt.reference)
    audit(by, AuditEntry.Action.CHANGE, report, detail=f"entered ({channel})")
    return receipt


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
