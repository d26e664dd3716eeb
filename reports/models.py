"""Reports, their photos and messages.

What the triage queue needs stays in clear (reference, dates, status, priority, Belgium or
abroad, country, kind of place); everything a reporter typed is encrypted at rest, as one
JSON document per report (`content`) and per message. Photos are encrypted files in the
private storage, never under MEDIA_ROOT.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from jedisstop import crypto
from jedisstop.fields import EncryptedFileField, EncryptedJSONField
from reports.hashers import FollowUpCodeHasher
from reports.storage import private_storage

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


class Authority(models.TextChoices):
    FEDERAL_POLICE = "federal_police", _("Federal Police")
    FOREIGN = "foreign", _("Foreign authority (through FPS Foreign Affairs)")
    CHILD_FOCUS = "child_focus", _("Child Focus")
    ECPAT_MEMBER = "ecpat_member", _("ECPAT member of the destination country")
    OTHER = "other", _("Other")


# What a reporter may read of how their report ended: one decision per outcome, never
# anything that could compromise an investigation (an opened investigation is told as
# "passed to the competent authority"). None: the generic "closed" only.
OUTCOME_FOR_REPORTER = {
    "forwarded": _(
        "ECPAT passed your report to the competent authority, which decides what follows; "
        "ECPAT cannot tell you more. Thank you for reporting."
    ),
    "not_enough": _(
        "Your report did not hold enough information for ECPAT to pass it on. If you learn "
        "more, you can report again at any time. Thank you for reporting."
    ),
    "out_of_scope": _(
        "Your report concerns a situation outside what ECPAT handles. Thank you for reporting."
    ),
    "duplicate": _(
        "Your report concerned a situation already reported: it was added to that report. "
        "Thank you for reporting."
    ),
    "spam": None,
}


class Consent(models.TextChoices):
    """What the reporter agreed to. Only POLICE lets a dossier name them, and only a dossier
    for a police authority (POLICE_AUTHORITIES)."""

    ANONYMOUS = "anonymous", _("Stay anonymous; answer through the follow-up page")
    ECPAT = "ecpat", _("ECPAT may contact me")
    POLICE = "police", _("The police may contact me directly")


# The authorities "the police may contact me directly" lets a dossier name the reporter to:
# the Federal Police, and a foreign police through FPS Foreign Affairs. Never Child Focus, an
# ECPAT member or another body.
POLICE_AUTHORITIES = frozenset({Authority.FEDERAL_POLICE, Authority.FOREIGN})


class ReferralOutcome(models.TextChoices):
    """What an authority gave back. Blank: still waiting."""

    INVESTIGATION = "investigation", _("Investigation opened")
    REFERRED_ON = "referred_on", _("Passed on to another authority")
    NO_FURTHER_ACTION = "no_action", _("No further action")
    UNKNOWN = "unknown", _("Unknown (no answer)")


class Outcome(models.TextChoices):
    FORWARDED = "forwarded", _("Forwarded")
    NOT_ENOUGH = "not_enough", _("Not enough information")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")
    DUPLICATE = "duplicate", _("Duplicate of another report")
    SPAM = "spam", _("Spam")


class Report(models.Model):
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
    # Everything the reporter typed, encrypted (see jedisstop.fields).
    content = EncryptedJSONField(empty={}, db_column="content_encrypted")
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
    authority_reference = models.CharField(
        _("authority's case reference"), max_length=100, blank=True
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

    def __str__(self) -> str:
        return self.reference

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
        self.code_lookup = code_lookup(code)
        self.code_hash = make_password(normalise_code(code), hasher=FollowUpCodeHasher.algorithm)

    def check_follow_up_code(self, code: str) -> bool:
        return check_password(normalise_code(code), self.code_hash)


def encrypted_path(instance, filename: str) -> str:
    # A random name: nothing of the original name or the report shows on disk.
    return f"photos/{secrets.token_hex(16)}.bin"


class ReportPhotoQuerySet(models.QuerySet):
    def shown(self):
        """Photos staff may look at, and that may leave in a dossier: not flagged as possible
        abuse material, not deleted."""
        return self.filter(abuse_flagged_at__isnull=True, file_deleted_at__isnull=True)


class ReportPhoto(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    # Encrypted bytes of the re-encoded image, in the private storage.
    file = EncryptedFileField(upload_to=encrypted_path, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    # Original name, and (only if the reporter asked) the photo's place and time: encrypted.
    details = EncryptedJSONField(empty={}, db_column="details_encrypted")
    added_at = models.DateTimeField(default=timezone.now)
    # Possible child sexual abuse material: hidden from everyone once flagged, never in a
    # dossier; its passing to the police is recorded on a referral, and the file goes once
    # they confirm receipt, or after ABUSE_PHOTO_DAYS (reports.triage.photos).
    abuse_flagged_at = models.DateTimeField(null=True, blank=True, editable=False)
    abuse_flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )  # fmt: skip
    abuse_passed_on = models.ForeignKey(
        "Referral", null=True, blank=True, on_delete=models.SET_NULL, related_name="abuse_photos",
        editable=False,
    )  # fmt: skip
    abuse_passed_at = models.DateTimeField(null=True, blank=True, editable=False)
    abuse_receipt_at = models.DateTimeField(null=True, blank=True, editable=False)
    file_deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ReportPhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"photo {self.pk}"

    def read(self) -> bytes:
        with self.file.open("rb") as fh:
            return crypto.decrypt_bytes(fh.read())

    @property
    def hidden(self) -> bool:
        return self.abuse_flagged_at is not None or self.file_deleted_at is not None

    @property
    def number(self) -> int:
        """Its place among the report's photos (1, 2…), for names such as JDS-…-1.jpg."""
        return (
            self.report.photos.filter(
                models.Q(added_at__lt=self.added_at)
                | models.Q(added_at=self.added_at, pk__lt=self.pk)
            ).count()
            + 1
        )

    @property
    def extension(self) -> str:
        return {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}.get(
            self.content_type, "bin"
        )

    def download_name(self) -> str:
        return f"{self.report.reference}-{self.number}.{self.extension}"


class Message(models.Model):
    class Author(models.TextChoices):
        STAFF = "staff", _("ECPAT staff")
        REPORTER = "reporter", _("Reporter")

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        MESSAGE = "message", _("Message")
        CLOSING = "closing", _("Closing message")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(max_length=8, choices=Author.choices)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.QUESTION)
    staff_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = EncryptedJSONField(empty="", db_column="body_encrypted")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_author_display()} {self.created_at:%Y-%m-%d %H:%M}"


class PendingUploadQuerySet(models.QuerySet):
    def expired(self):
        hours = settings.PENDING_UPLOAD_HOURS
        return self.filter(created_at__lt=timezone.now() - timedelta(hours=hours))


class PendingUpload(models.Model):
    """A photo accepted by a form that is not sent yet, bound to that form by its token.

    Kept so that a person whose form came back with an error never picks it again; removed
    when the report is sent, or after PENDING_UPLOAD_HOURS.
    """

    token = models.CharField(max_length=64, db_index=True)
    file = EncryptedFileField(upload_to=encrypted_path, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    details = EncryptedJSONField(empty={}, db_column="details_encrypted")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PendingUploadQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"pending upload {self.pk}"


class ReportEvent(models.Model):
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
    text = EncryptedJSONField(empty="", db_column="text_encrypted")

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


class Tag(models.Model):
    """A label supervisors define to group related reports (a destination, a type of place)."""

    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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


class Referral(models.Model):
    """One forwarding of a report to one authority, with what was sent and what came back.

    A report abroad often goes to the Federal Police and, through FPS Foreign Affairs, to a
    foreign authority: each is a referral of its own. A referral without an outcome keeps
    the report waiting for an authority."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="referrals"
    )
    authority = models.CharField(_("authority"), max_length=16, choices=Authority.choices)
    authority_name = models.CharField(
        _("name of the authority"), max_length=200, blank=True,
        help_text=_("For a foreign authority or another body: its name."),
    )  # fmt: skip
    reference = models.CharField(_("authority's case reference"), max_length=100, blank=True)
    contact = models.CharField(_("contact person"), max_length=200, blank=True)
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


class Delivery(models.Model):
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
    recipient = models.CharField(_("for"), max_length=200, blank=True)
    encrypted = models.BooleanField(_("protected with a passphrase"), default=False)
    # Why a file left without a passphrase (required then): internal, encrypted like notes.
    unencrypted_reason = EncryptedJSONField(
        _("why without a passphrase"), empty="", db_column="unencrypted_reason_encrypted"
    )
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["made_at", "pk"]

    def __str__(self) -> str:
        return f"{self.referral} {self.kind} {self.made_at:%Y-%m-%d %H:%M}"


class ReportLink(models.Model):
    """Two reports staff found related (the same place, the same suspect), with why. Shown on
    both. A duplicate is linked by closing one as the duplicate of the other."""

    first = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_out")
    second = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links_in")
    note = EncryptedJSONField(empty="", db_column="note_encrypted")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)

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


class PhotoDisplay(models.TextChoices):
    """How photos are shown before a click: always blurred, never in clear."""

    STRONG_GREY = "strong_grey", _("Strongly blurred, in greyscale")
    STRONG_COLOUR = "strong_colour", _("Strongly blurred, in colour")
    LIGHT_GREY = "light_grey", _("Lightly blurred, in greyscale")
    LIGHT_COLOUR = "light_colour", _("Lightly blurred, in colour")


class Wellbeing(models.Model):
    """A staff member's own choice of how photos are shown (blank: the team's default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wellbeing"
    )
    photo_display = models.CharField(
        _("how photos are shown"), max_length=14, choices=PhotoDisplay.choices, blank=True
    )

    class Meta:
        verbose_name = _("wellbeing setting")
        verbose_name_plural = _("wellbeing settings")

    def __str__(self) -> str:
        return str(self.user)


class TeamWellbeing(models.Model):
    """The team's defaults, set by supervisors (one row)."""

    photo_display = models.CharField(
        _("how photos are shown by default"), max_length=14, choices=PhotoDisplay.choices,
        default=PhotoDisplay.STRONG_GREY,
    )  # fmt: skip
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("team wellbeing default")
        verbose_name_plural = _("team wellbeing defaults")

    def __str__(self) -> str:
        return self.get_photo_display_display()

    @classmethod
    def current(cls) -> TeamWellbeing:
        return cls.objects.order_by("pk").first() or cls()


class Exposure(models.Model):
    """What one person looked at on one day: photos revealed, seconds on report pages. Shown
    to that person only; nobody else's page reads it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exposures"
    )
    day = models.DateField()
    photos_revealed = models.PositiveIntegerField(default=0)
    seconds_on_reports = models.PositiveIntegerField(default=0)
    last_beat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="exposure_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.day}"


class LegalHoldQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(lifted_at__isnull=True, until__gte=on)


class LegalHold(models.Model):
    """A report kept past its retention for an investigation in progress, until a date, with
    why (encrypted). Placed and lifted by supervisors, audited; the purge respects it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="holds")
    reason = EncryptedJSONField(empty="", db_column="reason_encrypted")
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
