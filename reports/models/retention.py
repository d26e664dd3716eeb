"""What outlives a report (the anonymous statistic) and what keeps one longer (a legal hold)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from encryption.fields import SealedJSONField
from reports.models.choices import Outcome
from reports.models.keys import ReportKey, SealedToReport
from reports.models.report import Report


class ReportStatistic(models.Model):
    """What stays of a purged report: dates and categories, no content at all."""

    received_at = models.DateTimeField(db_index=True)
    claimed_at = models.DateTimeField(null=True)
    forwarded_at = models.DateTimeField(null=True)
    closed_at = models.DateTimeField(null=True)
    location = models.CharField(max_length=8, choices=Report.Location.choices)
    country = models.CharField(max_length=2, blank=True)
    channel = models.CharField(max_length=10, choices=Report.Channel.choices)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    # What the annual report needs beyond that: the kind of place, the first assessment, and
    # each referral's authority, sending time and outcome (codes and dates, no content).
    place_kind = models.CharField(max_length=16, blank=True)
    assessed_at = models.DateTimeField(null=True)
    referrals = models.JSONField(default=list)

    class Meta:
        verbose_name = _("statistic of a purged report")
        verbose_name_plural = _("statistics of purged reports")

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m} {self.location} {self.outcome}"


class LegalHoldQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(lifted_at__isnull=True, until__gte=on)


class LegalHold(SealedToReport, models.Model):
    """A report kept past its retention for an investigation in progress, until a date, with
    why (encrypted). Placed and lifted by supervisors, audited; the purge respects it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="holds")
    reason = SealedJSONField(empty="", db_column="reason_encrypted")
    sealed_scopes = {"reason": ReportKey.Scope.TEAM}
    until = models.DateField(_("kept until"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        ordering = ["-placed_at"]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.until}"
