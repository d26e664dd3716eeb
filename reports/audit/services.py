"""The audit trail: who did or saw what, when, on which report."""

from __future__ import annotations

from reports.models import AuditEntry, Report


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
