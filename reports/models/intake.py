"""What a reporter sends besides the report: photos (encrypted files in the private
storage, never under MEDIA_ROOT), messages, and photos uploaded before the report is sent."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from encryption import crypto, sealing
from encryption.fields import EncryptedFileField, EncryptedJSONField, SealedJSONField
from reports.models.keys import ReportKey, SealedToReport, key_for, value_context
from reports.models.report import Report
from reports.storage import private_storage


def encrypted_path(instance, filename: str) -> str:
    # A random name: nothing of the original name or the report shows on disk.
    return f"photos/{secrets.token_hex(16)}.bin"


class ReportPhotoQuerySet(models.QuerySet):
    def shown(self):
        """Photos staff may look at, and that may leave in a dossier: not flagged as possible
        abuse material, not deleted."""
        return self.filter(abuse_flagged_at__isnull=True, file_deleted_at__isnull=True)


class ReportPhoto(SealedToReport, models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    # Encrypted bytes of the re-encoded image, in the private storage.
    file = EncryptedFileField(upload_to=encrypted_path, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=32)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    size = models.PositiveIntegerField()
    # Original name, and (only if the reporter asked) the photo's place and time: encrypted.
    details = SealedJSONField(empty={}, db_column="details_encrypted")
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

    # The reporter's own photos: sealed to them and the team.
    sealed_scopes = {"details": ReportKey.Scope.CHANNEL}

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"photo {self.pk}"

    def _file_seal(self) -> tuple[bytes, bytes]:
        report = self.report
        return key_for(report, ReportKey.Scope.CHANNEL), value_context(
            report.reference, "reports.reportphoto.file"
        )

    def seal_file(self, data: bytes) -> bytes:
        """The photo's bytes sealed to its report (the reporter's and the team's)."""
        key, context = self._file_seal()
        return sealing.seal_file(key, data, context=context)

    def read(self) -> bytes:
        """The photo's bytes, opened with the key of whoever is reading (or `Locked`); a
        photo kept from before sealing opens with the site's key."""
        with self.file.open("rb") as fh:
            data = fh.read()
        if sealing.is_sealed_file(data):
            key, context = self._file_seal()
            return sealing.open_file(key, data, context=context)
        return crypto.decrypt_bytes(data)

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


class Message(SealedToReport, models.Model):
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
    body = SealedJSONField(empty="", db_column="body_encrypted")
    created_at = models.DateTimeField(default=timezone.now)

    sealed_scopes = {"body": ReportKey.Scope.CHANNEL}

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
    # The details the reporter chose to keep (name, place, time), sealed under the browser's
    # form key (reports.intake.form_key) as the file is: `about` opens them.
    details = EncryptedJSONField(empty={}, db_column="details_encrypted")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PendingUploadQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"pending upload {self.pk}"

    @property
    def about(self) -> dict:
        """Its details, opened with this browser's form key ({} for another browser's)."""
        from reports.intake import form_key

        sealed = self.details
        if isinstance(sealed, dict):  # kept before photos were sealed to the browser
            return sealed
        try:
            return form_key.open_value(sealed, context=f"pending details|{self.token}")
        except form_key.sealing.Locked:
            return {}
