"""Notifications to staff: the triage inbox, the person who holds a report, the person on
call; and the notice a reporter may ask for. They carry no content: only that something is
waiting and where to look (a report's address holds its number, never its reference). A
failed send is tried again later by the worker. A task's row holds ids and kinds only (the
address is read when the mail is sent) and is deleted once the worker is done with it
(mailing.delivery)."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mailing.delivery import deliver, forgotten_when_finished

logger = logging.getLogger(__name__)


SUBJECTS = {
    "new": "Je dis STOP! — a new report is waiting",
    "reply": "Je dis STOP! — a reporter has answered",
    "handed_over": "Je dis STOP! — a report was handed over to you",
    "urgent": "Je dis STOP! — URGENT report: a child may be in danger now",
    "late": "Je dis STOP! — a report's deadline has passed",
    "urgent_late": "Je dis STOP! — URGENT report not claimed within the hour",
}

BODIES = {
    "new": "A new report is waiting in the triage queue.",
    "reply": "A reporter has answered on a report.",
    "handed_over": "A report was handed over to you: it is now in your reports.",
    "urgent": (
        "A report says that a child may be in danger now, or that it is still going on. "
        "You are on call: please claim it within the hour."
    ),
    "late": "A report you are responsible for has passed its deadline.",
    "urgent_late": (
        "An urgent report has not been claimed within the hour. Nobody on call has acted: "
        "please claim it now."
    ),
}


def _recipients(to: str, user_id: int | None) -> list[str]:
    """The triage inbox, a person by id, or the person on call now; the inbox whenever the
    person has no address (or is no longer active): a notice is never dropped."""
    from django.contrib.auth import get_user_model

    from reports.models import OnCallShift

    person = None
    if to == "person" and user_id is not None:
        person = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    elif to == "on_call":
        person = OnCallShift.on_call()
    if person is not None and person.email:
        return [person.email]
    return list(settings.TRIAGE_INBOX)


@forgotten_when_finished
@task
def notify_staff(
    kind: str, report_id: int, to: str = "inbox", user_id: int | None = None, attempt: int = 1
) -> None:
    """One content-free notice about one report, to `to`: "inbox", "person" (`user_id`) or
    "on_call" (whoever is on call when it is sent)."""
    with translation.override("en"):
        admin_path = reverse("admin:reports_report_change", args=[report_id])
    body = f"{BODIES[kind]}\n\n{settings.SITE_URL}{admin_path}\n"
    deliver(
        SUBJECTS[kind], body, _recipients(to, user_id), kind=f"staff {kind}", attempt=attempt,
        retry=lambda when, again: notify_staff.using(run_after=when).enqueue(
            kind, report_id, to, user_id, again
        ),
    )  # fmt: skip


@forgotten_when_finished
@task
def notify_triage(kind: str, report_id: int, attempt: int = 1) -> None:
    """A notice to the triage inbox (kept for tasks enqueued before notify_staff)."""
    notify_staff.call(kind, report_id, "inbox", None, attempt)


def notify_holder_or_inbox(kind: str, report) -> None:
    """To the person who holds `report`, or the triage inbox when nobody does."""
    if report.assigned_to_id:
        notify_staff.enqueue(kind, report.pk, "person", report.assigned_to_id)
    else:
        notify_staff.enqueue(kind, report.pk, "inbox")


def first_holder_notice_this_hour(report) -> bool:
    """One mail per report per hour to its holder, decided in one statement."""
    from django.db.models import Q

    from reports.models import Report

    now = timezone.now()
    since = now - timedelta(minutes=settings.HOLDER_NOTICE_MINUTES)
    due = Q(holder_notified_at__isnull=True) | Q(holder_notified_at__lt=since)
    return Report.objects.filter(due, pk=report.pk).update(holder_notified_at=now) == 1


def remind_due() -> int:
    """One content-free reminder for each report whose clock has run out, once per clock: to
    its holder, or the triage inbox when nobody holds it. An urgent report not claimed in
    time goes to the triage inbox (the escalation)."""
    from reports.models import Report
    from reports.triage.clocks import Clock

    sent = 0
    late = (
        Report.objects.open()
        .filter(due_at__lt=timezone.now())
        .exclude(reminded_for=models.F("due_at"))
    )
    for report in late.only("pk", "due_at", "clock", "assigned_to"):
        # Decided in one statement: two workers never remind twice.
        claimed = (
            Report.objects.filter(pk=report.pk, due_at=report.due_at)
            .exclude(reminded_for=report.due_at)
            .update(reminded_for=report.due_at)
        )
        if not claimed:
            continue
        if report.clock == Clock.URGENT:
            notify_staff.enqueue("urgent_late", report.pk, "inbox")
        else:
            notify_holder_or_inbox("late", report)
        sent += 1
    return sent


def tell_reporter(report) -> None:
    """ECPAT wrote to the reporter (a question, a message, the closing): if they asked for
    it, a notice goes to their address once the step is committed, from the officer's own
    request. Their address is sealed, and only a member's session opens it: it never waits
    in a task. A notice the mail server refuses shows on the report page ("Send again")."""
    content = report.content or {}
    if content.get("notify_by_email") and content.get("reporter_email"):
        address = content["reporter_email"]
        language = content.get("reporter_language") or content.get("notice_language") or "fr"
        transaction.on_commit(partial(_send_reporter_notice, report.pk, address, language))


def _send_reporter_notice(report_id: int, address: str, language: str) -> bool:
    from mailing.delivery import MailNotSent
    from reports.models import Report

    with translation.override(language):
        subject = _("I say STOP!: there is news on your report")
        body = render_to_string(
            "reports/email/news_body.txt",
            {"url": settings.SITE_URL + reverse("reports:follow-up")},
        )
    try:
        deliver(subject, body, [address], kind="reporter notice")
    except MailNotSent:
        Report.objects.filter(pk=report_id).update(reporter_notice_failed_at=timezone.now())
        return False
    Report.objects.filter(pk=report_id).update(reporter_notice_failed_at=None)
    return True


def send_reporter_notice_again(report) -> bool:
    """ "Send again" on the report page: in the member's request, who opens the address."""
    content = report.content or {}
    if not (content.get("notify_by_email") and content.get("reporter_email")):
        type(report).objects.filter(pk=report.pk).update(reporter_notice_failed_at=None)
        return True
    language = content.get("reporter_language") or content.get("notice_language") or "fr"
    return _send_reporter_notice(report.pk, content["reporter_email"], language)


@forgotten_when_finished
@task
def notify_reporter(report_id: int, attempt: int = 1) -> None:
    """A notice booked before reports were sealed: the worker cannot open the address any
    more, so the report page offers to send it again from a member's session."""
    from reports.models import Report

    Report.objects.filter(pk=report_id).update(reporter_notice_failed_at=timezone.now())
    logger.warning("A reporter notice booked before sealing was handed to the report page")


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
    # A maintenance job: it is retried as one (maintenance), never with an address.
    deliver("Je dis STOP! — reports are waiting", body, settings.TRIAGE_INBOX, kind="overdue")
    return unclaimed + unanswered
