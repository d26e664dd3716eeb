"""What every step of a report's life shares: the row lock, the timeline event and the audit
entry.

Each step locks the report's row (select_for_update) so that two officers acting at the
same instant are served one after the other: the second sees the first one's result and
is told why its step is refused."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from reports import rules
from reports.audit.services import audit
from reports.errors import ReportError
from reports.models import (
    AuditEntry,
    Report,
    ReportEvent,
)
from reports.triage import clocks


def _locked(report: Report) -> Report:
    # No join here: on PostgreSQL a row re-read after waiting for the lock keeps the joined
    # rows of its first read, so the holder is fetched afterwards, as committed.
    return Report.objects.select_for_update().get(pk=report.pk)


def _step(report: Report, kind: str, by, fields: list[str], *, text: str = "", **data) -> None:
    now = timezone.now()
    report.last_activity_at = now
    fields = [*fields, "last_activity_at"]
    if report.claimed_at and report.assessed_at is None and kind in clocks.ASSESSING_STEPS:
        report.assessed_at = now
        fields.append("assessed_at")
    report.save(update_fields=fields)
    clocks.refresh(report)
    # The role the step was taken in, as it is now, for the dossier (which names no one).
    facts = {**data, "by_role": rules.role_of(by)} if by is not None else data
    event = ReportEvent(report=report, kind=kind, actor=by, created_at=now, data=facts)
    event.text = text
    event.save()
    # The event's facts (priority, to, authority, outcome, tags) say what changed; its text
    # (a note, a question) never goes into the audit.
    audit(by, AuditEntry.Action.CHANGE, report, detail=kind, data={"step": kind, **data})


def _refuse_if_closed(report: Report) -> None:
    if report.status == Report.Status.CLOSED:
        raise ReportError(_("This report is closed."))
