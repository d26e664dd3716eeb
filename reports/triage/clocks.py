"""Service clocks: what each open report waits for, and by when.

Every open report has one clock, from the quality standards of reporting lines (each report
processed within 48 hours) and the settings: claimed within REPORT_CLAIM_DUE_HOURS (an
urgent report, one that says a child is in danger now or that it is still going on, within
REPORT_URGENT_DUE_MINUTES), a first assessment within REPORT_ASSESS_DUE_HOURS of the claim,
a reporter's answer acted on within REPORT_ANSWER_DUE_HOURS, a silent reporter decided on
after REPORT_REPORTER_WAIT_DAYS, an authority's outcome asked for after
REPORT_AUTHORITY_DUE_DAYS, and any report in progress looked at again after
REPORT_ACT_DUE_DAYS.

The clock is stored on the report (`clock`, `due_at`) each time a step changes it, so that
the queue sorts on it and the reminders find late reports with one indexed query.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, F, IntegerField, Min, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.models import Report, ReportEvent

# The steps that count as a first assessment once a report is claimed.
ASSESSING_STEPS = {
    ReportEvent.Kind.NOTE, ReportEvent.Kind.PRIORITY, ReportEvent.Kind.TAGS,
    ReportEvent.Kind.ASKED, ReportEvent.Kind.MESSAGE, ReportEvent.Kind.FORWARDED,
    ReportEvent.Kind.CLOSED, ReportEvent.Kind.LINKED,
}  # fmt: skip


class Clock:
    URGENT = "urgent"
    CLAIM = "claim"
    ASSESS = "assess"
    ANSWER = "answer"
    REPORTER = "reporter"
    AUTHORITY = "authority"
    ACT = "act"

    LABELS = {
        URGENT: _("Urgent: to be claimed"),
        CLAIM: _("To be claimed"),
        ASSESS: _("First assessment"),
        ANSWER: _("Reporter's answer to act on"),
        REPORTER: _("Waiting for the reporter"),
        AUTHORITY: _("Ask the authority for its outcome"),
        ACT: _("Next step"),
    }

    @classmethod
    def label(cls, clock: str):
        return cls.LABELS.get(clock, "")


def says_urgent(content: dict) -> bool:
    """A report that says a child is in danger now, or that it is still going on."""
    return content.get("ongoing") == "yes" or content.get("danger_now") in ("yes", True)


def _waiting_referral_since(report: Report) -> datetime | None:
    if report.pk is None:
        return None
    return report.referrals.filter(outcome="").aggregate(first=Min("sent_at"))["first"]


def due(report: Report) -> tuple[str, datetime | None]:
    """The clock of `report` now, and when it runs out; ("", None) once it is closed."""
    hours = lambda n: timedelta(hours=n)  # noqa: E731
    days = lambda n: timedelta(days=n)  # noqa: E731
    status = report.status
    if status == Report.Status.CLOSED:
        return "", None
    if status == Report.Status.NEW:
        if report.priority == Report.Priority.URGENT:
            minutes = timedelta(minutes=settings.REPORT_URGENT_DUE_MINUTES)
            return Clock.URGENT, report.received_at + minutes
        return Clock.CLAIM, report.received_at + hours(settings.REPORT_CLAIM_DUE_HOURS)
    answered = report.last_reporter_activity_at
    if answered and answered >= report.last_activity_at:
        return Clock.ANSWER, answered + hours(settings.REPORT_ANSWER_DUE_HOURS)
    if status == Report.Status.ASSESSING and report.assessed_at is None:
        since = report.claimed_at or report.received_at
        return Clock.ASSESS, since + hours(settings.REPORT_ASSESS_DUE_HOURS)
    if status == Report.Status.WAITING:
        return Clock.REPORTER, report.last_activity_at + days(settings.REPORT_REPORTER_WAIT_DAYS)
    if status == Report.Status.FORWARDED:
        sent = _waiting_referral_since(report)
        if sent is not None:
            return Clock.AUTHORITY, sent + days(settings.REPORT_AUTHORITY_DUE_DAYS)
    return Clock.ACT, report.last_activity_at + days(settings.REPORT_ACT_DUE_DAYS)


def refresh(report: Report) -> None:
    """Store the clock of `report` as it stands (after a step, an answer, a referral)."""
    report.clock, report.due_at = due(report)
    Report.objects.filter(pk=report.pk).update(clock=report.clock, due_at=report.due_at)


def refresh_open_reports() -> int:
    """Recompute every open report's clock (a daily job: the settings may have changed)."""
    count = 0
    for report in Report.objects.open().iterator(chunk_size=500):
        clock, due_at = due(report)
        if (clock, due_at) != (report.clock, report.due_at):
            Report.objects.filter(pk=report.pk).update(clock=clock, due_at=due_at)
            count += 1
    return count


# --- The queue's order ------------------------------------------------------------------


class Need:
    """What a report needs, in the order the queue shows it (`need_expression`, computed as
    the queue is read: time passing makes a report late without any row changing)."""

    URGENT = 0  # urgent, and nobody waits for anyone else on it
    LATE = 1  # its clock has run out
    ANSWER = 2  # the reporter answered
    NEW = 3  # nobody has claimed it
    IN_PROGRESS = 4
    WAITING = 5  # for an authority's outcome, or for the reporter
    CLOSED = 6


def reporter_wrote_last() -> Q:
    return Q(last_reporter_activity_at__isnull=False) & Q(
        last_reporter_activity_at__gte=F("last_activity_at")
    )


def need_expression(now: datetime | None = None) -> Case:
    now = now or timezone.now()
    return Case(
        When(status=Report.Status.CLOSED, then=Value(Need.CLOSED)),
        When(
            Q(
                priority=Report.Priority.URGENT,
                status__in=[Report.Status.NEW, Report.Status.ASSESSING],
            ),
            then=Value(Need.URGENT),
        ),
        When(due_at__lt=now, then=Value(Need.LATE)),
        When(reporter_wrote_last(), then=Value(Need.ANSWER)),
        When(status=Report.Status.NEW, then=Value(Need.NEW)),
        When(status=Report.Status.ASSESSING, then=Value(Need.IN_PROGRESS)),
        default=Value(Need.WAITING),
        output_field=IntegerField(),
    )
