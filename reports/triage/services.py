"""Triage: the report's life in staff hands, one verb_noun function a step, each in one
transaction, checked against reports.rules under the report's lock."""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import rules
from reports.errors import ReportError
from reports.models import (
    Message,
    Outcome,
    Report,
    ReportEvent,
    ReportLink,
)
from reports.notifications import first_holder_notice_this_hour, notify_staff, tell_reporter
from reports.rules import Step
from reports.triage.steps import _locked, _refuse_if_closed, _step


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
        previous, report.priority = report.priority, priority
        _step(
            report, ReportEvent.Kind.PRIORITY, by, ["priority"],
            priority=priority, previous=previous,
        )  # fmt: skip
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
        if report.status == Report.Status.NEW:
            raise ReportError(_("Claim the report before asking the reporter a question."))
        if not report.follow_up_possible:
            raise ReportError(
                _("Nobody can read a question on this report: the caller was given no code.")
            )
        _refuse_if_closed(report)
        message = Message(report=report, author=Message.Author.STAFF, staff_user=by)
        message.body = question.strip()
        message.save()
        report.status = Report.Status.WAITING
        _step(report, ReportEvent.Kind.ASKED, by, ["status"], text=question.strip())
        tell_reporter(report)  # a content-free notice, if they asked for one
    return report


def close_report(
    report: Report, *, by, outcome: str, duplicate_of: Report | None = None, message: str = ""
) -> Report:
    """Close a report (final for the reporter, who reads the outcome in plain words on the
    follow-up page, and `message` if given)."""
    if outcome not in Outcome.values:
        raise ReportError(_("Choose how the report ends."))
    if outcome == Outcome.DUPLICATE and duplicate_of is None:
        raise ReportError(_("Give the reference of the report this one duplicates."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.CLOSE, report)
        _refuse_if_closed(report)
        if report.referrals.filter(outcome="").exists() and not rules.is_supervisor(by):
            raise ReportError(
                _(
                    "An authority has not given its outcome yet: record it first, or ask a "
                    "supervisor to close the report anyway."
                )
            )
        if outcome == Outcome.FORWARDED and report.forwarded_at is None:
            raise ReportError(_("This report was never forwarded: choose another outcome."))
        if duplicate_of is not None and duplicate_of.pk == report.pk:
            raise ReportError(_("A report cannot duplicate itself."))
        report.status = Report.Status.CLOSED
        report.outcome = outcome
        report.duplicate_of = duplicate_of if outcome == Outcome.DUPLICATE else None
        report.closed_at = timezone.now()
        if message.strip():
            closing = Message(
                report=report, author=Message.Author.STAFF, staff_user=by,
                kind=Message.Kind.CLOSING,
            )  # fmt: skip
            closing.body = message.strip()
            closing.save()
        _step(
            report,
            ReportEvent.Kind.CLOSED,
            by,
            ["status", "outcome", "duplicate_of", "closed_at"],
            outcome=outcome,
        )
        tell_reporter(report)  # a content-free notice, if they asked for one
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
            if first_holder_notice_this_hour(report):
                transaction.on_commit(
                    partial(notify_staff.enqueue, "handed_over", report.pk, "person", to.pk)
                )
            count += 1
    return count


def message_reporter(report: Report, *, by, text: str) -> Report:
    """A message on the reporter's follow-up page that asks nothing ("thank you, this went
    to the police"): the report does not wait for an answer."""
    if not text.strip():
        raise ReportError(_("Write the message first."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.MESSAGE, report)
        _refuse_if_closed(report)
        message = Message(
            report=report, author=Message.Author.STAFF, staff_user=by, kind=Message.Kind.MESSAGE
        )
        message.body = text.strip()
        message.save()
        _step(report, ReportEvent.Kind.MESSAGE, by, [], text=text.strip())
        tell_reporter(report)  # a content-free notice, if they asked for one
    return report


def reopen_report(report: Report, *, by, reason: str) -> Report:
    """A supervisor reopens a closed report, saying why (kept, encrypted, in the timeline)."""
    if not reason.strip():
        raise ReportError(_("Say why the report is reopened."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.REOPEN, report)
        if report.status != Report.Status.CLOSED:
            raise ReportError(_("Only a closed report can be reopened."))
        report.status = Report.Status.ASSESSING
        report.closed_at = None
        report.outcome = ""
        fields = ["status", "closed_at", "outcome"]
        _step(report, ReportEvent.Kind.REOPENED, by, fields, text=reason.strip())
    return report


def link_reports(report: Report, other: Report, *, by, note: str = "") -> Report:
    """Two related reports (the same place, the same suspect), linked both ways."""
    if other.pk == report.pk:
        raise ReportError(_("A report cannot be linked to itself."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.LINK, report)
        first, second = sorted([report, other], key=lambda r: r.pk)
        if ReportLink.objects.filter(first=first, second=second).exists():
            raise ReportError(_("These reports are linked already."))
        link = ReportLink(first=first, second=second, made_by=by)
        link.note = note.strip()
        link.save()
        _step(report, ReportEvent.Kind.LINKED, by, [], to=other.reference)
    return report


def act_on_reports(reports, *, by, step) -> tuple[list[Report], list[tuple[Report, str]]]:
    """One step on several reports (a wave of spam closed at once): each report its own
    transaction and its own audit entries; a report nobody holds is claimed by the same
    action first, so the timeline says who handled it. Returns the reports done and those
    refused, with why (held by a colleague, already closed)."""
    done, refused = [], []
    for report in reports:
        try:
            with transaction.atomic():
                if report.status == Report.Status.NEW and report.assigned_to_id is None:
                    report = claim_report(report, by=by)
                done.append(step(report))
        except ReportError as error:
            refused.append((report, str(error)))
    return done, refused


def close_reports(reports, *, by, outcome: str, duplicate_of: Report | None = None):
    return act_on_reports(
        reports, by=by,
        step=lambda r: close_report(r, by=by, outcome=outcome, duplicate_of=duplicate_of),
    )  # fmt: skip


def add_tags(reports, *, by, tags):
    """Adds `tags` to each report, keeping the tags it has."""
    return act_on_reports(
        reports, by=by, step=lambda r: set_tags(r, by=by, tags=[*r.tags.all(), *tags])
    )
