"""The report's timeline (ReportEvent) and the audit log of every view and sign-in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from encryption.fields import SealedJSONField
from reports.models.choices import Authority, Consent, Outcome, ReferralOutcome
from reports.models.keys import ReportKey, SealedToReport
from reports.models.report import Report


class ReportEvent(SealedToReport, models.Model):
    """One step in a report's life, for its timeline. Notes and questions are encrypted."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Report received")
        CLAIMED = "claimed", _("Claimed")
        RELEASED = "released", _("Released")
        PRIORITY = "priority", _("Priority changed")
        NOTE = "note", _("Internal note")
        ASKED = "asked", _("Question to the reporter")
        ANSWERED = "answered", _("The reporter answered")
        FORWARDED = "forwarded", _("Forwarded")
        CLOSED = "closed", _("Closed")
        TAGS = "tags", _("Tags changed")
        HANDED_OVER = "handed_over", _("Handed over")
        OUTCOME = "outcome", _("Outcome from an authority")
        MESSAGE = "message", _("Message to the reporter")
        REOPENED = "reopened", _("Reopened")
        LINKED = "linked", _("Linked to a related report")
        CONSENT = "consent", _("The reporter changed their consent")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Non-secret facts (new priority, authority, outcome); free text goes in text.
    data = models.JSONField(default=dict, blank=True)
    text = SealedJSONField(empty="", db_column="text_encrypted")
    sealed_scopes = {"text": ReportKey.Scope.TEAM}

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def change(self) -> str:
        """What changed, in words ("Normal → Urgent", "to officer2", the authority, the
        outcome, the tags), from the event's non-secret facts."""
        data = self.data or {}
        kind = self.Kind
        if self.kind == kind.PRIORITY and "priority" in data:
            labels = dict(Report.Priority.choices)
            new = str(labels.get(data["priority"], data["priority"]))
            if "previous" in data:
                return f"{labels.get(data['previous'], data['previous'])} → {new}"
            return f"→ {new}"
        if self.kind in (kind.HANDED_OVER, kind.LINKED) and data.get("to"):
            return f"→ {data['to']}"
        if self.kind == kind.FORWARDED and data.get("authority"):
            return str(dict(Authority.choices).get(data["authority"], data["authority"]))
        if self.kind == kind.OUTCOME and data.get("outcome"):
            authority = dict(Authority.choices).get(data.get("authority"), "")
            outcome = dict(ReferralOutcome.choices).get(data["outcome"], data["outcome"])
            return f"{authority}: {outcome}" if authority else str(outcome)
        if self.kind == kind.CLOSED and data.get("outcome"):
            return str(dict(Outcome.choices).get(data["outcome"], data["outcome"]))
        if self.kind == kind.CONSENT and data.get("consent"):
            labels = dict(Consent.choices)
            new = str(labels.get(data["consent"], data["consent"]))
            return f"{labels.get(data.get('previous'), data.get('previous'))} → {new}"
        if self.kind == kind.TAGS:
            return ", ".join(data.get("tags") or []) or "—"
        return ""

    # The dossier says by which role a step was taken, never who.
    BY_ROLE = {
        "officer": _("by a triage officer"),
        "supervisor": _("by a supervisor"),
        "staff": _("by a staff member"),
    }

    def dossier_change(self) -> str:
        """change() for the dossier that leaves the building: never a user name (a
        hand-over), another report (a link) or an internal tag."""
        if self.kind in (self.Kind.HANDED_OVER, self.Kind.LINKED, self.Kind.TAGS):
            return ""
        return self.change()

    def by_role(self) -> str:
        """ "by a triage officer", "by a supervisor": the role the step was taken in (kept
        with the event; for an older event, the role its author holds now), or "" for the
        reporter's own steps."""
        role = (self.data or {}).get("by_role")
        if role is None and self.actor_id is not None:
            from reports.rules import role_of

            role = role_of(self.actor)
        return str(self.BY_ROLE.get(role, "")) if role else ""


class AuditEntry(models.Model):
    """Who did or saw what, when, on which report. Append-only: the admin lets no one,
    superusers included, add, change or delete an entry."""

    class Action(models.TextChoices):
        VIEW_REPORT = "view_report", _("Viewed a report")
        VIEW_PHOTO = "view_photo", _("Opened a photo")
        DOSSIER = "dossier", _("Printed a forwarding dossier")
        CHANGE = "change", _("Changed a report")
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOGOUT = "logout", _("Logged out")
        SIGN_IN_CHANGE = "signin_change", _("Changed how they sign in")
        STAFF_ACCOUNT = "staff_account", _("Changed a staff account")
        EXPORT_AUDIT = "export_audit", _("Exported the audit log")
        SEARCH = "search", _("Searched the reports")

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("what"), max_length=16, choices=Action.choices)
    report = models.ForeignKey(
        Report,
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when a report is purged, so the trail stays readable.
    report_reference = models.CharField(_("report reference"), max_length=16, blank=True)
    # The code as written (kept as it was for entries older than `data`).
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    # The same facts, language-neutral, for the log to say what changed in the reader's
    # language (reports.audit.describe): codes, numbers, user names, never report content.
    data = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log entries")

    def __str__(self) -> str:
        when = timezone.localtime(self.created_at)
        return f"{when:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries cannot be deleted.")
