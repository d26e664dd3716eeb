"""Referrals: a report passed on to an authority."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import rules
from reports.errors import ReportError
from reports.models import (
    Authority,
    Report,
    ReportEvent,
)
from reports.rules import Step
from reports.triage.steps import _locked, _step


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
