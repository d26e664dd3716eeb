"""Re-encrypt every report field and photo with the newest key of REPORT_ENCRYPTION_KEYS."""

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from jedisstop import crypto
from reports.models import Message, PendingUpload, Report, ReportPhoto


class Command(BaseCommand):
    help = "Re-encrypt report content, messages and photos with the newest encryption key."

    def handle(self, *args, **options):
        counts = {"reports": 0, "messages": 0, "photos": 0}
        for model, fields, label in [
            (Report, ["content_encrypted"], "reports"),
            (Message, ["body_encrypted"], "messages"),
            (ReportPhoto, ["details_encrypted"], "photos"),
            (PendingUpload, ["details_encrypted"], "photos"),
        ]:
            for obj in model.objects.only("pk", *fields).iterator(chunk_size=500):
                with transaction.atomic():
                    for field in fields:
                        value = getattr(obj, field)
                        if value:
                            setattr(obj, field, crypto.rotate(value.encode()).decode())
                    obj.save(update_fields=fields)
                    if model in (ReportPhoto, PendingUpload):
                        self._rotate_file(obj)
                counts[label] += 1
        self.stdout.write(
            "Re-encrypted {reports} reports, {messages} messages, {photos} photos.".format(**counts)
        )

    @staticmethod
    def _rotate_file(obj) -> None:
        obj = type(obj).objects.get(pk=obj.pk)
        with obj.file.open("rb") as fh:
            token = fh.read()
        rotated = crypto.rotate(token)
        storage = obj.file.storage
        name = obj.file.name
        storage.delete(name)
        storage.save(name, ContentFile(rotated))
