"""Notifications to the triage inbox, and the notice a reporter may ask for. They carry no
content: only that something is waiting and where to look. A failed send is tried again
later by the worker."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import default_task_backend, task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


MAX_ATTEMPTS = 8


SUBJECTS = {
    "new": "Je dis STOP! — a new report is waiting",
    "reply": "Je dis STOP! — a reporter has answered",
}


@task
def notify_triage(kind: str, report_id: int, attempt: int = 1) -> None:
    with translation.override("en"):
        admin_path = reverse("admin:reports_report_change", args=[report_id])
    body = (
        ("A new report is waiting in the triage queue." if kind == "new" else
         "A reporter has answered a question on a report.")
        + f"\n\n{settings.SITE_URL}{admin_path}\n"
    )  # fmt: skip
    try:
        send_mail(SUBJECTS[kind], body, None, settings.TRIAGE_INBOX)
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Triage notification failed for good (attempt %d)", attempt)
            raise
        delay = timedelta(minutes=2**attempt)
        logger.warning("Triage notification failed (attempt %d); retrying in %s", attempt, delay)
        if default_task_backend.supports_defer:
            notify_triage.using(run_after=timezone.now() + delay).enqueue(
                kind, report_id, attempt + 1
            )
        raise


def tell_reporter(report) -> None:
    """ECPAT wrote to the reporter (a question, a message, the closing): if they asked for
    it, a notice goes to their address once the step is committed. The task carries only
    the report's id; the address is read, decrypted, when the mail is sent."""
    content = report.content or {}
    if content.get("notify_by_email") and content.get("reporter_email"):
        transaction.on_commit(partial(notify_reporter.enqueue, report.pk))


@task
def notify_reporter(report_id: int, attempt: int = 1) -> None:
    """ "There is news on your report: open the follow-up page": never the code, never a
    word of the report or of what ECPAT wrote."""
    from reports.models import Report

    report = Report.objects.filter(pk=report_id).first()
    content = (report.content or {}) if report is not None else {}
    address = content.get("reporter_email")
    if not (content.get("notify_by_email") and address):
        return  # purged, or they changed their mind since
    language = content.get("reporter_language") or content.get("notice_language") or "fr"
    with translation.override(language):
        subject = _("I say STOP!: there is news on your report")
        body = render_to_string(
            "reports/email/news_body.txt",
            {"url": settings.SITE_URL + reverse("reports:follow-up")},
        )
    try:
        send_mail(subject, body, None, [address])
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("Reporter notice failed for good (attempt %d)", attempt)
            raise
        delay = timedelta(minutes=2**attempt)
        logger.warning("Reporter notice failed (attempt %d); retrying in %s", attempt, delay)
        if default_task_backend.supports_defer:
            notify_reporter.using(run_after=timezone.now() + delay).enqueue(report_id, attempt + 1)
        raise


def remind_overdue() -> int:
    """Tell the triage inbox how many reports are late — counts only, no content."""
    from reports.models import Report

    unclaimed = Report.objects.unclaimed_since(
        timedelta(hours=settings.REPORT_CLAIM_DUE_HOURS)
    ).count()
    unanswered = Report.objects.reporter_waiting(
        older_than=timedelta(hours=settings.REPORT_ANSWER_DUE_HOURS)
    ).count()
    if not (unclaimed or unanswered):
        return 0
    with translation.override("en"):
        queue = reverse("admin:reports_report_changelist")
    body = (
        f"Reports not claimed in time: {unclaimed}\n"
        f"Reporters' answers waiting for staff: {unanswered}\n\n"
        f"{settings.SITE_URL}{queue}?overdue=yes\n"
    )
    send_mail("Je dis STOP! — reports are waiting", body, None, settings.TRIAGE_INBOX)
    return unclaimed + unanswered
