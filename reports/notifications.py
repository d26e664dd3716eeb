"""Notifications to the triage inbox. They carry no content: only that something is waiting
and where to look. A failed send is tried again later by the worker."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import default_task_backend, task
from django.urls import reverse
from django.utils import timezone, translation

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
