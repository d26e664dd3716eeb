"""The audit trail: who did or saw what, when, on which report."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from reports.models import AuditEntry, Report

# A report page reloads after every step: one view a person a report in this window is
# enough to say who looked at it, and keeps the log readable.
VIEW_WINDOW = timedelta(minutes=30)


def audit(
    user,
    action: str,
    report: Report | None = None,
    detail: str = "",
    *,
    data: dict | None = None,
) -> AuditEntry:
    """Record one entry. `detail` is the code as it always was; `data` the same facts,
    language-neutral (codes, numbers, user names: never a report's content), from which
    the log says what changed in its reader's language."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "get_username", lambda: "")() or "",
        action=action,
        report=report,
        report_reference=report.reference if report else "",
        detail=detail[:200],
        data=data or {},
    )


def audit_report_view(user, report: Report) -> AuditEntry | None:
    """A view of the report, unless this person viewed it within VIEW_WINDOW.

    A read then an insert, not one statement: two page loads at the same instant may both
    write (a duplicate line is harmless), and no entry is ever changed or removed.
    """
    recent = AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW_REPORT,
        report=report,
        user=user,
        created_at__gt=timezone.now() - VIEW_WINDOW,
    )
    if recent.exists():
        return None
    return audit(user, AuditEntry.Action.VIEW_REPORT, report)
