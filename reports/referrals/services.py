"""Referrals: a report passed on to an authority, as many times as needed (the Federal
Police, a foreign authority through FPS Foreign Affairs, Child Focus, the ECPAT member of
the destination country…), each with what was sent and, later, what came back."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import rules
from reports.errors import ReportError
from reports.models import (
    POLICE_AUTHORITIES,
    Authority,
    Consent,
    Referral,
    ReferralOutcome,
    Report,
    ReportEvent,
)
from reports.rules import Step
from reports.triage.steps import _locked, _step

# The report's sections a dossier holds unless the officer chooses: all but the reporter's
# own details, which leave only with the reporter's consent.
DEFAULT_SECTIONS = ["where", "when", "what", "children", "suspects", "evidence"]
REFERABLE = (Report.Status.ASSESSING, Report.Status.WAITING, Report.Status.FORWARDED)


def forward_report(
    report: Report,
    *,
    by,
    authority: str,
    reference: str = "",
    forwarded_on=None,
    authority_name: str = "",
    contact: str = "",
    language: str = "fr",
    sections: list[str] | None = None,
    photos=None,
) -> Report:
    """A new referral of `report` (a second one is as welcome as the first); returns the
    report, its new referral last in `report.referrals`."""
    if authority not in Authority.values:
        raise ReportError(_("Choose the authority the report goes to."))
    sent_at = forwarded_on or timezone.now()
    if sent_at > timezone.now() + timezone.timedelta(minutes=5):
        raise ReportError(_("A forwarding cannot be in the future."))
    with transaction.atomic():
        report = _locked(report)
        rules.check(by, Step.FORWARD, report)
        if report.status not in REFERABLE:
            raise ReportError(_("Only a report being assessed can be forwarded."))
        chosen = [s for s in (sections or DEFAULT_SECTIONS) if s in DEFAULT_SECTIONS]
        # What the first dossier would say: each file asks again when it is made
        # (Referral.names_reporter), from the consent in force then.
        named = report.consent == Consent.POLICE and authority in POLICE_AUTHORITIES
        referral = Referral.objects.create(
            report=report, authority=authority, authority_name=authority_name.strip(),
            reference=reference.strip(), contact=contact.strip(), sent_at=sent_at,
            sent_by=by, language=language, sections=chosen, identity_included=named,
            consent_at_sending=report.consent,
        )  # fmt: skip
        if photos is None:
            photos = report.photos.shown()
        referral.photos.set([p for p in photos if p.report_id == report.pk and not p.hidden])
        fields = ["status"]
        report.status = Report.Status.FORWARDED
        if report.forwarded_at is None:  # the first referral, as the statistics count it
            report.authority, report.authority_reference = authority, referral.reference
            report.forwarded_at = sent_at
            fields += ["authority", "authority_reference", "forwarded_at"]
        _step(
            report, ReportEvent.Kind.FORWARDED, by, fields,
            authority=authority, referral=referral.pk,
        )  # fmt: skip
    return report


def record_outcome(referral: Referral, *, by, outcome: str, received_at=None) -> Referral:
    """What the authority gave back. The report stays open while another referral waits."""
    if outcome not in ReferralOutcome.values:
        raise ReportError(_("Choose what the authority gave back."))
    with transaction.atomic():
        report = _locked(referral.report)
        rules.check(by, Step.OUTCOME, report)
        referral = Referral.objects.select_for_update().get(pk=referral.pk, report=report)
        referral.outcome = outcome
        referral.outcome_at = received_at or timezone.now()
        referral.save(update_fields=["outcome", "outcome_at"])
        fields = []
        if report.status == Report.Status.FORWARDED and not report.referrals.filter(outcome=""):
            report.status = Report.Status.ASSESSING  # nothing waits any more: back to work
            fields.append("status")
        _step(
            report, ReportEvent.Kind.OUTCOME, by, fields,
            outcome=outcome, authority=referral.authority, referral=referral.pk,
        )  # fmt: skip
    return referral
