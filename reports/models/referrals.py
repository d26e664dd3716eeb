"""Referrals: a report passed to an authority, what it gave back, and each dossier file
sent (Delivery)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from encryption.fields import SealedJSONField
from reports.models.choices import POLICE_AUTHORITIES, Authority, Consent, ReferralOutcome
from reports.models.keys import ReportKey, SealedToReport
from reports.models.report import Report


class Referral(SealedToReport, models.Model):
    """One forwarding of a report to one authority, with what was sent and what came back.

    A report abroad often goes to the Federal Police and, through FPS Foreign Affairs, to a
    foreign authority: each is a referral of its own. A referral without an outcome keeps
    the report waiting for an authority."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="referrals"
    )
    authority = models.CharField(_("authority"), max_length=16, choices=Authority.choices)
    # Who received it and under which case: sealed to the team (reports.models.keys).
    sealed_scopes = {
        "authority_name": ReportKey.Scope.TEAM, "reference": ReportKey.Scope.TEAM,
        "contact": ReportKey.Scope.TEAM,
    }  # fmt: skip
    authority_name = SealedJSONField(
        _("name of the authority"), empty="", db_column="authority_name_sealed",
        help_text=_("For a foreign authority or another body: its name."),
    )  # fmt: skip
    reference = SealedJSONField(
        _("authority's case reference"), empty="", db_column="reference_sealed"
    )
    contact = SealedJSONField(_("contact person"), empty="", db_column="contact_sealed")
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    language = models.CharField(
        _("dossier language"), max_length=2, choices=settings.LANGUAGES, default="fr"
    )
    # What the dossier holds: the sections of the report (their keys) and the photos.
    sections = models.JSONField(_("sections sent"), default=list)
    photos = models.ManyToManyField(
        "ReportPhoto", verbose_name=_("photos sent"), blank=True, related_name="referrals"
    )
    identity_included = models.BooleanField(_("reporter's identity included"), default=False)
    consent_at_sending = models.CharField(
        _("consent when sent"), max_length=10, choices=Consent.choices, blank=True
    )
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=ReferralOutcome.choices, blank=True
    )
    outcome_at = models.DateTimeField(_("outcome received"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report.reference} → {self.get_authority_display()}"

    @property
    def waiting(self) -> bool:
        return not self.outcome

    def names_reporter(self) -> bool:
        """Whether a file made now may name the reporter: asked anew each time a file is
        made, from the consent in force now, and only for a police authority."""
        return self.report.consent == Consent.POLICE and self.authority in POLICE_AUTHORITIES

    @property
    def consent_changed_since_sent(self) -> bool:
        """The reporter changed their consent after this referral was sent: staff may have
        to tell the authority (`report.consent_changed_at` says when)."""
        report = self.report
        return bool(
            self.consent_at_sending
            and report.consent != self.consent_at_sending
            and report.consent_changed_at
            and report.consent_changed_at > self.sent_at
        )


class Delivery(SealedToReport, models.Model):
    """A dossier that left the building: who made it, when, for whom, how, and the SHA-256
    of the very file, so that what an authority received can be proven later."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        ZIP = "zip", _("ZIP with the photos")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="deliveries")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipient = SealedJSONField(_("for"), empty="", db_column="recipient_sealed")
    encrypted = models.BooleanField(_("protected with a passphrase"), default=False)
    # Why a file left without a passphrase (required then): internal, encrypted like notes.
    sealed_report = "referral.report"
    sealed_scopes = {
        "unencrypted_reason": ReportKey.Scope.TEAM, "recipient": ReportKey.Scope.TEAM,
    }  # fmt: skip
    unencrypted_reason = SealedJSONField(
        _("why without a passphrase"), empty="", db_column="unencrypted_reason_encrypted"
    )
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["made_at", "pk"]

    def __str__(self) -> str:
        return f"{self.referral} {self.kind} {self.made_at:%Y-%m-%d %H:%M}"
