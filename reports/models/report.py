"""The report: what the triage queue needs stays in clear (reference, dates, status,
priority, Belgium or abroad, country, kind of place); everything a reporter typed is
encrypted at rest, as one JSON document (`content`). Its reference and follow-up code."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from encryption.fields import SealedJSONField
from reports.hashers import FollowUpCodeHasher
from reports.models.choices import Authority, Consent, Outcome
from reports.models.keys import ReportKey, SealedToReport, give_keys, new_keys

# Crockford's base32 without I, L, O, U: nothing to misread when copying a code by hand.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"


def _random_string(alphabet: str, length: int) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


def new_reference() -> str:
    """Short and non-sequential: 'JDS-K7QD-3MXA' (25^8 ≈ 1.5e11 values)."""
    raw = _random_string(REFERENCE_ALPHABET, 8)
    return f"JDS-{raw[:4]}-{raw[4:]}"


def new_follow_up_code() -> str:
    """20 symbols of base32 (100 bits), in five groups of four."""
    raw = _random_string(CODE_ALPHABET, 20)
    return "-".join(raw[i : i + 4] for i in range(0, 20, 4))


def normalise_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    # The usual misreadings of a handwritten code.
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"}))


def code_lookup(code: str) -> str:
    """Index to find the report a code belongs to. The code has 100 bits of randomness, so
    an unsalted digest reveals nothing; the salted password hash is what verifies it."""
    return hashlib.sha256(b"jedisstop-follow-up:" + normalise_code(code).encode()).hexdigest()


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=Report.Status.CLOSED)

    def countries_in_use(self) -> list[str]:
        """The distinct countries of all reports, by hopping along the country index.

        A plain DISTINCT reads every row (16 ms on 100,000 reports); this asks the index
        for the next country after the last one, once per country (under 1 ms).
        """
        table = connection.ops.quote_name(self.model._meta.db_table)
        sql = f"""
            WITH RECURSIVE hop(country) AS (
                SELECT MIN(country) FROM {table} WHERE country > ''
                UNION ALL
                SELECT (SELECT MIN(country) FROM {table} WHERE country > hop.country)
                FROM hop WHERE hop.country IS NOT NULL
            )
            SELECT country FROM hop WHERE country IS NOT NULL
        """  # noqa: S608 - the table name is the model's own, quoted
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return [row[0] for row in cursor.fetchall()]

    def unclaimed_since(self, delta):
        return self.filter(status=Report.Status.NEW, received_at__lt=timezone.now() - delta)

    def reporter_waiting(self, *, older_than):
        """Open reports whose reporter wrote last, and nobody acted since, for too long."""
        return self.open().filter(
            last_reporter_activity_at__isnull=False,
            last_reporter_activity_at__gte=models.F("last_activity_at"),
            last_reporter_activity_at__lt=timezone.now() - older_than,
        )


class Report(SealedToReport, models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Received")
        ASSESSING = "assessing", _("Being assessed")
        WAITING = "waiting", _("Waiting for the reporter")
        FORWARDED = "forwarded", _("Forwarded to the authorities")
        CLOSED = "closed", _("Closed")

    class Priority(models.IntegerChoices):
        URGENT = 1, _("Urgent")
        HIGH = 2, _("High")
        NORMAL = 3, _("Normal")
        LOW = 4, _("Low")

    class Location(models.TextChoices):
        BELGIUM = "belgium", _("In Belgium")
        ABROAD = "abroad", _("Abroad")
        # Online, or a place the reporter cannot name: no country is asked.
        UNKNOWN = "unknown", _("Online, or I do not know where")

    class PlaceKind(models.TextChoices):
        ACCOMMODATION = "accommodation", _("Hotel or accommodation")
        BAR = "bar", _("Bar or nightclub")
        STREET = "street", _("Street or beach")
        HOME = "home", _("Private home")
        TRANSPORT = "transport", _("Transport")
        ONLINE = "online", _("Online")
        OTHER = "other", _("Other")

    class Channel(models.TextChoices):
        WEB = "web", _("Website")
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")
        IN_PERSON = "in_person", _("In person")

    reference = models.CharField(_("reference"), max_length=16, unique=True, default=new_reference)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    location = models.CharField(_("place"), max_length=8, choices=Location.choices)
    country = CountryField(_("country"), blank=True)
    place_kind = models.CharField(
        _("kind of place"), max_length=16, choices=PlaceKind.choices, blank=True
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    # Everything the reporter typed, sealed to the team and the reporter (reports.models.keys).
    content = SealedJSONField(empty={}, db_column="content_encrypted")
    code_lookup = models.CharField(max_length=64, unique=True, editable=False)
    code_hash = models.CharField(max_length=256, editable=False)
    last_reporter_activity_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Triage: who works the report, and what became of it. Never shown to the reporter.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    authority = models.CharField(
        _("authority"), max_length=16, choices=Authority.choices, blank=True
    )
    authority_reference = SealedJSONField(
        _("authority's case reference"), empty="", db_column="authority_reference_sealed"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    tags = models.ManyToManyField("Tag", verbose_name=_("tags"), blank=True, related_name="reports")
    staff_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # What the reporter agreed to (owned by the case file; the form's wording by the intake).
    consent = models.CharField(
        _("consent"), max_length=10, choices=Consent.choices, default=Consent.ANONYMOUS
    )
    consent_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # False for a report entered by staff without a code for the caller: nobody can read a
    # question on it, so none is asked.
    follow_up_possible = models.BooleanField(default=True, editable=False)
    # When staff were last mailed about the reporter's answers (one mail an hour at most).
    reply_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The service clock (reports.triage.clocks): what the report waits for, and by when.
    clock = models.CharField(_("waiting for"), max_length=10, blank=True, editable=False)
    due_at = models.DateTimeField(_("due"), null=True, blank=True, editable=False)
    # The first step after the claim that assessed the report.
    assessed_at = models.DateTimeField(_("first assessed"), null=True, blank=True, editable=False)
    # The due date a reminder was sent for (one reminder per clock), and when the holder was
    # last mailed about a hand-over or an answer (one mail per report per hour at most).
    reminded_for = models.DateTimeField(null=True, blank=True, editable=False)
    holder_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the mail server refused the last notice to the reporter (sent from a member's
    # request: their address is sealed); the report page offers to send it again.
    reporter_notice_failed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The words the search finds it by (reports.search), sealed to the team until a member's
    # request turns them into digests under the search key, itself sealed to the team.
    search_words = SealedJSONField(empty=[], db_column="search_words_sealed")
    search_indexed = models.BooleanField(default=False, editable=False, db_index=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["priority", "received_at"]
        indexes = [
            # The queue's order, and its country filter, on 100,000 reports.
            models.Index(fields=["priority", "received_at"], name="report_queue_order"),
            models.Index(fields=["country"], name="report_country"),
            models.Index(fields=["due_at"], name="report_due"),
        ]
        permissions = [
            ("work_report", _("Can work reports: claim, ask, forward, close")),
            ("supervise_report", _("Can reassign reports and see the audit log and statistics")),
        ]

    sealed_report = ""
    sealed_scopes = {
        "content": ReportKey.Scope.CHANNEL, "authority_reference": ReportKey.Scope.TEAM,
        "search_words": ReportKey.Scope.TEAM,
    }  # fmt: skip

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, **kwargs):
        """A new report makes its keys and wraps them to the team (and the reporter)."""
        adding = self._state.adding
        if adding and "_report_keys" not in self.__dict__:
            self.__dict__["_report_keys"] = new_keys()
        super().save(*args, **kwargs)
        if adding:
            give_keys(self)

    def related(self) -> list[tuple[Report, str]]:
        """Reports related to this one, both ways: linked by staff (with the link's note),
        this one's original, and the reports closed as duplicates of it."""
        found: list[tuple[Report, str]] = []
        for link in self.links_out.select_related("second"):
            found.append((link.second, link.note))
        for link in self.links_in.select_related("first"):
            found.append((link.first, link.note))
        if self.duplicate_of_id:
            found.append((self.duplicate_of, str(_("this report duplicates it"))))
        for duplicate in self.duplicates.all():
            found.append((duplicate, str(_("duplicate of this report"))))
        return found

    @property
    def reporter_answered_since_seen(self) -> bool:
        activity = self.last_reporter_activity_at
        return bool(activity and (self.staff_seen_at is None or activity > self.staff_seen_at))

    def set_follow_up_code(self, code: str) -> None:
        # Kept on the instance until it is saved, to derive the reporter's key: never stored.
        self.__dict__["_reporter_code"] = normalise_code(code)
        self.code_lookup = code_lookup(code)
        self.code_hash = make_password(normalise_code(code), hasher=FollowUpCodeHasher.algorithm)

    def check_follow_up_code(self, code: str) -> bool:
        return check_password(normalise_code(code), self.code_hash)
