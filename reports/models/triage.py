"""The triage team's tools: tags, links between reports, the on-call rota, the blind index."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from encryption.fields import SealedJSONField
from reports.models.keys import ReportKey, SealedToReport
from reports.models.report import Report


class Tag(models.Model):
    """A label supervisors define to group related reports (a destination, a type of place)."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ReportLink(SealedToReport, models.Model):
    """Two reports staff found related (the same place, the same suspect), with why. Shown on
    both. A duplicate is linked by closing one as the duplicate of the other."""

    first = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_out")
    second = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_in")
    note = SealedJSONField(empty="", db_column="note_encrypted")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    sealed_report = "first"
    sealed_scopes = {"note": ReportKey.Scope.TEAM}

    class Meta:
        verbose_name = _("link between reports")
        verbose_name_plural = _("links between reports")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="report_link_once"),
            models.CheckConstraint(
                condition=~models.Q(first=models.F("second")), name="report_link_not_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ↔ {self.second_id}"


class OnCallShift(models.Model):
    """Who answers urgent reports out of hours, from when to when (the rota supervisors keep).
    With nobody on call, an urgent report alerts the triage inbox."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person on call"), on_delete=models.CASCADE,
        related_name="on_call_shifts",
    )  # fmt: skip
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        verbose_name = _("on-call shift")
        verbose_name_plural = _("on-call rota")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="shift_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at)
        return f"{self.person.get_username()} {start:%Y-%m-%d %H:%M} → {end:%Y-%m-%d %H:%M}"

    @classmethod
    def on_call(cls, at=None):
        """The person on call at `at` (now), or None; the latest shift wins an overlap."""
        at = at or timezone.now()
        shift = (
            cls.objects.filter(starts_at__lte=at, ends_at__gt=at, person__is_active=True)
            .select_related("person").order_by("-starts_at").first()
        )  # fmt: skip
        return shift.person if shift else None


class SearchTerm(models.Model):
    """One keyed digest of an indexed answer of a report (reports.search): a whole value or
    one of its words. Nothing here can be read back; equal texts give equal digests."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="search_terms")
    group = models.CharField(max_length=10)
    whole = models.BooleanField()
    digest = models.CharField(max_length=32, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "group", "whole", "digest"],
                                    name="search_term_once"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.report_id} {self.group}"


class SearchKey(models.Model):
    """The key of the blind index (reports.search): random, one generation at a time, and
    sealed to the team like a report's keys (SearchKeyWrap), never in the environment. A
    copy of the database and the environment cannot test a guessed name against the
    index."""

    generation = models.PositiveIntegerField(unique=True)
    made_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"search key {self.generation}"


class SearchKeyWrap(models.Model):
    search_key = models.ForeignKey(SearchKey, on_delete=models.CASCADE, related_name="wraps")
    holder = models.CharField(max_length=8, choices=ReportKey.Holder.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    public_key = models.BinaryField(max_length=32)
    wrapped = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["search_key", "public_key"],
                                    name="search_key_once_per_holder"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.search_key} → {self.holder} {self.user_id or ''}"
